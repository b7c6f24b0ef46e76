/**
 * Which reference facts an article's claims need, as the queries for one round of look-ups:
 * each claim's metric and entities, the event's metrics and entities for anniversaries and
 * durations, and exchange rates for money claims so that figures in another currency can be
 * compared; the other side of a flow (exports for imports), and a dated document's countries, so
 * that the nearest reference can be named. Identical queries are asked once.
 */
import type { Claim } from '../model.ts';
import type { FactQuery } from '../ports.ts';
import { EXCHANGE_RATE_METRIC } from './convert-currency.ts';
import { ANNIVERSARY } from './decide-anniversary-claim.ts';
import { countsFromEvent } from './decide-verdict.ts';
import { isCurrencyCode } from './explain.ts';
import { describeClaimEvent } from './find-event-facts.ts';
import { mirrorMetric, otherNameOf } from './match-frame.ts';

/** The queries one claim needs; empty when it names nothing figcheck recognises. */
/**
 * What a fact about an event must mention to be fetched: the named things alone when there are
 * any (a birth date names the person, not the country; a ratification one party), else the countries.
 */
function eventQueryEntities(ids: readonly string[]): string[] {
  const things = ids.filter((id) => !/^[A-Z]{2}$/.test(id));
  return things.length > 0 ? things : [...ids];
}

export function planClaimQueries(claim: Claim): FactQuery[] {
  if (countsFromEvent(claim)) {
    const events = describeClaimEvent(claim);
    const queries = events.map((event) => ({
      metric: event.metric,
      entities: eventQueryEntities(event.entities),
    }));
    // An anniversary may also be read from a count of the same event's anniversaries.
    if (claim.kind === 'anniversary' && events[0])
      queries.push({ metric: ANNIVERSARY, entities: eventQueryEntities(events[0].entities) });
    return queries;
  }
  if (!claim.metric || claim.entities.length === 0) return [];
  const ids = claim.entities.map((entity) => entity.id);
  const queries: FactQuery[] = [
    { metric: claim.metric, entities: claim.kind === 'date' ? eventQueryEntities(ids) : ids },
  ];
  // "Azerbaijan's imports from Italy" can be read from Italy's exports to Azerbaijan.
  const bothEnds =
    claim.entities.some((e) => e.role === 'source') && claim.entities.some((e) => e.role === 'target');
  const mirror = bothEnds ? mirrorMetric(claim.metric) : undefined;
  if (mirror) queries.push({ metric: mirror, entities: ids });
  // "is estimated to cost": the same quantity under the project's name.
  const otherName = otherNameOf(claim.metric);
  if (otherName) queries.push({ metric: otherName, entities: ids });
  // A date of a named document: the same countries' other documents are what a reviewer asks about.
  const countries = ids.filter((id) => /^[A-Z]{2}$/.test(id));
  if (claim.kind === 'date' && countries.length > 0 && countries.length < ids.length) {
    queries.push({ metric: claim.metric, entities: countries });
  }
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
