/**
 * The reviewer's vocabulary: the state of a flagged claim, the actions a reviewer takes on it,
 * and the audit entries those actions leave. Plain data, shared by the stores, the API and the
 * HTML pages.
 */
import type { CheckedClaim, CheckResult, VerdictLabel } from '../model.ts';

export type ReviewStatus = 'open' | 'confirmed' | 'dismissed' | 'corrected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'confirmed', 'dismissed', 'corrected'];

export type ReviewAction = 'confirm' | 'dismiss' | 'correct';

/** The verdicts a reviewer works through: everything but supported. */
export const FLAGGED_VERDICTS: readonly VerdictLabel[] = [
  'contradicted',
  'outdated',
  'ambiguous',
  'unverifiable',
];

/** What a review decides about a claim, before or after an action. */
export interface ReviewState {
  status: ReviewStatus;
  /** The verdict that stands: the machine's, or the reviewer's correction. */
  verdict: VerdictLabel;
  /** The right value as the reviewer wrote it (a correction), e.g. "$4.4 billion". */
  correctedValue?: string;
}

/** One audit entry: who did what to a claim, when, the state before and after, and why. */
export interface ReviewEntry {
  action: ReviewAction | 'recheck';
  /** The API client's name; `figcheck` for an automatic re-check. */
  reviewer: string;
  at: string;
  before: ReviewState;
  after: ReviewState;
  note?: string;
}

/** A verdict that changed when a reference fact it relied on was revised. */
export interface VerdictChange {
  from: VerdictLabel;
  to: VerdictLabel;
  at: string;
  /** The revised facts that caused the re-check. */
  factIds: string[];
}

/** The review record of one claim of one article. */
export interface ClaimReview {
  /** `<articleId>_<claimId>`: the claim's id across articles, used in `/v1/claims/{id}`. */
  claimKey: string;
  articleId: string;
  claimId: string;
  /** The machine's verdict from the latest check. */
  machineVerdict: VerdictLabel;
  state: ReviewState;
  /** Oldest first. */
  history: ReviewEntry[];
  verdictChange?: VerdictChange;
}

export function claimKeyOf(articleId: string, claimId: string): string {
  return `${articleId}_${claimId}`;
}

/** A revision of a webhook article, as the report shows it. */
export interface RevisionView {
  revisionKey: string;
  eventType: string;
  receivedAt: string;
  status: string;
  checkedAt?: string;
  summary?: Record<string, number>;
  sameAs?: string;
}

/** Everything the report page shows about one checked article. */
export interface ReportView {
  article: {
    articleId: string;
    title?: string;
    url?: string;
    publishedAt: string;
    checkedAt: string;
    /** The checked text; claim offsets point into it. */
    text: string;
    source?: string;
    cmsStatus?: string;
  };
  result: CheckResult;
  /** Review records by claim id (absent for claims nobody reviewed and that are not flagged). */
  reviews: Record<string, ClaimReview>;
  revisions: RevisionView[];
  /** The signed-in reviewer, and whether their key may record reviews. */
  reviewer: { name: string; canReview: boolean };
}

/** One row of the review queue: a flagged claim of some article. */
export interface QueueRow {
  claimKey: string;
  articleId: string;
  claimId: string;
  articleTitle?: string;
  source?: string;
  claimText: string;
  sentence: string;
  verdict: VerdictLabel;
  status: ReviewStatus;
  explanation: string;
  /** When the claim was flagged (its article's check), ISO. */
  flaggedAt: string;
  verdictChange?: VerdictChange;
}

export interface QueueFilters {
  verdict?: VerdictLabel;
  status?: ReviewStatus;
  source?: string;
  /** YYYY-MM-DD, inclusive. */
  since?: string;
  /** YYYY-MM-DD, inclusive. */
  until?: string;
}

export interface QueueView {
  rows: QueueRow[];
  filters: QueueFilters;
  /** Opaque cursor of the next page, absent on the last. */
  next?: string;
  reviewer: { name: string };
}

export type { CheckedClaim };
