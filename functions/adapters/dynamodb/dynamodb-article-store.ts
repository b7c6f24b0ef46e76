/** Stores checked articles (input, claims and verdicts) in the articles table. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckResult } from '../../core/model.ts';
import { pingTable } from './ping-table.ts';

export interface StoredArticle {
  articleId: string;
  title?: string;
  url?: string;
  publishedAt: string;
  text: string;
  checkedAt: string;
  result: CheckResult;
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

  async get(articleId: string): Promise<StoredArticle | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' } }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, listPk: _list, summary: _summary, ...article } = Item;
    return article as StoredArticle;
  }
}
