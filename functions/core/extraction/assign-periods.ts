/**
 * Which period each value figure refers to. A period phrase belongs to the figure it follows in
 * the same clause ("$3.1 billion in 2021 to $4.4 billion in 2023"), or to every figure after it
 * when it opens the clause ("In 2023, exports rose 12% to $2.4 billion"). A figure with no
 * period of its own takes, in this order:
 *
 * - the period of the level it leads to ("grew by $212 million to $2.4 billion in 2023");
 * - for a compared figure, the period before the main figure's ("a year earlier", "the same
 *   period last year"; with no such words, the year before, which is a guess);
 * - for an appendix (", up 17%"), the main figure's period;
 * - a period in another clause of the sentence, then in an earlier sentence of the paragraph
 *   (guesses);
 * - figcheck's default: the last full year for flows, the publication month for stocks.
 *
 * Period phrases after "compared with", "than", "from", "against" name what a figure is
 * compared with, not the figure's own period ("up 17% from 2022").
 */
import type { FrameSource, Granularity, Period } from '../model.ts';
import { granularityOf } from '../period-notation.ts';
import { yearOnYearAt } from './read-measure.ts';
import type { Readings, ValueReading } from './read-values.ts';
import type { ReadingContext } from './reading-context.ts';
import {
  isBaseFigure,
  isReference,
  LOOKBACK_SENTENCES,
  looksBack,
  sentenceStartBefore,
  startsMetric,
  wordAt,
} from './reading-context.ts';
import type { Figure } from './recognise-figures.ts';
import { isMark, PUNCT, WORD } from './tokenize.ts';

export interface PeriodReading {
  period: Period | null;
  source?: FrameSource;
}

interface PeriodRef {
  figure: Figure;
  clause: number;
  /** Names what a figure is compared with ("than in 2022", "compared with 2022"), or "the same period of 2023". */
  base: boolean;
  /** The year of a goal ("the $200 billion goal set for 2024"), which no outturn shares. */
  goal?: boolean;
}

/** "in the same period of 2023", "the same period last year": a year for the months of another figure. */
function isSamePeriodYear(ctx: ReadingContext, d: Figure): boolean {
  let k = d.tokStart - 1;
  // "the same period of 2023", "the same period of the previous year"
  if (wordAt(ctx.t, k) === 'the') k--;
  if (wordAt(ctx.t, k) === 'of' || wordAt(ctx.t, k) === 'in') k--;
  return wordAt(ctx.t, k) === 'period' && wordAt(ctx.t, k - 1) === 'same';
}

const GOAL_NOUNS = new Set(['goal', 'goals', 'target', 'targets', 'objective', 'aim']);

/** "the $200 billion goal that the leaders had set for 2024": the goal's year, shortly after the goal. */
function isGoalYear(ctx: ReadingContext, d: Figure): boolean {
  if (wordAt(ctx.t, d.tokStart - 1) !== 'for' && wordAt(ctx.t, d.tokStart - 1) !== 'by') return false;
  const sentence = ctx.passages.sentence[d.numTok];
  for (let k = d.tokStart - 2; k >= Math.max(0, d.tokStart - 10); k--) {
    if (ctx.passages.sentence[k] !== sentence) return false;
    if (GOAL_NOUNS.has(wordAt(ctx.t, k))) return true;
  }
  return false;
}

const BASE_WORDS = new Set(['compared', 'comparison', 'than', 'against', 'versus', 'vs', 'from']);
const PARAGRAPH_LOOKBACK = 400;
/** How many figures either side may share a clause's period. */
const NEIGHBOURS = 8;
/** How far after a figure its period phrase may stand ("$4.4 billion in trade in the first half of 2023"). */
const TRAILING_REACH = 12;
/** How far away in its sentence a period phrase of another clause may stand. */
const SENTENCE_REACH = 60;
/** How far before a figure a clause-opening period phrase may stand. */
const LEADING_REACH = 40;

