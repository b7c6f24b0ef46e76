/**
 * The webhook settings operators provide: which secrets each source's deliveries may be signed
 * with, and where to send a source's finished reports. Parsed from JSON (an environment variable
 * locally, a Secrets Manager secret in AWS) with errors that name the entry at fault and never
 * echo a secret.
 */
import { isWebhookSource, WEBHOOK_SOURCES, type WebhookSource } from './sources.ts';
import { standardWebhookKey } from './standard-webhook-signature.ts';

export type WebhookSecrets = Partial<Record<WebhookSource, string[]>>;

export interface CallbackTarget {
  url: string;
  /** A Standard Webhooks secret (`whsec_...`) the receiver verifies figcheck's signature with. */
  secret: string;
}

export type WebhookCallbacks = Partial<Record<WebhookSource, CallbackTarget>>;

export class WebhookSettingsError extends Error {
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'WebhookSettingsError';
  }
}

function parseObject(setting: string, json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new WebhookSettingsError(setting, 'is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookSettingsError(setting, 'must be a JSON object keyed by source');
  }
  for (const key of Object.keys(value)) {
    if (!isWebhookSource(key)) {
      throw new WebhookSettingsError(setting, `"${key}" is not a source; use ${WEBHOOK_SOURCES.join(', ')}`);
    }
  }
  return value as Record<string, unknown>;
}

function checkSecret(setting: string, source: string, secret: unknown, index: number): string {
  const where = `${source}[${index}]`;
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new WebhookSettingsError(setting, `${where} must be a non-empty string`);
  }
  if (source === 'standard') {
    try {
      standardWebhookKey(secret);
    } catch (error) {
      throw new WebhookSettingsError(setting, `${where}: ${(error as Error).message}`);
    }
  } else if (secret.length < 16) {
    throw new WebhookSettingsError(setting, `${where} is shorter than 16 characters`);
  }
  return secret;
}

/** `{"standard": ["whsec_..."], "ghost": ["..."]}`: every listed secret is accepted (rotation). */
export function parseWebhookSecrets(json: string, setting = 'webhook secrets'): WebhookSecrets {
  const object = parseObject(setting, json);
  const secrets: WebhookSecrets = {};
  for (const [source, list] of Object.entries(object)) {
    const entries = typeof list === 'string' ? [list] : list;
    if (!Array.isArray(entries))
      throw new WebhookSettingsError(setting, `${source} must be a list of secrets`);
    secrets[source as WebhookSource] = entries.map((secret, i) => checkSecret(setting, source, secret, i));
  }
  return secrets;
}

/** `{"ghost": {"url": "https://cms.example/hooks/figcheck", "secret": "whsec_..."}}` */
export function parseWebhookCallbacks(json: string, setting = 'webhook callbacks'): WebhookCallbacks {
  const object = parseObject(setting, json);
  const callbacks: WebhookCallbacks = {};
  for (const [source, target] of Object.entries(object)) {
    const { url, secret } = (target ?? {}) as { url?: unknown; secret?: unknown };
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url)) {
      throw new WebhookSettingsError(setting, `${source}.url must be an http(s) URL`);
    }
    if (typeof secret !== 'string') throw new WebhookSettingsError(setting, `${source}.secret is required`);
    try {
      standardWebhookKey(secret);
    } catch (error) {
      throw new WebhookSettingsError(setting, `${source}.secret: ${(error as Error).message}`);
    }
    callbacks[source as WebhookSource] = { url, secret };
  }
  return callbacks;
}
