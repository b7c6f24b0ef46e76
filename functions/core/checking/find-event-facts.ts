/**
 * The reference facts that date an event an anniversary or duration counts from. The article's
 * own statement of the date is not evidence; only reference facts are.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import { parseDaySpan } from './calendar.ts';
import { joinPhrases } from './explain.ts';
import { keepLatestRevisions } from './keep-latest-revisions.ts';
import { fitsEvent } from './match-frame.ts';

export interface EventReference {
  metric: string;
  entities: string[];
}

/** The event a claim counts from: its `event`, or failing that its own metric and entities. */
export function describeClaimEvent(claim: Pick<Claim, 'event' | 'metric' | 'entities'>): EventReference[] {
  const event = claim.event;
  if (event && event.metrics.length > 0 && event.entities.length > 0) {
    return event.metrics.map((metric) => ({ metric, entities: [...event.entities] }));
  }
  if (claim.metric && claim.entities.length > 0) {
    return [{ metric: claim.metric, entities: claim.entities.map((entity) => entity.id) }];
  }
  return [];
}

/** Dated facts of the first event metric (in order of preference) that has any. */
export function findEventFacts(
  claim: Pick<Claim, 'event' | 'metric' | 'entities'>,
  facts: readonly ReferenceFact[],
): ReferenceFact[] {
  for (const { metric, entities } of describeClaimEvent(claim)) {
    const found = keepLatestRevisions(
      facts.filter(
        (fact) =>
          fact.metric === metric &&
          fitsEvent(fact, entities) &&
          typeof fact.value === 'string' &&
          parseDaySpan(fact.value) !== null,
      ),
    );
    if (found.length > 0) return found;
  }
  return [];
}

/** "construction started 1974-07-08": an event fact as a reviewer reads it. */
export function describeEventFact(fact: ReferenceFact): string {
  return `${fact.metric.replaceAll('_', ' ')} ${String(fact.value)}`;
}

/** The verdict when no reference dates the event a claim counts from. */
export function noEventReferenceVerdict(claim: Pick<Claim, 'id' | 'event' | 'metric' | 'entities'>): Verdict {
  const events = describeClaimEvent(claim).map(
    (event) => `${event.metric.replaceAll('_', ' ')} of ${joinPhrases(event.entities)}`,
  );
  return {
    claimId: claim.id,
    verdict: 'unverifiable',
    explanation: `No reference date for ${events.join(' or ') || 'the event'}.`,
    evidence: [],
  };
}
