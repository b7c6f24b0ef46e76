/**
 * The verdict policy's last word: a contradiction, an outdated or an ambiguous verdict accuses the
 * article, so it may only rest on what the figure's own clause says. When the claim's frame has a
 * guessed part (a period figcheck assumed, countries from another clause), the verdict becomes
 * unverifiable, and the explanation keeps what the references say and names the guesses.
 */
import type { Claim, Verdict } from '../model.ts';
import { describeGuesses, joinPhrases } from './explain.ts';
import { frameOfClaim } from './match-frame.ts';

const ACCUSING: ReadonlySet<Verdict['verdict']> = new Set(['contradicted', 'outdated', 'ambiguous']);

export function holdBackOnGuesses(claim: Claim, verdict: Verdict): Verdict {
  const frame = frameOfClaim(claim);
  if (frame.guessed.length === 0 || !ACCUSING.has(verdict.verdict)) return verdict;
  const said = verdict.explanation.replace(/\.$/, '');
  return {
    ...verdict,
    verdict: 'unverifiable',
    explanation: `${said}. But figcheck guessed ${joinPhrases(describeGuesses(frame))}, so the claim is not marked ${verdict.verdict}.`,
  };
}
