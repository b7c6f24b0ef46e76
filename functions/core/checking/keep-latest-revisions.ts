/**
 * Reference facts can be revised: each revision is kept, and the latest (by as-of date) of each
 * fact id is the one that speaks.
 */
import type { ReferenceFact } from '../model.ts';

/** Keeps only the latest revision (by asOf) of each fact id: a revision supersedes what it revises. */
export function keepLatestRevisions(facts: readonly ReferenceFact[]): ReferenceFact[] {
  const latest = new Map<string, ReferenceFact>();
  for (const fact of facts) {
    const seen = latest.get(fact.id);
    if (!seen || fact.asOf > seen.asOf) latest.set(fact.id, fact);
  }
  return [...latest.values()];
}
