/**
 * Tolerance intervals: what range of true values a claim's wording allows, and what range a
 * reference's own wording (rounded, "more than") leaves open.
 *
 * Claim intervals, with v the stated value and h half a unit of its last significant digit
 * ("4 billion", 1 significant figure: h = 0.5 billion; "4.3 billion": h = 0.05 billion;
 * "4,312 million": h = 0.5 million):
 *
 * | qualifier              | interval                        | why |
 * | ---------------------- | ------------------------------- | --- |
 * | exact                  | [v - h, v + h], both ends closed | a figure stated to n digits covers whatever rounds to it; a tie ("4 billion" for exactly 4.5 billion) goes to the speaker, since half-even and half-up rounding disagree on it |
 * | approx ("about")       | [v - h - w, v + h + w], w = 10%·v, at most 10h from three significant figures | "about" admits more than rounding; 10% of the value each side is a conventional newsroom reading of "about/around/some", but a figure written to three or more digits ("about $46.5 billion") was rounded finely and "about" adds a few units of its last digit |
 * | approx, "nearly"-class | [v - h - w, v]                  | "nearly/almost/approaching/just under" say the true value is close to but not above v |
 * | more_than              | (v, +inf)                       | "more than 4 billion" is false for exactly 4 billion |
 * | less_than              | (-inf, v)                       | symmetric to more_than |
 * | at_least               | [v, +inf)                       | |
 * | at_most ("up to")      | (-inf, v]                       | |
 * | range                  | [low - h_low, high + h_high]    | each end keeps its own stated precision ("4-5 billion": 3.5 to 5.5 billion) |
 *
 * Reference intervals: an `exact` reference is a point; an `approx` one is itself rounded, so it
 * covers [r - h_r, r + h_r] with h_r from the significant figures of its own value; `more_than`
 * is (r, +inf) and `less_than` (-inf, r); `at_least` and `at_most` include r.
 */
import type { Claim, ReferenceFact } from '../model.ts';
import { closedInterval, type Interval, pointInterval } from './interval.ts';

/** "about" widens the precision interval by this share of the value on each side. */
export const APPROX_WIDENING = 0.1;

const NEARLY_WORDS = /\b(nearly|almost|approaching|close to|just under|not quite|shy of)\b/i;

function decimalExponent(value: number): number {
  // toExponential is exact about the decimal exponent, where Math.log10 can be off at powers of ten.
  const [, exponent] = Math.abs(value).toExponential().split('e');
  return Number(exponent);
}

/** Significant figures of a number as written without trailing zeros (4400000000 -> 2, 17.5 -> 3). */
export function countSignificantFigures(value: number): number {
  if (value === 0) return 1;
  const [mantissa = ''] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** Half a unit of the last significant digit: the rounding slack of a figure stated to `figures` digits. */
export function halfUnitOfLastDigit(value: number, figures: number): number {
  // Built from a decimal literal so that 0.05 is the closest double to 0.05, not 0.5 * 0.1.
  return Number(`5e${decimalExponent(value) - figures}`);
}

function precisionInterval(value: number, figures: number): Interval {
  const h = halfUnitOfLastDigit(value, figures);
  return closedInterval(value - h, value + h);
}

/** True when the claim's wording is of the "nearly/almost" class (approx, at or below the value). */
export function isNearlyClass(claim: Pick<Claim, 'qualifier' | 'text'>): boolean {
  return claim.qualifier === 'approx' && NEARLY_WORDS.test(claim.text);
}

function toNumber(value: number | string | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

/** The true values a numeric claim allows; null when the claim carries no number. */
export function claimInterval(
  claim: Pick<Claim, 'value' | 'qualifier' | 'significantFigures' | 'text' | 'low' | 'high'>,
): Interval | null {
  const value = toNumber(claim.value);
  if (value === null) return null;
  const figures = claim.significantFigures ?? countSignificantFigures(value);
  const h = halfUnitOfLastDigit(value, figures);
  // "about $46.5 billion" was rounded to a tenth: "about" then admits a few tenths, not a tenth of the value.
  const widening = Math.min(
    APPROX_WIDENING * Math.abs(value),
    figures >= 3 ? 10 * h : Number.POSITIVE_INFINITY,
  );
  switch (claim.qualifier) {
    case 'exact':
      return closedInterval(value - h, value + h);
    case 'approx':
      // "nearly 30%" is a little short of 30 in size: for a fall ("shrank by nearly 30%", -30) that is above -30.
      if (isNearlyClass(claim))
        return value < 0
          ? closedInterval(value, value + h + widening)
          : closedInterval(value - h - widening, value);
      return closedInterval(value - h - widening, value + h + widening);
    case 'more_than':
      return { low: value, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case 'less_than':
      return { low: Number.NEGATIVE_INFINITY, high: value, lowOpen: true, highOpen: true };
    case 'at_least':
      return { low: value, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case 'at_most':
      return { low: Number.NEGATIVE_INFINITY, high: value, lowOpen: true, highOpen: false };
    case 'range': {
      const low = toNumber(claim.low) ?? value;
      const high = toNumber(claim.high) ?? value;
      const lowEnd = precisionInterval(Math.min(low, high), countSignificantFigures(Math.min(low, high)));
      const highEnd = precisionInterval(Math.max(low, high), countSignificantFigures(Math.max(low, high)));
      return closedInterval(lowEnd.low, highEnd.high);
    }
  }
}

/** The true values a reference's own wording leaves open. */
export function referenceInterval(value: number, qualifier: ReferenceFact['qualifier']): Interval {
  switch (qualifier) {
    case 'approx':
      return precisionInterval(value, countSignificantFigures(value));
    case 'more_than':
      return { low: value, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case 'less_than':
      return { low: Number.NEGATIVE_INFINITY, high: value, lowOpen: true, highOpen: true };
    case 'at_least':
      return { low: value, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case 'at_most':
      return { low: Number.NEGATIVE_INFINITY, high: value, lowOpen: true, highOpen: false };
    default:
      return pointInterval(value);
  }
}
