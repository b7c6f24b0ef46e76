/**
 * The verdict policy's last word: a contradiction, an outdated or an ambiguous verdict accuses the
 * article, so it may only rest on what the figure's own clause says. When the claim's frame has a
 * guessed part (a period figcheck assumed, countries from another clause), the verdict becomes
 * unverifiable, and the explanation keeps what the references say and names the guesses.
 *
 * One assumption is not a guess: a level "has reached" with no date is the level when the article
 * was published, so references for that very month speak for it ("Kazakhstan has invested $141
 * million in Azerbaijan" against the ministry's figure of the same month). And such a level that
 * matches only an older reference, where references of the last months before publication
 * disagree, repeats a figure that was overtaken: outdated says so, and names both.
 */
import type { Claim, ClaimFrame, FramePart, Verdict } from '../model.ts';
import { parsePeriodSpan } from './calendar.ts';
import { describeGuesses, joinPhrases } from './explain.ts';
import { frameOfClaim } from './match-frame.ts';

export const ACCUSING: ReadonlySet<Verdict['verdict']> = new Set(['contradicted', 'outdated', 'ambiguous']);

/** How far before publication a reference still describes the level at publication. */
const RECENT_DAYS = 183;

/** True when the newest reference of the verdict ends at most `days` before the period `asOf`. */
function newestWithin(verdict: Verdict, asOf: string, days: number): boolean {
  const at = parsePeriodSpan(asOf);
  const newest = Math.max(...verdict.evidence.map((e) => parsePeriodSpan(e.period)?.last ?? -Infinity));
  return at !== null && newest <= at.last && at.last - newest <= days;
}

/** The frame's guesses that still hold a verdict back. */
function guessesLeft(frame: ClaimFrame, verdict: Verdict): FramePart[] {
  const period = frame.period;
  if (period === null || period.granularity !== 'as_of' || period.basis !== 'inferred') return frame.guessed;
  if (verdict.evidence.length === 0) return frame.guessed;
  const sameMonth = verdict.evidence.every((e) => e.period === period.value);
  const overtaken = verdict.verdict === 'outdated' && newestWithin(verdict, period.value, RECENT_DAYS);
  return sameMonth || overtaken ? frame.guessed.filter((part) => part !== 'period') : frame.guessed;
}

export function holdBackOnGuesses(claim: Claim, verdict: Verdict): Verdict {
  const frame = frameOfClaim(claim);
  if (!ACCUSING.has(verdict.verdict)) return verdict;
  const guessed = guessesLeft(frame, verdict);
  if (guessed.length === 0) return verdict;
  const said = verdict.explanation.replace(/\.$/, '');
  return {
    ...verdict,
    verdict: 'unverifiable',
    explanation: `${said}. But figcheck guessed ${joinPhrases(describeGuesses({ ...frame, guessed }))}, so the claim is not marked ${verdict.verdict}.`,
  };
}
