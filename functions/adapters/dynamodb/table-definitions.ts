/**
 * The one description of figcheck's DynamoDB tables: keys, indexes and the environment
 * variable that carries each table's name. The CDK data stack and the local bootstrap both
 * build their tables from it, so the deployed and the local schema cannot drift.
 * Plain data: no CDK and no SDK imports, so Lambda bundles can include it for free.
 */

export type KeyType = 'S' | 'N';

export interface GlobalIndexDefinition {
  indexName: string;
  partitionKey: { name: string; type: KeyType };
  sortKey: { name: string; type: KeyType };
  /** Attributes copied into the index besides the keys (a list keeps large items out of it). */
  nonKeyAttributes: string[];
}

export interface TableDefinition {
  /** Construct id in the stack and the name suffix locally. */
  id: string;
  /** Environment variable through which functions learn the table name. */
  envVar: string;
  partitionKey: { name: string; type: KeyType };
  sortKey: { name: string; type: KeyType };
  globalSecondaryIndexes: GlobalIndexDefinition[];
  timeToLiveAttribute?: string;
}

/**
 * Reference facts. Two kinds of item share the table:
 * - lookup items, pk `LOOKUP#<metric>#<entity>` for every entity a fact names, sk
 *   `<period>#<fact id>#<revision>`: one Query per (metric, entity) returns every revision of
 *   every fact about that entity, so an article's lookups are one parallel round of Queries;
 * - history items, pk `FACT#<fact id>`, sk `REV#<revision>`: the full record of each revision,
 *   kept when a newer figure supersedes it;
 * - metric aliases, pk `METRIC_ALIAS`, sk `<metric>#<alias>`: wordings data editors add to the
 *   extractor's vocabulary, read once per container.
 */
export const FACTS_TABLE: TableDefinition = {
  id: 'Facts',
  envVar: 'FIGCHECK_FACTS_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

/**
 * Checked articles: pk `ARTICLE#<id>`, sk `RESULT` holds the claims and verdicts; sk
 * `CLAIM#<claim id>` the review record of a claim; sk `REVISION#...`/`EVENT#...` what CMS
 * webhooks delivered. pk `FACTUSE#<fact id>`, sk `ARTICLE#<id>` lists the articles whose check
 * relied on a fact, for re-checks when it is revised. Also the idempotency records of POST
 * requests (pk `IDEMPOTENCY#...`) and webhook deliveries, which expire by `expiresAt`.
 */
export const ARTICLES_TABLE: TableDefinition = {
  id: 'Articles',
  envVar: 'FIGCHECK_ARTICLES_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      // Articles newest first: listPk is "ARTICLE" on article items only, so the index holds
      // just the listing fields of articles, not their text and claims.
      indexName: 'byCheckedAt',
      partitionKey: { name: 'listPk', type: 'S' },
      sortKey: { name: 'checkedAt', type: 'S' },
      nonKeyAttributes: ['articleId', 'title', 'url', 'publishedAt', 'status', 'summary'],
    },
    {
      // The review queue, newest first: reviewPk is "REVIEW" on the review items of flagged
      // (or reviewed) claims only, so the index holds just what a queue row shows.
      indexName: 'byReviewQueue',
      partitionKey: { name: 'reviewPk', type: 'S' },
      sortKey: { name: 'flaggedAt', type: 'S' },
      nonKeyAttributes: [
        'claimKey',
        'articleId',
        'claimId',
        'articleTitle',
        'source',
        'claimText',
        'sentence',
        'verdict',
        'reviewStatus',
        'explanation',
        'verdictChange',
      ],
    },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/**
 * API clients and their keys, stored by hash only: pk `KEY#<sha256>`, sk `CLIENT` answers "whose
 * key is this"; pk `CLIENT#<name>`, sk `KEY#<sha256>` lists a client's keys for revocation.
 */
export const API_KEYS_TABLE: TableDefinition = {
  id: 'ApiKeys',
  envVar: 'FIGCHECK_API_KEYS_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

/**
 * Request counters for per-client rate limits: pk `<client>#<window start>`, sk `COUNT`, one item
 * per client and minute, deleted by TTL soon after its minute.
 */
export const RATE_LIMITS_TABLE: TableDefinition = {
  id: 'RateLimits',
  envVar: 'FIGCHECK_RATE_LIMITS_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiresAt',
};

export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  FACTS_TABLE,
  ARTICLES_TABLE,
  API_KEYS_TABLE,
  RATE_LIMITS_TABLE,
];
