/**
 * Verdicts for numeric claims (money, counts, percentages, quantities). A reference applies only
 * when it states the claim's quantity: the same metric and measure, the same entities in the same
 * direction, the same period at the same granularity (match-frame.ts, select-period.ts). With
 * none, the verdict is unverifiable and names the nearest reference and why it does not apply.
 *
 * One applicable fact's say, with C the claim's interval and R the reference's (see tolerance.ts):
 * - R inside C: supports.
 * - R and C apart: contradicts.
 * - R and C overlap only partly: a rounded reference (R bounded) supports when its stated value
 *   lies in C, since the reference's own rounding cannot tell the two apart; otherwise, and
 *   always for a one-sided reference ("more than $4 billion" against "six billion"), it cannot tell.
 *
 * Then the verdict policy: for bilateral figures each side's statistics speak for themselves
 * (a claim that agrees with one side is supported, and the other side's figure is named); and no
 * claim is contradicted, outdated or ambiguous on a frame part figcheck had to guess.
 */
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import {
  type Assessment,
  collectEvidence,
  combineTally,
  computeDeviation,
  concludeTally,
  describeAssessments,
  type Tally,
  tallyAssessments,
} from './assessment.ts';
import { type Conversion, EXCHANGE_RATE_METRIC, findConversion } from './convert-currency.ts';
import {
  citeSources,
  describeMeasure,
  describePeriod,
  describePeriodPhrase,
  formatPercentChange,
  formatQuantity,
  formatSignedQuantity,
  isCurrencyCode,
  joinPhrases,
  referencePrefix,
  referenceQualifierWords,
} from './explain.ts';
import { ACCUSING, holdBackOnGuesses } from './hold-back-on-guesses.ts';
import { type Interval, isBounded, pointInterval, relateIntervals, scaleInterval } from './interval.ts';
import { keepLatestRevisions } from './keep-latest-revisions.ts';
import {
  DIRECTIONAL_METRICS,
  fitEntities,
  frameOfClaim,
  measureOfFact,
  mirrorMetric,
  otherNameOf,
  sameMeasure,
} from './match-frame.ts';
import { STOCK_METRICS, selectPeriod } from './select-period.ts';
import { claimInterval, referenceInterval } from './tolerance.ts';

/** Words that make a quantity yearly. */
const PER_YEAR = /\b(?:a|per|each|every) year\b|\bannual(?:ly)?\b|\byearly\b/i;

interface Comparable {
  fact: ReferenceFact;
  /** The reference value in the claim's unit. */
  value: number;
  interval: Interval;
  conversion?: Conversion;
  /** Read from the other side of the flow (imports of A from B as exports of B to A). */
  mirrored: boolean;
}

/** "count" for counts written without a unit or with a counted noun; otherwise the unit in singular lower case. */
function unitKey(unit: string | null, kind?: Claim['kind']): string {
  if (!unit || unit === 'count' || kind === 'count') return 'count';
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
  // A fact under another name for the quantity says which: "€1.6 billion (project cost)".
  const side = item.mirrored
    ? ` (${fact.metric.replaceAll('_', ' ')} of ${fact.entities[0]} to ${fact.entities[1]})`
    : otherNameOf(fact.metric) !== undefined
      ? ` (${fact.metric.replaceAll('_', ' ')})`
      : '';
  return period
    ? `${original}${converted}${side} ${describePeriod(fact.period, stock)}`.trim()
    : `${original}${converted}${side}`;
}

function unverifiable(claim: Claim, explanation: string, evidence: Verdict['evidence'] = []): Verdict {
  return { claimId: claim.id, verdict: 'unverifiable', explanation, evidence };
}

/** "$4.4 billion in 2023 (News.Az, 2024-02-12)": one fact as the nearest reference. */
function describeFact(fact: ReferenceFact, stock: boolean): string {
  const value =
    typeof fact.value === 'number'
      ? `${referenceQualifierWords(fact.qualifier)}${formatQuantity(fact.value, fact.unit)}`
      : String(fact.value);
  return `${value} ${describePeriod(fact.period, stock)} (${citeSources([fact])})`.replace('  ', ' ');
}

/** The side whose officials or statistics stated a bilateral figure: the first entity (data/README.md). */
function sideOf(fact: ReferenceFact): string {
  return fact.entities[0] ?? '';
}

/**
 * For a bilateral figure, one side's statistics agreeing is support, even when the other side's
 * differ (Russian and Azerbaijani trade figures do). Ambiguous only when one side disagrees with
 * itself.
 */
