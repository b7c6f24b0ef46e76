import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb/dynamodb-article-store.ts';
import { seedFacts } from '../../local/bootstrap.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

let db: TestDatabase;
let stack: LocalStack | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedFacts(db.client, db.tables.FIGCHECK_FACTS_TABLE!);
});

afterAll(async () => {
  await stack?.stop();
  db.client.destroy();
});

describe('a local restart', () => {
  it('queues again the articles that were accepted but not yet checked, and checks them', async () => {
    const store = new DynamoDbArticleStore(
      createDocumentClient(db.client),
      db.tables.FIGCHECK_ARTICLES_TABLE!,
    );
    const acceptedAt = new Date().toISOString();
    // As a batch leaves them when the process stops before the worker gets to them.
    await store.saveBatch(
      { batchId: 'b-restart', createdAt: acceptedAt, client: 'tester', articleIds: ['a-1', 'a-2'] },
      [
        {
          articleId: 'a-1',
          publishedAt: '2024-04-22',
          text: 'Exports rose 5% in 2023.',
          acceptedAt,
          batchId: 'b-restart',
        },
        {
          articleId: 'a-2',
          publishedAt: '2024-04-22',
          text: 'Imports fell 3% in 2023.',
          acceptedAt,
          batchId: 'b-restart',
        },
      ],
    );
    stack = await startLocalStack({ dynamoDbEndpoint: db.endpoint, tablePrefix: db.prefix });
    await stack.queue.idle();
    const batch = await store.getBatch('b-restart');
    expect(batch?.members.map((m) => [m.articleId, m.status])).toEqual([
      ['a-1', 'checked'],
      ['a-2', 'checked'],
    ]);
  });
});
