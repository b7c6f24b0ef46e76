/**
 * Standard Webhooks 1.0 signatures: HMAC-SHA256 over `{id}.{timestamp}.{body}` with the key a
 * `whsec_` secret encodes, sent as space-separated `v1,<base64>` entries. figcheck verifies
 * them on `standard` deliveries and signs its own report callbacks with them.
 */
import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** The HMAC key of a `whsec_<base64>` secret; throws for anything else. */
export function standardWebhookKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a Standard Webhooks secret starts with whsec_');
  const encoded = secret.slice(SECRET_PREFIX.length);
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new Error('a Standard Webhooks secret is whsec_ followed by at least 16 bytes in base64');
  }
  return key;
}

export function standardWebhookSignature(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const digest = createHmac('sha256', standardWebhookKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${digest}`;
}

/** The three headers of a signed Standard Webhooks request. */
export function signStandardWebhook(
  secret: string,
  id: string,
  body: string,
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardWebhookSignature(secret, id, timestamp, body),
  };
}

/** A new random secret in the Standard Webhooks format (24 random bytes). */
export function generateStandardWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}
