/** Stores checked articles (input, claims and verdicts) in the articles table. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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

export class DynamoDbArticleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(article: StoredArticle): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `ARTICLE#${article.articleId}`, sk: 'RESULT', ...article },
      }),
    );
  }

  ping(): Promise<void> {
    return pingTable(this.client, this.tableName);
  }

  async get(articleId: string): Promise<StoredArticle | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' } }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...article } = Item;
    return article as StoredArticle;
  }
}
