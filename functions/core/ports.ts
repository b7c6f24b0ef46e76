/**
 * Ports: what the domain needs from the outside world, named for their role in the domain.
 * Adapters in functions/adapters implement them; tests use in-memory fakes.
 */
import type { MetricAlias, ReferenceFact } from './model.ts';

/** One question for the reference table: facts of this metric about (at least) these entities. */
export interface FactQuery {
  metric: string;
  /** Entity ids the fact must mention; order is irrelevant here, direction is judged in core. */
  entities: string[];
}

export interface ReferenceStore {
  /**
   * Answers every query of an article in one round of requests (in parallel or batched),
   * returning one list per query, in query order. Facts include every stored revision.
   */
  findFacts(queries: readonly FactQuery[]): Promise<ReferenceFact[][]>;
}

/** Metric aliases kept as data beside the facts, added to the extractor's own vocabulary. */
export interface MetricAliasStore {
  listMetricAliases(): Promise<MetricAlias[]>;
}
