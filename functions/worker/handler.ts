/**
 * The queue worker: checks the articles of batches. Each SQS record names one accepted article;
 * a record that fails is reported alone (partial batch response), so SQS retries just that one
 * and moves it to the dead-letter queue after a few receives, while the rest of its batch is done.
 * A redelivered record of an article already checked does nothing.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { readWorkerConfig } from '../adapters/config.ts';
import { createFactSources } from '../adapters/create-fact-sources.ts';
import { createDocumentClient } from '../adapters/dynamodb/create-document-client.ts';
import { DynamoDbArticleStore } from '../adapters/dynamodb/dynamodb-article-store.ts';
import { logError, logger, publishMetrics, recordCheckMetrics } from '../adapters/log.ts';
import { checkArticle } from '../core/index.ts';

const config = readWorkerConfig();
const client = createDocumentClient();
const { references, metricAliases } = createFactSources(client, config);
const articles = new DynamoDbArticleStore(client, config.articlesTable);

export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

async function checkQueuedArticle(body: string): Promise<void> {
  let articleId: unknown;
  try {
    articleId = (JSON.parse(body) as { articleId?: unknown }).articleId;
  } catch {
    throw new PoisonMessageError('the message is not JSON');
  }
  if (typeof articleId !== 'string') throw new PoisonMessageError('the message names no articleId');
  const article = await articles.getQueued(articleId);
  if (!article) throw new PoisonMessageError(`no accepted article ${articleId}`);
  if (article.status === 'checked') return;
  const result = await checkArticle({ text: article.text, publishedAt: article.publishedAt }, references, {
    metricAliases: await metricAliases.get(),
  });
  recordCheckMetrics(result.claims.length, result.summary);
  await articles.save({
    articleId,
    title: article.title,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    text: article.text,
    batchId: article.batchId,
    checkedAt: new Date().toISOString(),
    result,
  });
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
      await checkQueuedArticle(record.body);
    } catch (error) {
      logError('queued article failed', error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  publishMetrics();
  return { batchItemFailures };
}
