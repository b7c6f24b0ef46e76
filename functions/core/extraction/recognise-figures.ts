/**
 * Turns the token stream into figures: dates, money, percentages, durations, anniversaries,
 * counts and measures, each with its qualifier, range bounds and unit, but before any context
 * (metric, entities, period) is attached. Skips what only looks like a figure: times of day,
 * phone numbers, list markers, designations ("Boeing 737", "COVID-19", "G20").
 */
import type { ClaimKind, DatePrecision, Qualifier } from '../model.ts';
import { changeVerbBase } from './change-words.ts';
import designatorData from './data/qualifiers.json' with { type: 'json' };
import unitData from './data/units.json' with { type: 'json' };
import { MONTHS, ORDINALS, SCALES, SMALL, TENS, VAGUE } from './number-words.ts';
import { type NumberMatch, parseNumberAt, tidy } from './parse-number.ts';
import { buildPhraseMatcher, matchPhraseAt } from './phrase-matcher.ts';
import { CHANGE_NOUNS } from './read-measure.ts';
import {
  dateFigure,
  PERIOD_FIRST_WORDS,
  recognisePeriodPhrase,
  yearOfMonthRun,
} from './recognise-periods.ts';
import type { Passages } from './split-passages.ts';
import {
  DIGITS,
  glued,
  hasWordKey,
  isMark,
  lw,
  PUNCT,
  type Tokens,
  WORD,
  wordKey,
  wordKeysOf,
} from './tokenize.ts';
import {
  COUNT_METRICS,
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SYMBOLS,
  DECLINE_AFTER,
  DURATION_UNITS,
  isDeclineWord,
  MEASURE_UNITS,
  NOT_COUNT_NOUNS,
  NOTABLE_COUNTS,
  QUALIFIER_PHRASES,
  QUALIFIERS_AFTER,
} from './vocabulary.ts';

export interface Figure {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** Token span of the number itself, for context windows. */
  numTok: number;
  kind: ClaimKind;
  value: number | string;
  unit: string | null;
  qualifier: Qualifier;
  low?: number | string;
  high?: number | string;
  sig: number | null;
  datePrecision?: DatePrecision;
  carriedUnit?: boolean;
  /** Counted noun for counts ("people"). */
  noun?: string;
  vague?: boolean;
  /** A date stated relative to publication ("last year", "three years ago", "in January-May"). */
  relative?: boolean;
  /** "Since the start of the year", "year to date": the months so far, ending where figcheck assumes. */
  yearToDate?: boolean;
  /** A date written without its year ("on April 3"), which is inferred from publication. */
  yearInferred?: boolean;
  /** A glued "m"/"b" awaiting a currency from context. */
  ambiguousSuffix?: string | null;
  /** The number had a scale word ("billion"), which makes a bare figure likely money. */
  scaled?: boolean;
  /** Duration written as "N years ago": resolved to a date. */
  ago?: boolean;
  /** Duration written as "two days later": a date that many days after the one named before (extract-claims.ts). */
  later?: boolean;
}

