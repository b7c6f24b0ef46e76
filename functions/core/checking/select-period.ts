/**
 * Chooses which reference facts speak for the period a claim refers to, and which are older.
 *
 * - Flows (trade_turnover, exports, gdp ...) are totals over a period: only facts for the same
 *   period count. Older facts of the same shape (an earlier year for a year) are kept aside for
 *   telling an outdated figure from a wrong one; a January-May total never stands in for a year.
 * - Stocks (investment_stock ...) are levels at a moment. With an inferred period (as of
 *   publication) the facts are those dated on or before the end of that period, latest first:
 *   a figure published after the article cannot be what the article meant. With a stated period
 *   the facts must fall within it.
 * - A claim with no period, or a level as of a date (a count "now"), is read like an inferred
 *   stock: latest on or before that date.
 */
import type { Claim, ReferenceFact } from '../model.ts';
import { type DaySpan, parsePeriodSpan } from './calendar.ts';

export const STOCK_METRICS: ReadonlySet<string> = new Set([
  'investment_stock',
  'investment_total',
  'investment_projects_portfolio',
]);

export interface PeriodSelection<T> {
  /** The period the claim refers to, as a reviewer reads it. */
  label: string;
  /** Facts for the claim's period (for stocks: the latest qualifying period). */
  current: T[];
  /** Older periods' facts, one group per period, latest first. */
  older: T[][];
}

interface Dated<T> {
  item: T;
  period: string;
  span: DaySpan;
}

function groupLatestFirst<T>(dated: readonly Dated<T>[]): T[][] {
  const sorted = [...dated].sort((a, b) => b.span.last - a.span.last || b.span.first - a.span.first);
  const groups = new Map<string, T[]>();
  for (const entry of sorted) {
    const group = groups.get(entry.period) ?? [];
    group.push(entry.item);
    groups.set(entry.period, group);
  }
  return [...groups.values()];
}

function haveSameShape(a: string, aSpan: DaySpan, b: string, bSpan: DaySpan): boolean {
  return a.includes('/') === b.includes('/') && aSpan.precision === bSpan.precision;
}

export function selectPeriod<T extends { fact: ReferenceFact }>(
  items: readonly T[],
  claim: Pick<Claim, 'metric' | 'period'>,
  publishedAt: string,
): PeriodSelection<T> {
  const dated: Dated<T>[] = [];
  const undated: T[] = [];
  for (const item of items) {
    const span = parsePeriodSpan(item.fact.period);
    if (span) dated.push({ item, period: item.fact.period, span });
    else undated.push(item);
  }
  const claimPeriod = claim.period?.value ?? publishedAt;
  const claimSpan = parsePeriodSpan(claimPeriod);
  if (!claimSpan) {
    return {
      label: claimPeriod,
      current: items.filter((item) => item.fact.period === claimPeriod),
      older: [],
    };
  }
  const asStock =
    claim.period === null || claim.period.granularity === 'as_of' || STOCK_METRICS.has(claim.metric ?? '');
  if (asStock) {
    const stated = claim.period?.basis === 'stated';
    const eligible = dated.filter((entry) =>
      stated
        ? entry.span.first >= claimSpan.first && entry.span.last <= claimSpan.last
        : entry.span.first <= claimSpan.last,
    );
    const groups = groupLatestFirst(eligible);
    const older = stated
      ? groupLatestFirst(dated.filter((entry) => entry.span.last < claimSpan.first))
      : groups.slice(1);
    const current = groups[0] ?? (claim.period === null ? undated : []);
    return { label: stated ? claimPeriod : `on or before ${claimPeriod}`, current, older };
  }
  const current = dated
    .filter((entry) => entry.span.first === claimSpan.first && entry.span.last === claimSpan.last)
    .map((entry) => entry.item);
  const older = groupLatestFirst(
    dated.filter(
      (entry) =>
        entry.span.last < claimSpan.first && haveSameShape(entry.period, entry.span, claimPeriod, claimSpan),
    ),
  );
  return { label: claimPeriod, current, older };
}
