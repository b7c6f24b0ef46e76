/**
 * Numeric intervals with open or closed ends: the common language in which a claim's tolerance
 * and a reference's own precision are compared.
 */

export interface Interval {
  low: number;
  high: number;
  /** An open end excludes the bound itself ("more than 4 billion" excludes 4 billion). */
  lowOpen: boolean;
  highOpen: boolean;
}

/** How a reference interval sits relative to a claim interval. */
export type IntervalRelation = 'inside' | 'overlapping' | 'disjoint';

// Decimal bounds such as 17.5 - 0.05 are not exact in binary floating point. A relative slack far
// below any precision a sentence can state keeps such bounds from flipping on the last bit,
// while 4e9 + 1 is still "more than 4e9".
const RELATIVE_SLACK = 1e-12;

export function closedInterval(low: number, high: number): Interval {
  return { low, high, lowOpen: false, highOpen: false };
}

export function pointInterval(value: number): Interval {
  return closedInterval(value, value);
}

export function scaleInterval(interval: Interval, factor: number): Interval {
  return { ...interval, low: interval.low * factor, high: interval.high * factor };
}

function slack(a: number, b: number): number {
  return RELATIVE_SLACK * Math.max(Math.abs(a), Math.abs(b));
}

function nearlyEqual(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= slack(a, b);
}

/** True when every value of `a` lies below every value of `b`. */
function liesBelow(a: Interval, b: Interval): boolean {
  if (a.high === Number.POSITIVE_INFINITY || b.low === Number.NEGATIVE_INFINITY) return false;
  if (nearlyEqual(a.high, b.low)) return a.highOpen || b.lowOpen;
  return a.high < b.low;
}

function lowWithin(inner: Interval, outer: Interval): boolean {
  if (outer.low === Number.NEGATIVE_INFINITY) return true;
  if (nearlyEqual(inner.low, outer.low)) return !outer.lowOpen || inner.lowOpen;
  return inner.low > outer.low;
}

function highWithin(inner: Interval, outer: Interval): boolean {
  if (outer.high === Number.POSITIVE_INFINITY) return true;
  if (nearlyEqual(inner.high, outer.high)) return !outer.highOpen || inner.highOpen;
  return inner.high < outer.high;
}

/** Where `reference` lies relative to `claim`: wholly inside, partly overlapping, or apart. */
export function relateIntervals(reference: Interval, claim: Interval): IntervalRelation {
  if (liesBelow(reference, claim) || liesBelow(claim, reference)) return 'disjoint';
  if (lowWithin(reference, claim) && highWithin(reference, claim)) return 'inside';
  return 'overlapping';
}

/** Whether a bounded interval (both ends finite) is meant, as opposed to a one-sided bound. */
export function isBounded(interval: Interval): boolean {
  return Number.isFinite(interval.low) && Number.isFinite(interval.high);
}
