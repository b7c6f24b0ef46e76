/** Errors a request can end in; problem-response.ts maps each to its HTTP status. */

export class RequestValidationError extends Error {
  constructor(
    message: string,
    /** The request fields at fault, as JSON paths ("publishedAt", "articles[3].text"). */
    readonly fields: { field: string; message: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RequestValidationError';
  }
}

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than ${limitBytes} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** An article whose text and claims together exceed what one stored item may hold. */
export class ArticleTooLargeError extends Error {
  constructor() {
    super(
      'the article and its claims are too large to store together (400 KB at most); send it in shorter parts',
    );
    this.name = 'ArticleTooLargeError';
  }
}

export class UnsupportedMediaTypeError extends Error {
  constructor(readonly received: string | undefined) {
    super(`Content-Type must be application/json (received ${received ? `"${received}"` : 'none'})`);
    this.name = 'UnsupportedMediaTypeError';
  }
}

export class RouteNotFoundError extends Error {
  constructor(method: string, path: string) {
    super(`no route for ${method} ${path}`);
    this.name = 'RouteNotFoundError';
  }
}

export class MethodNotAllowedError extends Error {
  constructor(
    method: string,
    path: string,
    readonly allowed: string[],
  ) {
    super(`${method} is not allowed on ${path}; use ${allowed.join(', ')}`);
    this.name = 'MethodNotAllowedError';
  }
}

export class ResourceNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceNotFoundError';
  }
}

export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class IdempotencyConflictError extends Error {
  constructor(
    readonly status: 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'IdempotencyConflictError';
  }
}

export class TooManyRequestsError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    limit: number,
  ) {
    super(`this client sent more than ${limit} requests in a minute; retry after ${retryAfterSeconds} s`);
    this.name = 'TooManyRequestsError';
  }
}

/**
 * A service figcheck depends on (DynamoDB, SQS) throttled or did not answer, even after the SDK's
 * own retries: the request was sound and may succeed when sent again a little later.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(
      `a service figcheck depends on is busy or did not answer in time; retry after ${retryAfterSeconds} s`,
      options,
    );
    this.name = 'ServiceUnavailableError';
  }
}

/** How long a client should wait after throttling or a timeout before sending again. */
const RETRY_AFTER_SECONDS = 5;

/** Throttling, server-side and timeout errors as the AWS SDK names them. */
const TRANSIENT_ERROR_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
/** A connection refused, reset or timed out (Node's codes). */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * The error as a ServiceUnavailableError when it means "busy or unreachable, try later" rather
 * than a fault of the request or of figcheck; undefined otherwise.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailableError | undefined {
  if (error instanceof ServiceUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const transient =
    TRANSIENT_ERROR_NAMES.has(error.name) || (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code));
  return transient ? new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: error }) : undefined;
}