export interface PublicationDate {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** A one-sided qualifier read from the other side of zero: "fell by more than 3%" is below -3%. */
export const MIRRORED_QUALIFIER: Partial<Record<Qualifier, Qualifier>> = {
  more_than: 'less_than',
  less_than: 'more_than',
  at_least: 'at_most',
  at_most: 'at_least',
};

const DESIGNATORS = new Set(designatorData.designators);
/** Fingerprints of currency codes, to skip building the string of most words. */
const CURRENCY_CODE_KEYS = wordKeysOf(CURRENCY_CODES.keys());
const PER_YEAR = buildPhraseMatcher(unitData.perYear.map((p): [string, true] => [p, true]));
const TIME_WORDS = new Set(designatorData.timeWords);
const DATE_PREPS = new Set(designatorData.datePrepositions);
const NEGATORS = new Set(['minus', 'negative']);
/** Capitalised words that may open a sentence right before a figure without naming it. */
const LEAD_WORDS = new Set([
  'only',
  'just',
  'another',
  'total',
  'exactly',
  'precisely',
  'barely',
  'fully',
  'nearly',
  'all',
  'every',
  'last',
  'next',
  'with',
  'of',
  'among',
  'including',
  'plus',
  'minus',
  'additionally',
  'overall',
  'roughly',
  'some',
  'altogether',
  'about',
  'around',
]);
const MINUS = '-−';
const RANGE_DASH = '-–—';
const PERCENT_WORDS = new Set(['percent', 'pct', 'percents', 'percentage']);

function word(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

function raw(t: Tokens, i: number): string {
  return i >= 0 && i < t.count ? t.text.slice(t.start[i]!, t.end[i]!) : '';
}

function punct(t: Tokens, i: number, chars: string): boolean {
  return isMark(t, i, chars);
}

function digitsLen(t: Tokens, i: number): number {
  return i >= 0 && i < t.count && t.kind[i] === DIGITS ? t.end[i]! - t.start[i]! : 0;
}

function digitsVal(t: Tokens, i: number): number {
  // Short digit runs (days, months, years) are read in place; long ones keep Number()'s rounding.
  if (i >= 0 && i < t.count && t.kind[i] === DIGITS && t.end[i]! - t.start[i]! <= 9) {
    let v = 0;
    for (let k = t.start[i]!; k < t.end[i]!; k++) v = v * 10 + (t.text.charCodeAt(k) - 48);
    return v;
  }
  return Number(raw(t, i));
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isCapitalised(t: Tokens, i: number): boolean {
  const c = t.text.charCodeAt(t.start[i]!);
  return c >= 65 && c <= 90;
}

/** Whether token i begins a line (or the text). */
function atLineStart(t: Tokens, i: number): boolean {
  if (i === 0) return true;
  for (let k = t.end[i - 1]!; k < t.start[i]!; k++) if (t.text.charCodeAt(k) === 10) return true;
  return false;
}

function monthAt(t: Tokens, i: number): { month: number; end: number } | null {
  if (i >= t.count || t.kind[i] !== WORD || !isCapitalised(t, i)) return null;
  const w = lw(t, i);
  const month = MONTHS.get(w);
  if (month === undefined) return null;
  if (w.length <= 4 && w !== 'may' && w !== 'june' && w !== 'july') {
    // Abbreviations take an optional full stop: "Feb.", "Sept".
    return { month, end: punct(t, i + 1, '.') && glued(t, i, i + 1) ? i + 2 : i + 1 };
  }
  return { month, end: i + 1 };
}

/**
 * The months a fiscal year runs, written after it: "2022-23 (April-March)", "2022/23, April to
 * March". Only a run that crosses the new year: that is what makes "2022-23" one year.
 */
function fiscalMonths(t: Tokens, i: number): { first: number; last: number; end: number } | null {
  let k = i;
  const bracket = punct(t, k, '(');
  if (bracket || punct(t, k, ',')) k++;
  const first = monthAt(t, k);
  if (!first) return null;
  k = first.end;
  if (punct(t, k, '-–—') || word(t, k) === 'to') k++;
  else return null;
  const last = monthAt(t, k);
  if (!last || last.month >= first.month) return null;
  k = last.end;
  if (bracket) {
    if (!punct(t, k, ')')) return null;
    k++;
  }
  return { first: first.month, last: last.month, end: k };
}

function isYear(t: Tokens, i: number): boolean {
  if (digitsLen(t, i) !== 4) return false;
  const y = digitsVal(t, i);
  return y >= 1000 && y <= 2199 && !(i + 1 < t.count && glued(t, i, i + 1) && t.kind[i + 1] !== PUNCT);
}

function dayAt(t: Tokens, i: number): { day: number; end: number } | null {
  const len = digitsLen(t, i);
  if (len < 1 || len > 2) return null;
  const day = digitsVal(t, i);
  if (day < 1 || day > 31) return null;
  let end = i + 1;
  const suf = word(t, end);
  if ((suf === 'st' || suf === 'nd' || suf === 'rd' || suf === 'th') && glued(t, i, end)) end++;
  return { day, end };
}

function inferYear(month: number, pub: PublicationDate): number {
  return month <= pub.month ? pub.year : pub.year - 1;
}

/** Recognises a date starting at token i. */
function recogniseDate(t: Tokens, i: number, pub: PublicationDate): Figure | null {
  const phrase = recognisePeriodPhrase(t, i, pub);
  if (phrase) return phrase;
  const m = monthAt(t, i);
  if (m) {
    let j = m.end;
    const d = dayAt(t, j);
    if (d && !(d.end < t.count && punct(t, d.end, ':'))) {
      let k = d.end;
      if (punct(t, k, ',')) k++;
      if (isYear(t, k)) {
        return dateFigure(t, i, k + 1, `${raw(t, k)}-${pad(m.month)}-${pad(d.day)}`, 'day');
      }
      if (digitsLen(t, d.end) === 0 && !isYear(t, j)) {
        const y = inferYear(m.month, pub);
        return dateFigure(t, i, d.end, `${y}-${pad(m.month)}-${pad(d.day)}`, 'day', { yearInferred: true });
      }
    }
    // Month ranges: "January-March 2024", "from January to September 2023", "between May and July 2022".
    const joiner = word(t, j);
    const joined =
      punct(t, j, '-–—') || joiner === 'to' || joiner === 'through' || joiner === 'until' || joiner === 'and';
    if (joined && !isYear(t, j + 1)) {
      const m2 = monthAt(t, j + 1);
      if (m2 && m2.month > m.month) {
        let y = m2.end;
        if (punct(t, y, ',')) y++;
        // "January-May 2024"; without the year ("in January-August", "January-May of this
        // year"), the latest such run that had ended before publication.
        const stated = isYear(t, y);
        const spec = stated
          ? { year: digitsVal(t, y), end: y + 1, relative: false }
          : yearOfMonthRun(t, m2.end, m2.month, pub);
        const yr = String(spec.year);
        return dateFigure(t, i, spec.end, `${yr}-${pad(m.month)}/${yr}-${pad(m2.month)}`, 'month', {
          qualifier: 'range',
          low: `${yr}-${pad(m.month)}`,
          high: `${yr}-${pad(m2.month)}`,
          ...(spec.relative ? { relative: true } : {}),
        });
      }
    }
    if (punct(t, j, ',') && isYear(t, j + 1)) j++;
    if (isYear(t, j)) return dateFigure(t, i, j + 1, `${raw(t, j)}-${pad(m.month)}`, 'month');
    const prev = word(t, i - 1);
    if (
      prev === 'in' ||
      prev === 'since' ||
      prev === 'until' ||
      prev === 'last' ||
      prev === 'early' ||
      prev === 'late'
    ) {
      const start = prev === 'last' ? i - 1 : i;
      const y = prev === 'last' ? (m.month < pub.month ? pub.year : pub.year - 1) : inferYear(m.month, pub);
      return dateFigure(
        t,
        start,
        m.end,
        `${y}-${pad(m.month)}`,
        'month',
        prev === 'last' ? { relative: true } : { yearInferred: true },
      );
    }
    return null;
  }
  if (t.kind[i] === DIGITS) {
    const len = digitsLen(t, i);
    // ISO "2022-02-22".
    if (
      len === 4 &&
      punct(t, i + 1, '-') &&
      digitsLen(t, i + 2) === 2 &&
      punct(t, i + 3, '-') &&
      digitsLen(t, i + 4) === 2
    ) {
      if (glued(t, i, i + 1) && glued(t, i + 3, i + 4)) {
        return dateFigure(t, i, i + 5, `${raw(t, i)}-${raw(t, i + 2)}-${raw(t, i + 4)}`, 'day');
      }
    }
    // Numeric "22.02.2022", "22/02/2022", "5/17/2018" (day first unless impossible).
    if ((len === 1 || len === 2) && punct(t, i + 1, './') && glued(t, i, i + 1)) {
      const sep = raw(t, i + 1);
      const l2 = digitsLen(t, i + 2);
      if (
        (l2 === 1 || l2 === 2) &&
        raw(t, i + 3) === sep &&
        glued(t, i + 2, i + 3) &&
        isYear(t, i + 4) &&
        glued(t, i + 3, i + 4)
      ) {
        let a = digitsVal(t, i);
        let b = digitsVal(t, i + 2);
        if (b > 12 && a <= 12) [a, b] = [b, a];
        if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
          return dateFigure(t, i, i + 5, `${raw(t, i + 4)}-${pad(b)}-${pad(a)}`, 'day');
        }
      }
    }
    const d = dayAt(t, i);
    if (d) {
      let k = d.end;
      if (word(t, k) === 'of') k++;
      const mm = monthAt(t, k);
      if (mm) {
        let y = mm.end;
        if (punct(t, y, ',')) y++;
        if (isYear(t, y))
          return dateFigure(t, i, y + 1, `${raw(t, y)}-${pad(mm.month)}-${pad(d.day)}`, 'day');
        const yr = inferYear(mm.month, pub);
        return dateFigure(t, i, mm.end, `${yr}-${pad(mm.month)}-${pad(d.day)}`, 'day', {
          yearInferred: true,
        });
      }
    }
    if (len === 4 && digitsLen(t, i) === 4) {
      const y = digitsVal(t, i);
      if (y < 1000 || y > 2199) return null;
      // Decades: "the 1990s".
      if (word(t, i + 1) === 's' && glued(t, i, i + 1) && y % 10 === 0) {
        return dateFigure(t, i, i + 2, `${y}/${y + 9}`, 'year', {
          qualifier: 'range',
          low: String(y),
          high: String(y + 9),
        });
      }
      if (i + 1 < t.count && glued(t, i, i + 1) && t.kind[i + 1] !== PUNCT) return null;
      // Fiscal years and year ranges: "2012-13", "2012/13", "2020–2022".
      if (punct(t, i + 1, '-–/') && (glued(t, i, i + 1) || raw(t, i + 1) !== '-')) {
        const l2 = digitsLen(t, i + 2);
        if (l2 === 2 && digitsVal(t, i + 2) === (y + 1) % 100) {
          const months = fiscalMonths(t, i + 3);
          if (months) {
            const from = `${y}-${pad(months.first)}`;
            const to = `${y + 1}-${pad(months.last)}`;
            return dateFigure(t, i, months.end, `${from}/${to}`, 'month', {
              qualifier: 'range',
              low: from,
              high: to,
            });
          }
          return dateFigure(t, i, i + 3, `${y}/${y + 1}`, 'year', {
            qualifier: 'range',
            low: String(y),
            high: String(y + 1),
          });
        }
        if (l2 === 4) {
          const y2 = digitsVal(t, i + 2);
          if (y2 > y && y2 <= y + 100) {
            return dateFigure(t, i, i + 3, `${y}/${y2}`, 'year', {
              qualifier: 'range',
              low: String(y),
              high: String(y2),
            });
          }
        }
      }
      if (!isYear(t, i) || y < 1800) return null;
      const next = word(t, i + 1);
      const nextIsUnit =
        punct(t, i + 1, '%') ||
        SCALES.has(next) ||
        next === 'percent' ||
        (next !== '' && matchPhraseAt(CURRENCY_NAMES, t, i + 1) !== null) ||
        (next !== '' && matchPhraseAt(MEASURE_UNITS, t, i + 1) !== null) ||
        DURATION_UNITS.has(next);
      if (nextIsUnit) return null;
      const prev = word(t, i - 1);
      if (punct(t, i - 1, '$€£₽₼¥')) return null;
      // "Vision 2030", "Expo 2020": a year inside a name is left to the designation check.
      if (
        prev !== '' &&
        isCapitalised(t, i - 1) &&
        !DATE_PREPS.has(prev) &&
        !LEAD_WORDS.has(prev) &&
        !NOT_COUNT_NOUNS.has(prev)
      ) {
        return null;
      }
      // "MAKS-2021", "Euro-2024": a year glued to a name by a hyphen is part of the name.
      if (
        punct(t, i - 1, '-–') &&
        glued(t, i - 1, i) &&
        i > 1 &&
        t.kind[i - 2] === WORD &&
        glued(t, i - 2, i - 1) &&
        !DATE_PREPS.has(word(t, i - 2))
      ) {
        return null;
      }
      if (DATE_PREPS.has(prev) || punct(t, i - 1, '(-–,')) return dateFigure(t, i, i + 1, String(y), 'year');
      if (next !== '' && !NOT_COUNT_NOUNS.has(next) && next.endsWith('s') && !isCapitalised(t, i + 1))
        return null;
      return dateFigure(t, i, i + 1, String(y), 'year');
    }
    return null;
  }
  // Quarters: "Q1 2024", "Q3-2023".
  if (t.kind[i] === WORD && raw(t, i) === 'Q' && digitsLen(t, i + 1) === 1 && glued(t, i, i + 1)) {
    const q = digitsVal(t, i + 1);
    let y = i + 2;
    if (punct(t, y, '-/,')) y++;
    if (q >= 1 && q <= 4 && isYear(t, y)) {
      const yr = raw(t, y);
      const from = `${yr}-${pad(q * 3 - 2)}`;
      const to = `${yr}-${pad(q * 3)}`;
      return dateFigure(t, i, y + 1, `${from}/${to}`, 'month', { qualifier: 'range', low: from, high: to });
    }
  }
  // Relative: "last year", "this month", "next year".
  const w = word(t, i);
  // "the preceding year", "the prior year": as "the previous year", the year before one named
  // (extract-claims.ts sets which).
  if ((w === 'preceding' || w === 'prior') && word(t, i + 1) === 'year' && word(t, i - 1) === 'the')
    return dateFigure(t, i, i + 2, String(pub.year - 1), 'year', { relative: true });
  // "GDP contracted by 2.1% that year", "the same year", "the following year": a year the text
  // named before, which extract-claims.ts sets (or drops the phrase where it named none).
  const anaphoric = (w === 'that' || (w === 'same' && word(t, i - 1) === 'the')) && word(t, i + 1) === 'year';
  if (anaphoric || (w === 'following' && word(t, i - 1) === 'the' && word(t, i + 1) === 'year'))
    return dateFigure(t, i, i + 2, String(pub.year), 'year', { relative: true });
  if (w === 'last' || w === 'this' || w === 'next' || w === 'previous' || w === 'current') {
    const unit = word(t, i + 1);
    if (unit === 'year') {
      const y = w === 'last' || w === 'previous' ? pub.year - 1 : w === 'next' ? pub.year + 1 : pub.year;
      return dateFigure(t, i, i + 2, String(y), 'year', { relative: true });
    }
    if (unit === 'month') {
      let y = pub.year;
      let mo = pub.month + (w === 'last' || w === 'previous' ? -1 : w === 'next' ? 1 : 0);
      if (mo === 0) {
        mo = 12;
        y--;
      } else if (mo === 13) {
        mo = 1;
        y++;
      }
      return dateFigure(t, i, i + 2, `${y}-${pad(mo)}`, 'month', { relative: true });
    }
  }
  return null;
}

/** Result of a look at token i: a figure, or a span to skip (a time, a phone number, a designation). */
export type Recognised = { figure: Figure } | { skipTo: number } | null;

function currencyBefore(t: Tokens, i: number): { currency: string; start: number } | null {
  // Symbols: "$", "US$", "€"; codes: "USD 4m", "USD4m".
  if (punct(t, i, '$€£₽₼¥₺₹₸₾₴֏')) {
    const sym = raw(t, i);
    if (sym === '$' && i > 0 && t.kind[i - 1] === WORD && glued(t, i - 1, i)) {
      const pre = raw(t, i - 1);
      const code = CURRENCY_SYMBOLS.get(`${pre}$`);
      if (code) return { currency: code, start: i - 1 };
    }
    const code = CURRENCY_SYMBOLS.get(sym);
    return code ? { currency: code, start: i } : null;
  }
  if (t.kind[i] === WORD && hasWordKey(CURRENCY_CODE_KEYS, wordKey(t, i))) {
    const code = CURRENCY_CODES.get(raw(t, i));
    if (code) return { currency: code, start: i };
  }
  return null;
}

function currencyAfter(t: Tokens, j: number): { currency: string; end: number; scale: number } | null {
  if (j >= t.count) return null;
  if (t.kind[j] === WORD) {
    const r = raw(t, j);
    const code = CURRENCY_CODES.get(r);
    if (code) return { currency: code, end: j + 1, scale: 1 };
    // "50 MUSD", "3 MEUR", "KUSD".
    if (r.length === 4 && (r[0] === 'M' || r[0] === 'K' || r[0] === 'B')) {
      const c = CURRENCY_CODES.get(r.slice(1));
      if (c) return { currency: c, end: j + 1, scale: r[0] === 'M' ? 1e6 : r[0] === 'K' ? 1e3 : 1e9 };
    }
    const name = matchPhraseAt(CURRENCY_NAMES, t, j);
    if (name) return { currency: name.value, end: name.tokEnd, scale: 1 };
    // "US dollars"
    if (r === 'US' && word(t, j + 1).startsWith('dollar')) return { currency: 'USD', end: j + 2, scale: 1 };
  }
  return null;
}

/** Qualifier phrases grouped by their last token, so a look-back costs one map lookup. */
const QUALIFIERS_BY_LAST = new Map<string, typeof QUALIFIER_PHRASES>();
for (const q of QUALIFIER_PHRASES) {
  const last = q.words[q.words.length - 1]!;
  QUALIFIERS_BY_LAST.set(last, [...(QUALIFIERS_BY_LAST.get(last) ?? []), q]);
}

function qualifierBefore(
  t: Tokens,
  i: number,
): { qualifier: Qualifier; start: number; below: boolean } | null {
  if (i < 1) return null;
  const lastKey = t.kind[i - 1] === WORD ? lw(t, i - 1) : raw(t, i - 1);
  const candidates = QUALIFIERS_BY_LAST.get(lastKey);
  if (!candidates) return null;
  for (const q of candidates) {
    const n = q.words.length;
    const s = i - n;
    if (s < 0) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const tk = t.kind[s + k] === WORD ? lw(t, s + k) : raw(t, s + k);
      if (tk !== q.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { qualifier: q.qualifier, start: s, below: q.below };
  }
  return null;
}

interface Suffix {
  kind: ClaimKind;
  unit: string | null;
  end: number;
  scale?: number;
  currency?: string;
  noun?: string;
  ago?: boolean;
  later?: boolean;
}

function percentAfter(t: Tokens, j: number): Suffix | null {
  if (punct(t, j, '%')) return { kind: 'percent', unit: 'percent', end: j + 1 };
  const w = word(t, j);
  if (w === 'per' && (word(t, j + 1) === 'cent' || word(t, j + 1) === 'centum')) {
    return { kind: 'percent', unit: 'percent', end: j + 2 };
  }
  if (w === 'per' && punct(t, j + 1, '-') && word(t, j + 2) === 'cent')
    return { kind: 'percent', unit: 'percent', end: j + 3 };
  if (w === 'percentage' && (word(t, j + 1) === 'points' || word(t, j + 1) === 'point')) {
    return { kind: 'percent', unit: 'percentage_point', end: j + 2 };
  }
  if (w === 'pp' || (w === 'p' && punct(t, j + 1, '.') && word(t, j + 2) === 'p')) {
    return {
      kind: 'percent',
      unit: 'percentage_point',
      end: w === 'pp' ? j + 1 : punct(t, j + 3, '.') ? j + 4 : j + 3,
    };
  }
  if (w === 'basis' && word(t, j + 1) === 'points')
    return { kind: 'percent', unit: 'basis_point', end: j + 2 };
  if (w === 'bps') return { kind: 'percent', unit: 'basis_point', end: j + 1 };
  if (PERCENT_WORDS.has(w)) return { kind: 'percent', unit: 'percent', end: j + 1 };
  return null;
}

function unitAfter(t: Tokens, j: number, n: NumberMatch): Suffix | null {
  const pct = percentAfter(t, j);
  if (pct) return pct;
  const cur = currencyAfter(t, j);
  if (cur)
    return { kind: 'money', unit: cur.currency, end: cur.end, scale: cur.scale, currency: cur.currency };
  // Adjectival durations and measures: "two-year", "162-kilometre".
  const k = punct(t, j, '-') && glued(t, j - 1, j) ? j + 1 : j;
  const w = word(t, k);
  const dur = DURATION_UNITS.get(w);
  if (dur && !n.ordinal) {
    let end = k + 1;
    let value = 1;
    let unit = dur;
    if (dur === 'decade') {
      unit = 'year';
      value = 10;
    } else if (dur === 'century') {
      unit = 'year';
      value = 100;
    }
    const ago = word(t, end) === 'ago';
    const later = word(t, end) === 'later';
    if (ago || later) end++;
    return { kind: 'duration', unit, end, scale: value, ago, later };
  }
  const measure = w === '' ? null : matchPhraseAt(MEASURE_UNITS, t, k);
  if (measure && !n.ordinal) {
    // Lone "m" and "t" after a space are too ambiguous to read as metres or tonnes.
    const r = raw(t, k);
    if ((r === 'm' || r === 't' || r === 'ha') && !glued(t, k - 1, k)) return null;
    const billion = measure.value === 'cubic_metres_billion';
    const unit = billion ? 'cubic_metres' : measure.value;
    // "17 million tonnes of cargo per year", "20 bcm of Azerbaijani gas a year": a rate, as the
    // reference table states capacities.
    let end = measure.tokEnd;
    if (word(t, end) === 'of' && word(t, end + 1) !== '' && !NOT_COUNT_NOUNS.has(word(t, end + 1))) {
      const rate =
        matchPhraseAt(PER_YEAR, t, end + 2) ??
        (word(t, end + 2) !== '' ? matchPhraseAt(PER_YEAR, t, end + 3) : null);
      if (rate)
        return { kind: 'quantity', unit: `${unit}_per_year`, end: rate.tokEnd, scale: billion ? 1e9 : 1 };
    }
    const rate = matchPhraseAt(PER_YEAR, t, end);
    if (rate) end = rate.tokEnd;
    return { kind: 'quantity', unit: rate ? `${unit}_per_year` : unit, end, scale: billion ? 1e9 : 1 };
  }
  return null;
}

function nounAfter(t: Tokens, j: number): { noun: string; end: number } | null {
  const w = word(t, j);
  if (w === '' || NOT_COUNT_NOUNS.has(w) || isCapitalised(t, j) || w.length < 3) return null;
  // Skip one adjective: "150 new jobs", "12 joint ventures".
  const w2 = word(t, j + 1);
  if (
    w2 !== '' &&
    !w.endsWith('s') &&
    w2.endsWith('s') &&
    !NOT_COUNT_NOUNS.has(w2) &&
    !isCapitalised(t, j + 1)
  ) {
    return { noun: w2, end: j + 2 };
  }
  // Two joined: "245 interstate and intergovernmental documents", "40 joint or Russian-funded projects".
  const w4 = word(t, j + 3);
  if (
    (w2 === 'and' || w2 === 'or') &&
    !w.endsWith('s') &&
    !word(t, j + 2).endsWith('s') &&
    !isCapitalised(t, j + 2) &&
    (COUNT_METRICS.has(w4) || NOTABLE_COUNTS.has(w4))
  )
    return { noun: w4, end: j + 4 };
  return { noun: w, end: j + 1 };
}

function isDesignation(t: Tokens, i: number, n: NumberMatch, sentenceStart: boolean): boolean {
  // Letters glued before the number: "A320", "G20", "Su-35", "COVID-19", "S-400".
  if (i > 0 && glued(t, i - 1, i)) {
    if (t.kind[i - 1] === WORD) return true;
    if (punct(t, i - 1, '-‐') && i > 1 && glued(t, i - 2, i - 1) && t.kind[i - 2] !== PUNCT) return true;
    if (punct(t, i - 1, '#№')) return true;
  }
  // Letters glued after that are no known suffix: "4G", "3D", "5x".
  if (n.gluedSuffix !== null && n.ambiguousSuffix === null && !n.ordinal) {
    const suffix = n.gluedSuffix;
    if (
      suffix !== 's' &&
      matchPhraseAt(MEASURE_UNITS, t, n.tokEnd) === null &&
      !DURATION_UNITS.has(suffix.toLowerCase())
    ) {
      return true;
    }
  }
  const prev = word(t, i - 1);
  if (prev !== '' && DESIGNATORS.has(prev)) return true;
  if (prev === 'no' || (punct(t, i - 1, '.') && DESIGNATORS.has(word(t, i - 2)))) return true;
  // A capitalised name right before a bare number: "Boeing 737", "Vision 2030", "Windows 11".
  if (prev !== '' && !sentenceStart && isCapitalised(t, i - 1) && n.scale === 1 && !n.ordinal && !n.words) {
    const functionWord =
      DATE_PREPS.has(prev) ||
      NOT_COUNT_NOUNS.has(prev) ||
      LEAD_WORDS.has(prev) ||
      qualifierBefore(t, i) !== null;
    if (!functionWord && !MONTHS.has(prev) && !CURRENCY_CODES.has(raw(t, i - 1)) && raw(t, i - 1) !== 'I') {
      return true;
    }
  }
  return false;
}

function isTimeOrPhone(t: Tokens, i: number, n: NumberMatch): number {
  const j = n.tokEnd;
  // "10:30", "15:00".
  if (punct(t, j, ':') && glued(t, j - 1, j) && digitsLen(t, j + 1) === 2) return j + 2;
  const w = word(t, j);
  if (
    TIME_WORDS.has(w) ||
    (w === 'a' && punct(t, j + 1, '.') && word(t, j + 2) === 'm') ||
    (w === 'p' && punct(t, j + 1, '.') && word(t, j + 2) === 'm')
  ) {
    return w.length === 1 ? j + 4 : j + 1;
  }
  // Phone numbers: "+994 12 345 67 89", "(012) 345-6789", "+1-222-2222".
  if (punct(t, i - 1, '+(') && glued(t, i - 1, i)) {
    let k = i;
    let digits = 0;
    while (k < t.count && (t.kind[k] === DIGITS || punct(t, k, '-()./ ')) && k - i < 40) {
      if (t.kind[k] === DIGITS) digits += t.end[k]! - t.start[k]!;
      if (k > i && t.start[k]! - t.end[k - 1]! > 1) break;
      k++;
    }
    if (digits >= 7) return k;
  }
  if (
    t.kind[i] === DIGITS &&
    punct(t, i + 1, '-') &&
    glued(t, i, i + 1) &&
    digitsLen(t, i + 2) >= 3 &&
    punct(t, i + 3, '-') &&
    digitsLen(t, i + 4) >= 2
  ) {
    return i + 5;
  }
  return -1;
}

function negativeBefore(t: Tokens, i: number): number {
  // "-2.1%", "−3": a minus glued to the number and not joining two words or numbers.
  if (punct(t, i - 1, MINUS) && glued(t, i - 1, i)) {
    if (i - 2 < 0 || !glued(t, i - 2, i - 1) || punct(t, i - 2, '(')) return i - 1;
  }
  if (NEGATORS.has(word(t, i - 1))) return i - 1;
  return -1;
}

/** Reads the second number of a range after a dash, "to" or "and" ("4-5 billion", "between 4 and 5"). */
function rangeEnd(t: Tokens, j: number, between: boolean, changeBy: boolean): NumberMatch | null {
  let k = j;
  if (between) {
    if (word(t, k) !== 'and') return null;
    k++;
  } else if (punct(t, k, RANGE_DASH)) {
    k++;
  } else if (word(t, k) === 'to' && !changeBy) {
    k++;
  } else return null;
  if (currencyBefore(t, k)) k++;
  const m = parseNumberAt(t, k);
  if (!m || m.ordinal || m.fraction || m.vague) return null;
  return m;
}

/** Recognises money, percentages, durations, anniversaries, counts and measures at token i. */
/**
 * Where "by a fifth" starts, and its qualifier, when the ordinal at token i is the denominator of
 * a change ("rose by a fifth", "fell by almost a third"); null otherwise.
 */
function fifthBy(t: Tokens, i: number): { start: number; qualifier: Qualifier | null } | null {
  if (word(t, i - 1) !== 'a') return null;
  const q = qualifierBefore(t, i - 1);
  const by = q ? q.start - 1 : i - 2;
  if (!changedBy(t, by)) return null;
  return { start: q ? q.start : i - 1, qualifier: q?.qualifier ?? null };
}

/**
 * Whether "by" at token `by` follows a verb of change ("jumped by", "has grown by", "fell sharply
 * by"), or "of" there follows a noun of one ("an increase of").
 */
function changedBy(t: Tokens, by: number): boolean {
  if (word(t, by) === 'of') return CHANGE_NOUNS.has(word(t, by - 1));
  if (word(t, by) !== 'by') return false;
  for (let k = by - 1; k >= Math.max(0, by - 2); k--)
    if (changeVerbBase(word(t, k)) !== undefined) return true;
  return false;
}

function recogniseQuantity(t: Tokens, i: number, passages: Passages): Recognised {
  let start = i;
  let currency: string | null = null;
  let numTok = i;
  const cb = currencyBefore(t, i);
  if (cb) {
    numTok = i + 1;
    if (numTok < t.count && t.kind[numTok] === PUNCT && punct(t, numTok, '$')) numTok++;
    if (numTok >= t.count || t.kind[numTok] === PUNCT || t.start[numTok]! - t.end[numTok - 1]! > 1)
      return null;
    currency = cb.currency;
    start = cb.start;
  } else if (punct(t, i, MINUS) || NEGATORS.has(word(t, i))) {
    return null;
  } else if (t.kind[i] === PUNCT) {
    return null;
  }
  const n = parseNumberAt(t, numTok);
  if (!n) return null;
  if (n.dotted) {
    let k = n.tokEnd;
    while (k < t.count && (t.kind[k] === DIGITS || punct(t, k, '.')) && glued(t, k - 1, k)) k++;
    return { skipTo: k };
  }
  const sentenceStart = numTok === 0 || passages.sentence[numTok - 1] !== passages.sentence[numTok];
  if (currency === null) {
    if (isDesignation(t, numTok, n, sentenceStart)) return { skipTo: n.tokEnd };
    const skip = isTimeOrPhone(t, numTok, n);
    if (skip >= 0) return { skipTo: skip };
    if (
      atLineStart(t, numTok) &&
      n.plainInteger !== null &&
      n.value < 100 &&
      punct(t, n.tokEnd, '.)') &&
      glued(t, numTok, n.tokEnd)
    ) {
      return { skipTo: n.tokEnd + 1 };
    }
    if (n.words && !n.ordinal && !n.fraction && n.value === 1 && n.tokEnd === numTok + 1) {
      // A lone "one" is almost always a pronoun ("one of", "the one") rather than a figure.
      const after = unitAfter(t, n.tokEnd, n);
      if (!after || after.kind === 'quantity') return { skipTo: n.tokEnd };
    }
  }
  // "a fifth term": the ordinal is the figure, the article is not.
  if (currency === null && n.tokStart > start) start = n.tokStart;
  let value = n.value;
  let sig = n.sig;
  let end = n.tokEnd;
  let kind: ClaimKind = 'count';
  let unit: string | null = currency;
  let qualifier: Qualifier = 'exact';
  let low: number | undefined;
  let high: number | undefined;
  let noun: string | undefined;
  let ago = false;
  let later = false;
  let scaled = n.scale > 1;
  const neg = currency === null ? negativeBefore(t, numTok) : -1;
  if (neg >= 0) {
    value = -value;
    start = neg;
  }
  // Range: "4-5 billion", "4 to 5 billion", "between 4 and 5 billion".
  const q = qualifierBefore(t, start);
  const between = word(t, start - 1) === 'between';
  const fromBefore = word(t, start - 1) === 'from' || (q !== null && word(t, q.start - 1) === 'from');
  // "rose by $2 to $85" is a change and a level, not a range.
  const changeBy = word(t, start - 1) === 'by' || (q !== null && word(t, q.start - 1) === 'by');
  const r = n.ordinal || n.vague || fromBefore ? null : rangeEnd(t, end, between, changeBy);
  if (r && (between || raw(t, end) !== '-' || glued(t, end - 1, end) || r.value > value)) {
    let lo = value;
    const hi = r.value;
    if (n.scale === 1 && r.scale > 1) lo *= r.scale;
    if (lo < hi || between) {
      low = lo;
      high = hi;
      qualifier = 'range';
      value = (lo + hi) / 2;
      sig = r.sig;
      end = r.tokEnd;
      scaled = scaled || r.scale > 1;
      if (between) start -= 1;
    }
  }
  // Ambiguous glued "m"/"b": a scale when money is involved.
  let ambiguous = n.ambiguousSuffix;
  if (ambiguous !== null && qualifier !== 'range') {
    const after = currencyAfter(t, end + 1);
    if (currency !== null || after !== null) {
      const s = ambiguous === 'm' ? 1e6 : 1e9;
      value *= s;
      end += 1;
      ambiguous = null;
      scaled = true;
    }
  }
  const suffix = unitAfter(t, end, n);
  if (suffix && (currency === null || suffix.kind === 'money')) {
    if (suffix.kind === 'money') {
      unit = suffix.currency ?? unit;
      if (suffix.scale && suffix.scale !== 1) {
        value *= suffix.scale;
        if (low !== undefined) low *= suffix.scale;
        if (high !== undefined) high *= suffix.scale;
      }
      kind = 'money';
    } else if (suffix.kind === 'duration') {
      kind = 'duration';
      unit = suffix.unit;
      if (suffix.scale && suffix.scale !== 1) value *= suffix.scale;
      ago = suffix.ago === true;
      later = suffix.later === true;
    } else {
      kind = suffix.kind;
      unit = suffix.unit;
      if (suffix.scale && suffix.scale !== 1) value *= suffix.scale;
    }
    end = suffix.end;
  } else if (currency !== null) {
    kind = 'money';
  } else if (ambiguous !== null) {
    kind = 'quantity';
    unit = ambiguous === 'm' ? 'm' : null;
    end += 1;
  } else if (n.ordinal && n.words && value > 2 && fifthBy(t, n.tokStart) !== null) {
    // "grew by a fifth", "fell by almost a third": an ordinal after "a" is a fraction, not a rank.
    const by = fifthBy(t, n.tokStart)!;
    start = by.start;
    if (by.qualifier) qualifier = by.qualifier;
    else qualifier = 'approx';
    kind = 'percent';
    unit = 'percent';
    value = tidy(100 / value);
    sig = 2;
  } else if (n.ordinal) {
    kind = 'ordinal';
    unit = null;
    if (word(t, end) === 'anniversary') {
      kind = 'anniversary';
      unit = 'year';
      end += 1;
    }
  } else if (n.fraction && value > 0 && value < 1 && changedBy(t, q ? q.start - 1 : start - 1)) {
    // "turnover jumped by almost a quarter", "an increase of nearly a fifth": a change in per cent, as
    // round as its words: about a tenth either side ("a quarter" of 22-28% is how news writes it).
    kind = 'percent';
    unit = 'percent';
    value = tidy(value * 100);
    sig = 2;
    if (q === null) qualifier = 'approx';
  } else if (n.fraction) {
    kind = 'quantity';
    unit = null;
  } else {
    const na = nounAfter(t, n.vague && word(t, end) === 'of' ? end + 1 : end);
    if (na && !n.fraction) {
      noun = na.noun;
      unit = na.noun;
      end = na.end;
    }
  }
  if (currency !== null && kind !== 'money') return null;
  // "a 50-year anniversary", "30 years since" stay durations; "two-year" adjectives are durations too.
  // Post qualifiers: "$4bn or more", "4bn-plus".
  const w1 = word(t, end);
  const after = AFTER_FIRST_WORDS.has(w1) ? QUALIFIERS_AFTER.get(`${w1} ${word(t, end + 1)}`) : undefined;
  if (after && qualifier !== 'range') {
    qualifier = after;
    end += 2;
  } else if ((w1 === 'plus' && glued(t, end - 1, end)) || (punct(t, end, '+') && glued(t, end - 1, end))) {
    qualifier = 'more_than';
    end += 1;
  } else if (
    punct(t, end, '-') &&
    word(t, end + 1) === 'plus' &&
    glued(t, end - 1, end) &&
    glued(t, end, end + 1)
  ) {
    // "$1 billion-plus"
    qualifier = 'more_than';
    end += 2;
  }
  if (q && qualifier === 'exact') {
    qualifier = q.qualifier;
    start = q.start;
    if (qualifier === 'more_than' || qualifier === 'at_least') low = value;
    else if (qualifier === 'less_than' || qualifier === 'at_most') high = value;
    else if (q.below) high = value;
  } else if (q && qualifier === 'range' && !between) {
    start = q.start;
  }
  // Signed changes: "fell 3%", "contracted by 2.1%", "a 3% decline", "decreased by $1.5 billion".
  if ((kind === 'percent' || kind === 'money') && typeof value === 'number' && value > 0) {
    const from = q ? q.start : start;
    let declined = false;
    for (let k = from - 1; k >= Math.max(0, from - 3); k--) {
      const w = word(t, k);
      if (w === 'to' || w === 'from' || t.kind[k] === PUNCT) break;
      if (isDeclineWord(w)) {
        declined = true;
        break;
      }
    }
    if (!declined && DECLINE_AFTER.has(word(t, end))) declined = true;
    if (declined) {
      value = -value;
      // "declined by over $6.9 billion" is a change below -$6.9 billion.
      qualifier = MIRRORED_QUALIFIER[qualifier] ?? qualifier;
      if (low !== undefined && high !== undefined) [low, high] = [-high, -low];
      else if (low !== undefined) {
        high = -low;
        low = undefined;
      } else if (high !== undefined) {
        low = -high;
        high = undefined;
      }
    }
  }
  if (n.vague) qualifier = 'at_least';
  const figure: Figure = {
    start: t.start[start]!,
    end: t.end[end - 1]!,
    tokStart: start,
    tokEnd: end,
    numTok,
    kind,
    value,
    unit,
    qualifier,
    sig: n.vague ? null : sig,
    noun,
    vague: n.vague,
    ambiguousSuffix: ambiguous,
    scaled,
    ago,
  };
  if (later) figure.later = true;
  if (low !== undefined) figure.low = low;
  if (high !== undefined) figure.high = high;
  return { figure };
}

/** Whether token i is a number with a glued comma and a number on both sides: "24" of "22,24,26". */
function insideCommaRun(t: Tokens, i: number): boolean {
  return (
    i >= 2 &&
    i + 2 < t.count &&
    t.kind[i] === DIGITS &&
    t.kind[i - 2] === DIGITS &&
    t.kind[i + 2] === DIGITS &&
    gluedComma(t, i - 1) &&
    gluedComma(t, i + 1)
  );
}

/** A comma at token k glued to the tokens on both sides. */
function gluedComma(t: Tokens, k: number): boolean {
  return punct(t, k, ',') && glued(t, k - 1, k) && glued(t, k, k + 1);
}

/** Anniversaries named in one word: "marks the centenary of ...". */
const CENTENARIES: ReadonlyMap<string, number> = new Map([
  ['centenary', 100],
  ['centennial', 100],
  ['bicentenary', 200],
  ['bicentennial', 200],
]);

/** "the centenary of Heydar Aliyev's birth": an anniversary without an ordinal. */
function centenaryAt(t: Tokens, i: number): Figure | null {
  if (t.kind[i] !== WORD) return null;
  const years = CENTENARIES.get(lw(t, i));
  if (years === undefined) return null;
  return {
    start: t.start[i]!,
    end: t.end[i]!,
    tokStart: i,
    tokEnd: i + 1,
    numTok: i,
    kind: 'anniversary',
    value: years,
    unit: 'year',
    qualifier: 'exact',
    sig: null,
  };
}

const STARTER_WORDS: ReadonlySet<string> = new Set([
  ...SMALL.keys(),
  ...TENS.keys(),
  ...SCALES.keys(),
  ...VAGUE.keys(),
  ...ORDINALS.keys(),
  ...MONTHS.keys(),
  'a',
  'an',
  'half',
  'quarter',
  'minus',
  'negative',
  'last',
  'this',
  'next',
  'previous',
  'preceding',
  'prior',
  'that',
  'same',
  'following',
  'current',
  'q',
  ...PERIOD_FIRST_WORDS,
  ...CENTENARIES.keys(),
]);
const AFTER_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...QUALIFIERS_AFTER.keys()].map((k) => k.split(' ')[0]!),
);
const STARTER_KEYS = wordKeysOf(STARTER_WORDS);
const CURRENCY_MARKS = '$€£₽₼¥₺₹₸₾₴֏';

/** Cheap test that a figure could start at token i, so most tokens cost one lookup. */
function mayStartFigure(t: Tokens, i: number): boolean {
  const k = t.kind[i];
  if (k === DIGITS) return true;
  // Only a currency symbol starts a figure at a mark: dates start at words or digits, and
  // recogniseQuantity() turns down every other mark.
  if (k === PUNCT) return isMark(t, i, CURRENCY_MARKS);
  if (hasWordKey(STARTER_KEYS, wordKey(t, i)) && STARTER_WORDS.has(lw(t, i))) return true;
  const len = t.end[i]! - t.start[i]!;
  const c = t.text.charCodeAt(t.start[i]!);
  return (
    len >= 3 &&
    len <= 4 &&
    c >= 65 &&
    c <= 90 &&
    hasWordKey(CURRENCY_CODE_KEYS, wordKey(t, i)) &&
    CURRENCY_CODES.has(raw(t, i))
  );
}

/**
 * Recognises every figure in the text, in order. Without `keepBare`, bare numbers (no unit, noun
 * or scale) are dropped early: they can never be checkable, and adversarial text is full of them.
 */
export function recogniseFigures(
  t: Tokens,
  passages: Passages,
  pub: PublicationDate,
  keepBare = true,
): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  while (i < t.count) {
    if (passages.excluded[i] === 1 || !mayStartFigure(t, i)) {
      i++;
      continue;
    }
    // "22,24,26,31": the inner numbers of a run glued by commas carry no unit of their own.
    if (!keepBare && insideCommaRun(t, i)) {
      while (insideCommaRun(t, i + 2)) i += 2;
      i += 2;
      continue;
    }
    const centenary = centenaryAt(t, i);
    if (centenary) {
      out.push(centenary);
      i++;
      continue;
    }
    const date = recogniseDate(t, i, pub);
    if (date) {
      const q = qualifierBefore(t, i);
      if (q && q.qualifier === 'approx') {
        date.qualifier = 'approx';
        date.start = t.start[q.start]!;
        date.tokStart = q.start;
      }
      out.push(date);
      i = date.tokEnd;
      continue;
    }
    const rec = recogniseQuantity(t, i, passages);
    if (rec === null) {
      i++;
    } else if ('skipTo' in rec) {
      i = Math.max(i + 1, rec.skipTo);
    } else {
      const f = rec.figure;
      const bare = f.kind === 'count' && f.noun === undefined && !f.scaled;
      if (bare && !keepBare) {
        i = Math.max(i + 1, f.tokEnd);
        continue;
      }
      if (f.kind === 'duration' && f.ago && typeof f.value === 'number' && f.unit === 'year') {
        // "Three years ago today": the day of publication that many years before.
        const today = lw(t, f.tokEnd) === 'today' && Number.isInteger(f.value);
        out.push({
          ...f,
          kind: 'date',
          value: today ? `${pub.year - f.value}${pub.iso.slice(4)}` : String(pub.year - f.value),
          unit: null,
          sig: null,
          // "more than a century ago" is before that year, "less than four years ago" after it.
          qualifier: MIRRORED_QUALIFIER[f.qualifier] ?? f.qualifier,
          datePrecision: today ? 'day' : 'year',
          relative: true,
          ...(today ? { end: t.end[f.tokEnd]!, tokEnd: f.tokEnd + 1 } : {}),
        });
        if (today) {
          i = f.tokEnd + 1;
          continue;
        }
      } else {
        out.push(f);
      }
      i = Math.max(i + 1, f.tokEnd);
    }
  }
  return out;
}
