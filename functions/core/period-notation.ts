/**
 * Period strings as figcheck writes them (ISO "2023", "2024-03", "2022-02-22", ranges "A/B"),
 * the quarter and half notation data editors may use in fact files ("2023-Q1", "2023-H2"), and
 * the granularity a period has: a run of months that is exactly a quarter is a quarter.
 */
import type { Granularity } from './model.ts';

const QUARTER_OR_HALF = /^(\d{4})-([QH])([1-4])$/;
const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pad(month: number): string {
  return month < 10 ? `0${month}` : String(month);
}

/** "2023-Q2" -> "2023-04/2023-06", "2023-H1" -> "2023-01/2023-06"; any other period unchanged. */
export function expandPeriodNotation(period: string): string {
  const match = QUARTER_OR_HALF.exec(period);
  if (!match) return period;
  const year = match[1]!;
  const n = Number(match[3]);
  if (match[2] === 'H' && n > 2) return period;
  const first = match[2] === 'Q' ? n * 3 - 2 : n * 6 - 5;
  const last = match[2] === 'Q' ? n * 3 : n * 6;
  return `${year}-${pad(first)}/${year}-${pad(last)}`;
}

/** The granularity of a month range within one year, from its first and last month. */
function monthRunGranularity(first: number, last: number): Granularity {
  if (first === 1 && last === 12) return 'year';
  if (first === last) return 'month';
  if (last - first === 5 && (first === 1 || first === 7)) return 'half';
  if (last - first === 2 && first % 3 === 1) return 'quarter';
  return 'months';
}

/** How long a period is; null for text that is not a period. */
export function granularityOf(period: string): Granularity | null {
  const value = expandPeriodNotation(period);
  if (YEAR.test(value)) return 'year';
  if (MONTH.test(value)) return 'month';
  if (DAY.test(value)) return 'day';
  const [from, to, extra] = value.split('/');
  if (from === undefined || to === undefined || extra !== undefined) return null;
  if (YEAR.test(from) && YEAR.test(to)) return from === to ? 'year' : 'years';
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (a && b) {
    if (a[1] === b[1]) return monthRunGranularity(Number(a[2]), Number(b[2]));
    return 'months';
  }
  if (DAY.test(from) || DAY.test(to)) return 'day';
  return 'months';
}
