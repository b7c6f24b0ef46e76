import { describe, expect, it } from 'vitest';
import { CachingReferenceStore } from '../../../functions/adapters/caching-reference-store.ts';
import type { ReferenceFact } from '../../../functions/core/model.ts';
import type { FactQuery, ReferenceStore } from '../../../functions/core/ports.ts';

function fact(id: string, metric: string, entities: string[]): ReferenceFact {
  return {
    id,
    metric,
    entities,
    period: '2023',
    value: 1,
    unit: 'USD',
    qualifier: 'exact',
    asOf: '2024-01-01',
    sourceName: 'Example',
    sourceUrl: 'https://example.org',
    notes: '',
  };
}

class RecordingStore implements ReferenceStore {
  readonly calls: FactQuery[][] = [];
  constructor(private readonly facts: ReferenceFact[]) {}
  async findFacts(queries: readonly FactQuery[]) {
    this.calls.push([...queries]);
    return queries.map((q) =>
      this.facts.filter((f) => f.metric === q.metric && q.entities.every((e) => f.entities.includes(e))),
    );
  }
}

const FACTS = [
  fact('F1', 'trade_turnover', ['RU', 'AZ']),
  fact('F2', 'gdp', ['AZ']),
  fact('F3', 'exports', ['AZ']),
];
const TRADE = { metric: 'trade_turnover', entities: ['AZ', 'RU'] };
const GDP = { metric: 'gdp', entities: ['AZ'] };
const EXPORTS = { metric: 'exports', entities: ['AZ'] };

describe('CachingReferenceStore', () => {
  it('answers a repeated article from the cache without a call to the store', async () => {
    const inner = new RecordingStore(FACTS);
    const store = new CachingReferenceStore(inner, { ttlMs: 60_000, maxEntries: 100 });
    const first = await store.findFacts([TRADE, GDP]);
    const second = await store.findFacts([GDP, { metric: 'trade_turnover', entities: ['RU', 'AZ'] }]);
    expect(inner.calls).toHaveLength(1);
    expect(first.map((r) => r.map((f) => f.id))).toEqual([['F1'], ['F2']]);
    expect(second.map((r) => r.map((f) => f.id))).toEqual([['F2'], ['F1']]);
  });

  it('fetches only the missing queries, together in one call, and keeps the caller order', async () => {
    const inner = new RecordingStore(FACTS);
    const store = new CachingReferenceStore(inner, { ttlMs: 60_000, maxEntries: 100 });
    await store.findFacts([GDP]);
    const answers = await store.findFacts([TRADE, GDP, EXPORTS]);
    expect(inner.calls).toEqual([[GDP], [TRADE, EXPORTS]]);
    expect(answers.map((r) => r.map((f) => f.id))).toEqual([['F1'], ['F2'], ['F3']]);
  });

  it('asks the store again once an answer is older than the TTL', async () => {
    let now = 1_000;
    const inner = new RecordingStore(FACTS);
    const store = new CachingReferenceStore(inner, { ttlMs: 500, maxEntries: 100, now: () => now });
    await store.findFacts([GDP]);
    now += 499;
    await store.findFacts([GDP]);
    expect(inner.calls).toHaveLength(1);
    now += 1;
    await store.findFacts([GDP]);
    expect(inner.calls).toHaveLength(2);
  });

  it('keeps at most maxEntries answers, evicting the least recently used', async () => {
    const inner = new RecordingStore(FACTS);
    const store = new CachingReferenceStore(inner, { ttlMs: 60_000, maxEntries: 2 });
    await store.findFacts([TRADE, GDP]);
    await store.findFacts([TRADE]); // TRADE is now the most recently used
    await store.findFacts([EXPORTS]); // evicts GDP
    expect(store.size).toBe(2);
    await store.findFacts([TRADE]);
    expect(inner.calls).toHaveLength(2);
    await store.findFacts([GDP]);
    expect(inner.calls).toHaveLength(3);
  });
});