/** Index of the first period phrase of a clause (in text order) starting at or after token `tok`. */
function firstAtOrAfter(list: readonly PeriodRef[], tok: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.figure.tokStart < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isBasePeriod(ctx: ReadingContext, d: Figure): boolean {
  for (let k = d.tokStart - 1; k >= Math.max(0, d.tokStart - 6); k--) {
    if (ctx.figureAt[k]! >= 0 || ctx.t.kind[k] === PUNCT) return false;
    const w = wordAt(ctx.t, k);
    // "from January to May 2024" is a run of months, not a comparison; "goods from China in 2023"
    // is a flow's source, and only "from" right before the period names a base ("up 17% from 2022").
    if (w === 'from') return d.qualifier !== 'range' && d.tokStart - k <= 2;
    // "up 7.7 percent on 2022", "a rise of 5% over 2021": the year compared with.
    // "up 20.7 percent on the previous year" too.
    const gap = d.tokStart - k === 2 && wordAt(ctx.t, k + 1) === 'the' ? 2 : 1;
    if ((w === 'on' || w === 'over') && d.tokStart - k === gap) return /^\d{4}$/.test(String(d.value));
    if (BASE_WORDS.has(w)) return true;
  }
  return false;
}

/** Shifts every year of a period by `years`: "2024-01/2024-05" -> "2023-01/2023-05". */
export function shiftPeriod(value: string, years: number): string {
  return value.replace(/\d{4}/g, (y) => String(Number(y) + years));
}

/** "2024-01/2024-05" with its year replaced by `year` (for "the same period of 2023"). */
function withYear(value: string, year: number): string {
  return value.replace(/\d{4}/g, String(year));
}

function isStock(reading: ValueReading): boolean {
  return reading.info?.period === 'stock' || reading.measure === 'count';
}

/** "as of 1 January 2024", "at the end of 2023", "by end-2023": a stock measured at a moment. */
function isMomentPhrase(ctx: ReadingContext, figure: Figure): boolean {
  const { t } = ctx;
  const w1 = wordAt(t, figure.tokStart - 1);
  const w2 = wordAt(t, figure.tokStart - 2);
  if ((w1 === 'of' || w1 === 'at' || w1 === 'on') && w2 === 'as') return true;
  if (w1 === 'of' && (w2 === 'end' || w2 === 'beginning' || w2 === 'start')) return true;
  return w1 === 'end' && isMark(t, figure.tokStart - 1, '-');
}

function granularityFor(
  ctx: ReadingContext,
  value: string,
  figure: Figure | null,
  reading: ValueReading,
): Granularity {
  if (figure?.yearToDate) return 'year_to_date';
  const own = granularityOf(value) ?? 'year';
  if (figure !== null && isMomentPhrase(ctx, figure)) return 'as_of';
  // A stock is measured at a moment; invested "in 2023" or "in 2019-2023" is a flow over that time.
  if (isStock(reading) && (figure === null || own === 'day')) return 'as_of';
  return own;
}

function periodOf(ctx: ReadingContext, figure: Figure, reading: ValueReading): Period {
  const value = String(figure.value);
  const basis = figure.relative || figure.yearInferred || figure.yearToDate ? 'relative' : 'stated';
  return { value, basis, granularity: granularityFor(ctx, value, figure, reading) };
}

/** How far after ", when" the figure whose year it dates may stand. */
const WHEN_REACH = 16;

/**
 * The figure before ", when" whose period "a year earlier" or "the year before" goes back from:
 * "14.2% more than a year earlier, when the figure stood at $463.3 million".
 */
function yearBeforeWhen(ctx: ReadingContext, fi: number, readings: Readings): { figure: number } | null {
  const f = ctx.figures[fi]!;
  const { t } = ctx;
  let when = -1;
  // "..., when the country's trade with the rest of the world reached a record USD 52.68 billion":
  // the subject may be long, but no other figure stands between.
  for (let k = f.tokStart - 1; k >= Math.max(1, f.tokStart - WHEN_REACH); k--) {
    if (ctx.figureAt[k]! >= 0) return null;
    if (wordAt(t, k) === 'when' && isMark(t, k - 1, ',')) {
      when = k;
      break;
    }
  }
  if (when < 0) return null;
  const back =
    (wordAt(t, when - 2) === 'earlier' || wordAt(t, when - 2) === 'before') && wordAt(t, when - 3) === 'year';
  if (!back) return null;
  for (let g = fi - 1; g >= Math.max(0, fi - 4); g--) {
    const other = ctx.figures[g]!;
    if (other.tokEnd > when || ctx.passages.sentence[other.numTok] !== ctx.passages.sentence[f.numTok])
      continue;
    return readings[g] ? { figure: g } : null;
  }
  return null;
}

/** Words between "to" and a level that keep it the level a change led to: "rose 26% to a record $240 billion". */
const LEVEL_EPITHETS = new Set([
  'a',
  'an',
  'the',
  'record',
  'new',
  'fresh',
  'all',
  'time',
  'high',
  'of',
  'total',
  'some',
]);

/** Whether "to" comes right before token k, or before a few words like "a record". */
function leadsTo(ctx: ReadingContext, k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 7); j--) {
    const w = wordAt(ctx.t, j);
    if (w === 'to') return true;
    if (!LEVEL_EPITHETS.has(w) && !isMark(ctx.t, j, '-')) return false;
  }
  return false;
}

/** The year before `period`, as the words say ("a year earlier", "the year before"). */
function yearBeforeOf(period: Period, reading: ValueReading, source: FrameSource): PeriodReading {
  const value = shiftPeriod(period.value, -1);
  const granularity = reading.info?.period === 'stock' ? 'as_of' : (granularityOf(value) ?? 'year');
  return { period: { value, basis: 'relative', granularity }, source };
}

/** The nearest value figure before figure fi in its sentence, not one it is compared with. */
function earlierInSentence(ctx: ReadingContext, readings: Readings, fi: number): number | null {
  const sentence = ctx.passages.sentence[ctx.figures[fi]!.numTok];
  for (let g = fi - 1; g >= Math.max(0, fi - NEIGHBOURS); g--) {
    if (ctx.passages.sentence[ctx.figures[g]!.numTok] !== sentence) return null;
    if (readings[g] && readings[g]!.comparison?.role !== 'base') return g;
  }
  return null;
}

/**
 * The figure "a year earlier" after figure fi counts back from: an earlier one of its sentence,
 * else, as a guess, the last of the sentence before ("Trade reached $529.4 million. The figure
 * compares with $463.3 million a year earlier").
 */
function yearBeforeWhat(
  ctx: ReadingContext,
  readings: Readings,
  fi: number,
): { figure: number; inSentence: boolean } | null {
  const same = earlierInSentence(ctx, readings, fi);
  if (same !== null) return { figure: same, inSentence: true };
  const before = figureOfSentenceBefore(ctx, readings, fi);
  return before !== null ? { figure: before, inSentence: false } : null;
}

