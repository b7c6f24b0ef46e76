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
import {
  type Assessment,
  collectEvidence,
  concludeTally,
  describeAssessments,
  tallyAssessments,
} from './assessment.ts';
import { type DaySpan, parseDaySpan } from './calendar.ts';
import { joinPhrases, referencePrefix } from './explain.ts';
import { describeEventFact } from './find-event-facts.ts';
import { holdBackOnGuesses } from './hold-back-on-guesses.ts';
import { closedInterval, type Interval, relateIntervals } from './interval.ts';
import { keepLatestRevisions } from './keep-latest-revisions.ts';
import { fitsEvent } from './match-frame.ts';

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

function things(ids: readonly string[]): string {
  const named = ids.filter((id) => !/^[A-Z]{2}$/.test(id));
  return (named.length > 0 ? named : ids).join(', ').replaceAll('_', ' ');
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
  const ids = claim.entities.map((entity) => entity.id);
  const dated = keepLatestRevisions(
    facts.filter(
      (fact) =>
        fact.metric === claim.metric && typeof fact.value === 'string' && parseDaySpan(fact.value) !== null,
    ),
  );
  const assess = (fact: ReferenceFact): Assessment => {
    const factSpan = parseDaySpan(fact.value as string) as DaySpan;
    const relation = relateIntervals(closedInterval(factSpan.first, factSpan.last), interval);
    const outcome =
      relation === 'inside' ? 'supports' : relation === 'disjoint' ? 'contradicts' : 'inconclusive';
    return { fact, outcome, phrase: describeEventFact(fact) };
  };
  const candidates = dated.filter((fact) => fitsEvent(fact, ids));
  if (candidates.length === 0) {
    // "the Treaty on Good-Neighbourliness, signed in May 1994" is not the Joint Declaration of 2004.
    const countries = ids.filter((id) => /^[A-Z]{2}$/.test(id));
    const others = dated.filter(
      (fact) => countries.length > 0 && countries.every((id) => fact.entities.includes(id)),
    );
    const things = ids.filter((id) => !/^[A-Z]{2}$/.test(id));
    // "a ceasefire statement signed by Aliyev, Pashinyan and Putin on 10 November 2020": a date
    // of the same countries' documents, unnamed, may be any one of them, so only a match speaks.
    if (things.length === 0 && countries.length > 0) {
      const same = others.filter(
        (fact) => fact.entities.filter((id) => /^[A-Z]{2}$/.test(id)).length === countries.length,
      );
      const assessments = same.map(assess).filter((a) => a.outcome === 'supports');
      if (assessments.length > 0) {
        return {
          claimId: claim.id,
          verdict: 'supported',
          explanation: `${referencePrefix(describeAssessments(assessments))}; '${claim.text}' holds for that event of ${joinPhrases(countries)} (the text does not name which).`,
          evidence: collectEvidence(assessments),
        };
      }
    }
    // "The Baku-Tbilisi-Kars railway, whose Georgian section ..., was inaugurated on 30 October
    // 2017": the thing's event, with fewer of its countries named than the reference gives. The
    // claim may mean a part's event, so again only a match speaks.
    if (things.length > 0) {
      const ofThing = dated.filter(
        (fact) =>
          things.every((id) => fact.entities.includes(id)) &&
          countries.every((id) => fact.entities.includes(id)),
      );
      const assessments = ofThing.map(assess).filter((a) => a.outcome === 'supports');
      if (assessments.length > 0) {
        return {
          claimId: claim.id,
          verdict: 'supported',
          explanation: `${referencePrefix(describeAssessments(assessments))}; '${claim.text}' holds for that event of ${things.join(', ').replaceAll('_', ' ')}.`,
          evidence: collectEvidence(assessments),
        };
      }
    }
    const about = things.length > 0 ? things.join(', ').replaceAll('_', ' ') : joinPhrases(ids);
    const nearest =
      others.length > 0
        ? ` The reference dates other events of ${joinPhrases(countries)}: ${joinPhrases(others.slice(0, 3).map(describeEventFact))}; the claim is about ${about}.`
        : '';
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `No reference date for ${(claim.metric ?? '').replaceAll('_', ' ')} of ${about}.${nearest}`,
      evidence: [],
    };
  }
  const assessments = candidates.map(assess);
  const tally = tallyAssessments(assessments);
  // Facts that name more than the claim ("heydar_aliyev|president_az", "heydar_aliyev|
  // first_deputy_premier_ussr") date different events of the claim's thing: the claim may be
  // about any one of them, so only a match speaks.
  const details = new Set(
    candidates.map((fact) =>
      fact.entities
        .filter((id) => !ids.includes(id))
        .sort()
        .join('|'),
    ),
  );
  if (details.size > 1 && tally.contradicting.length > 0) {
    if (tally.supporting.length > 0) {
      return {
        claimId: claim.id,
        verdict: 'supported',
        explanation: `${referencePrefix(describeAssessments(tally.supporting))}; '${claim.text}' holds for that event (the references also date ${joinPhrases(describeAssessments(tally.contradicting))}).`,
        evidence: collectEvidence(tally.supporting),
      };
    }
    return {
      claimId: claim.id,
      verdict: 'unverifiable',
      explanation: `The references date several events of ${things(ids)}: ${joinPhrases(describeAssessments(tally.contradicting))}; the claim does not say which it is about.`,
      evidence: collectEvidence(tally.contradicting),
    };
  }
  return holdBackOnGuesses(
    claim,
    concludeTally(claim.id, claim.text, tally, {
      supported: `'${claim.text}' holds`,
      contradicted: `'${claim.text}' does not hold`,
      open: (references) =>
        `The references are less precise than the claim: ${references} neither confirms nor rules out '${claim.text}'.`,
    }),
  );
}
