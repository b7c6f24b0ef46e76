/**
 * The reviewer's routes: the report and queue pages (HTML rendered here, with a fresh CSP nonce
 * per response), review actions from the pages and the API, the ClaimReview and CSV exports,
 * and sign-in for browsers (the API key in an HttpOnly, SameSite=Strict cookie).
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { DynamoDbArticleStore } from '../adapters/dynamodb/dynamodb-article-store.ts';
import {
  type DynamoDbReviewStore,
  InvalidQueueCursorError,
  parseClaimKey,
  ReviewConflictError,
} from '../adapters/dynamodb/dynamodb-review-store.ts';
import type { DynamoDbRevisionStore } from '../adapters/dynamodb/dynamodb-revision-store.ts';
import { articlePath, baseUrlOf } from '../adapters/http/article-links.ts';
import { type Authenticator, isSameOrigin, SESSION_COOKIE } from '../adapters/http/authenticate-request.ts';
import {
  ForbiddenError,
  IdempotencyConflictError,
  RequestValidationError,
  ResourceNotFoundError,
  UnauthorizedError,
} from '../adapters/http/errors.ts';
import { jsonResponse } from '../adapters/http/problem-response.ts';
import { isFormPost, readFormOrJsonBody, readQuery } from '../adapters/http/read-json-body.ts';
import type { RouteHandler } from '../adapters/http/route-request.ts';
import type { ApiClient } from '../core/access/index.ts';
import type { CheckResult } from '../core/model.ts';
import {
  applyReview,
  type ClaimReview,
  claimReviewJsonLd,
  type QueueFilters,
  queueCsv,
  type ReviewRequest,
  ReviewRuleError,
} from '../core/review/index.ts';
import { html } from '../pages/html.ts';
import { contentSecurityPolicy, page } from '../pages/layout.ts';
import { renderQueue } from '../pages/render-queue.ts';
import { renderReport } from '../pages/render-report.ts';
import { queueQuerySchema, reviewRequestSchema } from './review-requests.ts';

export interface ReviewRouteDependencies {
  articles: DynamoDbArticleStore;
  reviews: DynamoDbReviewStore;
  revisions: DynamoDbRevisionStore;
  authenticator: Authenticator;
  publicUrl?: string;
  claimReviewAuthor: { name: string; url?: string };
}

const QUEUE_PAGE_SIZE = 50;
const CSV_MAX_ROWS = 10_000;
const SESSION_SECONDS = 12 * 3600;
const EMPTY_RESULT: CheckResult = {
  publishedAt: '',
  claims: [],
  summary: { supported: 0, contradicted: 0, outdated: 0, unverifiable: 0, ambiguous: 0 },
};

function htmlResponse(
  statusCode: number,
  body: string,
  nonce: string,
): Exclude<APIGatewayProxyResultV2, string> {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(nonce),
      'x-content-type-options': 'nosniff',
      // Links out (sources, the article) carry no referrer; form posts keep their Origin.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    },
    body,
  };
}

function redirect(location: string, cookies?: string[]): Exclude<APIGatewayProxyResultV2, string> {
  return {
    statusCode: 303,
    headers: { location, 'cache-control': 'no-store' },
    body: '',
    ...(cookies ? { cookies } : {}),
  };
}

const newNonce = () => randomBytes(16).toString('base64');

/** Only paths of figcheck itself: a sign-in or review form cannot send the browser elsewhere. */
function localPath(value: string | undefined, fallback: string): string {
  return value && /^\/v1\/[^\s\\]*$/.test(value) && !value.startsWith('//') ? value : fallback;
}

function toFilters(query: {
  verdict?: string;
  status?: string;
  source?: string;
  since?: string;
  until?: string;
}) {
  return Object.fromEntries(
    Object.entries({
      verdict: query.verdict,
      status: query.status,
      source: query.source,
      since: query.since,
      until: query.until,
    }).filter(([, value]) => value !== undefined),
  ) as QueueFilters;
}

function filterQuery(filters: QueueFilters): string {
  return new URLSearchParams(filters as Record<string, string>).toString();
}

function queueCursorError(error: unknown): never {
  if (error instanceof InvalidQueueCursorError) {
    throw new RequestValidationError(error.message, [{ field: 'cursor', message: error.message }]);
  }
  throw error;
}

