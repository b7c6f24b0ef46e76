/**
 * The queue worker. Each SQS record is one unit of work: a batch article to check, a webhook
 * revision to check, or a report callback to deliver. A record that fails is reported alone
 * (partial batch response), so SQS retries just that one and moves it to the dead-letter queue
 * after a few receives, while the rest of its batch is done. Work already done is not done
 * again: a redelivered message of a checked article or revision does nothing.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { readWorkerConfig } from '../adapters/config.ts';
import { createFactSources } from '../adapters/create-fact-sources.ts';
import { createDocumentClient } from '../adapters/dynamodb/create-document-client.ts';
import { DynamoDbArticleStore } from '../adapters/dynamodb/dynamodb-article-store.ts';
import { DynamoDbReviewStore } from '../adapters/dynamodb/dynamodb-review-store.ts';
import { DynamoDbRevisionStore } from '../adapters/dynamodb/dynamodb-revision-store.ts';
import { articlePath, reportUrl } from '../adapters/http/article-links.ts';
import { logError, logger, logInfo, publishMetrics, recordCheckMetrics } from '../adapters/log.ts';
import { createArticleQueue, type QueueMessage } from '../adapters/queue/article-queue.ts';
import { recheckArticle } from '../adapters/recheck-article.ts';
import { SecretSettings } from '../adapters/webhooks/secret-settings.ts';
import { checkArticle } from '../core/index.ts';
// The webhook modules the worker needs, not the package index: payload mapping pulls in zod.
import {
  callbackMessageId,
  callbackRetryDelaySeconds,
  MAX_CALLBACK_ATTEMPTS,
  reportCallback,
} from '../core/webhooks/report-callback.ts';
import { signStandardWebhook } from '../core/webhooks/standard-webhook-signature.ts';
import { parseWebhookCallbacks } from '../core/webhooks/webhook-settings.ts';

/**
 * How long a worker holds a revision it is checking: longer than its own timeout, shorter than
 * the queue's visibility timeout, so a crashed worker's message finds the revision free again.
 */
const CHECK_LEASE_MS = 120_000;
const CALLBACK_TIMEOUT_MS = 10_000;

const config = readWorkerConfig();
const client = createDocumentClient();
const { factTable, references, metricAliases } = createFactSources(client, config);
const articles = new DynamoDbArticleStore(client, config.articlesTable);
const revisions = new DynamoDbRevisionStore(client, config.articlesTable);
const reviews = new DynamoDbReviewStore(client, config.articlesTable);
const queue = createArticleQueue(config.articleQueueUrl);
const callbacks = SecretSettings.fromEnvironment(
  process.env,
  { value: 'FIGCHECK_WEBHOOK_CALLBACKS', arn: 'FIGCHECK_WEBHOOK_CALLBACKS_ARN' },
  parseWebhookCallbacks,
);

export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

function readMessage(body: string): QueueMessage {
  let message: Partial<Record<keyof QueueMessage, unknown>>;
  try {
    message = JSON.parse(body) as typeof message;
  } catch {
    throw new PoisonMessageError('the message is not JSON');
  }
  if (typeof message?.articleId !== 'string') throw new PoisonMessageError('the message names no articleId');
  if (message.revision !== undefined && typeof message.revision !== 'string') {
    throw new PoisonMessageError('the message revision is not a string');
  }
  if (
    message.recheckFacts !== undefined &&
    !(Array.isArray(message.recheckFacts) && message.recheckFacts.every((id) => typeof id === 'string'))
  ) {
    throw new PoisonMessageError('the message recheckFacts is not a list of fact ids');
  }
  if (message.callbackAttempt !== undefined && !Number.isInteger(message.callbackAttempt)) {
    throw new PoisonMessageError('the message callbackAttempt is not a whole number');
  }
  return message as QueueMessage;
}

async function check(text: string, publishedAt: string) {
  const result = await checkArticle({ text, publishedAt }, references, {
    metricAliases: await metricAliases.get(),
  });
  recordCheckMetrics(result.claims.length, result.summary);
  return result;
}