/** "the year before", "a year earlier", "in the previous year" at token k, right after a figure. */
function saysYearBefore(ctx: ReadingContext, k: number): boolean {
  const { t } = ctx;
  // "the $525.74 million recorded a year before".
  const from = RECORDED.has(wordAt(t, k)) ? k + 1 : k;
  let j = wordAt(t, from) === 'in' ? from + 1 : from;
  const w = wordAt(t, j);
  if (w !== 'the' && w !== 'a') return false;
  j++;
  if (PREVIOUS_WORDS.has(wordAt(t, j))) return wordAt(t, j + 1) === 'year';
  return wordAt(t, j) === 'year' && (wordAt(t, j + 1) === 'before' || PREVIOUS_WORDS.has(wordAt(t, j + 1)));
}
const PREVIOUS_WORDS = new Set(['previous', 'preceding', 'prior', 'earlier']);

/** Whether a value figure stands in tokens [from, to). */
function valueFigureBetween(ctx: ReadingContext, readings: Readings, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const g = ctx.figureAt[k]!;
    if (g >= 0 && readings[g] !== undefined) return true;
  }
  return false;
}

/** "at that time", "at the time", "by then", "by that time" within a few words after token k. */
function saysThatTime(ctx: ReadingContext, k: number): boolean {
  const { t } = ctx;
  for (let j = k; j < Math.min(t.count, k + 3); j++) {
    const w = wordAt(t, j);
    const next = wordAt(t, j + 1);
    if (w === 'by' && next === 'then') return true;
    if ((w === 'at' || w === 'by') && (next === 'that' || next === 'the') && TIME_WORDS.has(wordAt(t, j + 2)))
      return true;
  }
  return false;
}
const TIME_WORDS = new Set(['time', 'point', 'date', 'moment']);
/** Participles between a figure and its period: "$525.74 million recorded a year before". */
const RECORDED = new Set(['recorded', 'registered', 'reported', 'posted', 'logged', 'seen', 'observed']);

/** "a year earlier", "a year ago", "the previous year", "the same period last year" in a clause. */
function relativeShiftIn(ctx: ReadingContext, clause: number): { year?: number; relative?: boolean } | null {
  const { t } = ctx;
  for (let k = ctx.clauses.start[clause]!; k < ctx.clauses.end[clause]!; k++) {
    const w = wordAt(t, k);
    if (
      w === 'year' &&
      (wordAt(t, k + 1) === 'earlier' || wordAt(t, k + 1) === 'before' || wordAt(t, k + 1) === 'ago')
    )
      return {};
    if ((w === 'previous' || w === 'preceding' || w === 'prior') && wordAt(t, k + 1) === 'year') return {};
    if (w === 'same' && wordAt(t, k + 1) === 'period') {
      let j = k + 2;
      if (wordAt(t, j) === 'of' || wordAt(t, j) === 'in') j++;
      const f = ctx.figureAt[j]! >= 0 ? ctx.figures[ctx.figureAt[j]!]! : null;
      if (f && f.kind === 'date' && /^\d{4}$/.test(String(f.value)))
        return { year: Number(f.value), relative: f.relative === true };
      return {};
    }
    if (w === 'year' && isMark(t, k + 1, '-') && wordAt(t, k + 2) === 'on') return {};
  }
  return null;
}

function defaultPeriod(ctx: ReadingContext, reading: ValueReading): Period | null {
  const kind =
    reading.info?.period === 'attribute'
      ? 'attribute'
      : reading.measure === 'count'
        ? 'stock'
        : (reading.info?.period ?? 'flow');
  // A loan's amount is set once, when agreed: the latest agreed before publication.
  if (reading.measure === 'target' || kind === 'attribute' || reading.info?.fixed) return null;
  const { year, month } = ctx.pub;
  if (kind === 'stock') return { value: `${year}-${pad(month)}`, basis: 'inferred', granularity: 'as_of' };
  return { value: String(year - 1), basis: 'inferred', granularity: 'year' };
}

/** Words before a goal's own year: "by 2030", "for 2023", "until 2027", "in 2025". */
const GOAL_PREPS = new Set(['by', 'for', 'until', 'till', 'in', 'before', 'within']);

/** Verbs of saying whose date is when it was said: "the minister said in April". */
const SAYING = new Set([
  'said',
  'says',
  'told',
  'reported',
  'announced',
  'noted',
  'stated',
  'added',
  'wrote',
]);

function isDateOfSaying(ctx: ReadingContext, d: Figure): boolean {
  const prep = wordAt(ctx.t, d.tokStart - 1);
  if (prep !== 'in' && prep !== 'on') return false;
  // "said in April", "told reporters in March", "said at a briefing on Monday"; not "said that in
  // 2019 trade reached ...", whose year is what was said.
  // Nor "who said trade in 2022 rose by almost 24.5%": metric words between make it what was said.
  for (let k = d.tokStart - 2; k >= Math.max(0, d.tokStart - 6); k--) {
    if (SAYING.has(wordAt(ctx.t, k))) return true;
    if (ctx.t.kind[k] !== WORD || wordAt(ctx.t, k) === 'that' || startsMetric(ctx, k)) return false;
  }
  return false;
}

