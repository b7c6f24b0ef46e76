/**
 * Reads one number starting at a token: digits with grouping, decimals, exponents, scale suffixes
 * and words ("4,300", "4.3 million", "$1.2trn" minus the symbol, "six billion", "two and a half",
 * "a third", "50th", "fiftieth", "hundreds of"). Looks ahead a bounded number of tokens only.
 */
import {
  DOZEN,
  FRACTION_PLURALS,
  GLUED_SCALES,
  ORDINAL_SUFFIXES,
  ORDINALS,
  SCALES,
  SMALL,
  SPACED_SCALES,
  TENS,
  VAGUE,
} from './number-words.ts';
import { DIGITS, glued, isMark, lw, PUNCT, type Tokens, WORD } from './tokenize.ts';

export interface NumberMatch {
  /** Character span of the number expression, scale words included. */
  start: number;
  end: number;
  /** Token span [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  value: number;
  /** Significant figures as written; null when the form carries none (fractions, vague plurals). */
  sig: number | null;
  ordinal: boolean;
  fraction: boolean;
  words: boolean;
  /** Multiplier contributed by a scale word or suffix (1 when none). */
  scale: number;
  /** A glued "m"/"b" left unscaled: million/billion in money context, a unit otherwise. */
  ambiguousSuffix: string | null;
  /** A glued letter suffix that is not a scale or ordinal ("180ml", "4G"); callers decide. */
  gluedSuffix: string | null;
  /** "hundreds of", "dozens of": a lower bound, not a figure. */
  vague: boolean;
  /** The digits of a bare integer (no grouping, decimals or scale), for year and date checks. */
  plainInteger: string | null;
  /** Part of a dotted sequence such as an IP address, version or dotted date. */
  dotted: boolean;
}

const MAX_DIGITS_FOR_VALUE = 40;

function charAt(t: Tokens, pos: number): string {
  return pos >= 0 && pos < t.text.length ? t.text[pos]! : '';
}

const GROUP_SPACES = new Set([' ', '\u00a0', '\u2009', '\u202f', '\u2007']);

/** Significant figures of a mantissa written in digits. */
function countSignificant(intDigits: string, fracDigits: string): number {
  const all = intDigits + fracDigits;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 48) first++;
  if (first === all.length) return 1;
  if (fracDigits.length > 0) return all.length - first;
  let last = all.length - 1;
  while (last > first && all.charCodeAt(last) === 48) last--;
  return last - first + 1;
}