export function createReviewRoutes(deps: ReviewRouteDependencies): Record<string, RouteHandler> {
  const { articles, reviews, revisions } = deps;

  async function reviewsByClaim(articleId: string): Promise<Record<string, ClaimReview>> {
    return Object.fromEntries((await reviews.listForArticle(articleId)).map((r) => [r.claimId, r]));
  }

  /** A claim of a checked article that has no review record yet (it was not flagged). */
  async function adoptClaim(claimKey: string) {
    const key = parseClaimKey(claimKey);
    const article = key ? await articles.get(key.articleId) : undefined;
    const claim = article?.result?.claims.find((c) => c.id === key!.claimId);
    if (!article || !claim) {
      throw new ResourceNotFoundError(
        `no claim with id ${claimKey} (claim ids look like <articleId>_c12-30)`,
      );
    }
    return reviews.adopt(
      {
        articleId: article.articleId,
        title: article.title,
        source: article.source,
        checkedAt: article.checkedAt,
      },
      claim,
    );
  }

  async function report(_event: APIGatewayProxyEventV2, params: Record<string, string>, client?: ApiClient) {
    const article = await articles.get(params.id!);
    if (!article) throw new ResourceNotFoundError(`no article with id ${params.id}`);
    const history = article.source ? await revisions.history(article.articleId) : { revisions: [] };
    const nonce = newNonce();
    const body = renderReport(
      {
        article: {
          articleId: article.articleId,
          title: article.title,
          url: article.url,
          publishedAt: article.publishedAt,
          checkedAt: article.checkedAt,
          text: article.text,
          source: article.source,
          cmsStatus: article.cmsStatus,
        },
        result: article.result ?? EMPTY_RESULT,
        reviews: await reviewsByClaim(article.articleId),
        revisions: history.revisions,
        reviewer: { name: client!.name, canReview: client!.scopes.includes('reviews:write') },
      },
      nonce,
    );
    return htmlResponse(200, body, nonce);
  }

  async function queuePage(
    event: APIGatewayProxyEventV2,
    _params: Record<string, string>,
    client?: ApiClient,
  ) {
    const query = readQuery(event, queueQuerySchema);
    const filters = toFilters(query);
    const found = await reviews
      .queue(filters, query.limit ?? QUEUE_PAGE_SIZE, query.cursor)
      .catch(queueCursorError);
    const nonce = newNonce();
    const body = renderQueue(
      { ...found, filters, reviewer: { name: client!.name } },
      nonce,
      filterQuery(filters),
    );
    return htmlResponse(200, body, nonce);
  }

  async function queueCsvExport(event: APIGatewayProxyEventV2) {
    const query = readQuery(event, queueQuerySchema);
    const filters = toFilters(query);
    const rows = [];
    let cursor = query.cursor;
    do {
      const found = await reviews.queue(filters, 200, cursor).catch(queueCursorError);
      rows.push(...found.rows);
      cursor = found.next;
    } while (cursor && rows.length < CSV_MAX_ROWS);
    const base = baseUrlOf(event, deps.publicUrl);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="figcheck-review-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
      body: queueCsv(rows, (row) => `${base}${articlePath(row.articleId)}/report#claim-${row.claimId}`),
    };
  }

  async function postReview(
    event: APIGatewayProxyEventV2,
    params: Record<string, string>,
    client?: ApiClient,
  ) {
    const request = readFormOrJsonBody(event, reviewRequestSchema);
    const current = (await reviews.get(params.id!)) ?? (await adoptClaim(params.id!));
    let updated: ClaimReview;
    try {
      updated = applyReview(current, request as ReviewRequest, client!.name);
      await reviews.saveReview(updated, current.version);
    } catch (error) {
      if (error instanceof ReviewRuleError) {
        throw new RequestValidationError(error.message, [{ field: error.field, message: error.message }]);
      }
      if (error instanceof ReviewConflictError) throw new IdempotencyConflictError(409, error.message);
      throw error;
    }
    if (isFormPost(event)) {
      return redirect(
        localPath(request.return, `${articlePath(updated.articleId)}/report#claim-${updated.claimId}`),
      );
    }
    return jsonResponse(200, updated);
  }

  async function claimReview(event: APIGatewayProxyEventV2, params: Record<string, string>) {
    const article = await articles.get(params.id!);
    if (!article) throw new ResourceNotFoundError(`no article with id ${params.id}`);
    const all = event.queryStringParameters?.all;
    if (all !== undefined && all !== '1' && all !== '0') {
      throw new RequestValidationError('all must be 1 or 0', [{ field: 'all', message: 'must be 1 or 0' }]);
    }
    const document = claimReviewJsonLd(
      article,
      article.result ?? EMPTY_RESULT,
      await reviewsByClaim(article.articleId),
      {
        author: deps.claimReviewAuthor,
        reportUrl: `${baseUrlOf(event, deps.publicUrl)}${articlePath(article.articleId)}/report`,
        all: all === '1',
      },
    );
    return jsonResponse(200, document, { 'content-type': 'application/ld+json; charset=utf-8' });
  }

  function loginPage(next: string, message?: string, status = 200) {
    const nonce = newNonce();
    const body = page({
      title: 'Sign in',
      nonce,
      reviewer: undefined,
      body: html`<section class="sign-in">
<h1>Sign in to figcheck</h1>
<p>Paste your figcheck API key. It is kept in an HttpOnly cookie for 12 hours and sent only to figcheck.</p>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/v1/login">
<input type="hidden" name="next" value="${next}">
<label for="key">API key</label>
<input id="key" name="key" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</section>`,
    });
    return htmlResponse(status, body, nonce);
  }

  async function login(event: APIGatewayProxyEventV2) {
    if (!isSameOrigin(event)) throw new ForbiddenError("sign in from figcheck's own sign-in page (Origin)");
    const form = new URLSearchParams(
      event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? ''),
    );
    const key = form.get('key')?.trim() ?? '';
    const next = localPath(form.get('next') ?? undefined, '/v1/review');
    try {
      await deps.authenticator.authenticate(
        {
          ...event,
          headers: { 'x-api-key': key },
          cookies: undefined,
          requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'GET' } },
        },
        'articles:read',
      );
    } catch (error) {
      if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
        return loginPage(next, `That key was not accepted: ${error.message}.`, 401);
      }
      throw error;
    }
    const secure = baseUrlOf(event, deps.publicUrl).startsWith('https:') ? '; Secure' : '';
    return redirect(next, [
      `${SESSION_COOKIE}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure}`,
    ]);
  }

  return {
    'GET /v1/articles/{id}/report': report,
    'GET /v1/articles/{id}/claimreview': claimReview,
    'GET /v1/review': queuePage,
    'GET /v1/review.csv': queueCsvExport,
    'POST /v1/claims/{id}/reviews': postReview,
    'GET /v1/login': async (event) => loginPage(localPath(event.queryStringParameters?.next, '/v1/review')),
    'POST /v1/login': login,
    'POST /v1/logout': async () =>
      redirect('/v1/login', [`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`]),
  };
}
