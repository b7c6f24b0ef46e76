/**
 * The one place where errors become HTTP responses: RFC 9457 problem+json with a message that
 * names the field. Internal errors are logged, never serialised into the response.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { WebhookPayloadError, WebhookSignatureError } from '../../core/webhooks/sources.ts';
import {
  ArticleTooLargeError,
  asServiceUnavailable,
  ForbiddenError,
  IdempotencyConflictError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  RequestValidationError,
  ResourceNotFoundError,
  RouteNotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './errors.ts';

type Result = Exclude<APIGatewayProxyResultV2, string>;

export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): Result {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers = {},
): Result {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
    body: JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }),
  };
}

/**
 * DynamoDB refuses an item over 400 KB (and a request far larger with a bare 413), and an article
 * is stored with its claims in one item: a long article, or one dense with figures, cannot be
 * kept. Sending it again cannot help, so it is the client's 413, not a 500.
 */
function isItemTooLarge(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ValidationException')
    return /item size (?:to update )?has exceeded/i.test(error.message);
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 413;
}

export function problemResponse(error: unknown, log: (message: string, error: unknown) => void): Result {
  if (error instanceof WebhookSignatureError) return problem(401, 'Unauthorized', error.message);
  if (error instanceof WebhookPayloadError) {
    return problem(400, 'Invalid webhook payload', error.message, {
      errors: [{ field: error.field, message: error.message }],
    });
  }
  if (error instanceof RequestValidationError) {
    return problem(400, 'Invalid request', error.message, { errors: error.fields });
  }
  if (error instanceof UnauthorizedError) {
    return problem(401, 'Unauthorized', error.message, {}, { 'www-authenticate': 'Bearer realm="figcheck"' });
  }
  if (error instanceof ForbiddenError) return problem(403, 'Forbidden', error.message);
  if (error instanceof TooManyRequestsError) {
    return problem(
      429,
      'Too many requests',
      error.message,
      {},
      { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof IdempotencyConflictError) {
    return error.status === 409
      ? problem(409, 'Conflict', error.message, {}, { 'retry-after': '1' })
      : problem(422, 'Unprocessable content', error.message);
  }
  if (error instanceof PayloadTooLargeError) return problem(413, 'Payload too large', error.message);
  if (error instanceof ArticleTooLargeError) return problem(413, 'Payload too large', error.message);
  if (isItemTooLarge(error)) {
    return problem(
      413,
      'Payload too large',
      'the article and its claims are too large to store together (400 KB at most); send it in shorter parts',
    );
  }
  if (error instanceof UnsupportedMediaTypeError)
    return problem(415, 'Unsupported media type', error.message);
  if (error instanceof RouteNotFoundError || error instanceof ResourceNotFoundError) {
    return problem(404, 'Not found', error.message);
  }
  if (error instanceof MethodNotAllowedError) {
    return problem(405, 'Method not allowed', error.message, {}, { allow: error.allowed.join(', ') });
  }
  const unavailable = asServiceUnavailable(error);
  if (unavailable) {
    // Logged: sustained throttling or timeouts are an operator's matter even though the client may retry.
    log('dependency unavailable', unavailable);
    return problem(
      503,
      'Service unavailable',
      unavailable.message,
      {},
      { 'retry-after': String(unavailable.retryAfterSeconds) },
    );
  }
  log('unhandled error', error);
  return problem(500, 'Internal error', 'The request could not be completed; it has been logged.');
}