/** 4.1 × 10^9 is 4099999999.9999995 in binary floating point: keep the 15 digits a figure can have. */
export function tidy(value: number): number {
  // Whole numbers below 1e15 are already exact; formatting them costs more than the rest of a parse.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Significant figures of a number given as words, read from its value ("six billion" -> 1). */
function significantOfValue(value: number): number {
  let v = Math.abs(value);
  if (!Number.isFinite(v) || v === 0) return 1;
  if (Number.isInteger(v) && v < 1e15) {
    while (v % 10 === 0) v /= 10;
    let digits = 0;
    while (v >= 1) {
      v = Math.floor(v / 10);
      digits++;
    }
    return Math.max(1, digits);
  }
  const digits = v.toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

function isDigitTok(t: Tokens, i: number): boolean {
  return i < t.count && t.kind[i] === DIGITS;
}

function isPunct(t: Tokens, i: number, chars: string): boolean {
  return isMark(t, i, chars);
}

function emptyMatch(t: Tokens, i: number): NumberMatch {
  return {
    start: t.start[i]!,
    end: t.end[i]!,
    tokStart: i,
    tokEnd: i + 1,
    value: 0,
    sig: null,
    ordinal: false,
    fraction: false,
    words: false,
    scale: 1,
    ambiguousSuffix: null,
    gluedSuffix: null,
    vague: false,
    plainInteger: null,
    dotted: false,
  };
}

/** Parses a number written with digits whose first digit run is token i. */
function parseDigitNumber(t: Tokens, i: number): NumberMatch | null {
  if (!isDigitTok(t, i)) return null;
  const text = t.text;
  const m = emptyMatch(t, i);
  let intDigits = text.slice(t.start[i]!, t.end[i]!);
  if (intDigits.length > MAX_DIGITS_FOR_VALUE) return null;
  let fracDigits = '';
  let j = i + 1;
  let grouped = false;
  // Inside "192.168.1.2" or "22,24,26,31" every part stands alone.
  const afterDot =
    i >= 2 && isPunct(t, i - 1, '.') && glued(t, i - 1, i) && isDigitTok(t, i - 2) && glued(t, i - 2, i - 1);
  const afterComma =
    i >= 2 && isPunct(t, i - 1, ',') && glued(t, i - 1, i) && isDigitTok(t, i - 2) && glued(t, i - 2, i - 1);
  if (afterDot) m.dotted = true;
  // Grouped thousands: "4,300,000", "1 234 567" (space, no-break or thin space), "4.300.000".
  if (intDigits.length <= 3 && j < t.count) {
    const sepPos = t.end[i]!;
    const sep = charAt(t, sepPos);
    const isComma = sep === ',' && isPunct(t, j, ',');
    const isSpaceSep = GROUP_SPACES.has(sep) && isDigitTok(t, j) && t.start[j] === sepPos + 1;
    const isDot = sep === '.' && isPunct(t, j, '.');
    if (isComma || isSpaceSep || isDot) {
      let k = i;
      const groups: string[] = [];
      for (;;) {
        const next = isSpaceSep ? k + 1 : k + 2;
        if (!isDigitTok(t, next) || t.end[next]! - t.start[next]! !== 3) break;
        if (isSpaceSep ? t.start[next] !== t.end[k]! + 1 : !glued(t, k, k + 1) || !glued(t, k + 1, next))
          break;
        if (!isSpaceSep && charAt(t, t.end[k]!) !== sep) break;
        if (isSpaceSep && charAt(t, t.end[k]!) !== sep) break;
        groups.push(text.slice(t.start[next]!, t.end[next]!));
        k = next;
      }
      const enough = isDot ? groups.length >= 2 : groups.length >= 1;
      if (enough) {
        intDigits += groups.join('');
        j = k + 1;
        grouped = true;
        m.end = t.end[k]!;
        // European style "4.300.000,5": a comma decimal after dot grouping.
        if (isDot && isPunct(t, j, ',') && glued(t, k, j) && isDigitTok(t, j + 1) && glued(t, j, j + 1)) {
          fracDigits = text.slice(t.start[j + 1]!, t.end[j + 1]!);
          m.end = t.end[j + 1]!;
          j += 2;
        }
      }
    }
  }
  if (
    !afterDot &&
    fracDigits === '' &&
    isPunct(t, j, '.') &&
    glued(t, j - 1, j) &&
    isDigitTok(t, j + 1) &&
    glued(t, j, j + 1)
  ) {
    // "192.168.1.2", "1.2.3", "22.02.2022": a dotted sequence, not a decimal.
    if (isPunct(t, j + 2, '.') && glued(t, j + 1, j + 2) && isDigitTok(t, j + 3) && glued(t, j + 2, j + 3)) {
      m.dotted = true;
    } else if (!grouped || !isDotGrouped(t, i)) {
      fracDigits = text.slice(t.start[j + 1]!, t.end[j + 1]!);
      m.end = t.end[j + 1]!;
      j += 2;
    }
  } else if (
    fracDigits === '' &&
    !grouped &&
    !afterComma &&
    !afterDot &&
    isPunct(t, j, ',') &&
    glued(t, j - 1, j) &&
    isDigitTok(t, j + 1) &&
    glued(t, j, j + 1) &&
    t.end[j + 1]! - t.start[j + 1]! !== 3 &&
    !(isPunct(t, j + 2, ',') && isDigitTok(t, j + 3) && glued(t, j + 1, j + 2))
  ) {
    // Comma decimals ("5,00", "1,3") as written in much of Europe and in translated copy.
    fracDigits = text.slice(t.start[j + 1]!, t.end[j + 1]!);
    m.end = t.end[j + 1]!;
    j += 2;
  }
  let value = Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
  m.sig = countSignificant(intDigits, fracDigits);
  // Scientific notation "1e10", "12.32e+14", "-12e-1".
  if (j < t.count && t.kind[j] === WORD && glued(t, j - 1, j) && lw(t, j) === 'e') {
    let k = j + 1;
    let sign = 1;
    if (isPunct(t, k, '+-') && glued(t, j, k)) {
      if (t.text[t.start[k]!] === '-') sign = -1;
      k++;
    }
    if (
      isDigitTok(t, k) &&
      glued(t, k - 1, k) &&
      !(k + 1 < t.count && glued(t, k, k + 1) && t.kind[k + 1] === WORD)
    ) {
      value *= 10 ** (sign * Number(text.slice(t.start[k]!, t.end[k]!)));
      m.end = t.end[k]!;
      j = k + 1;
    }
  }
  // Digit fractions "3/4" and mixed "2 1/4"; "5/17/2018" and "24/7"-style runs are left alone.
  if (!grouped && fracDigits === '' && j === i + 1 && !m.dotted) {
    const slashBefore = i >= 1 && isPunct(t, i - 1, '/') && glued(t, i - 1, i);
    if (!slashBefore && isOver(t, i) && intDigits.length <= 2 && t.end[i + 2]! - t.start[i + 2]! <= 3) {
      const den = Number(text.slice(t.start[i + 2]!, t.end[i + 2]!));
      if (den > 0) {
        m.value = value / den;
        m.fraction = true;
        m.sig = 1;
        m.end = t.end[i + 2]!;
        m.tokEnd = i + 3;
        return m;
      }
    }
    if (!slashBefore && isDigitTok(t, i + 1) && !glued(t, i, i + 1) && isOver(t, i + 1)) {
      const num = Number(text.slice(t.start[i + 1]!, t.end[i + 1]!));
      const den = Number(text.slice(t.start[i + 3]!, t.end[i + 3]!));
      if (den > num && num > 0) {
        m.value = value + num / den;
        m.fraction = true;
        m.sig = null;
        m.end = t.end[i + 3]!;
        m.tokEnd = i + 4;
        return m;
      }
    }
  }
  const plain = !grouped && fracDigits === '' && j === i + 1;
  m.plainInteger = plain ? intDigits : null;
  // Suffixes glued to the digits: scales, ordinals, units or designations.
  if (j < t.count && t.kind[j] === WORD && glued(t, j - 1, j)) {
    const raw = text.slice(t.start[j]!, t.end[j]!);
    const scale = GLUED_SCALES.get(raw) ?? GLUED_SCALES.get(lw(t, j));
    // "$6.7B" is billions, "Terminal 2B" a name: like "m" and "b", a scale only beside money.
    if (raw === 'm' || raw === 'b' || raw === 'B') {
      m.ambiguousSuffix = raw;
      m.gluedSuffix = raw;
    } else if (ORDINAL_SUFFIXES.has(raw) && plain) {
      m.ordinal = true;
      m.end = t.end[j]!;
      j++;
    } else if (scale !== undefined) {
      value *= scale;
      m.scale = scale;
      m.end = t.end[j]!;
      j++;
    } else {
      m.gluedSuffix = raw;
    }
  } else if (j < t.count && t.kind[j] === WORD) {
    const raw = text.slice(t.start[j]!, t.end[j]!);
    const scale = SPACED_SCALES.get(raw) ?? (raw.length > 3 ? SPACED_SCALES.get(lw(t, j)) : undefined);
    if (scale !== undefined) {
      value *= scale;
      m.scale = scale;
      m.end = t.end[j]!;
      j++;
      m.plainInteger = null;
    }
  }
  // Further scale words multiply: "three lakh crore", "322 hundred thousand", "3 dozen".
  if (m.scale !== 1 || plain || fracDigits !== '') {
    while (j < t.count && t.kind[j] === WORD) {
      const w = lw(t, j);
      const s = SCALES.get(w) ?? (DOZEN.has(w) ? 12 : undefined);
      if (s === undefined || (m.scale !== 1 && s <= 100 && !DOZEN.has(w))) break;
      value *= s;
      m.scale *= s;
      m.end = t.end[j]!;
      m.plainInteger = null;
      j++;
    }
  }
  // "3 million and a half", "3 hundred and 21".
  if (m.scale > 1 && j < t.count && t.kind[j] === WORD && lw(t, j) === 'and') {
    const frac = parseFractionPart(t, j + 1);
    if (frac && (lw(t, j + 1) === 'a' || lw(t, j + 1) === 'an' || lw(t, j + 1) === 'one')) {
      value += frac.value * m.scale;
      m.end = t.end[frac.end - 1]!;
      j = frac.end;
    } else if (
      m.scale === 100 &&
      isDigitTok(t, j + 1) &&
      t.end[j + 1]! - t.start[j + 1]! <= 2 &&
      !isPunct(t, j + 2, '.,') &&
      !(j + 2 < t.count && t.kind[j + 2] === WORD && SCALES.has(lw(t, j + 2)))
    ) {
      value += Number(text.slice(t.start[j + 1]!, t.end[j + 1]!));
      m.end = t.end[j + 1]!;
      j += 2;
    }
  }
  m.value = tidy(value);
  m.tokEnd = j;
  return m;
}

/** Whether digits at token a are the numerator of "a/b" that is not part of a longer "a/b/c". */
function isOver(t: Tokens, a: number): boolean {
  return (
    isPunct(t, a + 1, '/') &&
    glued(t, a, a + 1) &&
    isDigitTok(t, a + 2) &&
    glued(t, a + 1, a + 2) &&
    !(isPunct(t, a + 3, '/') && glued(t, a + 2, a + 3))
  );
}

function isDotGrouped(t: Tokens, i: number): boolean {
  return charAt(t, t.end[i]!) === '.';
}

interface WordState {
  total: number;
  group: number;
  last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';
  lastScale: number;
}

function numberWordAt(t: Tokens, i: number): boolean {
  if (i >= t.count || t.kind[i] !== WORD) return false;
  const w = lw(t, i);
  return SMALL.has(w) || TENS.has(w) || SCALES.has(w);
}

/** Index of the next token after an optional connector (hyphen) that continues a word number. */
function skipHyphen(t: Tokens, j: number): number {
  if (isPunct(t, j, '-‐–') && numberWordAt(t, j + 1)) return j + 1;
  return j;
}

/** Parses "a half", "a quarter", "three quarters", "two thirds", "one fourth" at i; value and end token. */
function parseFractionPart(t: Tokens, i: number): { value: number; end: number } | null {
  if (i >= t.count || t.kind[i] !== WORD) return null;
  const w = lw(t, i);
  let num = 0;
  let j = i + 1;
  if (w === 'a' || w === 'an' || w === 'one') num = 1;
  else if (SMALL.has(w) && SMALL.get(w)! > 0) num = SMALL.get(w)!;
  else return null;
  j = isPunct(t, j, '-') ? j + 1 : j;
  if (j >= t.count || t.kind[j] !== WORD) return null;
  const d = lw(t, j);
  const den =
    d === 'half' ? 2 : d === 'quarter' ? 4 : (FRACTION_PLURALS.get(d) ?? (num === 1 && ORDINALS.get(d)) ?? 0);
  if (!den || den === 1) return null;
  return { value: num / den, end: j + 1 };
}

/** Lower-cased word at token k, or '' past the end and for non-words. */
function wordOf(t: Tokens, k: number): string {
  return k < t.count && t.kind[k] === WORD ? lw(t, k) : '';
}

/** Parses a number written in words starting at token i (also "a dozen", "half a million"). */
function parseWordNumber(t: Tokens, i: number): NumberMatch | null {
  if (i >= t.count || t.kind[i] !== WORD) return null;
  const w0 = lw(t, i);
  const m = emptyMatch(t, i);
  m.words = true;

  // Vague plurals: "hundreds of", "tens of thousands of", "dozens of".
  if (VAGUE.has(w0)) {
    let value = VAGUE.get(w0)! * 2;
    let j = i + 1;
    if (
      wordOf(t, j) === 'of' &&
      VAGUE.has(wordOf(t, j + 1)) &&
      VAGUE.get(wordOf(t, j + 1))! > VAGUE.get(w0)!
    ) {
      value = VAGUE.get(w0)! * VAGUE.get(wordOf(t, j + 1))! * 2;
      j += 2;
    }
    if (wordOf(t, j) !== 'of') return null;
    m.value = value;
    m.vague = true;
    m.end = t.end[j - 1]!;
    m.tokEnd = j;
    return m;
  }
  // "half a million", "half a dozen", "half million", "half".
  if (w0 === 'half' || w0 === 'quarter') {
    const base = w0 === 'half' ? 0.5 : 0.25;
    let j = i + 1;
    if (wordOf(t, j) === 'a' || wordOf(t, j) === 'an') j++;
    const s = SCALES.get(wordOf(t, j)) ?? (DOZEN.has(wordOf(t, j)) ? 12 : undefined);
    if (s !== undefined) {
      m.value = base * s;
      m.scale = s;
      m.sig = significantOfValue(base);
      m.end = t.end[j]!;
      m.tokEnd = j + 1;
      return m;
    }
    if (w0 === 'quarter') return null;
    m.value = 0.5;
    m.fraction = true;
    m.sig = 1;
    return m;
  }
  const st: WordState = { total: 0, group: 0, last: 'none', lastScale: Infinity };
  let j = i;
  let consumed = false;
  let afterAnd = false;
  let lastSmall = 0;
  // "a hundred", "a dozen", "a million", "a third", "an eighth".
  if (w0 === 'a' || w0 === 'an') {
    const w1 = wordOf(t, i + 1);
    if (SCALES.has(w1) || DOZEN.has(w1)) {
      st.group = 1;
      st.last = 'unit';
      lastSmall = 1;
      j = i + 1;
      consumed = true;
    } else if (w1 === 'decade' || w1 === 'century' || w1 === 'couple') {
      // "for a decade", "a century ago", "a couple of years".
      m.value = w1 === 'couple' ? 2 : 1;
      m.sig = 1;
      m.tokEnd = w1 === 'couple' && wordOf(t, i + 2) === 'of' ? i + 3 : i + 1;
      m.end = t.end[m.tokEnd - 1]!;
      if (w1 === 'couple') m.vague = false;
      return m;
    } else {
      const f = parseFractionPart(t, i);
      if (!f) return null;
      // "a third term" is an ordinal; "a third of", "a third." is a fraction.
      const after = wordOf(t, f.end);
      const d = wordOf(t, f.end - 1);
      if (
        !FRACTION_PLURALS.has(d) &&
        d !== 'half' &&
        d !== 'quarter' &&
        after !== '' &&
        after !== 'of' &&
        after !== 'and'
      ) {
        m.value = ORDINALS.get(d)!;
        m.ordinal = true;
        m.start = t.start[f.end - 1]!;
        m.tokStart = f.end - 1;
        m.end = t.end[f.end - 1]!;
        m.tokEnd = f.end;
        m.sig = significantOfValue(m.value);
        return m;
      }
      m.value = f.value;
      m.fraction = true;
      m.sig = 1;
      m.end = t.end[f.end - 1]!;
      m.tokEnd = f.end;
      return m;
    }
  }
  for (;;) {
    const w = wordOf(t, j);
    if (w === '') break;
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    const scale = SCALES.get(w);
    const ord = ORDINALS.get(w);
    const fracDen = FRACTION_PLURALS.get(w);
    if (small !== undefined) {
      if (st.last === 'unit' || st.last === 'teen' || (st.last === 'tens' && small >= 10)) break;
      st.group += small;
      lastSmall = small;
      st.last = small < 10 ? 'unit' : 'teen';
    } else if (tens !== undefined) {
      // Compound denominators: "one twenty-fifth", "three twenty-firsts", "one hundred thirty fifths".
      const numeratorDone = st.last === 'unit' || st.last === 'teen' || st.last === 'tens';
      if (consumed && (numeratorDone || (st.last === 'hundred' && !afterAnd))) {
        const d = isPunct(t, j + 1, '-') ? j + 2 : j + 1;
        // After "hundred" only a plural makes a fraction: "one hundred twenty-fifth" is an ordinal.
        const unitDen =
          (numeratorDone ? ORDINALS.get(wordOf(t, d)) : undefined) ?? FRACTION_PLURALS.get(wordOf(t, d));
        if (unitDen !== undefined && unitDen < 10) {
          m.value = (st.total + st.group) / (tens + unitDen);
          m.fraction = true;
          m.sig = 1;
          m.end = t.end[d]!;
          m.tokEnd = d + 1;
          return m;
        }
      }
      if (numeratorDone) break;
      st.group += tens;
      lastSmall = tens;
      st.last = 'tens';
    } else if (scale === 100) {
      if (st.last === 'hundred' || st.group >= 100) break;
      st.group = (st.group || 1) * 100;
      st.last = 'hundred';
    } else if (scale !== undefined) {
      if (st.group === 0 && st.total > 0 && scale > st.lastScale) {
        st.total *= scale;
      } else {
        if (scale >= st.lastScale) break;
        st.total += (st.group || 1) * scale;
      }
      st.group = 0;
      st.lastScale = scale;
      st.last = 'scale';
    } else if (DOZEN.has(w) && consumed) {
      st.group = st.group - lastSmall + lastSmall * 12;
      st.last = 'scale';
    } else if (
      ord !== undefined &&
      (st.last === 'none' || st.last === 'tens' || st.last === 'hundred' || st.last === 'scale')
    ) {
      if (st.last === 'tens' && ord >= 10) {
        // "twenty fifths" style fractions are rare; "twenty tenth" is not a number.
        if (fracDen === undefined) break;
      }
      if (ord >= 100 && consumed) {
        m.value = (st.total + (st.group || 1)) * ord;
      } else {
        m.value = st.total + st.group + ord;
      }
      m.ordinal = true;
      m.end = t.end[j]!;
      m.tokEnd = j + 1;
      m.sig = significantOfValue(m.value);
      return m;
    } else if (
      consumed &&
      ((ord !== undefined && (st.last === 'unit' || st.last === 'teen' || st.last === 'tens')) ||
        (fracDen !== undefined && st.last !== 'none'))
    ) {
      // "two thirds", "one fifth", "three quarters", "twenty-three fifths", "a hundred trillionths".
      const den = fracDen ?? ord!;
      m.value = (st.total + st.group) / den;
      m.fraction = true;
      m.end = t.end[j]!;
      m.tokEnd = j + 1;
      // "two thirds of a million"
      const sc =
        wordOf(t, j + 1) === 'of' && (wordOf(t, j + 2) === 'a' || wordOf(t, j + 2) === 'an')
          ? SCALES.get(wordOf(t, j + 3))
          : undefined;
      if (sc !== undefined && sc >= 1000) {
        m.value = tidy(m.value * sc);
        m.fraction = false;
        m.end = t.end[j + 3]!;
        m.tokEnd = j + 4;
      }
      m.sig = 1;
      return m;
    } else if ((w === 'quarter' || w === 'half') && consumed && st.group === 1) {
      m.value = st.total + (w === 'half' ? 0.5 : 0.25);
      m.fraction = true;
      m.end = t.end[j]!;
      m.tokEnd = j + 1;
      m.sig = 1;
      return m;
    } else {
      break;
    }
    consumed = true;
    m.end = t.end[j]!;
    m.tokEnd = j + 1;
    let k = skipHyphen(t, j + 1);
    if (
      k === j + 1 &&
      isPunct(t, k, '-') &&
      k + 1 < t.count &&
      (ORDINALS.has(wordOf(t, k + 1)) || FRACTION_PLURALS.has(wordOf(t, k + 1)))
    ) {
      k = k + 1;
    }
    if (wordOf(t, k) === 'and') {
      const after = wordOf(t, k + 1);
      const frac = parseFractionPart(t, k + 1);
      if (
        frac &&
        (st.last === 'unit' ||
          st.last === 'teen' ||
          st.last === 'tens' ||
          st.last === 'scale' ||
          st.last === 'hundred')
      ) {
        // "two and a half", "five and a quarter", "one hundred and three quarters".
        let value: number;
        let end = frac.end;
        const s = SCALES.get(wordOf(t, end));
        if (s !== undefined && s >= 1000) {
          // "five and a half million", "one billion and a half million".
          value = st.total === 0 ? (st.group + frac.value) * s : st.total + st.group + frac.value * s;
          m.scale = s;
          end++;
        } else if (st.last === 'scale') {
          // "one million and a half" is one and a half million.
          value = st.total + st.group + frac.value * st.lastScale;
          m.scale = st.lastScale;
        } else {
          value = st.total + st.group + frac.value;
        }
        m.value = value;
        m.sig = significantOfValue(value / (m.scale || 1));
        m.end = t.end[end - 1]!;
        m.tokEnd = end;
        return m;
      }
      if ((st.last === 'hundred' || st.last === 'scale') && (SMALL.has(after) || TENS.has(after))) {
        k = k + 1;
        afterAnd = true;
      }
    }
    if (wordOf(t, k) === 'point' && st.last !== 'scale') {
      let digits = '';
      let p = k + 1;
      let pEnd = -1;
      for (;;) {
        const pw = wordOf(t, p);
        const sv = SMALL.get(pw);
        const tv = TENS.get(pw);
        if (sv !== undefined) digits += String(sv);
        else if (tv !== undefined) {
          const unit = SMALL.get(wordOf(t, skipHyphen(t, p + 1)));
          if (unit !== undefined && unit > 0 && unit < 10) {
            digits += String(tv + unit);
            p = skipHyphen(t, p + 1);
          } else digits += String(tv);
        } else break;
        pEnd = p;
        p = skipHyphen(t, p + 1);
      }
      if (pEnd >= 0) {
        const whole = st.total + st.group;
        m.value = Number(`${whole}.${digits}`);
        m.sig = countSignificant(String(whole), digits);
        m.end = t.end[pEnd]!;
        m.tokEnd = pEnd + 1;
        return m;
      }
    }
    j = k;
  }
  if (!consumed) return null;
  m.value = st.total + st.group;
  if (st.total > 0 || st.lastScale !== Infinity) m.scale = st.lastScale === Infinity ? 1 : st.lastScale;
  m.sig = significantOfValue(m.value);
  return m;
}

/** Parses a number of any supported form starting at token i. */
const VULGAR: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
  ['¼', 1 / 4],
  ['¾', 3 / 4],
  ['⅕', 1 / 5],
  ['⅖', 2 / 5],
  ['⅗', 3 / 5],
  ['⅘', 4 / 5],
  ['⅙', 1 / 6],
  ['⅚', 5 / 6],
  ['⅛', 1 / 8],
  ['⅜', 3 / 8],
  ['⅝', 5 / 8],
  ['⅞', 7 / 8],
]);