/** "the lowest since 2020", "the first time since 2019": a superlative a few words before "since". */
function isRecordSince(ctx: ReadingContext, d: Figure): boolean {
  if (wordAt(ctx.t, d.tokStart - 1) !== 'since') return false;
  for (let k = d.tokStart - 2; k >= Math.max(0, d.tokStart - 5); k--)
    if (RECORD_WORDS.has(wordAt(ctx.t, k))) return true;
  return false;
}
const RECORD_WORDS = new Set([
  'lowest',
  'highest',
  'largest',
  'smallest',
  'biggest',
  'weakest',
  'strongest',
  'best',
  'worst',
  'first',
  'fastest',
  'slowest',
]);

/** "A year earlier, trade had exceeded $62 billion": a sentence opened by the year before. */
function opensWithYearBefore(ctx: ReadingContext, f: Figure): boolean {
  const start = sentenceStartBefore(ctx, f.tokStart, 40);
  return saysYearBefore(ctx, start) && isMark(ctx.t, start + 3, ',');
}

/** The last value figure of the sentence before figure fi's, not one compared with. */
function figureOfSentenceBefore(ctx: ReadingContext, readings: Readings, fi: number): number | null {
  const sentence = ctx.passages.sentence[ctx.figures[fi]!.numTok]!;
  for (let g = fi - 1; g >= Math.max(0, fi - NEIGHBOURS); g--) {
    const s = ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (s === sentence) continue;
    if (s < sentence - 1) return null;
    if (readings[g] && readings[g]!.comparison?.role !== 'base') return g;
  }
  return null;
}

const PRICE_WORDS = new Set(['prices', 'dollars', 'roubles', 'rubles']);
/** Nouns for a figure's level that a year before them dates: "the 2022 level", "the 2021 figure". */
const LEVEL_NOUNS = new Set(['level', 'figure', 'total', 'result', 'volume', 'value']);

/**
 * "up 12 percent on 2020, when it stood at $2.6 billion": the period a ", when" hangs on;
 * "shrank from the 2022 level, which the committee now puts at $52.68 billion": the period of the
 * level a ", which" is about.
 */
function periodBeforeWhen(ctx: ReadingContext, f: Figure): Figure | null {
  const { t } = ctx;
  for (let k = f.tokStart - 1; k >= Math.max(2, f.tokStart - 12); k--) {
    if (ctx.figureAt[k]! >= 0) return null;
    if (!isMark(t, k - 1, ',')) continue;
    const which = wordAt(t, k) === 'which' && LEVEL_NOUNS.has(wordAt(t, k - 2));
    if (wordAt(t, k) !== 'when' && !which) continue;
    const g = ctx.figureAt[which ? k - 3 : k - 2]!;
    const d = g >= 0 ? ctx.figures[g]! : null;
    return d && d.kind === 'date' && !ctx.dateMetrics.get(d) ? d : null;
  }
  return null;
}

