/**
 * The verdict engine's public surface: plan the reference look-ups for an article's claims, check
 * them in one round against a ReferenceStore, or decide one claim's verdict from given facts.
 */
export { checkClaims, ReferenceStoreAnswerError } from './check-claims.ts';
export { decideVerdict } from './decide-verdict.ts';
export { describeFrame, type FrameDescription } from './describe-frame.ts';
export { frameOfClaim } from './match-frame.ts';
export { planFactQueries } from './plan-fact-queries.ts';
export { APPROX_WIDENING, claimInterval, referenceInterval } from './tolerance.ts';
