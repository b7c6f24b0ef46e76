import { describe, expect, it } from 'vitest';
import { ConfigError, readServiceConfig } from '../../../functions/adapters/config.ts';

const BASE = {
  FIGCHECK_FACTS_TABLE: 'facts',
  FIGCHECK_ARTICLES_TABLE: 'articles',
  FIGCHECK_API_KEYS_TABLE: 'keys',
  FIGCHECK_RATE_LIMITS_TABLE: 'rates',
  FIGCHECK_ARTICLE_QUEUE_URL: 'local:articles',
};

describe('readServiceConfig', () => {
  it('reads the table names and defaults the fact cache to 300 s and 5000 entries', () => {
    expect(readServiceConfig(BASE)).toEqual({
      factsTable: 'facts',
      articlesTable: 'articles',
      apiKeysTable: 'keys',
      rateLimitsTable: 'rates',
      articleQueueUrl: 'local:articles',
      rateLimitPerMinute: 600,
      factCacheTtlMs: 300_000,
      factCacheMaxEntries: 5000,
      publicUrl: undefined,
      claimReviewAuthor: { name: 'figcheck' },
    });
  });

  it.each([
    'FIGCHECK_FACTS_TABLE',
    'FIGCHECK_ARTICLES_TABLE',
    'FIGCHECK_API_KEYS_TABLE',
    'FIGCHECK_RATE_LIMITS_TABLE',
    'FIGCHECK_ARTICLE_QUEUE_URL',
  ])('fails naming %s when it is missing', (name) => {
    const env: Record<string, string> = { ...BASE };
    delete env[name];
    expect(() => readServiceConfig(env)).toThrow(new ConfigError(`environment variable ${name} is not set`));
  });

  it('fails naming the variable when a number is not a whole number', () => {
    expect(() => readServiceConfig({ ...BASE, FIGCHECK_FACT_CACHE_TTL_SECONDS: '5m' })).toThrow(
      'environment variable FIGCHECK_FACT_CACHE_TTL_SECONDS must be a whole number, got "5m"',
    );
  });
});