export function assignPeriods(ctx: ReadingContext, readings: Readings): (PeriodReading | undefined)[] {
  const out: (PeriodReading | undefined)[] = new Array(readings.length);
  // Only the sentences with value figures, and the paragraphs before them, need period phrases.
  const paragraphs = new Set<number>();
  readings.forEach((r, fi) => {
    if (!r) return;
    const paragraph = ctx.passages.paragraph[ctx.figures[fi]!.numTok]!;
    for (let p = Math.max(0, paragraph - LOOKBACK_SENTENCES); p <= paragraph; p++) paragraphs.add(p);
  });
  if (paragraphs.size === 0) return out;
  const refs = new Map<number, PeriodRef[]>();
  // "..., according to the diplomat, having doubled from $33 billion in 2021": a clause read as an
  // attribution that holds a figure of its own is that figure's.
  const valueClauses = new Set<number>();
  for (const r of readings) if (r) valueClauses.add(r.clause);
  for (const di of ctx.dateIndex) {
    const d = ctx.figures[di]!;
    if (!paragraphs.has(ctx.passages.paragraph[d.numTok]!)) continue;
    if (ctx.dateMetrics.get(d)) continue;
    const clause = ctx.clauses.of[d.numTok]!;
    if ((ctx.clauses.kind[clause] === 'attribution' && !valueClauses.has(clause)) || isDateOfSaying(ctx, d))
      continue;
    // "at 1991 prices", "in constant 2015 prices": the year prices are counted in, not the period.
    if (PRICE_WORDS.has(wordAt(ctx.t, d.tokEnd))) continue;
    // "a surplus of $140 billion, the lowest since 2020": a year compared with, not the period.
    if (isRecordSince(ctx, d)) continue;
    const list = refs.get(clause) ?? [];
    const ref: PeriodRef = { figure: d, clause, base: isBasePeriod(ctx, d) || isSamePeriodYear(ctx, d) };
    if (isGoalYear(ctx, d)) ref.goal = true;
    list.push(ref);
    refs.set(clause, list);
  }
  const valueFigures: number[] = [];
  readings.forEach((r, fi) => {
    if (r) valueFigures.push(fi);
  });
  const between = (a: number, b: number, about: number) => {
    // Whether a value figure other than the ends lies between token a and token b; an aside about
    // figure `about` does not count ("decreased by 3.1%, or $42 million, in January-May").
    for (let k = a; k < b; k++) {
      const g = ctx.figureAt[k]!;
      // Only an aside (", or $42 million,", "($42 million)") is about the figure; a base compared
      // with ("after $190.3 billion in 2022", "half of the record $337.2 billion posted in 2022")
      // has a period of its own.
      const before = g >= 0 ? ctx.figures[g]!.tokStart - 1 : -1;
      const aside = g >= 0 && (wordAt(ctx.t, before) === 'or' || isMark(ctx.t, before, '('));
      if (
        g >= 0 &&
        readings[g] !== undefined &&
        (readings[g]!.anchor !== about || !aside) &&
        !isReference(ctx.t, ctx.figures[g]!)
      )
        return true;
    }
    return false;
  };
  const owned = new Set<Figure>();
  /** Clauses where some figure has a period of its own, which others of the clause may share. */
  const withOwnPeriod = new Set<number>();
  // "grew 5.1% in 2023 after slowing to 3.2% the previous year": the year before another figure's,
  // read through that figure below, not the year before publication.
  const readsYearBefore = (fi: number) =>
    saysYearBefore(ctx, ctx.figures[fi]!.tokEnd) && yearBeforeWhat(ctx, readings, fi) !== null;
  // Own periods: a period phrase right after the figure, then one that opens the clause.
  for (const fi of valueFigures) {
    const f = ctx.figures[fi]!;
    const reading = readings[fi]!;
    // "trade between the two countries in January-August 2023": "the two countries" names the
    // parties; the period is the trade's.
    if (readsYearBefore(fi) || isReference(ctx.t, f)) continue;
    const list = refs.get(reading.clause) ?? [];
    for (let k = firstAtOrAfter(list, f.tokEnd); k < list.length; k++) {
      const p = list[k]!;
      if (p.figure.tokStart - f.tokEnd > TRAILING_REACH || between(f.tokEnd, p.figure.tokStart, fi)) break;
      if (p.base) continue;
      // "a target of $100 billion, a goal reaffirmed during talks last year": a goal's year is
      // written with it ("$15 billion for 2023", "by 2030", "to $200 million this year").
      const written =
        p.goal || p.figure.tokStart - f.tokEnd <= 2 || GOAL_PREPS.has(wordAt(ctx.t, p.figure.tokStart - 1));
      if (reading.measure === 'target' && !written) continue;
      owned.add(p.figure);
      if (reading.measure === 'target') p.goal = true;
      out[fi] = { period: periodOf(ctx, p.figure, reading), source: 'clause' };
      withOwnPeriod.add(reading.clause);
      break;
    }
    // "in 2021, when it rebounded from a contraction of 4.2% in 2020": a period written right
    // after the figure is its own; else the period a ", when" before it hangs on.
    const when = out[fi] ? null : periodBeforeWhen(ctx, f);
    if (when) out[fi] = { period: periodOf(ctx, when, reading), source: 'clause' };
  }
  for (const fi of valueFigures) {
    if (out[fi] || readsYearBefore(fi)) continue;
    const f = ctx.figures[fi]!;
    const reading = readings[fi]!;
    // "Russia and Iran on Wednesday signed an agreement on the railway, a 162-kilometre line": the
    // day dates the signing; a length or a capacity has no period but one written with it.
    if (reading.info?.period === 'attribute') continue;
    const list = refs.get(reading.clause) ?? [];
    for (let k = firstAtOrAfter(list, f.tokStart) - 1; k >= 0; k--) {
      const p = list[k]!;
      if (f.tokStart - p.figure.tokEnd > LEADING_REACH) break;
      if (owned.has(p.figure)) break;
      if (p.base || p.figure.tokEnd > f.tokStart) continue;
      if (reading.measure === 'target') p.goal = true;
      out[fi] = { period: periodOf(ctx, p.figure, reading), source: 'clause' };
      withOwnPeriod.add(reading.clause);
      break;
    }
  }
  // Periods read through another figure, in text order so that a chain resolves left to right.
  const bySentence = new Map<number, PeriodRef[]>();
  for (const list of refs.values()) {
    for (const p of list) {
      const s = ctx.passages.sentence[p.figure.numTok]!;
      const group = bySentence.get(s) ?? [];
      group.push(p);
      bySentence.set(s, group);
    }
  }
  const ordered = [...refs.values()].flat().sort((a, b) => a.figure.tokStart - b.figure.tokStart);
  const visiting = new Set<number>();
  for (const fi of valueFigures) {
    if (out[fi]) continue;
    visiting.clear();
    visiting.add(fi);
    out[fi] = inheritPeriod(ctx, fi, readings, out, bySentence, ordered, visiting, withOwnPeriod);
  }
  for (const fi of valueFigures) narrowToSamePeriod(ctx, fi, readings, out);
  return out;
}

const SAME_PERIOD_REACH = 20;
/** Words before "the same period" that make it the figure's own period, not a comparison's. */
const OWN_PERIOD_WORDS = new Set(['for', 'in', 'over', 'during']);

/**
 * "In 2022, it amounted to $59.5 billion for the same period": the months of the figure before,
 * in the year this figure's clause names.
 */
