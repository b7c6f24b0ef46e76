/**
 * Names of documents figcheck has no alias for ("the Treaty on Good-Neighbourliness", "the Joint
 * Declaration on Deepening Strategic Partnership"), so that a date beside one is about that
 * document and is never checked against another document of the same countries. The slug is
 * the name in lower case without "the", "of", "on", "and", "between", "in", "for", "to", as the
 * reference table names documents (docs/claim-frames.md).
 */
import type { Passages } from './split-passages.ts';
import { isCapitalisedWord, isMark, lw, type Tokens, WORD } from './tokenize.ts';
import { describedDocument, type NamedThing, thingWithId } from './vocabulary.ts';

/** Nouns a document's name ends in: "the Joint Declaration", "the trilateral statement". */
const HEADS: ReadonlySet<string> = new Set([
  'treaty',
  'agreement',
  'declaration',
  'memorandum',
  'convention',
  'protocol',
  'accord',
  'accords',
  'charter',
  'statement',
  'pact',
  'communique',
  'communiqué',
  'roadmap',
]);
/** Whether word w is a document's head noun, singular or plural: "statement", "statements". */
export function isDocumentHead(w: string): boolean {
  return HEADS.has(w) || (w.endsWith('s') && HEADS.has(w.slice(0, -1)));
}
const CONNECTORS = new Set(['of', 'on', 'and', 'the', 'in', 'for', 'to']);
/** Institutions are named things too: "ADA University, established in 2006". */
const INSTITUTIONS: ReadonlyMap<string, string> = new Map([
  ['organisation', 'founded'],
  ['organization', 'founded'],
  ['university', 'founded'],
  ['academy', 'founded'],
  ['institute', 'founded'],
  ['center', 'founded'],
  ['centre', 'founded'],
  ['movement', 'founded'],
  ['conference', 'founded'],
  ['council', 'founded'],
  ['fund', 'founded'],
  ['foundation', 'founded'],
  ['forum', 'founded'],
  ['commission', 'founded'],
  ['bank', 'founded'],
  ['airport', 'opened'],
  ['bridge', 'opened'],
  ['port', 'opened'],
  ['station', 'opened'],
  ['terminal', 'opened'],
  ['pipeline', 'opened'],
  ['railway', 'opened'],
  ['corridor', 'opened'],
]);
const MONTH_NAMES = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
const DROPPED = new Set(['the', 'of', 'on', 'and', 'between', 'in', 'for', 'to', 'a', 'an']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'our']);
const MAX_WORDS = 14;

export interface DocumentName {
  tokStart: number;
  tokEnd: number;
  thing: NamedThing;
}

function slugOf(t: Tokens, from: number, to: number): string {
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    if (t.kind[k] !== WORD) continue;
    const w = lw(t, k)
      .normalize('NFD')
      .replace(/[^a-z0-9]/g, '');
    if (w !== '' && !DROPPED.has(w)) words.push(w);
  }
  return words.join('_').slice(0, 80).replace(/_+$/, '');
}

/** A document figcheck does not know, named by the words in tokens [from, to). */
export function unknownDocument(t: Tokens, from: number, to: number): NamedThing {
  return {
    id: slugOf(t, from, to),
    type: 'document',
    eventMetric: 'agreement_signed',
    parties: [],
    derived: true,
  };
}

