/**
 * The dateline that opens wire copy: "BAKU, Azerbaijan, January 20 (Trend) -", "MOSCOW, July 8.
 * /TASS/.", "Baku, June 15, APA.", "TEHRAN, Feb. 10 (IRNA) –". Its date is when the story was
 * filed, not a period of any figure and not an event of the story.
 */
import type { Figure } from './recognise-figures.ts';
import { isCapitalisedWord, isMark, type Tokens } from './tokenize.ts';

/** How many tokens the place names before a dateline's date may take: "ASTANA, Kazakhstan,". */
const PLACE_TOKENS = 8;
/** How many tokens the agency after the date may take: "(RIA Novosti)", ", APA". */
const AGENCY_TOKENS = 8;

/** Whether a dash, full stop or colon ends the dateline at token i, after an agency in brackets or slashes. */
function endsDateline(t: Tokens, from: number): boolean {
  let bracket = false;
  for (let k = from; k < Math.min(t.count, from + AGENCY_TOKENS); k++) {
    if (isMark(t, k, '(/')) {
      bracket = !bracket || isMark(t, k, '(');
      continue;
    }
    if (isMark(t, k, ')')) {
      bracket = false;
      continue;
    }
    if (bracket) continue;
    if (isMark(t, k, '-–—.:')) return true;
    if (!isMark(t, k, ',') && !isCapitalisedWord(t, k)) return false;
  }
  return false;
}

/** The date figure of the text's dateline, or null when the text opens otherwise. */
export function datelineDate(t: Tokens, figures: readonly Figure[]): Figure | null {
  const first = figures[0];
  if (!first || first.kind !== 'date' || first.tokStart === 0 || first.tokStart > PLACE_TOKENS) return null;
  // Place names and commas only, the last of them a comma: "MOSCOW, ", "BAKU, Azerbaijan, ".
  for (let k = 0; k < first.tokStart; k++) if (!isCapitalisedWord(t, k) && !isMark(t, k, ',')) return null;
  if (!isMark(t, first.tokStart - 1, ',')) return null;
  return endsDateline(t, first.tokEnd) ? first : null;
}
