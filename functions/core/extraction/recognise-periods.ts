/**
 * Period phrases that are not plain dates: parts of a year ("the first half of 2023", "H1 2024",
 * "the first eight months of this year", "in nine months of 2023", "Q3" with its year left to
 * the publication date) and the year so far ("since the start of the year", "year to date").
 * Each becomes a date figure whose value is the run of months it covers.
 */

import type { DatePrecision } from '../model.ts';
import { SMALL, TENS } from './number-words.ts';
import type { Figure, PublicationDate } from './recognise-figures.ts';
import { DIGITS, glued, lw, type Tokens, WORD } from './tokenize.ts';

const ORDINAL_PARTS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
]);

function word(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

function raw(t: Tokens, i: number): string {
  return i >= 0 && i < t.count ? t.text.slice(t.start[i]!, t.end[i]!) : '';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function yearAt(t: Tokens, i: number): number | null {
  if (i < 0 || i >= t.count || t.kind[i] !== DIGITS || t.end[i]! - t.start[i]! !== 4) return null;
  const y = Number(raw(t, i));
  if (y < 1900 || y > 2199) return null;
  // "2023-24" and "2023s" are not plain years.
  if (i + 1 < t.count && glued(t, i, i + 1) && t.kind[i + 1] !== 3) return null;
  return y;
}

/** A small count of months written in words or digits ("eight", "8", "eleven"). */
function monthCountAt(t: Tokens, i: number): number | null {
  const w = word(t, i);
  const small = SMALL.get(w) ?? TENS.get(w);
  if (small !== undefined) return small >= 2 && small <= 11 ? small : null;
  if (t.kind[i] === DIGITS && t.end[i]! - t.start[i]! <= 2) {
    const n = Number(raw(t, i));
    return n >= 2 && n <= 11 ? n : null;
  }
  return null;
}

/** A count of years written in words or digits ("five", "5", "twenty"). */
function yearCountAt(t: Tokens, i: number): number | null {
  const w = word(t, i);
  const small = SMALL.get(w) ?? TENS.get(w);
  if (small !== undefined) return small;
  if (t.kind[i] === DIGITS && t.end[i]! - t.start[i]! <= 2) return Number(raw(t, i));
  return null;
}

interface YearSpec {
  year: number | null;
  end: number;
  relative: boolean;
}

/**
 * The year after a part of a year: "of 2023", "2023", "of this year", "this year", "of last
 * year", "of the current year", "of the year". A missing year reads as null.
 */
function yearSpecAt(t: Tokens, i: number, pub: PublicationDate): YearSpec {
  let k = i;
  if (word(t, k) === 'of') k++;
  const y = yearAt(t, k);
  if (y !== null) return { year: y, end: k + 1, relative: false };
  let j = k;
  if (word(t, j) === 'the') j++;
  const w = word(t, j);
  if (word(t, j + 1) === 'year') {
    if (w === 'this' || w === 'current') return { year: pub.year, end: j + 2, relative: true };
    if (w === 'last' || w === 'previous' || w === 'past')
      return { year: pub.year - 1, end: j + 2, relative: true };
    if (w === 'next' || w === 'coming') return { year: pub.year + 1, end: j + 2, relative: true };
  }
  if (word(t, k) === 'the' && word(t, k + 1) === 'year')
    return { year: pub.year, end: k + 2, relative: true };
  return { year: null, end: i, relative: true };
}

/** The latest year in which month `lastMonth` had ended before publication. */
function latestYearEnding(lastMonth: number, pub: PublicationDate): number {
  return lastMonth < pub.month ? pub.year : pub.year - 1;
}

/** A date figure over tokens [tokStart, tokEnd). */
export function dateFigure(
  t: Tokens,
  tokStart: number,
  tokEnd: number,
  value: string,
  precision: DatePrecision,
  extra?: Partial<Figure>,
): Figure {
  return {
    start: t.start[tokStart]!,
    end: t.end[tokEnd - 1]!,
    tokStart,
    tokEnd,
    numTok: tokStart,
    kind: 'date',
    value,
    unit: null,
    qualifier: 'exact',
    sig: null,
    datePrecision: precision,
    ...extra,
  };
}

/** The run of months first..last of a year, as a date figure ("2023-01/2023-06"; a whole year is "2023"). */
function periodFigure(
  t: Tokens,
  tokStart: number,
  tokEnd: number,
  year: number,
  first: number,
  last: number,
  flags: Partial<Figure>,
): Figure {
  const from = `${year}-${pad(first)}`;
  const to = `${year}-${pad(last)}`;
  const value = first === 1 && last === 12 ? String(year) : `${from}/${to}`;
  return dateFigure(t, tokStart, tokEnd, value, 'month', {
    qualifier: 'range',
    low: from,
    high: to,
    ...flags,
  });
}

function resolve(
  t: Tokens,
  tokStart: number,
  afterPart: number,
  first: number,
  last: number,
  pub: PublicationDate,
): Figure {
  const spec = yearSpecAt(t, afterPart, pub);
  const year = spec.year ?? latestYearEnding(last, pub);
  return periodFigure(t, tokStart, spec.end, year, first, last, spec.relative ? { relative: true } : {});
}

/** "first half", "second quarter", "first eight months", "nine months of 2023" at token i. */
function partOfYear(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  const w = word(t, i);
  const part = word(t, i + 1);
  if (w === 'last' && (part === 'quarter' || part === 'half')) {
    // "the last quarter of 2023" is its fourth; "the last quarter" alone the latest one that ended.
    const spec = yearSpecAt(t, i + 2, pub);
    if (spec.year !== null) {
      const [first, last] = part === 'quarter' ? [10, 12] : [7, 12];
      return periodFigure(t, i, spec.end, spec.year, first, last, spec.relative ? { relative: true } : {});
    }
    const size = part === 'quarter' ? 3 : 6;
    const ended = Math.floor((pub.month - 1) / size) * size;
    const year = ended === 0 ? pub.year - 1 : pub.year;
    const last = ended === 0 ? 12 : ended;
    return periodFigure(t, i, i + 2, year, last - size + 1, last, { relative: true });
  }
  const ordinal = ORDINAL_PARTS.get(w);
  if (ordinal !== undefined) {
    if (part === 'half' && ordinal <= 2) return resolve(t, i, i + 2, ordinal * 6 - 5, ordinal * 6, pub);
    if (part === 'quarter') return resolve(t, i, i + 2, ordinal * 3 - 2, ordinal * 3, pub);
    if (ordinal === 1) {
      const n = monthCountAt(t, i + 1);
      if (n !== null && word(t, i + 2) === 'months') return resolve(t, i, i + 3, 1, n, pub);
    }
    return null;
  }
  // "in nine months of 2023", "over 11 months of this year": only with the year, else a duration.
  const n = monthCountAt(t, i);
  if (n !== null && word(t, i + 1) === 'months' && word(t, i + 2) === 'of') {
    const spec = yearSpecAt(t, i + 2, pub);
    if (spec.year !== null)
      return periodFigure(t, i, spec.end, spec.year, 1, n, spec.relative ? { relative: true } : {});
  }
  return null;
}

/** "H1 2024", "1H 2024", "9M 2023", "Q3" without a year. */
function abbreviatedPart(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  const r = raw(t, i);
  if ((r === 'H' || r === 'Q') && t.kind[i + 1] === DIGITS && glued(t, i, i + 1)) {
    const n = Number(raw(t, i + 1));
    const [first, last] = r === 'H' ? [n * 6 - 5, n * 6] : [n * 3 - 2, n * 3];
    if (!(n >= 1 && n <= (r === 'H' ? 2 : 4)) || raw(t, i + 1).length !== 1) return null;
    // A letter or digit glued after ("Q3s", "Q12") is something else.
    if (i + 2 < t.count && glued(t, i + 1, i + 2) && t.kind[i + 2] !== 3) return null;
    return resolve(t, i, i + 2, first, last, pub);
  }
  if (t.kind[i] === DIGITS && t.end[i]! - t.start[i]! <= 2 && glued(t, i, i + 1)) {
    const n = Number(raw(t, i));
    const letter = raw(t, i + 1);
    if (letter === 'H' && (n === 1 || n === 2) && yearAt(t, i + 2) !== null) {
      return periodFigure(t, i, i + 3, yearAt(t, i + 2)!, n * 6 - 5, n * 6, {});
    }
    if (letter === 'M' && n >= 2 && n <= 11 && yearAt(t, i + 2) !== null) {
      return periodFigure(t, i, i + 3, yearAt(t, i + 2)!, 1, n, {});
    }
  }
  return null;
}

/** "since the beginning of the year", "since the start of 2024", "so far this year", "year to date". */
function yearSoFar(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  const w = word(t, i);
  let end = -1;
  if (w === 'since') {
    let k = i + 1;
    if (word(t, k) === 'the') k++;
    const start = word(t, k);
    if ((start === 'beginning' || start === 'start') && word(t, k + 1) === 'of') {
      const spec = yearSpecAt(t, k + 1, pub);
      if (spec.year === pub.year) end = spec.end;
    }
  } else if (
    w === 'so' &&
    word(t, i + 1) === 'far' &&
    word(t, i + 2) === 'this' &&
    word(t, i + 3) === 'year'
  ) {
    end = i + 4;
  } else if (w === 'year' && word(t, i + 2) === 'date' && word(t, i + 1) === 'to') {
    end = i + 3;
  } else if (w === 'year' && raw(t, i + 1) === '-' && word(t, i + 2) === 'to' && word(t, i + 4) === 'date') {
    end = i + 5;
  } else if (raw(t, i) === 'YTD') {
    end = i + 1;
  }
  if (end < 0) return null;
  // The figures of the year so far run to the last full month before publication.
  const last = Math.max(1, pub.month - 1);
  return periodFigure(t, i, end, pub.year, 1, last, { relative: true, yearToDate: true });
}

/**
 * "over the past five years", "in the last three years": the full years before the publication
 * year. With "since" after it ("over the past 31 years since the establishment of relations") it
 * is a duration, not a period.
 */
function pastYears(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  const w = word(t, i);
  if (w !== 'over' && w !== 'in' && w !== 'during' && w !== 'for') return null;
  let k = i + 1;
  if (word(t, k) === 'the') k++;
  const recent = word(t, k);
  if (recent !== 'past' && recent !== 'last') return null;
  const n = yearCountAt(t, k + 1);
  if (n === null || n < 2 || word(t, k + 2) !== 'years' || word(t, k + 3) === 'since') return null;
  const first = pub.year - n;
  const last = pub.year - 1;
  return dateFigure(t, i, k + 3, `${first}/${last}`, 'year', {
    qualifier: 'range',
    low: String(first),
    high: String(last),
    relative: true,
  });
}

/** Words a period phrase can start with, besides digits and month counts. */
export const PERIOD_FIRST_WORDS: readonly string[] = [
  ...ORDINAL_PARTS.keys(),
  'last',
  'h',
  'q',
  'since',
  'so',
  'year',
  'ytd',
  'over',
  'in',
  'during',
  'for',
];
const FIRST_WORDS = new Set(PERIOD_FIRST_WORDS);

/** A period phrase starting at token i, or null. */
export function recognisePeriodPhrase(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  // Most tokens start no period phrase; decide that from the token and its neighbour alone.
  if (t.kind[i] === DIGITS) {
    const gluedLetter = i + 1 < t.count && glued(t, i, i + 1) && t.kind[i + 1] === WORD;
    if (!gluedLetter && word(t, i + 1) !== 'months') return null;
  } else {
    const w = word(t, i);
    if (!FIRST_WORDS.has(w) && word(t, i + 1) !== 'months') return null;
  }
  return partOfYear(t, i, pub) ?? abbreviatedPart(t, i, pub) ?? yearSoFar(t, i, pub) ?? pastYears(t, i, pub);
}

/** The year a run of months written without one belongs to ("in January-August"). */
export function yearOfMonthRun(t: Tokens, after: number, lastMonth: number, pub: PublicationDate): YearSpec {
  // "in the January-April period of this year".
  const spec = yearSpecAt(t, word(t, after) === 'period' ? after + 1 : after, pub);
  if (spec.year !== null) return spec;
  return { year: latestYearEnding(lastMonth, pub), end: after, relative: true };
}
