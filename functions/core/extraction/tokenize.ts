/**
 * Splits text into a flat token stream (digit runs, letter runs, single punctuation marks) in one
 * linear pass. Every later stage works on these tokens and looks only at a bounded window around a
 * position, which is what keeps extraction linear in the input.
 */

export const DIGITS = 1;
export const WORD = 2;
export const PUNCT = 3;

export interface Tokens {
  text: string;
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Lower-cased word text, filled on first use by lw(); '' for non-words and huge runs. */
  lower: (string | undefined)[];
}

const MAX_WORD_LOOKUP = 40;

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // Non-ASCII: letters of any script, but not currency or typographic symbols.
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && LETTER.test(String.fromCharCode(code));
}

const LETTER = /\p{L}|\p{M}/u;

export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x2007 ||
    code === 0x2002 ||
    code === 0x2003 ||
    code === 0x200a ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b
  );
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  // At most one token per character, so the arrays never need to grow.
  const kind = new Uint8Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 48 || d > 57) break;
        j++;
      }
      kind[count] = DIGITS;
      start[count] = i;
      end[count] = j;
      count++;
      i = j;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && isLetter(c))) {
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        const d = text.charCodeAt(j);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d > 127 && isLetter(d))) j++;
        else break;
      }
      kind[count] = WORD;
      start[count] = i;
      end[count] = j;
      count++;
      i = j;
    } else if (c === 32 || isSpace(c)) {
      i++;
    } else {
      // Surrogate pairs stay together so emoji and astral symbols count as one mark.
      const j = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
      kind[count] = PUNCT;
      start[count] = i;
      end[count] = j;
      count++;
      i = j;
    }
  }
  return {
    text,
    count,
    kind: kind.subarray(0, count),
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    lower: new Array(count),
  };
}

/** Lower-cased text of word token i ('' for other tokens), computed once and cached. */
export function lw(t: Tokens, i: number): string {
  const cached = t.lower[i];
  if (cached !== undefined) return cached;
  let w = '';
  if (t.kind[i] === WORD) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (e - s <= MAX_WORD_LOOKUP) w = t.text.slice(s, e).toLowerCase();
  }
  t.lower[i] = w;
  return w;
}

/**
 * A cheap fingerprint of word token i (length, first and last letter, case-folded) for checking
 * whether it can be in a vocabulary before building its string.
 */
export function wordKey(t: Tokens, i: number): number {
  const s = t.start[i]!;
  const e = t.end[i]!;
  const len = e - s;
  if (len > MAX_WORD_LOOKUP) return -1;
  return (len << 16) | ((t.text.charCodeAt(s) | 32) << 8) | (t.text.charCodeAt(e - 1) | 32);
}

/** Fingerprints of a word list, matching wordKey(). */
export function wordKeysOf(words: Iterable<string>): Set<number> {
  const keys = new Set<number>();
  for (const w of words) {
    if (w.length === 0 || w.length > MAX_WORD_LOOKUP) continue;
    keys.add((w.length << 16) | ((w.charCodeAt(0) | 32) << 8) | (w.charCodeAt(w.length - 1) | 32));
  }
  return keys;
}

/** Whether tokens a and b (a < b) touch with no whitespace between them. */
export function glued(t: Tokens, a: number, b: number): boolean {
  return t.end[a] === t.start[b];
}

/** Whether token i is a punctuation mark among `chars`, without building a string. */
export function isMark(t: Tokens, i: number, chars: string): boolean {
  if (i < 0 || i >= t.count || t.kind[i] !== PUNCT) return false;
  const c = t.text.charCodeAt(t.start[i]!);
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}
