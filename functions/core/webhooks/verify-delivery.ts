/**
 * Verifies a webhook delivery's signature over the raw body, exactly as each CMS signs, before
 * anything reads the payload. Every comparison is constant-time; several secrets may be valid
 * at once (rotation); a signed timestamp more than five minutes off is rejected.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type WebhookRequest, WebhookSignatureError, type WebhookSource } from './sources.ts';
import { standardWebhookSignature } from './standard-webhook-signature.ts';

export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

export interface VerifiedDelivery {
  /** The sender's id of this delivery, the same on every retry, where the CMS sends one. */
  deliveryId?: string;
  /**
   * The signature as presented, for timestamped schemes: the same value twice means the same
   * request replayed, since a CMS signs each attempt with its own timestamp.
   */
  replayKey?: string;
}

/** Equal strings, in time that depends on neither their contents nor their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

function header(request: WebhookRequest, name: string): string {
  const value = request.headers[name];
  if (value === undefined || value.trim() === '') {
    throw new WebhookSignatureError(`the ${name} header is missing`);
  }
  return value.trim();
}

function checkTimestamp(name: string, milliseconds: number, now: number): void {
  if (!Number.isFinite(milliseconds)) throw new WebhookSignatureError(`the ${name} is not a timestamp`);
  if (Math.abs(now - milliseconds) > TIMESTAMP_TOLERANCE_MS) {
    throw new WebhookSignatureError(
      `the ${name} is more than 5 minutes ${milliseconds < now ? 'old' : 'in the future'}; the delivery is stale or the clocks differ`,
    );
  }
}

function hmac(secret: string | Buffer, content: string, encoding: 'hex' | 'base64' | 'base64url'): string {
  return createHmac('sha256', secret).update(content).digest(encoding);
}

function noSecretMatched(source: WebhookSource): never {
  throw new WebhookSignatureError(`the signature does not match any ${source} secret configured in figcheck`);
}

function verifyStandard(request: WebhookRequest, secrets: readonly string[], now: number): VerifiedDelivery {
  const id = header(request, 'webhook-id');
  const timestamp = header(request, 'webhook-timestamp');
  const presented = header(request, 'webhook-signature');
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookSignatureError('the webhook-timestamp header must be unix seconds');
  }
  checkTimestamp('webhook-timestamp', Number(timestamp) * 1000, now);
  const candidates = presented.split(' ').filter((entry) => entry.startsWith('v1,'));
  if (candidates.length === 0) {
    throw new WebhookSignatureError('the webhook-signature header holds no v1 signature');
  }
  for (const secret of secrets) {
    const expected = standardWebhookSignature(secret, id, Number(timestamp), request.body);
    if (candidates.some((candidate) => constantTimeEqual(candidate, expected))) {
      return { deliveryId: id, replayKey: `${timestamp}:${presented}` };
    }
  }
  return noSecretMatched('standard');
}

function verifyGhost(request: WebhookRequest, secrets: readonly string[], now: number): VerifiedDelivery {
  const presented = header(request, 'x-ghost-signature');
  const match = /^sha256=([0-9a-f]{64}),\s*t=(\d{1,15})$/i.exec(presented);
  if (!match) {
    throw new WebhookSignatureError(
      'the X-Ghost-Signature header must read "sha256=<hex>, t=<milliseconds>"',
    );
  }
  const [, signature, timestamp] = match as unknown as [string, string, string];
  checkTimestamp('X-Ghost-Signature timestamp', Number(timestamp), now);
  for (const secret of secrets) {
    if (constantTimeEqual(signature.toLowerCase(), hmac(secret, `${request.body}${timestamp}`, 'hex'))) {
      return { replayKey: presented };
    }
  }
  return noSecretMatched('ghost');
}

/** Contentful's request verification: the canonical request is method, path, signed headers, body. */
function verifyContentful(
  request: WebhookRequest,
  secrets: readonly string[],
  now: number,
): VerifiedDelivery {
  const signature = header(request, 'x-contentful-signature');
  const signedHeaders = header(request, 'x-contentful-signed-headers');
  const timestamp = header(request, 'x-contentful-timestamp');
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookSignatureError('the x-contentful-timestamp header must be unix milliseconds');
  }
  checkTimestamp('x-contentful-timestamp', Number(timestamp), now);
  const names = signedHeaders
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  for (const required of ['x-contentful-timestamp', 'x-contentful-signed-headers']) {
    if (!names.includes(required)) {
      throw new WebhookSignatureError(`x-contentful-signed-headers must include ${required}`);
    }
  }
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers[name];
    if (value === undefined) throw new WebhookSignatureError(`the signed header ${name} is missing`);
    values[name] = value.trim();
  }
  const sorted = [...names].sort();
  values['x-contentful-signed-headers'] = sorted.join(',');
  const canonical = [
    request.method.toUpperCase(),
    contentfulPath(request.path),
    sorted.map((name) => `${name}:${values[name]}`).join(';'),
    request.body,
  ].join('\n');
  for (const secret of secrets) {
    if (constantTimeEqual(signature.toLowerCase(), hmac(secret, canonical, 'hex'))) {
      return {
        deliveryId: request.headers['x-contentful-idempotency-key']?.trim() || undefined,
        replayKey: signature,
      };
    }
  }
  return noSecretMatched('contentful');
}

