/**
 * Splits text into a flat token stream (digit runs, letter runs, single punctuation marks) in one
 * linear pass. Every later stage works on these tokens and looks only at a bounded window around a
 * position, which is what keeps extraction linear in the input.
 */

import { buildKnownWords, knownWord } from './known-words.ts';

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
  /** hashWord() of each word's lower-cased text (0 for other tokens), computed while tokenizing. */
  hash: Int32Array;
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

/** Hash of a lower-cased word; equal words hash alike, so a miss in a set of hashes rules a word out. */
export function hashWord(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h & HASH_MASK;
}

/** Hashes stay small integers (30 bits), which V8 keeps unboxed. */
const HASH_MASK = 0x3fffffff;

const KNOWN_WORDS = buildKnownWords(hashWord);

export function tokenize(text: string): Tokens {
  const n = text.length;
  // Articles run about five characters a token; the arrays start at a third of the text's length
  // and double when a dense text (digits and commas) needs more, never past one per character.
  let cap = Math.min(n, (n >> 2) + (n >> 4) + 16);
  let buffer = new ArrayBuffer(cap * 13);
  let start = new Int32Array(buffer, 0, cap);
  let end = new Int32Array(buffer, cap * 4, cap);
  let hash = new Int32Array(buffer, cap * 8, cap);
  let kind = new Uint8Array(buffer, cap * 12, cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    if (count === cap) {
      cap = Math.min(n, cap * 2);
      buffer = new ArrayBuffer(cap * 13);
      const grown = new Int32Array(buffer, 0, cap);
      grown.set(start);
      start = grown;
      const grownEnd = new Int32Array(buffer, cap * 4, cap);
      grownEnd.set(end);
      end = grownEnd;
      const grownHash = new Int32Array(buffer, cap * 8, cap);
      grownHash.set(hash);
      hash = grownHash;
      const grownKind = new Uint8Array(buffer, cap * 12, cap);
      grownKind.set(kind);
      kind = grownKind;
    }
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
      // The hash of the lower-cased word is folded in as we go; ASCII letters lower-case with | 32.
      let h = c | 32;
      let ascii = c < 128;
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        const d = text.charCodeAt(j);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) {
          h = (Math.imul(h, 31) + (d | 32)) | 0;
          j++;
        } else if (d > 127 && isLetter(d)) {
          ascii = false;
          j++;
        } else break;
      }
      kind[count] = WORD;
      start[count] = i;
      end[count] = j;
      hash[count] = ascii ? h & HASH_MASK : hashWord(text.slice(i, j).toLowerCase());
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
    hash: hash.subarray(0, count),
  };
}

/** Marks that open a quotation: '"', '“', '‘', "'", '«'. */
export const OPENING_QUOTES = '"“‘\'«';

/** Lower-cased text of word token i ('' for other tokens), computed once and cached. */
export function lw(t: Tokens, i: number): string {
  const cached = t.lower[i];
  if (cached !== undefined) return cached;
  let w = '';
  if (t.kind[i] === WORD) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    if (e - s <= MAX_WORD_LOOKUP) {
      const known = knownWord(KNOWN_WORDS, t.hash[i]!);
      w = known !== undefined && spells(t.text, s, e, known) ? known : t.text.slice(s, e).toLowerCase();
    }
  }
  t.lower[i] = w;
  return w;
}

/** Whether text[s, e), a word token, lower-cases to `lower`; ASCII letters lower-case with | 32. */
function spells(text: string, s: number, e: number, lower: string): boolean {
  if (e - s !== lower.length) return false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c > 127 || (c | 32) !== lower.charCodeAt(k - s)) return false;
  }
  return true;
}

/**
 * A fingerprint of word token i (the hash of its lower-cased text) for checking whether it can be
 * in a vocabulary before building its string.
 */
export function wordKey(t: Tokens, i: number): number {
  return t.hash[i]!;
}

/** Fingerprints of a word list, matching wordKey(): one bit per hash in a table of 2^18 bits. */
export interface WordKeys {
  bits: Uint32Array;
}

const KEY_BITS = 1 << 18;

export function wordKeysOf(words: Iterable<string>): WordKeys {
  const bits = new Uint32Array(KEY_BITS >>> 5);
  for (const w of words) {
    const h = hashWord(w.toLowerCase());
    bits[(h & (KEY_BITS - 1)) >>> 5]! |= 1 << (h & 31);
  }
  return { bits };
}

/**
 * Whether a wordKey() may be among the fingerprints: the bit table alone, so a rare false yes
 * is possible and callers confirm with the word itself, as they must after a hash match anyway.
 */
export function hasWordKey(k: WordKeys, h: number): boolean {
  return (k.bits[(h & (KEY_BITS - 1)) >>> 5]! & (1 << (h & 31))) !== 0;
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

/** Whether token i is a word that starts with a capital letter (Latin, Latin-1 accented too). */
export function isCapitalisedWord(t: Tokens, i: number): boolean {
  if (i < 0 || i >= t.count || t.kind[i] !== WORD) return false;
  const c = t.text.charCodeAt(t.start[i]!);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}
