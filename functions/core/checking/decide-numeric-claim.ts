/**
 * Verdicts for numeric claims (money, counts, percentages, quantities): compares the claim's
 * tolerance interval with each reference's own interval, period by period.
 *
 * One fact's say, with C the claim's interval and R the reference's (see tolerance.ts):
 * - R inside C: supports.
 * - R and C apart: contradicts.
 * - R and C overlap only partly: a rounded reference (R bounded) supports when its stated value
 *   lies in C, since the reference's own rounding cannot tell the two apart; otherwise, and
 *   always for a one-sided reference ("more than $4 billion" against "six billion"), it cannot tell.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import {
  type Assessment,
  collectEvidence,
  combineTally,
  computeDeviation,
  concludeTally,
  describeAssessments,
  tallyAssessments,
} from './assessment.ts';
import { type Conversion, EXCHANGE_RATE_METRIC, findConversion } from './convert-currency.ts';
import {
  describePeriod,
  formatPercentChange,
  formatQuantity,
  formatSignedQuantity,
  isCurrencyCode,
  joinPhrases,
  referencePrefix,
  referenceQualifierWords,
} from './explain.ts';
import { type Interval, isBounded, pointInterval, relateIntervals, scaleInterval } from './interval.ts';
import { keepLatestRevisions, matchesClaimEntities } from './match-entities.ts';
import { STOCK_METRICS, selectPeriod } from './select-period.ts';
import { claimInterval, referenceInterval } from './tolerance.ts';

interface Comparable {
  fact: ReferenceFact;
  /** The reference value in the claim's unit. */
  value: number;
  interval: Interval;
  conversion?: Conversion;
}

/** "count" for counts written without a unit; otherwise the unit in singular lower case (currencies as is). */
function unitKey(unit: string | null): string {
  if (!unit || unit === 'count') return 'count';
  if (isCurrencyCode(unit)) return unit;
  return unit.toLowerCase().replace(/s$/, '');
}

export function judgeInterval(
  reference: Interval,
  statedValue: number,
  claim: Interval,
): Assessment['outcome'] {
  const relation = relateIntervals(reference, claim);
  if (relation === 'inside') return 'supports';
  if (relation === 'disjoint') return 'contradicts';
  const statedInside = relateIntervals(pointInterval(statedValue), claim) === 'inside';
  return isBounded(reference) && statedInside ? 'supports' : 'inconclusive';
}

/** "$4.4 billion in 2023", "300 billion RUB ($4.35 billion at 0.0145 USD per RUB) in 2022"; `period` false leaves the period out. */
function describeComparable(
  item: Comparable,
  claimUnit: string | null,
  stock: boolean,
  period = true,
): string {
  const { fact, conversion } = item;
  const words = referenceQualifierWords(fact.qualifier);
  const original = `${words}${formatQuantity(fact.value as number, fact.unit)}`;
  const converted = conversion
    ? ` (${formatQuantity(item.value, claimUnit)} at ${conversion.rate.value} ${conversion.rate.entities[1]} per ${conversion.rate.entities[0]})`
    : '';
  return period
    ? `${original}${converted} ${describePeriod(fact.period, stock)}`.trim()
    : `${original}${converted}`;
}

function unverifiable(claim: Claim, explanation: string, evidence: Verdict['evidence'] = []): Verdict {
  return { claimId: claim.id, verdict: 'unverifiable', explanation, evidence };
}