async function checkBatchArticle(articleId: string): Promise<void> {
  const article = await articles.getQueued(articleId);
  if (!article) throw new PoisonMessageError(`no accepted article ${articleId}`);
  // A webhook article's message lost its revision (requeued after a local restart): check its newest.
  const latestRevision = (article as { latestRevision?: unknown }).latestRevision;
  if (typeof latestRevision === 'string') return checkRevision(articleId, latestRevision);
  if (article.status === 'checked') return;
  const result = await check(article.text, article.publishedAt);
  const checkedAt = new Date().toISOString();
  // The review records before the result: a redelivery after a crash between the two finds the
  // article still queued and writes both again (writing the records twice changes nothing).
  await reviews.recordCheck({ articleId, title: article.title, checkedAt }, result);
  await articles.save({
    articleId,
    title: article.title,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    text: article.text,
    batchId: article.batchId,
    checkedAt,
    result,
  });
}

async function checkRevision(articleId: string, revisionKey: string): Promise<void> {
  const revision = await revisions.getRevision(articleId, revisionKey);
  if (!revision) throw new PoisonMessageError(`no revision ${revisionKey} of article ${articleId}`);
  if (revision.status !== 'queued' && revision.status !== 'checking') return;
  if (!(await revisions.claim(articleId, revisionKey, CHECK_LEASE_MS))) return;
  const result = await check(revision.text, revision.publishedAt);
  const callback = (await callbacks.get())[revision.source];
  const checkedAt = new Date();
  // The review queue follows the article's current revision; an older one arriving late is
  // history. Its review records go first: a redelivery after a crash finds the revision still
  // claimable and writes both again.
  const stored = (await articles.get(articleId)) as { latestRevision?: string } | undefined;
  if (stored?.latestRevision === revisionKey) {
    await reviews.recordCheck(
      { articleId, title: revision.title, source: revision.source, checkedAt: checkedAt.toISOString() },
      result,
    );
  }
  await revisions.complete(articleId, revisionKey, result, callback !== undefined, checkedAt);
  if (callback) await queue.send([{ articleId, revision: revisionKey, callbackAttempt: 1 }]);
}

async function deliverCallback(articleId: string, revisionKey: string, attempt: number): Promise<void> {
  const revision = await revisions.getRevision(articleId, revisionKey);
  if (!revision?.result || !revision.checkedAt) {
    throw new PoisonMessageError(`revision ${revisionKey} of article ${articleId} has no check to report`);
  }
  if (revision.callbackStatus === 'delivered') return;
  const target = (await callbacks.get())[revision.source];
  if (!target) return;
  const body = JSON.stringify(
    reportCallback({
      articleId,
      source: revision.source,
      cmsId: revision.cmsId,
      revision: revisionKey,
      checkedAt: revision.checkedAt,
      result: revision.result,
      reportUrl: config.publicUrl ? reportUrl(articleId, config.publicUrl) : articlePath(articleId),
    }),
  );
  const started = Date.now();
  let status: number | undefined;
  let error: string | undefined;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'figcheck-callback/1',
        ...signStandardWebhook(target.secret, callbackMessageId(articleId, revisionKey), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    status = response.status;
    await response.body?.cancel();
    if (status < 200 || status > 299) error = `the receiver answered ${status}`;
  } catch (failure) {
    error = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
  }
  const delivered = error === undefined;
  const retry = !delivered && attempt < MAX_CALLBACK_ATTEMPTS;
  await revisions.recordCallbackAttempt(
    articleId,
    revisionKey,
    { attempt, at: new Date(started).toISOString(), status, error, durationMs: Date.now() - started },
    delivered ? 'delivered' : retry ? 'retrying' : 'failed',
  );
  logInfo('report callback', { articleId, revision: revisionKey, attempt, status, delivered });
  if (retry) {
    await queue.send([{ articleId, revision: revisionKey, callbackAttempt: attempt + 1 }], {
      delaySeconds: callbackRetryDelaySeconds(attempt, config.callbackRetryBaseSeconds),
    });
  }
}

async function handleMessage(body: string): Promise<void> {
  const message = readMessage(body);
  if (message.recheckFacts !== undefined) {
    const changed = await recheckArticle(message.articleId, message.recheckFacts, {
      articles,
      reviews,
      facts: factTable,
      metricAliases: () => metricAliases.get(),
    });
    logInfo('article re-checked', { articleId: message.articleId, facts: message.recheckFacts, changed });
    return;
  }
  if (message.revision === undefined) return checkBatchArticle(message.articleId);
  if (message.callbackAttempt !== undefined) {
    return deliverCallback(message.articleId, message.revision, message.callbackAttempt);
  }
  return checkRevision(message.articleId, message.revision);
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    logger.resetKeys();
    logger.appendKeys({
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
    });
    try {
      await handleMessage(record.body);
    } catch (error) {
      logError('queued work failed', error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  publishMetrics();
  return { batchItemFailures };
}
