/** Stores checked articles (input, claims and verdicts) in the articles table. */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CheckResult } from '../../core/model.ts';
import { pingTable } from './ping-table.ts';
import { putItemsInBatches } from './put-items-in-batches.ts';

export interface StoredArticle {
  articleId: string;
  title?: string;
  url?: string;
  publishedAt: string;
  text: string;
  checkedAt: string;
  result: CheckResult;
  batchId?: string;
  language?: string;
  /** For articles received by CMS webhook. */
  source?: string;
  cmsId?: string;
  cmsStatus?: string;
  recheckedAt?: string;
}

/** An article accepted for checking later (a batch member), persisted before it is queued. */
export interface QueuedArticle {
  articleId: string;
  title?: string;
  url?: string;
  publishedAt: string;
  text: string;
  acceptedAt: string;
  batchId: string;
  language?: string;
}

export interface StoredBatch {
  batchId: string;
  createdAt: string;
  client: string;
  articleIds: string[];
}

export interface BatchMember {
  articleId: string;
  status: string;
  summary?: Record<string, number>;
}

export interface ArticleSummary {
  articleId: string;
  title?: string;
  url?: string;
  publishedAt: string;
  checkedAt: string;
  status: string;
  summary?: Record<string, number>;
}

export interface ArticlePage {
  articles: ArticleSummary[];
  /** Opaque cursor for the next page, absent on the last one. */
  next?: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key === 'object' && key !== null && !Array.isArray(key) && 'listPk' in key)
      return key as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}

export class DynamoDbArticleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(article: StoredArticle): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `ARTICLE#${article.articleId}`,
          sk: 'RESULT',
          // Listing fields, projected into the byCheckedAt index.
          listPk: 'ARTICLE',
          status: 'checked',
          summary: article.result.summary,
          ...article,
        },
      }),
    );
  }

  /** Articles newest first, from the byCheckedAt index; `cursor` continues a previous page. */
  async list(options: {
    since?: string;
    status?: string;
    limit: number;
    cursor?: string;
  }): Promise<ArticlePage> {
    const startKey = options.cursor ? decodeCursor(options.cursor) : undefined;
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCheckedAt',
        KeyConditionExpression: options.since ? 'listPk = :list AND checkedAt >= :since' : 'listPk = :list',
        FilterExpression: options.status ? '#status = :status' : undefined,
        ExpressionAttributeNames: options.status ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: {
          ':list': 'ARTICLE',
          ...(options.since ? { ':since': options.since } : {}),
          ...(options.status ? { ':status': options.status } : {}),
        },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const articles = (page.Items ?? []).map((item) => ({
      articleId: item.articleId as string,
      title: item.title as string | undefined,
      url: item.url as string | undefined,
      publishedAt: item.publishedAt as string,
      checkedAt: item.checkedAt as string,
      status: item.status as string,
      summary: item.summary as Record<string, number> | undefined,
    }));
    return { articles, next: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : undefined };
  }

  ping(): Promise<void> {
    return pingTable(this.client, this.tableName);
  }

  /**
   * Persists a batch's articles (status queued), then the batch itself: a batch that exists has
   * all its articles stored.
   */
  async saveBatch(batch: StoredBatch, articles: readonly QueuedArticle[]): Promise<void> {
    const items = articles.map((article) => ({
      pk: `ARTICLE#${article.articleId}`,
      sk: 'RESULT',
      listPk: 'ARTICLE',
      status: 'queued',
      checkedAt: article.acceptedAt,
      ...article,
    }));
    await putItemsInBatches(this.client, this.tableName, items);
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `BATCH#${batch.batchId}`, sk: 'META', ...batch },
      }),
    );
  }

  async getBatch(batchId: string): Promise<{ batch: StoredBatch; members: BatchMember[] } | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `BATCH#${batchId}`, sk: 'META' } }),
    );
    if (!Item) return undefined;
    const batch = {
      batchId,
      createdAt: Item.createdAt,
      client: Item.client,
      articleIds: Item.articleIds,
    } as StoredBatch;
    const found = new Map<string, BatchMember>();
    let keys: Record<string, unknown>[] = batch.articleIds.map((id) => ({
      pk: `ARTICLE#${id}`,
      sk: 'RESULT',
    }));
    while (keys.length > 0) {
      const page = await this.client.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: keys,
              ProjectionExpression: 'articleId, #status, summary',
              ExpressionAttributeNames: { '#status': 'status' },
            },
          },
        }),
      );
      for (const item of page.Responses?.[this.tableName] ?? []) {
        found.set(item.articleId as string, {
          articleId: item.articleId as string,
          status: item.status as string,
          summary: item.summary as Record<string, number> | undefined,
        });
      }
      keys = (page.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
    const members = batch.articleIds.map((id) => found.get(id) ?? { articleId: id, status: 'unknown' });
    return { batch, members };
  }

  /** An accepted article waiting for its check, as persisted before it was queued. */
  async getQueued(articleId: string): Promise<(QueuedArticle & { status: string }) | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' },
        ConsistentRead: true,
      }),
    );
    return Item ? (Item as QueuedArticle & { status: string }) : undefined;
  }

  /** Replaces a checked article's result after a re-check, keeping its place in the listing. */
  async replaceResult(articleId: string, result: CheckResult, now = new Date()): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' },
        UpdateExpression: 'SET #result = :result, summary = :summary, recheckedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: {
          ':result': result,
          ':summary': result.summary,
          ':at': now.toISOString(),
        },
      }),
    );
  }

  async get(articleId: string): Promise<StoredArticle | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' } }),
    );
    if (!Item) return undefined;
    // Keys and bookkeeping stay in the table; the rest is the article.
    const {
      pk: _pk,
      sk: _sk,
      listPk: _list,
      summary: _summary,
      contentHash: _hash,
      latestRevisionAt: _at,
      ...article
    } = Item;
    return article as StoredArticle;
  }
}