function narrowToSamePeriod(
  ctx: ReadingContext,
  fi: number,
  readings: Readings,
  out: (PeriodReading | undefined)[],
): void {
  const reading = readings[fi]!;
  if (reading.comparison) return;
  const f = ctx.figures[fi]!;
  // Near the figure only: a run-on clause may be as long as the text.
  const from = Math.max(ctx.clauses.start[reading.clause]!, f.tokStart - SAME_PERIOD_REACH);
  const to = Math.min(ctx.clauses.end[reading.clause]!, f.tokEnd + SAME_PERIOD_REACH);
  let at = -1;
  for (let k = Math.max(from, 2); k + 1 < to && at < 0; k++)
    if (
      wordAt(ctx.t, k) === 'same' &&
      wordAt(ctx.t, k + 1) === 'period' &&
      wordAt(ctx.t, k - 1) === 'the' &&
      OWN_PERIOD_WORDS.has(wordAt(ctx.t, k - 2)) &&
      // "16.6 percent higher than in the same period of 2022": what the figure is compared with.
      !BASE_WORDS.has(wordAt(ctx.t, k - 3))
    )
      at = k + 2;
  if (at < 0) return;
  // "over the same period of 2023" names the year; "In 2022, ... for the same period" leaves it to the clause.
  const named = wordAt(ctx.t, at) === 'of' || wordAt(ctx.t, at) === 'in' ? ctx.figureAt[at + 1]! : -1;
  const namedYear =
    named >= 0 && /^\d{4}$/.test(String(ctx.figures[named]!.value)) ? ctx.figures[named]! : null;
  const own: Period | null | undefined = namedYear
    ? {
        value: String(namedYear.value),
        basis: namedYear.relative ? 'relative' : 'stated',
        granularity: 'year',
      }
    : out[fi]?.period;
  if (!own || own.granularity !== 'year') return;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const back = ctx.passages.sentence[f.numTok]! - ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (back > LOOKBACK_SENTENCES) return;
    const theirs = out[g]?.period;
    if (!theirs || readings[g]?.metric !== reading.metric) continue;
    if (theirs.granularity === 'year' || theirs.granularity === 'as_of') return;
    const value = withYear(theirs.value, Number(own.value));
    out[fi] = {
      period: {
        value,
        basis: own.basis,
        granularity: granularityOf(value) ?? theirs.granularity,
      },
      source: namedYear ? 'clause' : (out[fi]?.source ?? 'clause'),
    };
    return;
  }
}

