/**
 * Reads an API Gateway v2 request body as JSON and validates it against a zod schema, turning
 * every failure into an error that names the field.
 */
import { isUtf8 } from 'node:buffer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { PayloadTooLargeError, RequestValidationError, UnsupportedMediaTypeError } from './errors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out === '' ? String(part) : `${out}.${String(part)}`;
  }, '');
}

export function readJsonBody<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T): z.infer<T> {
  const contentType = header(event, 'content-type');
  if (!contentType || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(contentType);
  }
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  // JSON travels as UTF-8 (RFC 8259): other bytes are refused rather than replaced with U+FFFD,
  // which would change the article the claims' offsets point into.
  if (!isUtf8(bytes)) throw new RequestValidationError('the request body is not valid UTF-8');
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new RequestValidationError('the request body is empty; send a JSON object');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new RequestValidationError(`the request body is not valid JSON: ${(cause as Error).message}`, [], {
      cause,
    });
  }
  return validate(schema, data);
}

/** Whether the request is an HTML form post (application/x-www-form-urlencoded). */
export function isFormPost(event: APIGatewayProxyEventV2): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(header(event, 'content-type') ?? '');
}

/**
 * Reads a form post's fields (empty ones left out) or a JSON body, and validates them against
 * the same schema: the HTML pages and API clients share one set of rules.
 */
export function readFormOrJsonBody<T extends z.ZodType>(
  event: APIGatewayProxyEventV2,
  schema: T,
): z.infer<T> {
  if (!isFormPost(event)) return readJsonBody(event, schema);
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) {
    if (value !== '') fields[name] = value;
  }
  return validate(schema, fields);
}

/** Validates the query string against a schema; every failure names its parameter. */
export function readQuery<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T): z.infer<T> {
  return validate(schema, event.queryStringParameters ?? {});
}

function validate<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      field: describePath(issue.path) || '(body)',
      message: issue.message,
    }));
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new RequestValidationError(`invalid request: ${summary}`, fields);
  }
  return parsed.data;
}
