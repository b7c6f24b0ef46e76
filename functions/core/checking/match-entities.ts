/**
 * Which reference facts are about what a claim is about: the same entities, and for directional
 * metrics the same direction.
 */
import type { Claim, ReferenceFact } from '../model.ts';

/**
 * Metrics whose facts list the source first (`RU|AZ` investment = Russian money in Azerbaijan).
 * For every other metric (trade_turnover ...) the first entity is only the side that stated the
 * figure, so either order describes the same thing.
 */
export const DIRECTIONAL_METRICS: ReadonlySet<string> = new Set([
  'investment_stock',
  'loan_amount',
  'remittances',
  'exports',
  'imports',
]);

/** True when the fact names every one of `ids`, in any order. */
export function mentionsAll(fact: ReferenceFact, ids: readonly string[]): boolean {
  return ids.every((id) => fact.entities.includes(id));
}

/** True when the fact is about the claim's entities, in the claim's direction where direction matters. */
export function matchesClaimEntities(fact: ReferenceFact, claim: Pick<Claim, 'entities'>): boolean {
  const ids = claim.entities.map((entity) => entity.id);
  if (!mentionsAll(fact, ids)) return false;
  if (!DIRECTIONAL_METRICS.has(fact.metric)) return true;
  // A claim without source/target roles ("investment between A and B") leaves direction open.
  const source = claim.entities.find((entity) => entity.role === 'source');
  const target = claim.entities.find((entity) => entity.role === 'target');
  if (source && fact.entities[0] !== source.id) return false;
  if (target && fact.entities[0] === target.id) return false;
  return true;
}

/** Keeps only the latest revision (by asOf) of each fact id: a revision supersedes what it revises. */
export function keepLatestRevisions(facts: readonly ReferenceFact[]): ReferenceFact[] {
  const latest = new Map<string, ReferenceFact>();
  for (const fact of facts) {
    const seen = latest.get(fact.id);
    if (!seen || fact.asOf > seen.asOf) latest.set(fact.id, fact);
  }
  return [...latest.values()];
}