/** The name whose head word ("Treaty", "Declaration", "University") is token i, or null. */
function nameAt(
  t: Tokens,
  i: number,
  sentenceStart: number,
  places: ReadonlySet<number>,
): DocumentName | null {
  let start = i;
  // Capitalised modifiers before the head: "Joint Declaration", "Fuzuli International Airport",
  // "Non-Aligned Movement".
  for (;;) {
    if (start - 1 >= sentenceStart && isCapitalisedWord(t, start - 1) && !DETERMINERS.has(lw(t, start - 1))) {
      start--;
    } else if (start - 2 >= sentenceStart && isMark(t, start - 1, '-') && isCapitalisedWord(t, start - 2)) {
      start -= 2;
    } else break;
  }
  let end = i + 1;
  let lastWord = i;
  let words = 0;
  const tail = lw(t, end);
  if (t.kind[end] === WORD && (tail === 'of' || tail === 'on' || tail === 'for' || tail === 'in')) {
    for (let k = end + 1; k < t.count && words < MAX_WORDS; k++) {
      if (isCapitalisedWord(t, k)) {
        // "signed the Treaty on Allied Relations in Tashkent in June": places and dates end the name.
        if (MONTH_NAMES.has(lw(t, k)) || (places.has(k) && lw(t, k - 1) === 'in')) break;
        lastWord = k;
        words++;
        continue;
      }
      const w = t.kind[k] === WORD ? lw(t, k) : '';
      // "the 1994 Treaty on Friendship and Comprehensive Cooperation and the Agreement on ...":
      // "and the" starts another name.
      if (w === 'and' && (lw(t, k + 1) === 'the' || HEADS.has(lw(t, k + 1)))) break;
      if (CONNECTORS.has(w)) continue;
      // "Good-Neighbourliness", "Friendship, Cooperation and Mutual Security".
      if (isMark(t, k, '-–') && isCapitalisedWord(t, k + 1)) continue;
      if (isMark(t, k, ',') && isCapitalisedWord(t, k + 1)) continue;
      break;
    }
    end = lastWord + 1;
  }
  if (start === i && end === i + 1) return null;
  const id = slugOf(t, start, end);
  if (id.length < 2 || !id.includes('_')) return null;
  const head = lw(t, i);
  const institution = INSTITUTIONS.get(head);
  // "the Treaty on Friendship and Comprehensive Cooperation": the words of a known name, shortened.
  const known = thingWithId(id);
  return {
    tokStart: start,
    tokEnd: end,
    thing:
      known ??
      (institution
        ? { id, type: 'organisation', eventMetric: institution, parties: [], derived: true }
        : { id, type: 'document', eventMetric: 'agreement_signed', parties: [], derived: true }),
  };
}

const DESCRIBED_REACH = 12;

/**
 * A known document described in other words at head token i: "the memorandum on a strategic
 * partnership in energy", "the Agreement on Strategic Partnership in Energy" (vocabulary.ts
 * describedDocument()).
 */
function describedAt(t: Tokens, i: number): DocumentName | null {
  const head = lw(t, i);
  if (i < 2 || !HEADS.has(head)) return null;
  // "the memorandum on ...", "a joint declaration on ...": a determiner, and at most one word between.
  const modifier = DETERMINERS.has(lw(t, i - 1)) ? undefined : lw(t, i - 1);
  if (modifier !== undefined && (t.kind[i - 1] !== WORD || !DETERMINERS.has(lw(t, i - 2)))) return null;
  const after = lw(t, i + 1);
  if (after !== 'on' && after !== 'of' && after !== 'for' && after !== 'in') return null;
  const words: string[] = [];
  const at: number[] = [];
  for (let k = i + 1; k < Math.min(t.count, i + 1 + DESCRIBED_REACH) && t.kind[k] === WORD; k++) {
    words.push(lw(t, k));
    at.push(k);
  }
  const found = describedDocument(head, words, modifier);
  if (!found || found.used === 0) return null;
  return {
    tokStart: modifier === undefined ? i : i - 1,
    tokEnd: at[found.used - 1]! + 1,
    thing: found.thing,
  };
}

/**
 * Document names in the text outside the spans of known things (`taken`, sorted by start):
 * names figcheck has an alias for are already known.
 */
export function findDocumentNames(
  t: Tokens,
  passages: Passages,
  taken: ReadonlyArray<{ tokStart: number; tokEnd: number }>,
  places: ReadonlySet<number> = new Set(),
): DocumentName[] {
  const out: DocumentName[] = [];
  let k = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== WORD || passages.excluded[i] === 1) continue;
    if (!isCapitalisedWord(t, i) && !HEADS.has(lw(t, i))) continue;
    while (k < taken.length && taken[k]!.tokEnd <= i) k++;
    if (k < taken.length && taken[k]!.tokStart <= i) continue;
    const described = describedAt(t, i);
    if (described) {
      out.push(described);
      i = described.tokEnd - 1;
      continue;
    }
    const head = lw(t, i);
    if (!HEADS.has(head) && !INSTITUTIONS.has(head)) continue;
    let floor = i;
    while (floor > Math.max(0, i - 6) && passages.sentence[floor - 1] === passages.sentence[i]) floor--;
    const name = nameAt(t, i, floor, places);
    if (name) {
      out.push(name);
      i = name.tokEnd - 1;
    }
  }
  return out;
}
