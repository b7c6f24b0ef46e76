export {
  applyReview,
  belongsInQueue,
  carryReviewsOver,
  isFlagged,
  type RecheckCause,
  type ReviewRequest,
  ReviewRuleError,
  VERDICT_LABELS,
} from './apply-review.ts';
export { type ClaimReviewOptions, claimReviewJsonLd } from './claim-review-json-ld.ts';
export * from './model.ts';
export { csvCell, queueCsv } from './queue-csv.ts';
