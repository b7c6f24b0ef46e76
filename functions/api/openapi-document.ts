/**
 * The OpenAPI 3.1 document of figcheck's HTTP API, generated from the routes the stack deploys
 * and the zod schemas the functions validate with, so the description cannot drift from what
 * the API accepts. Tests check real responses against it.
 */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';
import { API_ROUTES } from '../adapters/http/api-routes.ts';
import {
  articlePageSchema,
  articleSchema,
  batchAcceptedSchema,
  batchStatusSchema,
  checkResponseSchema,
  claimReviewSchema,
  factHistorySchema,
  factListSchema,
  healthSchema,
  problemSchema,
  putFactsResponseSchema,
  webhookAcceptedSchema,
} from '../adapters/http/response-schemas.ts';
import { standardPayloadSchema } from '../core/webhooks/index.ts';
import { listFactsQuerySchema, putFactsSchema } from '../facts-api/requests.ts';
import { batchRequestSchema, checkRequestSchema, listArticlesQuerySchema } from './requests.ts';
import { queueQuerySchema, reviewRequestSchema } from './review-requests.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

interface Operation {
  summary: string;
  request?: z.ZodType;
  query?: z.ZodObject;
  response: z.ZodType;
  /** The success status, when it is not 200. */
  status?: 202 | 303;
  /** The media type of a success, when it is not JSON. */
  mediaType?: 'text/html' | 'text/csv' | 'application/ld+json';
  idempotent?: boolean;
}

const OPERATIONS: Record<string, Operation> = {
  'POST /v1/checks': {
    summary: 'Check one article: extract its claims and decide a verdict for each',
    request: checkRequestSchema,
    response: checkResponseSchema,
    idempotent: true,
  },
  'POST /v1/batches': {
    summary: 'Accept up to 100 articles for checking through the queue',
    request: batchRequestSchema,
    response: batchAcceptedSchema,
    idempotent: true,
  },
  'GET /v1/batches/{id}': {
    summary: 'Progress and per-article results of a batch',
    response: batchStatusSchema,
  },
  'GET /v1/articles': {
    summary: 'Checked articles, newest first, paged',
    query: listArticlesQuerySchema,
    response: articlePageSchema,
  },
  'GET /v1/articles/{id}': {
    summary: 'One checked article with its claims and verdicts',
    response: articleSchema,
  },
  'GET /v1/facts': {
    summary: 'Reference facts of a metric naming an entity',
    query: listFactsQuerySchema,
    response: factListSchema,
  },
  'PUT /v1/facts': {
    summary: 'Load reference facts (all or nothing)',
    request: putFactsSchema,
    response: putFactsResponseSchema,
  },
  'GET /v1/facts/{id}': { summary: 'One reference fact with all its revisions', response: factHistorySchema },
  'POST /v1/webhooks/{source}': {
    summary:
      'Receive a CMS webhook (source: standard, ghost, contentful, sanity, wordpress or strapi), signed as that CMS signs; ' +
      "the body shown is the standard source, figcheck's own format",
    request: standardPayloadSchema,
    response: webhookAcceptedSchema,
    status: 202,
  },
  'GET /v1/articles/{id}/report': {
    summary:
      'The report page: the article with every claim highlighted, its evidence and review actions (HTML)',
    response: z.string(),
    mediaType: 'text/html',
  },
  'GET /v1/articles/{id}/claimreview': {
    summary: 'schema.org ClaimReview JSON-LD of the reviewed claims (?all=1: every checked claim)',
    response: z.looseObject({
      '@context': z.literal('https://schema.org'),
      '@graph': z.array(z.looseObject({})),
    }),
    mediaType: 'application/ld+json',
  },
  'GET /v1/review': {
    summary: 'The review queue of flagged claims, newest first, filtered and paged (HTML)',
    query: queueQuerySchema,
    response: z.string(),
    mediaType: 'text/html',
  },
  'GET /v1/review.csv': {
    summary: 'The review queue as CSV, with the same filters (formula-safe cells)',
    query: queueQuerySchema,
    response: z.string(),
    mediaType: 'text/csv',
  },
  'POST /v1/claims/{id}/reviews': {
    summary:
      'Record a review of a claim (id <articleId>_<claimId>): confirm, dismiss (note required) or correct (verdict and note required)',
    request: reviewRequestSchema,
    response: claimReviewSchema,
  },
  'GET /v1/login': {
    summary: 'The sign-in page for browsers (HTML)',
    response: z.string(),
    mediaType: 'text/html',
  },
  'POST /v1/login': {
    summary: 'Sign in with an API key (form post); sets an HttpOnly session cookie and redirects',
    response: z.string(),
    status: 303,
    mediaType: 'text/html',
  },
  'POST /v1/logout': {
    summary: 'Sign out: clears the session cookie',
    response: z.string(),
    status: 303,
    mediaType: 'text/html',
  },
  'GET /health': { summary: 'Whether the service and its tables answer', response: healthSchema },
  'GET /v1/openapi.json': {
    summary: 'This document',
    response: z.looseObject({ openapi: z.literal('3.1.0') }),
  },
};

function parametersOf(path: string, query: z.ZodObject | undefined, idempotent: boolean): JsonSchema[] {
  const parameters: JsonSchema[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (query) {
    const schema = jsonSchema(query, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        schema: property,
      });
    }
  }
  if (idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      description: 'A retry with the same key and body gets the first response again and writes nothing.',
    });
  }
  return parameters;
}

let built: JsonSchema | undefined;

export function openApiDocument(version: string): JsonSchema {
  if (built) return built;
  const problem = {
    description: 'An RFC 9457 problem',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const key = `${route.method} ${route.path}`;
    const operation = OPERATIONS[key];
    if (!operation) throw new Error(`the OpenAPI document does not describe ${key}`);
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: operation.summary,
      ...(route.scope === null
        ? { security: [] }
        : { security: [{ apiKey: [] }, { bearer: [] }], 'x-figcheck-scope': route.scope }),
      parameters: parametersOf(route.path, operation.query, operation.idempotent ?? false),
      ...(operation.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.request, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(operation.status ?? 200)]: {
          description:
            operation.status === 202 ? 'Accepted' : operation.status === 303 ? 'See other' : 'Success',
          content: {
            [operation.mediaType ?? 'application/json']: { schema: jsonSchema(operation.response, 'output') },
          },
        },
        '4XX': problem,
        '5XX': problem,
      },
    };
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'figcheck API',
      version,
      description: 'Checks the numeric claims of news articles against sourced reference facts.',
    },
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
  return built;
}