export function decideNumericClaim(
  claim: Claim,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict {
  const interval = claimInterval(claim);
  if (interval === null || typeof claim.value !== 'number') {
    return unverifiable(claim, `'${claim.text}' carries no number figcheck can compare.`);
  }
  const claimValue = claim.value;
  const metric = claim.metric ?? '';
  const stock = STOCK_METRICS.has(metric);
  const entityNames = joinPhrases(claim.entities.map((entity) => entity.id));
  const candidates = keepLatestRevisions(
    facts.filter(
      (fact) =>
        fact.metric === metric &&
        fact.metric !== EXCHANGE_RATE_METRIC &&
        typeof fact.value === 'number' &&
        matchesClaimEntities(fact, claim),
    ),
  );
  if (candidates.length === 0) {
    return unverifiable(claim, `No reference fact for ${metric.replaceAll('_', ' ')} of ${entityNames}.`);
  }

  const comparables: Comparable[] = [];
  const otherCurrency: ReferenceFact[] = [];
  const otherUnit: ReferenceFact[] = [];
  for (const fact of candidates) {
    const value = fact.value as number;
    const own = referenceInterval(value, fact.qualifier);
    if (unitKey(fact.unit) === unitKey(claim.unit)) {
      comparables.push({ fact, value, interval: own });
    } else if (claim.unit && isCurrencyCode(fact.unit) && isCurrencyCode(claim.unit)) {
      const conversion = findConversion(fact.unit, claim.unit, fact.period, facts);
      if (conversion) {
        comparables.push({
          fact,
          value: value * conversion.factor,
          interval: scaleInterval(own, conversion.factor),
          conversion,
        });
      } else otherCurrency.push(fact);
    } else otherUnit.push(fact);
  }
  if (comparables.length === 0) {
    const mismatched = otherCurrency.length > 0 ? otherCurrency : otherUnit;
    const units = joinPhrases([...new Set(mismatched.map((fact) => fact.unit))]);
    const reason =
      otherCurrency.length > 0
        ? `Currency mismatch: the references are in ${units} and the claim in ${claim.unit}, with no exchange rate on file for their periods.`
        : `Unit mismatch: the references are in ${units} and the claim in ${claim.unit ?? 'plain numbers'}.`;
    return unverifiable(
      claim,
      reason,
      collectEvidence(mismatched.map((fact) => ({ fact, outcome: 'inconclusive', phrase: '' }))),
    );
  }

  const assess = (item: Comparable): Assessment => {
    const assessment: Assessment = {
      fact: item.fact,
      outcome: judgeInterval(item.interval, item.value, interval),
      phrase: describeComparable(item, claim.unit, stock),
    };
    const deviation = computeDeviation(claimValue, item.value);
    if (deviation) assessment.deviation = deviation;
    if (item.conversion) assessment.supportingFacts = [item.conversion.rate];
    return assessment;
  };

  const selection = selectPeriod(comparables, claim, context.publishedAt);
  if (selection.current.length === 0) {
    // Name the latest older figure, so the reviewer sees what the table does have.
    const latest = selection.older[0] ?? [];
    const first = latest[0];
    const latestFigures = latest.map((item) => ({
      fact: item.fact,
      outcome: 'inconclusive' as const,
      phrase: describeComparable(item, claim.unit, stock, false),
    }));
    const tail = first
      ? `; the latest is ${first.fact.period}: ${joinPhrases(describeAssessments(latestFigures))}`
      : '';
    return unverifiable(claim, `No reference for ${selection.label}${tail}.`, collectEvidence(latestFigures));
  }

  const assessments = selection.current.map(assess);
  const tally = tallyAssessments(assessments);
  if (combineTally(tally) === 'contradicted') {
    for (const group of selection.older) {
      const older = tallyAssessments(group.map(assess));
      if (combineTally(older) === 'supported') {
        return {
          claimId: claim.id,
          verdict: 'outdated',
          explanation: `${referencePrefix(describeAssessments(tally.contradicting))}; '${claim.text}' matches only the older ${joinPhrases(describeAssessments(older.supporting))}.`,
          evidence: collectEvidence([...tally.contradicting, ...older.supporting]),
        };
      }
    }
  }
  const deviation = tally.contradicting[0]?.deviation;
  const off = deviation
    ? ` (claim minus reference: ${formatSignedQuantity(deviation.absolute, claim.unit)}, ${formatPercentChange(deviation.relative)})`
    : '';
  return concludeTally(claim.id, claim.text, tally, {
    supported: `'${claim.text}' holds`,
    contradicted: `'${claim.text}' does not hold${off}`,
    open: (references) =>
      `The references only bound the value: ${references}, which neither confirms nor rules out '${claim.text}'.`,
  });
}
