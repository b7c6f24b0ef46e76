/**
 * Wording for verdict explanations: figures as a reviewer reads them ($4.4 billion, €1.3 billion,
 * 300 billion RUB, 17%), periods, and source citations.
 */
import type { ClaimFrame, FrameSource, Measure, ReferenceFact } from '../model.ts';
import { expandPeriodNotation, granularityOf } from '../period-notation.ts';
import { parsePeriodSpan } from './calendar.ts';

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

export function isCurrencyCode(unit: string | null | undefined): boolean {
  return typeof unit === 'string' && /^[A-Z]{3}$/.test(unit);
}

/** A number with thousands separators and no float noise (0.30000000000000004 -> 0.3). */
function formatPlainNumber(value: number): string {
  return Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function formatMoney(value: number, currency: string): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  const symbol = CURRENCY_SYMBOLS[currency];
  const scale = SCALES.find(([size]) => magnitude >= size);
  const amount = scale
    ? `${formatPlainNumber(magnitude / scale[0])} ${scale[1]}`
    : formatPlainNumber(magnitude);
  return symbol ? `${sign}${symbol}${amount}` : `${sign}${amount} ${currency}`;
}

function pluralise(word: string, value: number): string {
  return Math.abs(value) === 1 ? word : `${word}s`;
}

/** "$4.4 billion", "300 billion RUB", "17%", "1.5 percentage points", "4,324 km", "2 years". */
export function formatQuantity(value: number, unit: string | null): string {
  if (unit && isCurrencyCode(unit)) return formatMoney(value, unit);
  const plain = formatPlainNumber(value);
  if (unit === null || unit === '' || unit === 'count') return plain;
  if (unit === 'percent') return `${plain}%`;
  if (unit === 'percentage_point') return `${plain} ${pluralise('percentage point', value)}`;
  const singular = unit.replace(/s$/, '');
  if (['year', 'month', 'week', 'day', 'decade'].includes(singular))
    return `${plain} ${pluralise(singular, value)}`;
  return `${plain} ${unit.replaceAll('_', ' ')}`;
}

/** A signed difference, "+$0.4 billion" or "-2 years". */
export function formatSignedQuantity(value: number, unit: string | null): string {
  return value > 0 ? `+${formatQuantity(value, unit)}` : formatQuantity(value, unit);
}

export function formatPercentChange(relative: number): string {
  const percent = Number((relative * 100).toPrecision(2));
  return `${percent > 0 ? '+' : ''}${formatPlainNumber(percent)}%`;
}

/** "in 2023", "as of 2022-04", "in 2024-01 to 2024-05", or "" for a fact without a period. */
export function describePeriod(period: string, stock: boolean): string {
  if (period === '') return '';
  const span = parsePeriodSpan(period);
  if (stock && span && !period.includes('/')) return `as of ${period}`;
  if (period.includes('/')) return `in ${period.replace('/', ' to ')}`;
  return span?.precision === 'day' ? `on ${period}` : `in ${period}`;
}

/** The wording a reference used, before its value: "more than", "less than", or nothing. */
export function referenceQualifierWords(qualifier: ReferenceFact['qualifier']): string {
  if (qualifier === 'more_than') return 'more than ';
  if (qualifier === 'less_than') return 'less than ';
  if (qualifier === 'at_least') return 'at least ';
  if (qualifier === 'at_most') return 'at most ';
  return '';
}

/** "News.Az, 2024-02-12; Trend, 2023-02-17": who said it and when. */
export function citeSources(facts: readonly ReferenceFact[]): string {
  return facts.map((fact) => (fact.asOf ? `${fact.sourceName}, ${fact.asOf}` : fact.sourceName)).join('; ');
}

/** Joins phrases as prose: "a", "a and b", "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

/** "Reference: x" or "References: x and y". */
export function referencePrefix(phrases: readonly string[]): string {
  return `${phrases.length > 1 ? 'References' : 'Reference'}: ${joinPhrases(phrases)}`;
}

