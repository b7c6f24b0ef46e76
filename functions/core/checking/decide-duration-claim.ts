/**
 * Verdicts for durations ("for more than two years now"): time elapsed from the event's date in
 * the reference facts up to the day the claim speaks of (its period when that names a day, else
 * the publication date), measured in the claim's calendar unit and held against the claim's
 * tolerance interval (tolerance.ts).
 *
 * A reference date at month or year precision spans all its days, so the elapsed time is a range
 * from its last day to its first. The verdict is conservative: supported only when the whole
 * range is inside the claim's interval, contradicted only when it is wholly outside.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import { type Assessment, computeDeviation, concludeTally, tallyAssessments } from './assessment.ts';
import { type DaySpan, elapsedInUnit, formatDay, normaliseTimeUnit, parseDaySpan } from './calendar.ts';
import { formatQuantity, joinPhrases } from './explain.ts';
import { describeEventFact, findEventFacts, noEventReferenceVerdict } from './find-event-facts.ts';
import { holdBackOnGuesses } from './hold-back-on-guesses.ts';
import { closedInterval, relateIntervals } from './interval.ts';
import { claimInterval } from './tolerance.ts';

function roundForReading(value: number): number {
  return Number(value.toFixed(2));
}

export function decideDurationClaim(
  claim: Claim,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict {
  const unit = normaliseTimeUnit(claim.unit);
  const interval = claimInterval(claim);
  const periodDay = parseDaySpan(claim.period?.value ?? '');
  const end = periodDay?.precision === 'day' ? periodDay : parseDaySpan(context.publishedAt);
  if (!unit || !interval || typeof claim.value !== 'number' || !end) {
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `'${claim.text}' is not a duration in years, months, weeks or days figcheck can measure.`,
      evidence: [],
    };
  }
  const endDay = end.first;
  const eventFacts = findEventFacts(claim, facts);
  if (eventFacts.length === 0) return noEventReferenceVerdict(claim);
  const elapsedTexts = new Map<Assessment, string>();
  const assessments: Assessment[] = eventFacts.map((fact) => {
    const span = parseDaySpan(fact.value as string) as DaySpan;
    const shortest = elapsedInUnit(span.last, endDay, unit);
    const longest = elapsedInUnit(span.first, endDay, unit);
    const relation = relateIntervals(closedInterval(shortest, longest), interval);
    const outcome =
      relation === 'inside' ? 'supports' : relation === 'disjoint' ? 'contradicts' : 'inconclusive';
    const assessment: Assessment = { fact, outcome, phrase: describeEventFact(fact) };
    const deviation = computeDeviation(claim.value as number, (shortest + longest) / 2);
    if (deviation) assessment.deviation = deviation;
    elapsedTexts.set(
      assessment,
      shortest === longest
        ? formatQuantity(roundForReading(shortest), unit)
        : `between ${formatQuantity(roundForReading(shortest), unit)} and ${formatQuantity(roundForReading(longest), unit)}`,
    );
    return assessment;
  });
  const tally = tallyAssessments(assessments);
  const byDay = formatDay(endDay);
  const elapsedOf = (list: Assessment[]) =>
    joinPhrases([...new Set(list.map((a) => elapsedTexts.get(a) ?? ''))]);
  return holdBackOnGuesses(
    claim,
    concludeTally(claim.id, claim.text, tally, {
      supported: `${elapsedOf(tally.supporting)} had passed by ${byDay}, so '${claim.text}' holds`,
      contradicted: `${elapsedOf(tally.contradicting)} had passed by ${byDay}, so '${claim.text}' does not hold`,
      open: (references) =>
        `The reference dates are too coarse: from ${references}, ${elapsedOf(tally.inconclusive)} had passed by ${byDay}, which neither confirms nor rules out '${claim.text}'.`,
    }),
  );
}