function settleSides(claim: Claim, tally: Tally): Verdict | null {
  if (tally.supporting.length === 0 || tally.contradicting.length === 0) return null;
  if (DIRECTIONAL_METRICS.has(claim.metric ?? '')) return null;
  const agreeing = new Set(tally.supporting.map((a) => sideOf(a.fact)));
  if (tally.contradicting.some((a) => agreeing.has(sideOf(a.fact)))) return null;
  const sides = (list: Assessment[]) => joinPhrases([...new Set(list.map((a) => sideOf(a.fact)))]);
  return {
    claimId: claim.id,
    verdict: 'supported',
    explanation: `${referencePrefix(describeAssessments(tally.supporting))}, as stated by the ${sides(tally.supporting)} side; '${claim.text}' holds. The ${sides(tally.contradicting)} side gives ${joinPhrases(describeAssessments(tally.contradicting))}.`,
    evidence: collectEvidence([...tally.supporting, ...tally.contradicting]),
  };
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
  const verdict = decideOnFrame(claim, interval, claim.value, facts, context);
  const decided = unsignedChange(claim, interval, verdict, facts, context) ?? verdict;
  return holdBackOnGuesses(claim, underOtherName(claim, decided, facts));
}

/** A flag that rests only on facts under another name for the claim's metric is not raised. */
function underOtherName(claim: Claim, verdict: Verdict, facts: readonly ReferenceFact[]): Verdict {
  const otherName = otherNameOf(claim.metric ?? '');
  if (!otherName || !ACCUSING.has(verdict.verdict) || verdict.evidence.length === 0) return verdict;
  const metricOf = new Map(facts.map((fact) => [fact.id, fact.metric]));
  if (!verdict.evidence.every((e) => metricOf.get(e.factId) === otherName)) return verdict;
  return {
    ...verdict,
    verdict: 'unverifiable',
    explanation: `${verdict.explanation} But the reference gives the ${otherName.replaceAll('_', ' ')}, and the claim the ${(claim.metric ?? '').replaceAll('_', ' ')}, which need not be the same amount.`,
  };
}

/**
 * "a change of $1.5 billion": a change or growth whose words give no direction states its size
 * only. When that size matches a reference of the other sign, the figure is not contradicted:
 * the text does not say which way it went.
 */
