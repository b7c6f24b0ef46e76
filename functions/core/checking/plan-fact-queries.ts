/**
 * Which reference facts an article's claims need, as the queries for one round of look-ups:
 * each claim's metric and entities, the event's metrics and entities for anniversaries and
 * durations, and exchange rates for money claims so that figures in another currency can be
 * compared. Identical queries are asked once.
 */
import type { Claim } from '../model.ts';
import type { FactQuery } from '../ports.ts';
import { EXCHANGE_RATE_METRIC } from './convert-currency.ts';
import { countsFromEvent } from './decide-verdict.ts';
import { isCurrencyCode } from './explain.ts';
import { describeClaimEvent } from './find-event-facts.ts';

/** The queries one claim needs; empty when it names nothing figcheck recognises. */
export function planClaimQueries(claim: Claim): FactQuery[] {
  if (countsFromEvent(claim)) return describeClaimEvent(claim);
  if (!claim.metric || claim.entities.length === 0) return [];
  const queries: FactQuery[] = [
    { metric: claim.metric, entities: claim.entities.map((entity) => entity.id) },
  ];
  // Every rate involving the claim's currency: the facts' currencies are not known before the look-up.
  if (claim.kind !== 'date' && claim.unit && isCurrencyCode(claim.unit)) {
    queries.push({ metric: EXCHANGE_RATE_METRIC, entities: [claim.unit] });
  }
  return queries;
}

/** A key equal for queries that ask the same thing; entity order does not matter to the store. */
export function keyOfQuery(query: FactQuery): string {
  return `${query.metric}|${[...query.entities].sort().join('|')}`;
}

/** The distinct queries for every checkable claim, in first-needed order. */
export function planFactQueries(claims: readonly Claim[]): FactQuery[] {
  const planned = new Map<string, FactQuery>();
  for (const claim of claims) {
    if (!claim.checkable) continue;
    for (const query of planClaimQueries(claim)) {
      const key = keyOfQuery(query);
      if (!planned.has(key)) planned.set(key, query);
    }
  }
  return [...planned.values()];
}
