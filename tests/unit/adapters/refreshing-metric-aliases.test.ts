import { describe, expect, it } from 'vitest';
import { RefreshingMetricAliases } from '../../../functions/adapters/refreshing-metric-aliases.ts';
import type { MetricAlias } from '../../../functions/core/model.ts';

class CountingStore {
  calls = 0;
  aliases: MetricAlias[] = [{ metric: 'trade_turnover', alias: 'commerce between' }];
  async listMetricAliases() {
    this.calls++;
    return [...this.aliases];
  }
}

describe('RefreshingMetricAliases', () => {
  it('reads the store once per TTL and hands out the same list object in between', async () => {
    let now = 0;
    const store = new CountingStore();
    const aliases = new RefreshingMetricAliases(store, 1000, () => now);
    const [a, b] = await Promise.all([aliases.get(), aliases.get()]);
    expect(store.calls).toBe(1);
    expect(a).toBe(b);
    now = 999;
    expect(await aliases.get()).toBe(a);
    store.aliases.push({ metric: 'exports', alias: 'sales abroad' });
    now = 1000;
    const refreshed = await aliases.get();
    expect(store.calls).toBe(2);
    expect(refreshed).toHaveLength(2);
    expect(refreshed).not.toBe(a);
  });
});
