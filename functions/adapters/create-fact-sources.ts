/**
 * What a function needs to check articles, built once per container: the facts table, a bounded
 * cache in front of it, and the metric aliases kept beside the facts.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CachingReferenceStore } from './caching-reference-store.ts';
import { DynamoDbReferenceStore } from './dynamodb/dynamodb-reference-store.ts';
import { RefreshingMetricAliases } from './refreshing-metric-aliases.ts';

export function createFactSources(
  client: DynamoDBDocumentClient,
  config: { factsTable: string; factCacheTtlMs: number; factCacheMaxEntries: number },
) {
  const factTable = new DynamoDbReferenceStore(client, config.factsTable);
  return {
    factTable,
    references: new CachingReferenceStore(factTable, {
      ttlMs: config.factCacheTtlMs,
      maxEntries: config.factCacheMaxEntries,
    }),
    metricAliases: new RefreshingMetricAliases(factTable, config.factCacheTtlMs),
  };
}
