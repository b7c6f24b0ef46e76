/**
 * A headline restates its story's lede in fewer words: "Russian-Turkish trade shrank to $48.5
 * billion in eleven months" over "Trade turnover between Russia and Turkey in January-November
 * 2023 amounted to $48.5 billion". A headline figure that the first paragraphs state again, at the
 * headline's precision, is that figure, and takes the frame the fuller sentence gives it.
 */
import type { Claim } from '../model.ts';
import type { Passages } from './split-passages.ts';
import { isMark, type Tokens } from './tokenize.ts';

/** How many tokens a headline may take. */
const HEADLINE_TOKENS = 40;
/** How many paragraphs after the headline the lede may take (a dateline line, a standfirst). */
const LEDE_PARAGRAPHS = 3;

/** Whether the text's first paragraph is a headline. */
export function opensWithHeadline(t: Tokens, passages: Passages): boolean {
  let last = -1;
  for (let k = 0; k < Math.min(t.count, HEADLINE_TOKENS + 1); k++) {
    if (passages.paragraph[k] !== 0) break;
    last = k;
  }
  // A headline is one short line without a full stop, with a story after it.
  if (last < 0 || last === t.count - 1 || passages.paragraph[last + 1] === 0) return false;
  return !isMark(t, last, '.!?');
}

/** Whether body figure `b` states headline figure `h` again, to `h`'s precision. */
function restates(h: Claim, b: Claim): boolean {
  if (h.kind !== b.kind || h.unit !== b.unit || typeof h.value !== 'number' || typeof b.value !== 'number')
    return false;
  if (h.frame?.measure !== b.frame?.measure) return false;
  if (h.metric !== null && b.metric !== null && h.metric !== b.metric) return false;
  if (h.value === b.value) return true;
  if (h.significantFigures === null || h.value === 0) return false;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(h.value))) - h.significantFigures + 1);
  return Math.abs(h.value - b.value) <= step / 2;
}

/**
 * Gives each figure of the headline (paragraph 0) that the lede states again the lede's frame.
 * `paragraphOf` gives a claim's paragraph; claims come in text order.
 */
export function adoptLedeFrames(claims: Claim[], paragraphOf: (claim: Claim) => number): void {
  for (const h of claims) {
    if (paragraphOf(h) !== 0) break;
    let lede: Claim | undefined;
    for (const b of claims) {
      const p = paragraphOf(b);
      if (p > LEDE_PARAGRAPHS) break;
      if (p > 0 && b.frame !== undefined && restates(h, b)) {
        lede = b;
        break;
      }
    }
    if (!lede?.frame) continue;
    h.frame = { ...lede.frame, sources: { ...lede.frame.sources }, guessed: [...lede.frame.guessed] };
    delete h.frame.comparison;
    h.metric = lede.metric;
    h.entities = lede.entities;
    h.period = lede.period;
    h.checkable = lede.checkable;
  }
}
