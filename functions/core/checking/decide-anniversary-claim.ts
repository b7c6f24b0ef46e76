/**
 * Verdicts for anniversaries ("the 50th anniversary of the Baikal-Amur Mainline"): the event's
 * year from reference facts plus N must equal the year the claim speaks of (its period, else the
 * publication year). Event facts that disagree on the day but agree on the year (BAM: 1974-04 and
 * 1974-07-08) lead to the same conclusion; only facts that lead to different conclusions make the
 * verdict ambiguous.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import {
  type Assessment,
  collectEvidence,
  computeDeviation,
  concludeTally,
  describeAssessments,
  tallyAssessments,
} from './assessment.ts';
import { type DaySpan, parseDaySpan, parsePeriodSpan, yearOfDay } from './calendar.ts';
import { referencePrefix } from './explain.ts';
import {
  describeClaimEvent,
  describeEventFact,
  findEventFacts,
  noEventReferenceVerdict,
} from './find-event-facts.ts';
import { holdBackOnGuesses } from './hold-back-on-guesses.ts';
import { keepLatestRevisions } from './keep-latest-revisions.ts';
import { fitsEvent, frameOfClaim } from './match-frame.ts';

/** The metric of facts that count an event's anniversaries. */
export const ANNIVERSARY = 'anniversary';

function formatOrdinal(n: number): string {
  const lastTwo = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  return `${n}${last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

/** A reference the anniversary's event year follows from, and how it reads in the explanation. */
interface CountedFrom {
  fact: ReferenceFact;
  eventYear: number;
  phrase: string;
}

/**
 * With no date of the event itself, facts that count its anniversaries ("the 15th anniversary of
 * the Organization of Turkic States on 3 October 2024") give the year it counts from.
 */
function countedAnniversaries(claim: Claim, facts: readonly ReferenceFact[]): CountedFrom[] {
  const entities = describeClaimEvent(claim)[0]?.entities ?? [];
  if (entities.length === 0) return [];
  return keepLatestRevisions(facts).flatMap((fact) => {
    const span = parsePeriodSpan(fact.period);
    if (fact.metric !== ANNIVERSARY || typeof fact.value !== 'number' || !span || !fitsEvent(fact, entities))
      return [];
    const year = yearOfDay(span.first);
    return [
      {
        fact,
        eventYear: year - fact.value,
        phrase: `the ${formatOrdinal(fact.value)} anniversary in ${year}`,
      },
    ];
  });
}

export function decideAnniversaryClaim(
  claim: Claim,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict {
  const count = Number(claim.value);
  const anchor = parsePeriodSpan(claim.period?.value ?? '') ?? parseDaySpan(context.publishedAt);
  if (!Number.isInteger(count) || !anchor) {
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `'${claim.text}' gives no whole number of years or no year to count to.`,
      evidence: [],
    };
  }
  const claimYear = yearOfDay(anchor.first);
  const dated: CountedFrom[] = findEventFacts(claim, facts).map((fact) => ({
    fact,
    eventYear: yearOfDay((parseDaySpan(fact.value as string) as DaySpan).first),
    phrase: describeEventFact(fact),
  }));
  const eventFacts = dated.length > 0 ? dated : countedAnniversaries(claim, facts);
  if (eventFacts.length === 0) return noEventReferenceVerdict(claim);
  const yearOfEvent = new Map(eventFacts.map((e) => [e.fact, e.eventYear]));
  const assessments: Assessment[] = eventFacts.map(({ fact, eventYear, phrase }) => {
    const assessment: Assessment = {
      fact,
      outcome: eventYear + count === claimYear ? 'supports' : 'contradicts',
      phrase,
    };
    const deviation = computeDeviation(count, claimYear - eventYear);
    if (deviation) assessment.deviation = deviation;
    return assessment;
  });
  const tally = tallyAssessments(assessments);
  const firstContradicting = tally.contradicting[0];
  const actualCount = firstContradicting ? claimYear - yearOfEvent.get(firstContradicting.fact)! : count;
  // With no year in the text the anniversary is read as this year's; one falling a year either
  // side is most likely being prepared for or looked back on, which the words do not rule out.
  const yearless = frameOfClaim(claim).period?.basis === 'inferred';
  if (
    yearless &&
    tally.supporting.length === 0 &&
    firstContradicting &&
    Math.abs(actualCount - count) === 1
  ) {
    const falls = claimYear - actualCount + count;
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `${referencePrefix(describeAssessments(tally.contradicting))}; the ${formatOrdinal(count)} anniversary falls in ${falls}, and the article, published in ${claimYear}, does not say which year it speaks of.`,
      evidence: collectEvidence(tally.contradicting),
    };
  }
  return holdBackOnGuesses(
    claim,
    concludeTally(claim.id, claim.text, tally, {
      supported: `${claimYear - count} + ${count} = ${claimYear}, so '${claim.text}' holds`,
      contradicted: `${claimYear} marks the ${formatOrdinal(actualCount)} anniversary, so '${claim.text}' does not hold`,
      open: () => `No reference settles '${claim.text}'.`,
    }),
  );
}
