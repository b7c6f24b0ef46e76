/**
 * The HTTP API function: API Gateway v2 event -> validated input -> use case -> JSON response.
 * Adapters are built once per container, at module scope.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { readServiceConfig } from '../adapters/config.ts';
import { createFactSources } from '../adapters/create-fact-sources.ts';
import { createDocumentClient } from '../adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../adapters/dynamodb/dynamodb-api-key-store.ts';
import { DynamoDbArticleStore, InvalidCursorError } from '../adapters/dynamodb/dynamodb-article-store.ts';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbRateLimiter } from '../adapters/dynamodb/dynamodb-rate-limiter.ts';
import { DynamoDbReviewStore } from '../adapters/dynamodb/dynamodb-review-store.ts';
import { DynamoDbRevisionStore } from '../adapters/dynamodb/dynamodb-revision-store.ts';
import { createAuthenticator } from '../adapters/http/authenticate-request.ts';
import {
  ArticleTooLargeError,
  RequestValidationError,
  ResourceNotFoundError,
} from '../adapters/http/errors.ts';
import { jsonResponse } from '../adapters/http/problem-response.ts';
import { readJsonBody, readQuery } from '../adapters/http/read-json-body.ts';
import { createRouter } from '../adapters/http/route-request.ts';
import { withIdempotency } from '../adapters/http/with-idempotency.ts';
import { logError, recordCheckMetrics } from '../adapters/log.ts';
import { articleMessages, createArticleQueue } from '../adapters/queue/article-queue.ts';
import type { ApiClient } from '../core/access/index.ts';
import { extractArticleText } from '../core/html/index.ts';
import { checkArticle } from '../core/index.ts';
import { openApiDocument } from './openapi-document.ts';
import { batchRequestSchema, checkRequestSchema, listArticlesQuerySchema } from './requests.ts';
import { createReviewRoutes } from './review-routes.ts';

const API_VERSION = '1.0.0';
/** Below DynamoDB's 400 KB item limit, with room for the item's other attributes. */
const MAX_STORED_ARTICLE_BYTES = 380_000;

const config = readServiceConfig();
const client = createDocumentClient();
const { factTable, references, metricAliases } = createFactSources(client, config);
const authenticator = createAuthenticator(
  new DynamoDbApiKeyStore(client, config.apiKeysTable),
  new DynamoDbRateLimiter(client, config.rateLimitsTable, config.rateLimitPerMinute),
);
const idempotency = new DynamoDbIdempotencyStore(client, config.articlesTable);
const queue = createArticleQueue(config.articleQueueUrl);
const articles = new DynamoDbArticleStore(client, config.articlesTable);
const revisions = new DynamoDbRevisionStore(client, config.articlesTable);
const reviews = new DynamoDbReviewStore(client, config.articlesTable);

async function postCheck(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const request = readJsonBody(event, checkRequestSchema);
  const publishedAt = request.publishedAt ?? new Date().toISOString().slice(0, 10);
  const extracted = request.html === undefined ? undefined : extractArticleText(request.html);
  const text = extracted?.text ?? request.text ?? '';
  const result = await checkArticle({ text, publishedAt }, references, {
    metricAliases: await metricAliases.get(),
  });
  recordCheckMetrics(result.claims.length, result.summary);
  const articleId = randomUUID();
  const title = request.title ?? extracted?.title ?? undefined;
  const checkedAt = new Date().toISOString();
  // DynamoDB keeps an item of at most 400 KB; refuse an article that cannot be stored before
  // writing anything for it (its review records would be written in vain).
  if (Buffer.byteLength(JSON.stringify({ text, result })) > MAX_STORED_ARTICLE_BYTES) {
    throw new ArticleTooLargeError();
  }
  // The review records first, the article last: an article that is stored has its records. If
  // the article's write fails, its records are taken back, so the queue shows none of it.
  await reviews.recordCheck({ articleId, title, checkedAt }, result, { firstCheck: true });
  try {
    await articles.save({
      articleId,
      title,
      url: request.url,
      language: request.language,
      publishedAt,
      text,
      checkedAt,
      result,
    });
  } catch (error) {
    await reviews.forgetFirstCheck(articleId, result).catch((cleanup: unknown) => {
      logError('could not remove the review records of an article that was not stored', cleanup);
    });
    throw error;
  }
  // Offsets point into the checked text; for HTML input that is the extracted article text.
  return jsonResponse(200, {
    articleId,
    links: { article: `/v1/articles/${articleId}` },
    ...result,
    ...(extracted ? { text } : {}),
  });
}

