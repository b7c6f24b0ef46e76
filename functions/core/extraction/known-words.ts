/**
 * Every word of the extractor's vocabulary, lower-cased and keyed by hashWord(), so lw() can hand
 * back a shared string for the words extraction looks up instead of slicing and lower-casing each.
 * A word missing here only takes the slower path; a hash collision is caught by comparing letters.
 */
import boilerplate from './data/boilerplate.json' with { type: 'json' };
import countries from './data/countries.json' with { type: 'json' };
import currencies from './data/currencies.json' with { type: 'json' };
import events from './data/events.json' with { type: 'json' };
import metrics from './data/metrics.json' with { type: 'json' };
import namedThings from './data/named-things.json' with { type: 'json' };
import products from './data/products.json' with { type: 'json' };
import qualifiers from './data/qualifiers.json' with { type: 'json' };
import units from './data/units.json' with { type: 'json' };
import {
  DOZEN,
  FRACTION_PLURALS,
  GLUED_SCALES,
  MONTHS,
  ORDINAL_SUFFIXES,
  ORDINALS,
  SCALES,
  SMALL,
  SPACED_SCALES,
  TENS,
  VAGUE,
} from './number-words.ts';

/** Frequent words of news prose that the extractor reads around figures. */
const COMMON = [
  'the a an and or of in on at to by for from with as is are was were be been has have had it its',
  'this that these those their our his her your my both which each every any no some another',
  'than more less over under about around nearly almost up down per cent percent year years month',
  'said says say will would could should not but also into between while after before since until',
  'first last next previous current new total share growth rose fell increased decreased reached',
];

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      collectStrings(v, out);
    }
  }
}

const LETTERS = /[\p{L}\p{M}]+/gu;

/**
 * Open-addressed table from hashWord() to word: slot k holds a hash and 1 + the index of its word,
 * 0 when empty. Probing a typed array beats a Map lookup on the path every new word takes.
 */
export interface KnownWords {
  mask: number;
  hashes: Int32Array;
  slots: Int32Array;
  words: string[];
}

/** Builds the table with the hash function tokenize() uses, passed in to keep this file data-only. */
export function buildKnownWords(hashWord: (w: string) => number): KnownWords {
  const texts: string[] = [...COMMON];
  collectStrings(
    [boilerplate, countries, currencies, events, metrics, namedThings, products, qualifiers, units],
    texts,
  );
  for (const table of [
    SMALL,
    TENS,
    SCALES,
    VAGUE,
    ORDINALS,
    FRACTION_PLURALS,
    GLUED_SCALES,
    SPACED_SCALES,
    MONTHS,
  ])
    texts.push(...table.keys());
  texts.push(...ORDINAL_SUFFIXES, ...DOZEN);
  const byHash = new Map<number, string>();
  for (const text of texts) {
    for (const m of text.matchAll(LETTERS)) {
      const w = m[0].toLowerCase();
      const h = hashWord(w);
      if (!byHash.has(h)) byHash.set(h, w);
    }
  }
  let size = 1;
  while (size < byHash.size * 4) size <<= 1;
  const table: KnownWords = {
    mask: size - 1,
    hashes: new Int32Array(size),
    slots: new Int32Array(size),
    words: [],
  };
  for (const [h, w] of byHash) {
    let k = h & table.mask;
    while (table.slots[k] !== 0) k = (k + 1) & table.mask;
    table.hashes[k] = h;
    table.words.push(w);
    table.slots[k] = table.words.length;
  }
  return table;
}

/** The known word with hash h, or undefined. */
export function knownWord(table: KnownWords, h: number): string | undefined {
  let k = h & table.mask;
  for (;;) {
    const slot = table.slots[k]!;
    if (slot === 0) return undefined;
    if (table.hashes[k] === h) return table.words[slot - 1];
    k = (k + 1) & table.mask;
  }
}