function unsignedChange(
  claim: Claim,
  interval: Interval,
  verdict: Verdict,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict | null {
  const frame = frameOfClaim(claim);
  const changes = frame.measure === 'change' || frame.measure === 'growth';
  if (!changes || frame.direction || verdict.verdict !== 'contradicted' || typeof claim.value !== 'number')
    return null;
  const flipped = {
    low: -interval.high,
    high: -interval.low,
    lowOpen: interval.highOpen,
    highOpen: interval.lowOpen,
  };
  const other = decideOnFrame(claim, flipped, -claim.value, facts, context);
  if (other.verdict !== 'supported') return null;
  return {
    ...other,
    verdict: 'unverifiable',
    explanation: `${other.explanation.replace(/ '[^']*' holds\.$/, '').replace(/;$/, '')}; '${claim.text}' gives the size of the change, and the text does not say whether it was a rise or a fall.`,
  };
}

function decideOnFrame(
  claim: Claim,
  interval: Interval,
  claimValue: number,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict {
  const frame = frameOfClaim(claim);
  const metric = claim.metric ?? '';
  const stock = STOCK_METRICS.has(metric);
  const entityNames = joinPhrases(claim.entities.map((entity) => entity.id));
  const bothEnds =
    claim.entities.some((e) => e.role === 'source') && claim.entities.some((e) => e.role === 'target');
  const mirror = bothEnds ? mirrorMetric(metric) : undefined;
  const otherName = otherNameOf(metric);
  const related = keepLatestRevisions(
    facts.filter(
      (fact) =>
        (fact.metric === metric ||
          (mirror !== undefined && fact.metric === mirror) ||
          (otherName !== undefined && fact.metric === otherName)) &&
        fact.metric !== EXCHANGE_RATE_METRIC &&
        typeof fact.value === 'number',
    ),
  );
  if (related.length === 0) {
    return unverifiable(claim, `No reference fact for ${metric.replaceAll('_', ' ')} of ${entityNames}.`);
  }

  // Metric, measure and entities first; the period comes after units are made comparable.
  const fitting: { fact: ReferenceFact; mirrored: boolean }[] = [];
  const rejected: { fact: ReferenceFact; reason: string }[] = [];
  for (const fact of related) {
    const measure = measureOfFact(fact);
    if (!sameMeasure(measure, frame.measure)) {
      rejected.push({
        fact,
        reason: `it is ${describeMeasure(measure)}, and '${claim.text}' is ${describeMeasure(frame.measure)}`,
      });
      continue;
    }
    const fit = fitEntities(fact, claim);
    if (fit.applies) fitting.push({ fact, mirrored: fit.mirrored });
    else rejected.push({ fact, reason: fit.reason });
  }
  if (fitting.length === 0) {
    const nearest = nearestRejected(rejected, claim);
    return unverifiable(
      claim,
      `No reference states this quantity. The nearest, ${describeFact(nearest.fact, stock)}, does not apply: ${nearest.reason}.`,
      collectEvidence([{ fact: nearest.fact, outcome: 'inconclusive', phrase: '' }]),
    );
  }

  const comparables: Comparable[] = [];
  const otherCurrency: ReferenceFact[] = [];
  const otherUnit: ReferenceFact[] = [];
  for (const { fact, mirrored } of fitting) {
    const value = fact.value as number;
    const own = referenceInterval(value, fact.qualifier);
    // "a capacity of 17 million tonnes" of a line or a pipeline is a yearly one; so is "20 billion
    // cubic metres (bcm) of gas a year", where the words for the year stand apart from the unit.
    // The other way round, "11.8 bcm a year" in 2023 is the 11.8 bcm the year's fact states.
    const yearly =
      (claim.unit !== null &&
        fact.unit === `${claim.unit}_per_year` &&
        (claim.metric === 'capacity' || PER_YEAR.test(claim.sentence ?? ''))) ||
      (fact.unit !== null && claim.unit === `${fact.unit}_per_year` && /^\d{4}$/.test(fact.period ?? ''));
    if (unitKey(fact.unit) === unitKey(claim.unit, claim.kind) || yearly) {
      comparables.push({ fact, value, interval: own, mirrored });
    } else if (claim.unit && isCurrencyCode(fact.unit) && isCurrencyCode(claim.unit)) {
      const conversion = findConversion(fact.unit, claim.unit, fact.period, facts);
      if (conversion) {
        comparables.push({
          fact,
          value: value * conversion.factor,
          interval: scaleInterval(own, conversion.factor),
          conversion,
          mirrored,
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
    if (assessment.outcome === 'inconclusive' && isBounded(item.interval)) assessment.admits = true;
    const deviation = computeDeviation(claimValue, item.value);
    if (deviation) assessment.deviation = deviation;
    if (item.conversion) assessment.supportingFacts = [item.conversion.rate];
    return assessment;
  };

  const selection = selectPeriod(comparables, claim, context.publishedAt);
  if (selection.current.length === 0) {
    return unverifiable(
      claim,
      explainOtherPeriods(claim, comparables, stock),
      collectEvidence(
        nearestInTime(comparables, claim).map((item) => ({
          fact: item.fact,
          outcome: 'inconclusive' as const,
          phrase: '',
        })),
      ),
    );
  }

  const assessments = selection.current.map(assess);
  const tally = tallyAssessments(assessments);
  const sided = settleSides(claim, tally);
  if (sided) return sided;
  // "$5.9 billion" against "about $6 billion" and "about $7 billion" for the same year: the
  // references disagree among themselves, and one of them admits the claim.
  const admitting = tally.supporting.length === 0 ? tally.inconclusive.filter((a) => a.admits) : [];
  if (tally.contradicting.length > 0 && admitting.length > 0) {
    return concludeTally(
      claim.id,
      claim.text,
      {
        supporting: admitting,
        contradicting: tally.contradicting,
        inconclusive: tally.inconclusive.filter((a) => !a.admits),
      },
      { supported: '', contradicted: '', open: () => '' },
    );
  }
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

/** Of the facts that do not apply, the one a reviewer would look at first: same period first. */
function nearestRejected(
  rejected: readonly { fact: ReferenceFact; reason: string }[],
  claim: Claim,
): { fact: ReferenceFact; reason: string } {
  const period = claim.period?.value;
  return (
    rejected.find((r) => r.fact.period === period) ??
    [...rejected].sort((a, b) => b.fact.period.localeCompare(a.fact.period))[0]!
  );
}

/** Facts for other periods, the latest first, of the group nearest the claim's period. */
function nearestInTime(comparables: readonly Comparable[], claim: Claim): Comparable[] {
  const period = claim.period?.value ?? '';
  const year = period.slice(0, 4);
  const sameYear = comparables.filter((c) => c.fact.period.slice(0, 4) === year);
  const pool = sameYear.length > 0 ? sameYear : comparables;
  const latest = [...pool].sort((a, b) => b.fact.period.localeCompare(a.fact.period))[0];
  return latest ? pool.filter((c) => c.fact.period === latest.fact.period) : [];
}

/** "The reference gives 2023 as a whole, $4.4 billion (News.Az, 2024-02-12); the claim is about the first half of 2023." */
function explainOtherPeriods(claim: Claim, comparables: readonly Comparable[], stock: boolean): string {
  const nearest = nearestInTime(comparables, claim);
  const claimPeriod = claim.period?.value;
  if (nearest.length === 0 || !claimPeriod) return `No reference for the claim's period.`;
  const factPeriod = nearest[0]!.fact.period;
  const values = joinPhrases(
    describeAssessments(
      nearest.map((item) => ({
        fact: item.fact,
        outcome: 'inconclusive' as const,
        phrase: describeComparable(item, claim.unit, stock, false),
      })),
    ),
  );
  const claimGranularity = frameOfClaim(claim).period?.granularity;
  const their =
    stock && !factPeriod.includes('/')
      ? `as of ${factPeriod}`
      : describePeriodPhrase(factPeriod, claimGranularity !== 'year');
  const ours =
    claimGranularity === 'as_of' && claim.period?.basis === 'inferred'
      ? `on or before ${claimPeriod}`
      : describePeriodPhrase(claimPeriod);
  // A target or attribute stated with no period ("a long-term goal of $100 billion").
  if (factPeriod === '') return `The reference gives ${values} with no period; the claim is about ${ours}.`;
  return `The reference gives ${their}, ${values}; the claim is about ${ours}.`;
}
