/** The CMSs figcheck receives webhooks from, named as in `POST /v1/webhooks/{source}`. */

export const WEBHOOK_SOURCES = ['standard', 'ghost', 'contentful', 'sanity', 'wordpress', 'strapi'] as const;

export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

export function isWebhookSource(name: string): name is WebhookSource {
  return (WEBHOOK_SOURCES as readonly string[]).includes(name);
}

/** A webhook request as received: the raw body, before any parsing, and lower-case header names. */
export interface WebhookRequest {
  method: string;
  /** The request path with its query string, as the sender addressed it. */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** The request carries no valid signature: a forgery, a stale or replayed delivery, or a wrong secret. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** A correctly signed delivery whose payload figcheck cannot read; names the field at fault. */
export class WebhookPayloadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'WebhookPayloadError';
  }
}