export function parseNumberAt(t: Tokens, i: number): NumberMatch | null {
  if (i >= t.count) return null;
  if (t.kind[i] === PUNCT) {
    const v = VULGAR.get(t.text[t.start[i]!]!);
    if (v === undefined) return null;
    const m = emptyMatch(t, i);
    m.value = v;
    m.fraction = true;
    m.sig = 1;
    return m;
  }
  if (t.kind[i] === DIGITS && isPunct(t, i + 1, '½¼¾⅓⅔') && glued(t, i, i + 1)) {
    // "2½ years"
    const m = emptyMatch(t, i);
    m.value = Number(t.text.slice(t.start[i]!, t.end[i]!)) + VULGAR.get(t.text[t.start[i + 1]!]!)!;
    m.sig = null;
    m.fraction = true;
    m.end = t.end[i + 1]!;
    m.tokEnd = i + 2;
    const scale = i + 2 < t.count && t.kind[i + 2] === WORD ? SPACED_SCALES.get(lw(t, i + 2)) : undefined;
    if (scale !== undefined && scale >= 1000) {
      m.value = tidy(m.value * scale);
      m.scale = scale;
      m.fraction = false;
      m.end = t.end[i + 2]!;
      m.tokEnd = i + 3;
    }
    return m;
  }
  if (t.kind[i] === DIGITS) return parseDigitNumber(t, i);
  if (t.kind[i] === WORD) return parseWordNumber(t, i);
  return null;
}