async function listArticles(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const query = readQuery(event, listArticlesQuerySchema);
  try {
    const page = await articles.list(query);
    return jsonResponse(200, page);
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new RequestValidationError(error.message, [{ field: 'cursor', message: error.message }]);
    }
    throw error;
  }
}

async function postBatch(
  event: APIGatewayProxyEventV2,
  _params: Record<string, string>,
  client: ApiClient | undefined,
): Promise<APIGatewayProxyResultV2> {
  const request = readJsonBody(event, batchRequestSchema);
  const batchId = randomUUID();
  const acceptedAt = new Date().toISOString();
  const today = acceptedAt.slice(0, 10);
  const accepted = request.articles.map((article) => {
    const extracted = article.html === undefined ? undefined : extractArticleText(article.html);
    return {
      articleId: randomUUID(),
      title: article.title ?? extracted?.title ?? undefined,
      url: article.url,
      language: article.language,
      publishedAt: article.publishedAt ?? today,
      text: extracted?.text ?? article.text ?? '',
      acceptedAt,
      batchId,
    };
  });
  const articleIds = accepted.map((a) => a.articleId);
  // Persisted before it is queued and before the 202: an accepted article is never lost.
  await articles.saveBatch(
    { batchId, createdAt: acceptedAt, client: client?.name ?? '', articleIds },
    accepted,
  );
  await queue.send(articleMessages(articleIds));
  return jsonResponse(202, {
    batchId,
    status: 'queued',
    links: { batch: `/v1/batches/${batchId}` },
    articles: articleIds.map((articleId) => ({ articleId, links: { article: `/v1/articles/${articleId}` } })),
  });
}

async function getBatch(_event: APIGatewayProxyEventV2, params: Record<string, string>) {
  const found = await articles.getBatch(params.id!);
  if (!found) throw new ResourceNotFoundError(`no batch with id ${params.id}`);
  const counts: Record<string, number> = { queued: 0, checked: 0 };
  for (const member of found.members) counts[member.status] = (counts[member.status] ?? 0) + 1;
  return jsonResponse(200, {
    batchId: found.batch.batchId,
    createdAt: found.batch.createdAt,
    total: found.members.length,
    status: counts.checked === found.members.length ? 'checked' : 'in_progress',
    counts,
    articles: found.members.map((m) => ({ ...m, links: { article: `/v1/articles/${m.articleId}` } })),
  });
}

async function getArticle(_event: APIGatewayProxyEventV2, params: Record<string, string>) {
  const article = await articles.get(params.id!);
  if (!article) throw new ResourceNotFoundError(`no article with id ${params.id}`);
  const { result, ...rest } = article;
  const history = 'source' in article ? await revisions.history(article.articleId) : undefined;
  return jsonResponse(200, { ...rest, ...result, ...history });
}

/** Healthy when the function is configured and its tables answer. */
async function health(): Promise<APIGatewayProxyResultV2> {
  try {
    await Promise.all([articles.ping(), factTable.ping()]);
    return jsonResponse(200, { status: 'ok' });
  } catch (error) {
    logError('health check failed', error);
    return jsonResponse(503, { status: 'unavailable' }, { 'retry-after': '5' });
  }
}

export const handler = createRouter(
  'api',
  {
    'POST /v1/checks': withIdempotency(idempotency, postCheck),
    'POST /v1/batches': withIdempotency(idempotency, postBatch),
    'GET /v1/batches/{id}': getBatch,
    'GET /v1/articles': listArticles,
    'GET /v1/articles/{id}': getArticle,
    ...createReviewRoutes({
      articles,
      reviews,
      revisions,
      authenticator,
      publicUrl: config.publicUrl,
      claimReviewAuthor: config.claimReviewAuthor,
    }),
    'GET /health': health,
    'GET /v1/openapi.json': async () => jsonResponse(200, openApiDocument(API_VERSION)),
  },
  authenticator,
);