function monthName(iso: string): string {
  const month = Number(iso.slice(5, 7));
  if (!(month >= 1 && month <= 12)) return iso;
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}

/**
 * A period as a reviewer says it: "2023", "the first half of 2023", "Q3 2023", "March 2024",
 * "January-May 2024", "2019-2023", "22 February 2022"; `whole` says "2023 as a whole" to set a
 * year against a part of it.
 */
export function describePeriodPhrase(period: string, whole = false): string {
  const value = expandPeriodNotation(period);
  const granularity = granularityOf(value);
  const [from = '', to = ''] = value.split('/');
  switch (granularity) {
    case 'year':
      return whole ? `${from.slice(0, 4)} as a whole` : from.slice(0, 4);
    case 'half':
      return `the ${from.slice(5, 7) === '01' ? 'first' : 'second'} half of ${from.slice(0, 4)}`;
    case 'quarter':
      return `Q${Math.ceil(Number(from.slice(5, 7)) / 3)} ${from.slice(0, 4)}`;
    case 'month':
      return `${monthName(from)} ${from.slice(0, 4)}`;
    case 'months':
      return from.slice(0, 4) === to.slice(0, 4)
        ? `${monthName(from)}-${monthName(to)} ${from.slice(0, 4)}`
        : `${monthName(from)} ${from.slice(0, 4)} to ${monthName(to)} ${to.slice(0, 4)}`;
    case 'years':
      return `${from}-${to}`;
    case 'day':
      return `${Number(value.slice(8, 10))} ${monthName(value)} ${value.slice(0, 4)}`;
    default:
      return value.replace('/', ' to ');
  }
}

const MEASURE_WORDS: Record<Measure, string> = {
  level: 'a level',
  change: 'an absolute change',
  growth: 'a percentage change',
  share: 'a share',
  rate: 'a rate',
  target: 'a target',
  forecast: 'a forecast',
  count: 'a count',
  event_date: 'the date of an event',
  anniversary: 'an anniversary',
  duration: 'a duration',
};

/** "a level", "an absolute change", "a percentage change" ... */
export function describeMeasure(measure: Measure): string {
  return MEASURE_WORDS[measure];
}

/** Why a frame part is a guess, as the tail of a sentence: "the period (...)". */
export function describeGuesses(frame: ClaimFrame): string[] {
  const out: string[] = [];
  const where = (source: FrameSource | undefined) =>
    source === 'sentence'
      ? 'from another clause of the sentence'
      : source === 'paragraph'
        ? 'from an earlier sentence'
        : source === 'article'
          ? "from the article's parties"
          : source === 'comparison'
            ? 'from the figure it is compared with'
            : source === 'parallel'
              ? 'from the figure set beside it in the sentence'
              : 'figcheck assumed it';
  for (const part of frame.guessed) {
    if (part === 'period' && frame.period) {
      const why =
        frame.sources.period === 'default'
          ? 'the article states none for this figure'
          : frame.sources.period === 'comparison'
            ? 'the period before that of the figure it is compared with'
            : where(frame.sources.period);
      out.push(`the period (${describePeriodPhrase(frame.period.value)}: ${why})`);
    } else if (part === 'entities') {
      out.push(
        `the countries (${frame.entities.map((e) => e.id).join(', ') || 'none'}: ${where(frame.sources.entities)})`,
      );
    } else if (part === 'metric') {
      out.push(
        `what the figure measures (${(frame.metric ?? '').replaceAll('_', ' ')}: ${where(frame.sources.metric)})`,
      );
    } else if (part === 'measure') {
      out.push(`that the figure is ${describeMeasure(frame.measure)} (the text does not say)`);
    } else if (part === 'event') {
      out.push('which document or event the date is about (the text names none beside it)');
    }
  }
  return out;
}
