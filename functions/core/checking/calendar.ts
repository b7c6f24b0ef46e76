/**
 * Calendar arithmetic on whole days: turns an ISO date at year, month or day precision into the
 * span of days it covers, and measures elapsed time in calendar units.
 */
import type { DatePrecision } from '../model.ts';
import { expandPeriodNotation } from '../period-notation.ts';

/** The days a date at some precision covers, as days since 1970-01-01 (UTC). */
export interface DaySpan {
  first: number;
  last: number;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function dayNumber(year: number, monthIndex: number, day: number): number {
  return Math.round(Date.UTC(year, monthIndex, day) / DAY_MS);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Parses "2022", "2022-02" or "2022-02-22" into the days it covers; null for anything else. */
export function parseDaySpan(text: string): DaySpan | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { first: dayNumber(year, 0, 1), last: dayNumber(year, 11, 31), precision: 'year' };
  }
  const monthIndex = Number(match[2]) - 1;
  if (monthIndex < 0 || monthIndex > 11) return null;
  if (match[3] === undefined) {
    return {
      first: dayNumber(year, monthIndex, 1),
      last: dayNumber(year, monthIndex, daysInMonth(year, monthIndex)),
      precision: 'month',
    };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, monthIndex)) return null;
  const only = dayNumber(year, monthIndex, day);
  return { first: only, last: only, precision: 'day' };
}

/** Parses a period, including a range "A/B" and "2023-Q1"/"2023-H1", into the days it covers. */
export function parsePeriodSpan(period: string): DaySpan | null {
  const [from, to, extra] = expandPeriodNotation(period).split('/');
  if (from === undefined || extra !== undefined) return null;
  const start = parseDaySpan(from);
  if (!start) return null;
  if (to === undefined) return start;
  const end = parseDaySpan(to);
  if (!end || end.last < start.first) return null;
  return { first: start.first, last: end.last, precision: end.precision };
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The same day `months` calendar months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  return dayNumber(year, monthIndex, Math.min(date.getUTCDate(), daysInMonth(year, monthIndex)));
}

/** Calendar units a duration can be stated in, as months (0 for units counted in days). */
const UNIT_MONTHS: Record<string, number> = { decade: 120, year: 12, month: 1 };
const UNIT_DAYS: Record<string, number> = { week: 7, day: 1 };

/** Normalises "years"/"Year" to "year"; null when the unit is not a calendar unit. */
export function normaliseTimeUnit(unit: string | null): string | null {
  if (!unit) return null;
  const singular = unit.toLowerCase().replace(/s$/, '');
  return singular in UNIT_MONTHS || singular in UNIT_DAYS ? singular : null;
}

/**
 * Time from `from` to `to` in a calendar unit, fractional: whole units counted on the calendar
 * (so an anniversary day gives exactly 2 years), the remainder as a share of the next unit.
 */
export function elapsedInUnit(from: number, to: number, unit: string): number {
  if (to < from) return -elapsedInUnit(to, from, unit);
  const days = UNIT_DAYS[unit];
  if (days !== undefined) return (to - from) / days;
  const step = UNIT_MONTHS[unit] ?? 12;
  const fromDate = new Date(from * DAY_MS);
  const toDate = new Date(to * DAY_MS);
  const monthsApart =
    (toDate.getUTCFullYear() - fromDate.getUTCFullYear()) * 12 +
    toDate.getUTCMonth() -
    fromDate.getUTCMonth();
  let whole = Math.floor(monthsApart / step);
  while (whole > 0 && addMonths(from, whole * step) > to) whole -= 1;
  while (addMonths(from, (whole + 1) * step) <= to) whole += 1;
  const reached = addMonths(from, whole * step);
  const next = addMonths(from, (whole + 1) * step);
  return whole + (to - reached) / (next - reached);
}
