import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachingReferenceStore } from '../../functions/adapters/caching-reference-store.ts';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbReferenceStore } from '../../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { checkArticle } from '../../functions/core/index.ts';
import { seedFacts } from '../../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG } from '../../local/dynamodb-local.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const SAMPLE = readFileSync(new URL('../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

interface Recorded {
  command: string;
  started: number;
  finished: number;
}

let db: TestDatabase;
let client: DynamoDBClient;
const requests: Recorded[] = [];
let clock = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedFacts(db.client, db.tables.FIGCHECK_FACTS_TABLE!);
  client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: db.endpoint });
  // Records each request's start and end on a logical clock, to tell parallel from sequential.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const entry = { command: context.commandName ?? '?', started: clock++, finished: -1 };
      requests.push(entry);
      try {
        return await next(args);
      } finally {
        entry.finished = clock++;
      }
    },
    { step: 'initialize', name: 'recordRequests' },
  );
});

afterAll(() => {
  client.destroy();
  db.client.destroy();
});

describe('reference look-ups for an article', () => {
  it('are one parallel round of Queries: every request starts before the first one ends', async () => {
    const store = new DynamoDbReferenceStore(createDocumentClient(client), db.tables.FIGCHECK_FACTS_TABLE!);
    requests.length = 0;
    const result = await checkArticle({ text: SAMPLE, publishedAt: '2024-04-22' }, store);
    expect(result.summary.supported).toBe(5);
    expect(requests.map((r) => r.command)).toEqual(Array(requests.length).fill('QueryCommand'));
    // anniversary (bam_railway) and the counts of its anniversaries, trade (RU), investment (RU),
    // declaration (slug), the parties' other agreements (AZ), USD rates.
    expect(requests).toHaveLength(7);
    const firstFinish = Math.min(...requests.map((r) => r.finished));
    expect(requests.every((r) => r.started < firstFinish)).toBe(true);
  });

  it('cost no request at all when a warm cache already holds the answers', async () => {
    const store = new CachingReferenceStore(
      new DynamoDbReferenceStore(createDocumentClient(client), db.tables.FIGCHECK_FACTS_TABLE!),
      { ttlMs: 60_000, maxEntries: 1000 },
    );
    requests.length = 0;
    const cold = await checkArticle({ text: SAMPLE, publishedAt: '2024-04-22' }, store);
    const coldRequests = requests.length;
    requests.length = 0;
    const warm = await checkArticle({ text: SAMPLE, publishedAt: '2024-04-22' }, store);
    expect(coldRequests).toBe(7);
    expect(requests).toHaveLength(0);
    expect(warm.claims.map((c) => c.verdict)).toEqual(cold.claims.map((c) => c.verdict));
  });
});
