/**
 * The reference-fact administration function: data editors load facts (PUT /v1/facts) and read
 * them back with their revisions (GET /v1/facts, GET /v1/facts/{id}).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { readFactsApiConfig } from '../adapters/config.ts';
import { createDocumentClient } from '../adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../adapters/dynamodb/dynamodb-api-key-store.ts';
import { DynamoDbRateLimiter } from '../adapters/dynamodb/dynamodb-rate-limiter.ts';
import { DynamoDbReferenceStore } from '../adapters/dynamodb/dynamodb-reference-store.ts';
import { DynamoDbReviewStore } from '../adapters/dynamodb/dynamodb-review-store.ts';
import { createAuthenticator } from '../adapters/http/authenticate-request.ts';
import { RequestValidationError, ResourceNotFoundError } from '../adapters/http/errors.ts';
import { jsonResponse } from '../adapters/http/problem-response.ts';
import { readJsonBody, readQuery } from '../adapters/http/read-json-body.ts';
import { createRouter } from '../adapters/http/route-request.ts';
import { createArticleQueue } from '../adapters/queue/article-queue.ts';
import { readReferenceFactList } from '../core/facts/index.ts';
import { listFactsQuerySchema, putFactsSchema } from './requests.ts';

const config = readFactsApiConfig();
const client = createDocumentClient();
const store = new DynamoDbReferenceStore(client, config.factsTable);
const reviews = new DynamoDbReviewStore(client, config.articlesTable);
const queue = createArticleQueue(config.articleQueueUrl);
const authenticator = createAuthenticator(
  new DynamoDbApiKeyStore(client, config.apiKeysTable),
  new DynamoDbRateLimiter(client, config.rateLimitsTable, config.rateLimitPerMinute),
);

async function putFacts(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const body = readJsonBody(event, putFactsSchema);
  const { facts, errors } = readReferenceFactList(body.facts);
  if (errors.length > 0) {
    const fields = errors.map((e) => ({
      field: `facts[${e.line}]${e.column ? `.${e.column}` : ''}`,
      message: e.message,
    }));
    throw new RequestValidationError(
      `${errors.length} problems in the facts; nothing was imported: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
      fields,
    );
  }
  const report = await store.putFacts(facts);
  // Articles whose checks relied on a revised fact are checked again by the worker.
  const affected = report.revised.length > 0 ? await reviews.articlesUsingFacts(report.revised) : [];
  await queue.send(affected.map((articleId) => ({ articleId, recheckFacts: report.revised })));
  return jsonResponse(200, {
    imported: report.facts,
    items: report.items,
    revised: report.revised,
    recheckQueued: affected.length,
  });
}

async function listFacts(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const { metric, entity } = readQuery(event, listFactsQuerySchema);
  return jsonResponse(200, { metric, entity, facts: await store.listFacts(metric, entity) });
}

async function factHistory(_event: APIGatewayProxyEventV2, params: Record<string, string>) {
  const id = params.id!;
  const revisions = await store.factHistory(id);
  if (revisions.length === 0) throw new ResourceNotFoundError(`no fact with id ${id}`);
  return jsonResponse(200, { id, current: revisions[revisions.length - 1], revisions });
}

export const handler = createRouter(
  'facts-api',
  {
    'GET /v1/facts': listFacts,
    'PUT /v1/facts': putFacts,
    'GET /v1/facts/{id}': factHistory,
  },
  authenticator,
);
