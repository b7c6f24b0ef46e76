/**
 * Finds known phrases (country names, metric aliases, named agreements and projects, event words)
 * in the token stream in one pass: a map from first token to candidate phrases, longest first.
 */
import {
  DIGITS,
  hasWordKey,
  lw,
  PUNCT,
  type Tokens,
  tokenize,
  WORD,
  type WordKeys,
  wordKey,
  wordKeysOf,
} from './tokenize.ts';

export interface Phrase<T> {
  keys: string[];
  /** Short all-capital aliases ("BAM", "US", "EU") must match case exactly. */
  exact: string | null;
  value: T;
}

export interface PhraseHit<T> {
  tokStart: number;
  tokEnd: number;
  value: T;
}

export interface PhraseMatcher<T> {
  byFirst: Map<string, Phrase<T>[]>;
  /** wordKey() fingerprints of every first word, to skip most words without building strings. */
  firstKeys: WordKeys;
}

function keyOf(t: Tokens, i: number): string {
  return t.kind[i] === WORD ? lw(t, i) : t.text.slice(t.start[i]!, t.end[i]!);
}

/** Builds a matcher from alias -> value pairs; aliases are tokenised like article text. */
export function buildPhraseMatcher<T>(entries: Iterable<[string, T]>): PhraseMatcher<T> {
  const byFirst = new Map<string, Phrase<T>[]>();
  for (const [alias, value] of entries) {
    const t = tokenize(alias);
    if (t.count === 0) continue;
    const keys: string[] = [];
    for (let i = 0; i < t.count; i++) keys.push(keyOf(t, i));
    const exact = /^[A-Z.]{2,6}$/.test(alias) ? alias : null;
    const first = keys[0]!;
    const list = byFirst.get(first) ?? [];
    list.push({ keys, exact, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byFirst, firstKeys: wordKeysOf(byFirst.keys()) };
}

/** Longest phrase starting at token i, or null. */
export function matchPhraseAt<T>(m: PhraseMatcher<T>, t: Tokens, i: number): PhraseHit<T> | null {
  if (t.kind[i] === DIGITS) return null;
  if (t.kind[i] === WORD && !hasWordKey(m.firstKeys, wordKey(t, i))) return null;
  const list = m.byFirst.get(keyOf(t, i));
  if (!list) return null;
  for (const p of list) {
    const end = phraseEndAt(p, t, i);
    if (end > 0) return { tokStart: i, tokEnd: end, value: p.value };
  }
  return null;
}

const DASHES = new Set(['-', '‐', '‑', '–', '—']);

function isDashKey(key: string): boolean {
  return key.length === 1 && DASHES.has(key);
}

/** A dash inside a compound, with no space on either side: "Turkic-Speaking", "Baku–Tbilisi". */
function isJoiningDash(t: Tokens, j: number): boolean {
  return (
    j > 0 &&
    j + 1 < t.count &&
    t.kind[j] === PUNCT &&
    DASHES.has(t.text[t.start[j]!]!) &&
    t.end[j - 1] === t.start[j] &&
    t.end[j] === t.start[j + 1]
  );
}

/**
 * The token after the phrase, whose first word is known to match, where it stands in full at
 * token i, else -1. Compounds are written with any dash or with a space ("Turkic-Speaking",
 * "Turkic Speaking", "Baku–Tbilisi–Kars"), so a dash of the phrase matches any dash or none,
 * and a joining dash in the text matches a space of the phrase.
 */
function phraseEndAt<T>(p: Phrase<T>, t: Tokens, i: number): number {
  let j = i + 1;
  for (let k = 1; k < p.keys.length; k++) {
    const key = p.keys[k]!;
    if (isDashKey(key)) {
      if (isJoiningDash(t, j)) j++;
      continue;
    }
    if (j < t.count && t.kind[j] === PUNCT && isJoiningDash(t, j)) j++;
    if (j >= t.count || keyOf(t, j) !== key) return -1;
    j++;
  }
  if (p.exact !== null && t.text.slice(t.start[i]!, t.end[j - 1]!) !== p.exact) return -1;
  return j;
}

/**
 * Longest matches per layer in one pass: phrases carry a layer key, and matches of one layer do
 * not overlap, while different layers may ("diplomatic relations" is a named thing and an event cue).
 */
export function findLayeredPhrases<T>(
  m: PhraseMatcher<T>,
  t: Tokens,
  layerOf: (value: T) => string,
): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  // Layers are few ("country", "metric" ...): parallel arrays beat a Map keyed by string.
  const layers: string[] = [];
  const blockedUntil: number[] = [];
  const seenAt: number[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== WORD || !hasWordKey(m.firstKeys, wordKey(t, i))) continue;
    const list = m.byFirst.get(lw(t, i));
    if (!list) continue;
    for (const p of list) {
      const layer = layerOf(p.value);
      let li = layers.indexOf(layer);
      if (li < 0) {
        li = layers.push(layer) - 1;
        blockedUntil.push(0);
        seenAt.push(-1);
      }
      if (blockedUntil[li]! > i || seenAt[li] === i) continue;
      const end = phraseEndAt(p, t, i);
      if (end < 0) continue;
      hits.push({ tokStart: i, tokEnd: end, value: p.value });
      blockedUntil[li] = end;
      seenAt[li] = i;
    }
  }
  return hits;
}
