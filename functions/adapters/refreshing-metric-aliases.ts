/**
 * The metric aliases a warm container uses, read from the store at most once per TTL. The same
 * list object is handed out until the next refresh, so the extractor builds its extended
 * vocabulary once per refresh, not once per article.
 */
import type { MetricAlias } from '../core/model.ts';
import type { MetricAliasStore } from '../core/ports.ts';

export class RefreshingMetricAliases {
  private current: readonly MetricAlias[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<readonly MetricAlias[]> | undefined;

  constructor(
    private readonly store: MetricAliasStore,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<readonly MetricAlias[]> {
    if (this.now() - this.loadedAt < this.ttlMs) return Promise.resolve(this.current);
    // Concurrent requests of a cold container share one read.
    this.pending ??= this.store
      .listMetricAliases()
      .then((aliases) => {
        this.current = aliases;
        this.loadedAt = this.now();
        return this.current;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
