/**
 * A day or month written without its year is read as the latest one before publication ("on
 * 4 April" in February is last April). Said of what is still to come, it is the next one: "Moscow
 * and Baku will mark the 32nd anniversary of diplomatic relations on 4 April", "the forum is due
 * to open on 12 June", "talks scheduled for late March".
 */
import type { Figure, PublicationDate } from './recognise-figures.ts';
import type { Passages } from './split-passages.ts';
import { isMark, lw, type Tokens } from './tokenize.ts';

/** How far before a date the words that put it ahead may stand, within its clause. */
const TENSE_REACH = 14;

/** Words that say what follows is still to happen. */
const AHEAD = new Set(['will', 'shall', 'upcoming', 'forthcoming', 'scheduled', 'planned', 'due']);
/** Words that end the clause a date's tense is read from. */
const CLAUSE_ENDS = new Set(['when', 'where', 'which', 'who', 'after', 'since', 'because']);

/**
 * Whether the words shortly before token `at`, in its clause, say what it dates is still to come;
 * or, for a date that opens its sentence ("And on October 3, the organisation will mark ..."), the
 * words of the clause after it.
 */
function saysAhead(t: Tokens, passages: Passages, at: number, end: number): boolean {
  const sentence = passages.sentence[at];
  if (opensSentence(t, passages, at) && isMark(t, end, ',')) {
    for (let k = end + 1; k < Math.min(t.count, end + 1 + TENSE_REACH); k++) {
      if (passages.sentence[k] !== sentence || isMark(t, k, ',;:(')) break;
      const w = lw(t, k);
      if (CLAUSE_ENDS.has(w)) break;
      if (AHEAD.has(w)) return true;
    }
  }
  for (let k = at - 1; k >= Math.max(0, at - TENSE_REACH); k--) {
    if (passages.sentence[k] !== sentence || isMark(t, k, ',;:(')) return false;
    const w = lw(t, k);
    if (CLAUSE_ENDS.has(w)) return false;
    if (AHEAD.has(w)) return true;
    // "is to be held on 4 April", "are set to meet on 12 June"
    if (
      w === 'to' &&
      (lw(t, k + 1) === 'be' || lw(t, k - 1) === 'set') &&
      /^(is|are|set)$/.test(lw(t, k - 1))
    )
      return true;
  }
  return false;
}

/** Whether token `at`, behind at most a conjunction and a preposition, opens its sentence. */
function opensSentence(t: Tokens, passages: Passages, at: number): boolean {
  let k = at - 1;
  if (k >= 0 && passages.sentence[k] === passages.sentence[at] && OPENERS.has(lw(t, k))) k--;
  if (k >= 0 && passages.sentence[k] === passages.sentence[at] && OPENERS.has(lw(t, k))) k--;
  return k < 0 || passages.sentence[k] !== passages.sentence[at];
}
const OPENERS = new Set(['and', 'but', 'on', 'in', 'by']);

/** Moves each year-less date said of what is to come from last year's occurrence to this year's. */
export function pointDatesAhead(
  t: Tokens,
  figures: readonly Figure[],
  passages: Passages,
  pub: PublicationDate,
): void {
  const lastYear = String(pub.year - 1);
  for (const f of figures) {
    // A day or a month, not a run of months ("in January-May"), which has its own rule.
    if (f.kind !== 'date' || !f.yearInferred) continue;
    const value = String(f.value);
    if (!/^\d{4}(-\d\d){1,2}$/.test(value)) continue;
    if (!value.startsWith(lastYear) || !saysAhead(t, passages, f.tokStart, f.tokEnd)) continue;
    f.value = String(pub.year) + value.slice(4);
  }
}
