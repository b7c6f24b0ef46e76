/**
 * The verdict for one claim from the reference facts fetched for it: routes each kind of claim to
 * its rules (numbers, dates, anniversaries, durations). Pure: same claim and facts, same verdict.
 */
import { TERM_METRIC } from '../measures.ts';
import type { Claim, ReferenceFact, Verdict } from '../model.ts';
import { decideAnniversaryClaim } from './decide-anniversary-claim.ts';
import { decideDateClaim } from './decide-date-claim.ts';
import { decideDurationClaim } from './decide-duration-claim.ts';
import { decideNumericClaim } from './decide-numeric-claim.ts';
import { describeClaimEvent } from './find-event-facts.ts';

/**
 * Anniversaries, durations and event-bound ordinals count from an event rather than compare a
 * value; a term ("rights for up to 99 years", metric lease_term) is a value.
 */
export function countsFromEvent(claim: Pick<Claim, 'kind' | 'event' | 'metric'>): boolean {
  if (claim.kind === 'duration' && claim.metric === TERM_METRIC) return false;
  return (
    claim.kind === 'anniversary' || claim.kind === 'duration' || (claim.kind === 'ordinal' && !!claim.event)
  );
}

function unrecognised(claim: Claim): Verdict {
  const missing =
    !claim.metric && claim.entities.length === 0 ? 'metric or entity' : !claim.metric ? 'metric' : 'entity';
  return {
    claimId: claim.id,
    verdict: 'unverifiable',
    explanation: `The claim names no ${missing} figcheck recognises.`,
    evidence: [],
  };
}

export function decideVerdict(
  claim: Claim,
  facts: readonly ReferenceFact[],
  context: { publishedAt: string },
): Verdict {
  if (countsFromEvent(claim)) {
    if (describeClaimEvent(claim).length === 0) return unrecognised(claim);
    return claim.kind === 'duration'
      ? decideDurationClaim(claim, facts, context)
      : decideAnniversaryClaim(claim, facts, context);
  }
  if (!claim.metric || claim.entities.length === 0) return unrecognised(claim);
  if (claim.kind === 'date') return decideDateClaim(claim, facts);
  return decideNumericClaim(claim, facts, context);
}