function inheritPeriod(
  ctx: ReadingContext,
  fi: number,
  readings: Readings,
  out: (PeriodReading | undefined)[],
  bySentence: ReadonlyMap<number, PeriodRef[]>,
  ordered: readonly PeriodRef[],
  visiting: Set<number>,
  withOwnPeriod: ReadonlySet<number>,
): PeriodReading {
  const reading = readings[fi]!;
  const f = ctx.figures[fi]!;
  const resolved = (g: number | null | undefined): PeriodReading | undefined => {
    if (g === null || g === undefined) return undefined;
    const r = out[g];
    if (r?.period) return r;
    if (r === undefined && readings[g] !== undefined && !visiting.has(g)) {
      visiting.add(g);
      const later = inheritPeriod(ctx, g, readings, out, bySentence, ordered, visiting, withOwnPeriod);
      out[g] = later;
      return later.period ? later : undefined;
    }
    return undefined;
  };
  // "exceeding the $200 billion goal that the leaders had set for 2024": a goal's own year, in the
  // words that follow the goal, before any period of the figure it is compared with.
  if (reading.measure === 'target') {
    // Not past another figure: "a goal of $100 billion, while Russia and India have surpassed the
    // target of $30 billion by 2025" gives 2025 to the $30 billion only.
    const goal = (bySentence.get(ctx.passages.sentence[f.numTok]!) ?? []).find(
      (p) =>
        p.goal &&
        p.figure.tokStart > f.tokEnd &&
        p.figure.tokStart - f.tokEnd <= SENTENCE_REACH &&
        !valueFigureBetween(ctx, readings, f.tokEnd, p.figure.tokStart),
    );
    if (goal) return { period: periodOf(ctx, goal.figure, reading), source: 'clause' };
  }
  // "That is 14.2% more than a year earlier, when the figure stood at $463.3 million": the
  // year the words before ", when" go back to, from the period of the figure before them.
  const when = yearBeforeWhen(ctx, fi, readings);
  if (when) {
    const main = resolved(when.figure);
    if (main?.period)
      return yearBeforeOf(
        main.period,
        reading,
        main.source === 'clause' || main.source === undefined ? 'comparison' : main.source,
      );
  }
  // A compared figure: the period before the one it is compared with.
  if (reading.comparison?.role === 'base') {
    const main = resolved(reading.comparison.with);
    if (main?.period) {
      const shift = relativeShiftIn(ctx, reading.clause);
      const value =
        shift?.year !== undefined
          ? withYear(main.period.value, shift.year)
          : shiftPeriod(main.period.value, -1);
      const granularity = reading.info?.period === 'stock' ? 'as_of' : (granularityOf(value) ?? 'year');
      // A compared figure is no surer of its period than the figure it is compared with.
      const inherited = main.source === 'clause' || main.source === 'comparison' ? null : main.source;
      return shift
        ? {
            period: {
              value,
              basis: shift.year !== undefined && !shift.relative ? 'stated' : 'relative',
              granularity,
            },
            source: inherited ?? 'clause',
          }
        : { period: { value, basis: 'inferred', granularity }, source: inherited ?? 'comparison' };
    }
  }
  // "grew 3.6% in 2023 after contracting 2.1% the year before": the year before the period of the
  // figure before it in the sentence, as the words say.
  const earlier = saysYearBefore(ctx, f.tokEnd) ? yearBeforeWhat(ctx, readings, fi) : null;
  if (earlier !== null) {
    const main = resolved(earlier.figure);
    if (main?.period) {
      const theirs = main.source === 'comparison' || main.source === undefined ? 'clause' : main.source;
      return yearBeforeOf(main.period, reading, earlier.inSentence ? theirs : 'paragraph');
    }
  }
  // "Turkey came third with $58.5 billion. A year earlier, trade had exceeded $62 billion": the year
  // before the period of the sentence before.
  const lastYear = opensWithYearBefore(ctx, f) ? figureOfSentenceBefore(ctx, readings, fi) : null;
  if (lastYear !== null) {
    const main = resolved(lastYear);
    if (main?.period) return yearBeforeOf(main.period, reading, main.source ?? 'clause');
  }
  // "... as of July 2019, while Azerbaijani capital placed in China reached about $1.7 billion
  // at that time": the period of the figure before, which the words point to.
  const then = saysThatTime(ctx, f.tokEnd) ? earlierInSentence(ctx, readings, fi) : null;
  if (then !== null) {
    const main = resolved(then);
    if (main?.period) return { period: main.period, source: main.source ?? 'clause' };
  }
  // A change or growth beside the level it leads to, or a figure sharing a period written after it.
  for (let g = Math.max(0, fi - NEIGHBOURS); withOwnPeriod.has(reading.clause) && g <= fi + NEIGHBOURS; g++) {
    const other = readings[g];
    if (g === fi || !other || other.clause !== reading.clause || other.comparison?.role === 'base') continue;
    // "... reached $240.1 billion after $190.3 billion in 2022": a base's year is its own.
    if (isBaseFigure(ctx, other)) continue;
    if ((other.measure === 'target') !== (reading.measure === 'target')) continue;
    const theirs = out[g];
    if (!theirs?.period || theirs.source !== 'clause') continue;
    const pairs =
      (reading.measure === 'change' || reading.measure === 'growth') !==
      (other.measure === 'change' || other.measure === 'growth');
    // "grew by $212 million to $2.4 billion in 2023": the level after is the one the change led to,
    // not any later level of the clause ("an increase of 20.7%, near the $2.18 billion of 2019").
    const ledTo = g < fi || leadsTo(ctx, ctx.figures[g]!.tokStart);
    if ((pairs && ledTo) || (g > fi && !pairs)) return { period: theirs.period, source: 'clause' };
  }
  if (reading.anchor !== null) {
    const main = resolved(reading.anchor);
    if (main?.period)
      return {
        period: main.period,
        source: main.source === 'clause' ? 'comparison' : (main.source ?? 'comparison'),
      };
  }
  // "China remained far ahead with $240.1 billion ... India came second at $64.9 billion": a list
  // item's period is the item's before it, not the year a sentence between names.
  if (reading.listedAfter !== undefined) {
    const main = resolved(reading.listedAfter);
    if (main?.period)
      return { period: main.period, source: main.source === 'clause' ? 'sentence' : main.source };
  }
  // "Exports amounted to $425.1 billion last year, while imports reached $258.1 billion": the
  // period of the figure the clause is set beside, as written.
  if (reading.parallel !== undefined) {
    const main = resolved(reading.parallel);
    if (main?.period)
      return { period: main.period, source: main.source === 'clause' ? 'parallel' : main.source };
  }
  // A stock "has reached" its level now, whatever year another clause names; a cost has no period;
  // and a figure with no metric is not worth a guess.
  if (isStock(reading) || reading.info?.period === 'attribute' || reading.metric === null)
    return { period: defaultPeriod(ctx, reading), source: 'default' };
  // Another clause of the sentence: the nearest period phrase before the figure, else after it,
  // but not the period of a figure compared with ("..., compared with $2.5 billion in 2022").
  const comparedAt = (p: PeriodRef) => ctx.clauses.kind[p.clause] === 'comparison';
  const sentence = ctx.passages.sentence[f.numTok]!;
  let before: PeriodRef | null = null;
  let after: PeriodRef | null = null;
  // A goal's year that another goal of the sentence stands next to is that goal's.
  const anotherGoals = (from: number, to: number) =>
    reading.measure === 'target' && valueFigureBetween(ctx, readings, from, to);
  const inSentence = bySentence.get(sentence) ?? [];
  const at = firstAtOrAfter(inSentence, f.tokStart);
  // "builds on the previous year's momentum, when bilateral trade totaled $190.27 billion": what
  // follows ", when" is of the period right before it, whatever that period is set against.
  const antecedent = at > 0 ? inSentence[at - 1]! : null;
  if (antecedent && whenFollows(ctx, antecedent.figure, f))
    return { period: periodOf(ctx, antecedent.figure, reading), source: 'sentence' };
  for (let k = at - 1; k >= 0 && f.tokStart - inSentence[k]!.figure.tokEnd <= SENTENCE_REACH; k--) {
    const p = inSentence[k]!;
    if (
      !p.base &&
      Boolean(p.goal) === (reading.measure === 'target') &&
      p.clause !== reading.clause &&
      !comparedAt(p) &&
      !datesBase(ctx, readings, p.figure) &&
      !anotherGoals(p.figure.tokEnd, f.tokStart)
    ) {
      before = p;
      break;
    }
  }
  for (
    let k = at;
    k < inSentence.length && inSentence[k]!.figure.tokStart - f.tokEnd <= SENTENCE_REACH;
    k++
  ) {
    const p = inSentence[k]!;
    if (
      !p.base &&
      Boolean(p.goal) === (reading.measure === 'target') &&
      p.clause !== reading.clause &&
      !comparedAt(p) &&
      !datesBase(ctx, readings, p.figure) &&
      !anotherGoals(f.tokEnd, p.figure.tokStart)
    ) {
      after = p;
      break;
    }
  }
  const sentencePeriod = before ?? after;
  if (sentencePeriod) return { period: periodOf(ctx, sentencePeriod.figure, reading), source: 'sentence' };
  // A goal's year is said where the goal is ("by 2030"): the year of an outturn sentences before is not it.
  if (reading.measure === 'target') return { period: defaultPeriod(ctx, reading), source: 'default' };
  // "..., against $23.6 billion a year earlier": a sentence set against the year before is of the
  // latest year too.
  const yearOnYear = () =>
    ((reading.measure === 'change' || reading.measure === 'growth') && saysYearOnYear(ctx, reading.clause)) ||
    comparesWithYearBefore(ctx, f);
  // An earlier sentence, at most three back, of the paragraph or (in wire copy, where every
  // sentence is a paragraph) just before it: the last period phrase there ("over the period").
  for (let k = firstAtOrAfter(ordered, f.tokStart) - 1; k >= 0; k--) {
    const p = ordered[k]!;
    if (
      f.tokStart - p.figure.tokEnd > PARAGRAPH_LOOKBACK ||
      sentence - ctx.passages.sentence[p.figure.numTok]! > LOOKBACK_SENTENCES
    )
      break;
    if (p.base || p.goal || comparedAt(p) || ctx.passages.sentence[p.figure.numTok] === sentence) continue;
    if (datesBase(ctx, readings, p.figure) || looksBackIn(ctx, p.clause) || setAgainst(ctx, p)) continue;
    const period = periodOf(ctx, p.figure, reading);
    // "In 2022, turnover stood at $52.68 billion. Exports fell by $4.2 billion year-on-year": a
    // change on the year before is of the latest year, not of a year the story looked back to.
    if (period && period.value.slice(0, 4) < String(ctx.pub.year - 1) && yearOnYear()) continue;
    return { period, source: 'paragraph' };
  }
  return { period: defaultPeriod(ctx, reading), source: 'default' };
}

