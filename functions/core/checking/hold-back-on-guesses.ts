/**
 * The verdict policy's last word: a contradiction, an outdated or an ambiguous verdict accuses the
 * article, so it may only rest on what the figure's own clause says. When the claim's frame has a
 * guessed part (a period figcheck assumed, countries from another clause), the verdict becomes
 * unverifiable, and the explanation keeps what the references say and names the guesses.
 *
 * One assumption is not a guess: a level "has reached" with no date is the level when the article
 * was published, so references for that very month speak for it ("Kazakhstan has invested $141
 * million in Azerbaijan" against the ministry's figure of the same month).
 */
import type { Claim, ClaimFrame, FramePart, Verdict } from '../model.ts';
import { describeGuesses, joinPhrases } from './explain.ts';
import { frameOfClaim } from './match-frame.ts';

const ACCUSING: ReadonlySet<Verdict['verdict']> = new Set(['contradicted', 'outdated', 'ambiguous']);

/** The frame's guesses that still hold a verdict back. */
function guessesLeft(frame: ClaimFrame, verdict: Verdict): FramePart[] {
  const period = frame.period;
  const asOfPublication =
    period !== null &&
    period.granularity === 'as_of' &&
    period.basis === 'inferred' &&
    verdict.evidence.length > 0 &&
    verdict.evidence.every((e) => e.period === period.value);
  return asOfPublication ? frame.guessed.filter((part) => part !== 'period') : frame.guessed;
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
