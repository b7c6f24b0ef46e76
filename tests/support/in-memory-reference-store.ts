/**
 * A ReferenceStore over an array of facts, for unit tests: answers each query with the facts of
 * its metric that mention all its entities (order ignored), and records every call it receives.
 */
import type { ReferenceFact } from '../../functions/core/model.ts';
import type { FactQuery, ReferenceStore } from '../../functions/core/ports.ts';

export class InMemoryReferenceStore implements ReferenceStore {
  /** The queries of each findFacts call, in call order. */
  readonly calls: FactQuery[][] = [];

  constructor(private readonly facts: readonly ReferenceFact[]) {}

  async findFacts(queries: readonly FactQuery[]): Promise<ReferenceFact[][]> {
    this.calls.push([...queries]);
    return queries.map((query) =>
      this.facts.filter(
        (fact) => fact.metric === query.metric && query.entities.every((id) => fact.entities.includes(id)),
      ),
    );
  }
}
