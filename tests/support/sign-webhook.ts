/**
 * Signs a webhook delivery the way each CMS does. Where the vendor publishes its signing code as
 * a package (Standard Webhooks, Sanity, Contentful), that package signs; Ghost, WP Webhooks and
 * Strapi publish none, so their schemes are written out here as the vendors' code computes them.
 */
import { createHmac } from 'node:crypto';
import { signRequest } from '@contentful/node-apps-toolkit/requests';
import { encodeSignatureHeader } from '@sanity/webhook';
import { Webhook } from 'standardwebhooks';
import type { WebhookSource } from '../../functions/core/webhooks/index.ts';

export const TEST_SECRETS: Record<WebhookSource, string> = {
  standard: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  ghost: 'ghost-webhook-secret-5f2a9c1e7b3d',
  // Contentful request verification secrets are exactly 64 characters.
  contentful: 'a'.repeat(32) + 'contentful-signing-secret-000001',
  sanity: 'sanity-webhook-secret-8e4b2f6a',
  wordpress: 'wp-webhooks-secret-3c9d7e1f5a',
  strapi: 'strapi-webhook-token-7a1b9c3d5e',
};

export interface SignOptions {
  secret?: string;
  /** When the CMS signed, as a Date; defaults to now. */
  at?: Date;
  /** The delivery id, where the CMS sends one (Standard Webhooks, Contentful, Sanity). */
  deliveryId?: string;
  /** The request path the CMS posts to (Contentful signs it). */
  path?: string;
  /** Extra headers the CMS sends (e.g. X-Contentful-Topic). */
  headers?: Record<string, string>;
}

export async function signAsVendor(
  source: WebhookSource,
  body: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const secret = options.secret ?? TEST_SECRETS[source];
  const at = options.at ?? new Date();
  const extra = options.headers ?? {};
  switch (source) {
    case 'standard': {
      const id = options.deliveryId ?? `msg_${at.getTime()}`;
      return {
        ...extra,
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, at, body),
      };
    }
    case 'ghost': {
      // Ghost core (services/webhooks/webhook-trigger.js): hmac-sha256 hex of body + ms timestamp.
      const ts = at.getTime();
      const signature = createHmac('sha256', secret).update(`${body}${ts}`).digest('hex');
      return { ...extra, 'x-ghost-signature': `sha256=${signature}, t=${ts}` };
    }
    case 'contentful': {
      const topic = { 'X-Contentful-Topic': 'ContentManagement.Entry.publish', ...extra };
      const signed = signRequest(
        secret,
        {
          method: 'POST',
          path: options.path ?? '/v1/webhooks/contentful',
          headers: { 'content-type': 'application/vnd.contentful.management.v1+json', ...topic },
          body,
        },
        at.getTime(),
      );
      return {
        ...topic,
        ...(options.deliveryId ? { 'X-Contentful-Idempotency-Key': options.deliveryId } : {}),
        ...signed,
      };
    }
    case 'sanity':
      return {
        ...extra,
        ...(options.deliveryId ? { 'idempotency-key': options.deliveryId } : {}),
        'sanity-webhook-signature': await encodeSignatureHeader(body, at.getTime(), secret),
      };
    case 'wordpress':
      // WP Webhooks: base64_encode(hash_hmac('sha256', $body, $secret, true)).
      return {
        ...extra,
        'x-wp-webhook-signature': createHmac('sha256', secret).update(body).digest('base64'),
      };
    case 'strapi':
      return { ...extra, authorization: `Bearer ${secret}` };
  }
}

/** The content type each CMS posts with. */
export const CONTENT_TYPES: Record<WebhookSource, string> = {
  standard: 'application/json',
  ghost: 'application/json',
  contentful: 'application/vnd.contentful.management.v1+json',
  sanity: 'application/json',
  wordpress: 'application/json',
  strapi: 'application/json',
};

/** The header that carries each CMS's signature (Strapi's token). */
export const SIGNATURE_HEADERS: Record<WebhookSource, string> = {
  standard: 'webhook-signature',
  ghost: 'x-ghost-signature',
  contentful: 'x-contentful-signature',
  sanity: 'sanity-webhook-signature',
  wordpress: 'x-wp-webhook-signature',
  strapi: 'authorization',
};
