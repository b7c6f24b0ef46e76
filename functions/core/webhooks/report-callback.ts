/**
 * The report summary figcheck sends back to a CMS once a revision is checked, and when it tries
 * again after a failed delivery: 30 s, 1 min, 2 min ... doubling up to 15 min, six attempts in all.
 */
import { createHash } from 'node:crypto';
import type { CheckResult } from '../model.ts';
import type { WebhookSource } from './sources.ts';

export const MAX_CALLBACK_ATTEMPTS = 6;
/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

/** Seconds to wait before attempt `attempt + 1`, after attempt `attempt` failed. */
export function callbackRetryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(MAX_DELAY_SECONDS, baseSeconds * 2 ** (attempt - 1));
}

/** The Standard Webhooks message id: the same on every attempt, so a receiver can deduplicate. */
export function callbackMessageId(articleId: string, revisionKey: string): string {
  return `msg_${createHash('sha256').update(`${articleId}\n${revisionKey}`).digest('hex').slice(0, 32)}`;
}

export interface ReportCallback {
  type: 'figcheck.report.completed';
  timestamp: string;
  data: {
    articleId: string;
    source: WebhookSource;
    cmsId: string;
    revision: string;
    checkedAt: string;
    summary: CheckResult['summary'];
    /** Claims a reviewer should look at: every verdict other than supported. */
    flagged: { text: string; verdict: string; explanation: string }[];
    reportUrl: string;
  };
}

export function reportCallback(input: {
  articleId: string;
  source: WebhookSource;
  cmsId: string;
  revision: string;
  checkedAt: string;
  result: CheckResult;
  reportUrl: string;
  now?: Date;
}): ReportCallback {
  return {
    type: 'figcheck.report.completed',
    timestamp: (input.now ?? new Date()).toISOString(),
    data: {
      articleId: input.articleId,
      source: input.source,
      cmsId: input.cmsId,
      revision: input.revision,
      checkedAt: input.checkedAt,
      summary: input.result.summary,
      flagged: input.result.claims
        .filter((claim) => claim.verdict.verdict !== 'supported')
        .map((claim) => ({
          text: claim.text,
          verdict: claim.verdict.verdict,
          explanation: claim.verdict.explanation,
        })),
      reportUrl: input.reportUrl,
    },
  };
}
