/**
 * Finds known phrases (country names, metric aliases, named agreements and projects, event words)
 * in the token stream in one pass: a map from first token to candidate phrases, longest first.
 */
import {
  DIGITS,
  hasWordKey,
  lw,
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
    if (phraseMatchesAt(p, t, i)) return { tokStart: i, tokEnd: i + p.keys.length, value: p.value };
  }
  return null;
}

/** Whether the phrase, whose first word is known to match, stands in full at token i. */
function phraseMatchesAt<T>(p: Phrase<T>, t: Tokens, i: number): boolean {
  if (i + p.keys.length > t.count) return false;
  for (let k = 1; k < p.keys.length; k++) {
    if (keyOf(t, i + k) !== p.keys[k]) return false;
  }
  return p.exact === null || t.text.slice(t.start[i]!, t.end[i + p.keys.length - 1]!) === p.exact;
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
      if (!phraseMatchesAt(p, t, i)) continue;
      hits.push({ tokStart: i, tokEnd: i + p.keys.length, value: p.value });
      blockedUntil[li] = i + p.keys.length;
      seenAt[li] = i;
    }
  }
  return hits;
}
