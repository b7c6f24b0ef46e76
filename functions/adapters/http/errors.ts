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
