/**
 * Reads and validates the functions' configuration from the environment, once, at cold start.
 * A missing variable fails with a message that names it.
 */
import {
  API_KEYS_TABLE,
  ARTICLES_TABLE,
  FACTS_TABLE,
  RATE_LIMITS_TABLE,
} from './dynamodb/table-definitions.ts';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ServiceConfig {
  factsTable: string;
  articlesTable: string;
  apiKeysTable: string;
  rateLimitsTable: string;
  /** Where accepted batch articles wait for the worker (an SQS URL, or `local:<name>`). */
  articleQueueUrl: string;
  /** Requests per client and minute (FIGCHECK_RATE_LIMIT_PER_MINUTE, default 600). */
  rateLimitPerMinute: number;
  /** How long a warm container reuses fact look-ups (FIGCHECK_FACT_CACHE_TTL_SECONDS, default 300). */
  factCacheTtlMs: number;
  /** How many look-up answers it keeps (FIGCHECK_FACT_CACHE_MAX_ENTRIES, default 5000). */
  factCacheMaxEntries: number;
  publicUrl: string | undefined;
  claimReviewAuthor: { name: string; url?: string };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw))
    throw new ConfigError(`environment variable ${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

/** The worker needs the tables a check reads and writes, and the fact cache settings. */
export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    factsTable: required(env, FACTS_TABLE.envVar),
    articlesTable: required(env, ARTICLES_TABLE.envVar),
    /** Report callbacks are queued for later attempts on the same queue. */
    articleQueueUrl: required(env, 'FIGCHECK_ARTICLE_QUEUE_URL'),
    publicUrl: publicUrl(env),
    /** The first callback retry waits this long, doubling each time (default 30 s, at most 900). */
    callbackRetryBaseSeconds: wholeNumber(env, 'FIGCHECK_CALLBACK_RETRY_BASE_SECONDS', 30),
    factCacheTtlMs: wholeNumber(env, 'FIGCHECK_FACT_CACHE_TTL_SECONDS', 300) * 1000,
    factCacheMaxEntries: wholeNumber(env, 'FIGCHECK_FACT_CACHE_MAX_ENTRIES', 5000),
  };
}

export function readFactsApiConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    factsTable: required(env, FACTS_TABLE.envVar),
    /** Finds the articles that relied on a revised fact, and queues their re-checks. */
    articlesTable: required(env, ARTICLES_TABLE.envVar),
    articleQueueUrl: required(env, 'FIGCHECK_ARTICLE_QUEUE_URL'),
    apiKeysTable: required(env, API_KEYS_TABLE.envVar),
    rateLimitsTable: required(env, RATE_LIMITS_TABLE.envVar),
    rateLimitPerMinute: wholeNumber(env, 'FIGCHECK_RATE_LIMIT_PER_MINUTE', 600),
  };
}

export function readServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    factsTable: required(env, FACTS_TABLE.envVar),
    articlesTable: required(env, ARTICLES_TABLE.envVar),
    apiKeysTable: required(env, API_KEYS_TABLE.envVar),
    rateLimitsTable: required(env, RATE_LIMITS_TABLE.envVar),
    articleQueueUrl: required(env, 'FIGCHECK_ARTICLE_QUEUE_URL'),
    rateLimitPerMinute: wholeNumber(env, 'FIGCHECK_RATE_LIMIT_PER_MINUTE', 600),
    factCacheTtlMs: wholeNumber(env, 'FIGCHECK_FACT_CACHE_TTL_SECONDS', 300) * 1000,
    factCacheMaxEntries: wholeNumber(env, 'FIGCHECK_FACT_CACHE_MAX_ENTRIES', 5000),
    publicUrl: publicUrl(env),
    /** Who publishes the ClaimReview exports (FIGCHECK_CLAIMREVIEW_AUTHOR, _URL). */
    claimReviewAuthor: {
      name: env.FIGCHECK_CLAIMREVIEW_AUTHOR?.trim() || 'figcheck',
      ...(env.FIGCHECK_CLAIMREVIEW_AUTHOR_URL?.trim()
        ? { url: env.FIGCHECK_CLAIMREVIEW_AUTHOR_URL.trim() }
        : {}),
    },
  };
}

/** Where figcheck's pages are served, for links sent to CMSs; derived from the request when unset. */
function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.FIGCHECK_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(raw)) {
    throw new ConfigError(`environment variable FIGCHECK_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The webhook receiver writes accepted revisions to the articles table and the queue. Its
 * secrets come from FIGCHECK_WEBHOOK_SECRETS (JSON) or the secret FIGCHECK_WEBHOOK_SECRETS_ARN
 * names; adapters/webhooks reads them.
 */
export function readWebhookConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    articlesTable: required(env, ARTICLES_TABLE.envVar),
    articleQueueUrl: required(env, 'FIGCHECK_ARTICLE_QUEUE_URL'),
    publicUrl: publicUrl(env),
  };
}
