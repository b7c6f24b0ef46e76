/**
 * Checks an article's claims against the reference store: plans every query, asks the store once
 * for all of them (one round of requests per article, whatever the number of claims), then
 * decides each checkable claim's verdict from the facts its own queries returned.
 */
import type { CheckedClaim, CheckResult, Claim, ReferenceFact, VerdictLabel } from '../model.ts';
import type { ReferenceStore } from '../ports.ts';
import { decideVerdict } from './decide-verdict.ts';
import { keyOfQuery, planClaimQueries, planFactQueries } from './plan-fact-queries.ts';

/** The store answered with a different number of lists than it was asked queries. */
export class ReferenceStoreAnswerError extends Error {
  override name = 'ReferenceStoreAnswerError';
}

function emptySummary(): Record<VerdictLabel, number> {
  return { supported: 0, contradicted: 0, outdated: 0, unverifiable: 0, ambiguous: 0 };
}

function distinctFacts(facts: readonly ReferenceFact[]): ReferenceFact[] {
  const byRevision = new Map<string, ReferenceFact>();
  for (const fact of facts) byRevision.set(`${fact.id}@${fact.asOf}`, fact);
  return [...byRevision.values()];
}

export async function checkClaims(
  claims: readonly Claim[],
  context: { publishedAt: string },
  store: ReferenceStore,
): Promise<CheckResult> {
  const checkable = claims.filter((claim) => claim.checkable);
  const queries = planFactQueries(checkable);
  // An article with nothing to look up costs no request at all.
  const answers = queries.length > 0 ? await store.findFacts(queries) : [];
  if (answers.length !== queries.length) {
    throw new ReferenceStoreAnswerError(`asked ${queries.length} queries, got ${answers.length} answers`);
  }
  const answerByKey = new Map(queries.map((query, index) => [keyOfQuery(query), answers[index] ?? []]));

  const summary = emptySummary();
  const checked: CheckedClaim[] = checkable.map((claim) => {
    const facts = distinctFacts(
      planClaimQueries(claim).flatMap((query) => answerByKey.get(keyOfQuery(query)) ?? []),
    );
    const verdict = decideVerdict(claim, facts, context);
    summary[verdict.verdict] += 1;
    return { ...claim, verdict };
  });
  return { publishedAt: context.publishedAt, claims: checked, summary };
}