/** Whether ", when" stands a few words after period phrase d and before figure f. */
function whenFollows(ctx: ReadingContext, d: Figure, f: Figure): boolean {
  for (let k = d.tokEnd; k < Math.min(f.tokStart, d.tokEnd + 5); k++) {
    if (ctx.figureAt[k]! >= 0) return false;
    if (isMark(ctx.t, k, ',')) return wordAt(ctx.t, k + 1) === 'when';
  }
  return false;
}

/**
 * Whether period phrase d dates the base a change started from ("narrowed to $16.6 billion from
 * $23.6 billion in 2022"): not the period of the sentences after it.
 */
function datesBase(ctx: ReadingContext, readings: Readings, d: Figure): boolean {
  let k = d.tokStart - 1;
  if (wordAt(ctx.t, k) === 'in' || wordAt(ctx.t, k) === 'of') k--;
  const g = ctx.figureAt[k]!;
  return g >= 0 && readings[g] !== undefined && isBaseFigure(ctx, readings[g]!);
}

/** Verbs and prepositions that set the story against another time: "compares with", "unlike". */
const CONTRASTS: ReadonlySet<string> = new Set([
  'compare',
  'compares',
  'contrast',
  'contrasts',
  'contrasted',
]);

/**
 * Whether period phrase p is the other side of a comparison its clause draws: "The picture
 * contrasts sharply with 2022, when turnover soared", "This compares with a record year in 2022".
 * The figures of that sentence are of 2022; the sentences after it are back in the story's time.
 */
function setAgainst(ctx: ReadingContext, p: PeriodRef): boolean {
  const from = Math.max(ctx.clauses.start[p.clause]!, p.figure.tokStart - 8);
  for (let k = p.figure.tokStart - 1; k >= from; k--) {
    const w = wordAt(ctx.t, k);
    if (w === 'unlike') return true;
    // "compares with", "contrasts sharply with", "compares favourably to"
    const joins = w === 'with' || w === 'to';
    if (joins && (CONTRASTS.has(wordAt(ctx.t, k - 1)) || CONTRASTS.has(wordAt(ctx.t, k - 2)))) return true;
  }
  return false;
}

/** Whether clause c looks back from the story's time: "In 2021 foreign trade had been worth $31.9 billion". */
function looksBackIn(ctx: ReadingContext, c: number): boolean {
  return looksBack(ctx, ctx.clauses.start[c]!, Math.min(ctx.clauses.end[c]!, ctx.clauses.start[c]! + 40));
}

/** Whether a clause of figure f's sentence says "a year earlier", "the previous year". */
function comparesWithYearBefore(ctx: ReadingContext, f: Figure): boolean {
  const sentence = ctx.passages.sentence[f.numTok]!;
  const own = ctx.clauses.of[f.numTok]!;
  // A few clauses either side, of a sentence's length: a run-on "sentence" is not read whole.
  for (let c = Math.max(0, own - 4); c <= Math.min(ctx.clauses.start.length - 1, own + 4); c++) {
    const short = ctx.clauses.end[c]! - ctx.clauses.start[c]! <= 120;
    if (short && ctx.passages.sentence[ctx.clauses.start[c]!] === sentence && relativeShiftIn(ctx, c))
      return true;
  }
  return false;
}

/** Whether clause `clause` says its change is on the year before: "year-on-year", "y/y". */
function saysYearOnYear(ctx: ReadingContext, clause: number): boolean {
  const { t } = ctx;
  const end = Math.min(ctx.clauses.end[clause]!, ctx.clauses.start[clause]! + 80);
  for (let k = ctx.clauses.start[clause]!; k < end; k++) if (yearOnYearAt(t, k)) return true;
  return false;
}
