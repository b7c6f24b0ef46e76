/**
 * Verdicts for date claims ("signed in February 2022"), compared at the precision the claim
 * states: the claim covers every day of its year, month or day, and a reference date supports
 * it when all the days the reference covers fall inside.
 *
 * Qualifiers: "after" (more_than) starts the day after the claim's span, "before" (less_than)
 * ends the day before it, at_least/at_most include the span; approx ("around February 2022")
 * widens the span by its own length on each side, roughly one unit of the stated precision.
 * A reference coarser than the claim (1974 against "April 1974") cannot tell.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import { type Assessment, concludeTally, tallyAssessments } from './assessment.ts';
import { type DaySpan, parseDaySpan } from './calendar.ts';
import { joinPhrases } from './explain.ts';
import { describeEventFact } from './find-event-facts.ts';
import { closedInterval, type Interval, relateIntervals } from './interval.ts';
import { keepLatestRevisions, matchesClaimEntities } from './match-entities.ts';

function dateClaimInterval(claim: Claim, span: DaySpan): Interval {
  const length = span.last - span.first + 1;
  switch (claim.qualifier) {
    case 'approx':
      return closedInterval(span.first - length, span.last + length);
    case 'more_than':
      return { low: span.last, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case 'at_least':
      return { low: span.first, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case 'less_than':
      return { low: Number.NEGATIVE_INFINITY, high: span.first, lowOpen: true, highOpen: true };
    case 'at_most':
      return { low: Number.NEGATIVE_INFINITY, high: span.last, lowOpen: true, highOpen: false };
    case 'range': {
      const low = parseDaySpan(String(claim.low ?? '')) ?? span;
      const high = parseDaySpan(String(claim.high ?? '')) ?? span;
      return closedInterval(low.first, high.last);
    }
    default:
      return closedInterval(span.first, span.last);
  }
}

export function decideDateClaim(claim: Claim, facts: readonly ReferenceFact[]): Verdict {
  const span = parseDaySpan(String(claim.value));
  if (!span) {
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `'${claim.text}' is not a date figcheck can compare.`,
      evidence: [],
    };
  }
  const interval = dateClaimInterval(claim, span);
  const candidates = keepLatestRevisions(
    facts.filter(
      (fact) =>
        fact.metric === claim.metric &&
        typeof fact.value === 'string' &&
        parseDaySpan(fact.value) !== null &&
        matchesClaimEntities(fact, claim),
    ),
  );
  if (candidates.length === 0) {
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `No reference date for ${(claim.metric ?? '').replaceAll('_', ' ')} of ${joinPhrases(claim.entities.map((entity) => entity.id))}.`,
      evidence: [],
    };
  }
  const assessments: Assessment[] = candidates.map((fact) => {
    const factSpan = parseDaySpan(fact.value as string) as DaySpan;
    const relation = relateIntervals(closedInterval(factSpan.first, factSpan.last), interval);
    const outcome =
      relation === 'inside' ? 'supports' : relation === 'disjoint' ? 'contradicts' : 'inconclusive';
    return { fact, outcome, phrase: describeEventFact(fact) };
  });
  return concludeTally(claim.id, claim.text, tallyAssessments(assessments), {
    supported: `'${claim.text}' holds`,
    contradicted: `'${claim.text}' does not hold`,
    open: (references) =>
      `The references are less precise than the claim: ${references} neither confirms nor rules out '${claim.text}'.`,
  });
}
