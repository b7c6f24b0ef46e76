/**
 * The review rules: what each reviewer action does to a claim's state, and how a new check of
 * an article (a re-check after a fact was revised, or a new revision) carries the reviews of its
 * claims over. Every change leaves an audit entry; a verdict the machine changed goes back to
 * the queue as open.
 */
import type { CheckResult, VerdictLabel } from '../model.ts';
import {
  type ClaimReview,
  claimKeyOf,
  FLAGGED_VERDICTS,
  type ReviewAction,
  type ReviewEntry,
  type ReviewState,
} from './model.ts';

export const VERDICT_LABELS: readonly VerdictLabel[] = [
  'supported',
  'contradicted',
  'outdated',
  'unverifiable',
  'ambiguous',
];

/** A review action a reviewer sent, before it is checked against the rules. */
export interface ReviewRequest {
  action: ReviewAction;
  note?: string;
  /** For `correct`: the verdict that should stand. */
  verdict?: VerdictLabel;
  /** For `correct`: the right value, as the reviewer writes it. */
  value?: string;
}

export class ReviewRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'ReviewRuleError';
  }
}

export function isFlagged(verdict: VerdictLabel): boolean {
  return FLAGGED_VERDICTS.includes(verdict);
}

/** A claim belongs in the review queue when the machine flagged it or a reviewer acted on it. */
export function belongsInQueue(review: ClaimReview): boolean {
  return isFlagged(review.machineVerdict) || review.history.some((entry) => entry.action !== 'recheck');
}

export function applyReview(
  review: ClaimReview,
  request: ReviewRequest,
  reviewer: string,
  now: Date = new Date(),
): ClaimReview {
  const note = request.note?.trim() || undefined;
  let after: ReviewState;
  switch (request.action) {
    case 'confirm':
      after = { status: 'confirmed', verdict: review.machineVerdict };
      break;
    case 'dismiss':
      if (!note) throw new ReviewRuleError('note', 'is required to dismiss a claim: say why');
      after = { status: 'dismissed', verdict: review.machineVerdict };
      break;
    case 'correct': {
      if (!request.verdict) throw new ReviewRuleError('verdict', 'is required to correct a claim');
      if (!note) throw new ReviewRuleError('note', 'is required to correct a claim: say what is right');
      const value = request.value?.trim() || undefined;
      after = { status: 'corrected', verdict: request.verdict, ...(value ? { correctedValue: value } : {}) };
      break;
    }
  }
  const entry: ReviewEntry = {
    action: request.action,
    reviewer,
    at: now.toISOString(),
    before: review.state,
    after,
    ...(note ? { note } : {}),
  };
  return { ...review, state: after, history: [...review.history, entry] };
}

/** Why an article was checked again: the revised facts, and the verdicts of the check before. */
export interface RecheckCause {
  factIds?: readonly string[];
  previousVerdicts?: Readonly<Record<string, VerdictLabel>>;
}

/**
 * The review records after a new check of an article: claims seen before keep their review
 * unless the machine's verdict changed, which reopens them with a `recheck` entry; new flagged
 * claims start open. Claims no longer in the check are returned as superseded.
 */
export function carryReviewsOver(
  articleId: string,
  existing: readonly ClaimReview[],
  result: CheckResult,
  cause: RecheckCause = {},
  now: Date = new Date(),
): { reviews: ClaimReview[]; superseded: ClaimReview[] } {
  const byClaim = new Map(existing.map((review) => [review.claimId, review]));
  const reviews: ClaimReview[] = [];
  for (const claim of result.claims) {
    const verdict = claim.verdict.verdict;
    const earlier = cause.previousVerdicts?.[claim.id];
    const previous =
      byClaim.get(claim.id) ??
      // A claim nobody reviewed (it was not flagged) whose verdict the re-check changed.
      (earlier !== undefined && earlier !== verdict
        ? {
            claimKey: claimKeyOf(articleId, claim.id),
            articleId,
            claimId: claim.id,
            machineVerdict: earlier,
            state: { status: 'open' as const, verdict: earlier },
            history: [],
          }
        : undefined);
    byClaim.delete(claim.id);
    if (!previous) {
      if (isFlagged(verdict)) {
        reviews.push({
          claimKey: claimKeyOf(articleId, claim.id),
          articleId,
          claimId: claim.id,
          machineVerdict: verdict,
          state: { status: 'open', verdict },
          history: [],
        });
      }
      continue;
    }
    if (previous.machineVerdict === verdict) {
      reviews.push(previous);
      continue;
    }
    const after: ReviewState = { status: 'open', verdict };
    const at = now.toISOString();
    const factIds = [...(cause.factIds ?? [])];
    reviews.push({
      ...previous,
      machineVerdict: verdict,
      state: after,
      verdictChange: { from: previous.machineVerdict, to: verdict, at, factIds },
      history: [
        ...previous.history,
        {
          action: 'recheck',
          reviewer: 'figcheck',
          at,
          before: previous.state,
          after,
          note:
            factIds.length > 0
              ? `re-checked after ${factIds.length === 1 ? 'fact' : 'facts'} ${factIds.join(', ')} ${factIds.length === 1 ? 'was' : 'were'} revised`
              : 're-checked',
        },
      ],
    });
  }
  return { reviews, superseded: [...byClaim.values()] };
}