/** The path as Contentful normalises it before signing: the query escaped, then the whole URI-encoded. */
function contentfulPath(path: string): string {
  const [pathname = '', search] = path.split('?');
  const decoded = safeDecode(pathname);
  const escapedSearch = search ? encodeURIComponent(safeDecode(search)) : '';
  return encodeURI(escapedSearch ? `${decoded}?${escapedSearch}` : decoded);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function verifySanity(request: WebhookRequest, secrets: readonly string[], now: number): VerifiedDelivery {
  const presented = header(request, 'sanity-webhook-signature');
  const match = /^t=(\d{1,15})[, ]+v1=([A-Za-z0-9_-]+)$/.exec(presented);
  if (!match) {
    throw new WebhookSignatureError(
      'the sanity-webhook-signature header must read "t=<milliseconds>,v1=<signature>"',
    );
  }
  const [, timestamp, signature] = match as unknown as [string, string, string];
  checkTimestamp('sanity-webhook-signature timestamp', Number(timestamp), now);
  for (const secret of secrets) {
    if (constantTimeEqual(signature, hmac(secret, `${timestamp}.${request.body}`, 'base64url'))) {
      return { deliveryId: request.headers['idempotency-key']?.trim() || undefined, replayKey: presented };
    }
  }
  return noSecretMatched('sanity');
}

function verifyWordPress(request: WebhookRequest, secrets: readonly string[]): VerifiedDelivery {
  const presented = header(request, 'x-wp-webhook-signature');
  for (const secret of secrets) {
    if (constantTimeEqual(presented, hmac(secret, request.body, 'base64'))) return {};
  }
  return noSecretMatched('wordpress');
}

function verifyStrapi(request: WebhookRequest, secrets: readonly string[]): VerifiedDelivery {
  const authorization = header(request, 'authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new WebhookSignatureError('the Authorization header must read "Bearer <token>"');
  for (const secret of secrets) {
    if (constantTimeEqual(match[1]!, secret)) return {};
  }
  return noSecretMatched('strapi');
}

export function verifyDelivery(
  source: WebhookSource,
  request: WebhookRequest,
  secrets: readonly string[],
  now: number = Date.now(),
): VerifiedDelivery {
  if (secrets.length === 0) {
    throw new WebhookSignatureError(`no ${source} webhook secret is configured in figcheck`);
  }
  switch (source) {
    case 'standard':
      return verifyStandard(request, secrets, now);
    case 'ghost':
      return verifyGhost(request, secrets, now);
    case 'contentful':
      return verifyContentful(request, secrets, now);
    case 'sanity':
      return verifySanity(request, secrets, now);
    case 'wordpress':
      return verifyWordPress(request, secrets);
    case 'strapi':
      return verifyStrapi(request, secrets);
  }
}
