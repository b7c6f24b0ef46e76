/**
 * Wording for verdict explanations: figures as a reviewer reads them ($4.4 billion, €1.3 billion,
 * 300 billion RUB, 17%), periods, and source citations.
 */
import type { ReferenceFact } from '../model.ts';
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
