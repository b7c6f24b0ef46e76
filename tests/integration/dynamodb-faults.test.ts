/**
 * DynamoDB throttling and timeouts, injected into the clients the handlers build, against the
 * local stack: what the SDK absorbs, what a client is told when it cannot, and what the queue
 * path does with work that failed.
 */
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbIdempotencyStore } from '../../functions/adapters/dynamodb/dynamodb-idempotency-store.ts';
import { problemResponse } from '../../functions/adapters/http/problem-response.ts';
import { LOCAL_CLIENT_CONFIG } from '../../local/dynamodb-local.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { type Attempt, DynamoDbFaults, type FaultKind } from '../support/dynamodb-faults.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'fault-key-0123456789abcdef';
const KINDS: FaultKind[] = ['ProvisionedThroughputExceededException', 'ThrottlingException', 'TimeoutError'];

// Before the stack starts: the handlers build their clients when they are first imported.
const faults = new DynamoDbFaults();
faults.install();

let db: TestDatabase;
let stack: LocalStack;
let articlesTable: string;

beforeAll(async () => {
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'tester', key: KEY }],
  });
  articlesTable = stack.tables.FIGCHECK_ARTICLES_TABLE!;
});

afterAll(async () => {
  faults.use(undefined);
  await stack?.stop();
  db?.client.destroy();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}${path}`, { headers: { 'x-api-key': KEY } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Every item of the articles table, read past the faults (the test's own client has none). */
async function articleItems(): Promise<Record<string, unknown>[]> {
  const documents = createDocumentClient(db.client);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({ TableName: articlesTable, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A short article whose trade figure contradicts the reference, so that it gets review records. */
function tradeArticle(n: number, title: string) {
  return {
    title,
    text: `Trade between Russia and Azerbaijan reached $${5 + (n % 4)}.${n % 10} billion in 2023.`,
    publishedAt: '2024-04-22',
  };
}

/** A write of an Idempotency-Key's record: its claim (PutItem), completion (UpdateItem) or release. */
function isIdempotencyRecord(attempt: Attempt, operation: string): boolean {
  const key = (attempt.body.Item ?? attempt.body.Key) as { pk?: { S?: string } } | undefined;
  return attempt.operation === operation && (key?.pk?.S ?? '').startsWith('IDEMPOTENCY#');
}

function faultsSince(before: number): number {
  return faults.total - before;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

async function expectServiceUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ type: 'about:blank', title: 'Service unavailable', status: 503 });
  expect(problem.detail).toMatch(/retry after \d+ s/);
}

describe('transient throttling and timeouts', () => {
  it('are retried by the SDK: with every third operation failing once, every request succeeds', async () => {
    const before = faults.total;
    const kindsBefore = new Map(faults.injected);
    let operations = 0;
    faults.use((attempt) => {
      if (attempt.try > 1) return undefined;
      operations++;
      return operations % 3 === 0 ? KINDS[(operations / 3) % KINDS.length] : undefined;
    });
    try {
      const checked: string[] = [];
      for (let n = 0; n < 4; n++) {
        const response = await post('/v1/checks', tradeArticle(n, `transient check ${n}`));
        expect(response.status).toBe(200);
        checked.push(((await response.json()) as { articleId: string }).articleId);
      }
      const batch = await post('/v1/batches', {
        articles: Array.from({ length: 10 }, (_, n) => tradeArticle(n, `transient batch ${n}`)),
      });
      expect(batch.status).toBe(202);
      const { batchId } = (await batch.json()) as { batchId: string };
      await stack.queue.idle();

      expect(stack.queue.deadLetters).toEqual([]);
      const progress = await get<{ status: string; counts: Record<string, number> }>(
        `/v1/batches/${batchId}`,
      );
      expect(progress).toMatchObject({ status: 'checked', counts: { checked: 10 } });
      for (const articleId of checked) {
        expect((await get<{ articleId: string }>(`/v1/articles/${articleId}`)).articleId).toBe(articleId);
      }
      expect(faultsSince(before)).toBe(Math.floor(operations / 3));
      expect(faultsSince(before)).toBeGreaterThanOrEqual(10);
      for (const kind of KINDS) {
        expect(faults.injected.get(kind) ?? 0).toBeGreaterThan(kindsBefore.get(kind) ?? 0);
      }
    } finally {
      faults.use(undefined);
    }
  });
});

describe('persistent throttling on POST /v1/checks', () => {
  it('answers 503 with Retry-After and a problem body when every DynamoDB call is throttled, and stores nothing', async () => {
    const title = 'throttled everywhere';
    faults.use(() => 'ProvisionedThroughputExceededException');
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(1, title));
    } finally {
      faults.use(undefined);
    }
    await expectServiceUnavailable(response);
    expect(
      (await articleItems()).filter((item) => item.title === title || item.articleTitle === title),
    ).toEqual([]);
    // Once DynamoDB answers again, the same request goes through.
    expect((await post('/v1/checks', tradeArticle(1, title))).status).toBe(200);
  });

  it('answers 503 when the articles table keeps throttling after the check ran, and stores no part of the article', async () => {
    const title = 'articles table throttled';
    const itemsBefore = (await articleItems()).length;
    const before = faults.total;
    faults.use((attempt) => (attempt.table === articlesTable ? 'ThrottlingException' : undefined));
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(2, title));
      await faults.settled();
    } finally {
      faults.use(undefined);
    }
    await expectServiceUnavailable(response);
    // The SDK tried the article's write four times (its default for DynamoDB) before giving up.
    expect(faultsSince(before)).toBeGreaterThanOrEqual(4);
    // Neither the article, nor its review records, nor the facts it relied on were written.
    expect((await articleItems()).length).toBe(itemsBefore);
  });

  it('answers 503 when the article cannot be written, and leaves none of its review records behind', async () => {
    const title = 'article write throttled';
    faults.use((attempt) => {
      if (attempt.operation === 'PutItem' && attempt.table === articlesTable) return 'ThrottlingException';
      // The review records' write is throttled once, and gets through on the SDK's retry.
      if (attempt.operation === 'BatchWriteItem' && attempt.try === 1) return 'ThrottlingException';
      return undefined;
    });
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(6, title));
      await faults.settled();
    } finally {
      faults.use(undefined);
    }
    await expectServiceUnavailable(response);
    expect((await articleItems()).filter((item) => item.articleTitle === title)).toEqual([]);
  });

  it('answers 503 when only the review records cannot be written, and keeps no article without them', async () => {
    const title = 'review records throttled';
    faults.use((attempt) => (attempt.operation === 'BatchWriteItem' ? 'ThrottlingException' : undefined));
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(4, title));
      await faults.settled();
    } finally {
      faults.use(undefined);
    }
    await expectServiceUnavailable(response);
    expect((await articleItems()).filter((item) => item.title === title)).toEqual([]);
  });

  it('answers 503 to a request with an Idempotency-Key and lets its key go within a minute, not a day', async () => {
    const key = 'throttled-retry-1';
    // The key is claimed; then the article's writes and the key's release are throttled.
    faults.use((attempt) =>
      attempt.table === articlesTable && !isIdempotencyRecord(attempt, 'PutItem')
        ? 'ThrottlingException'
        : undefined,
    );
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(3, 'throttled with a key'), {
        'idempotency-key': key,
      });
    } finally {
      faults.use(undefined);
    }
    await faults.settled();
    await expectServiceUnavailable(response);
    const claim = (await articleItems()).find((item) => item.pk === `IDEMPOTENCY#tester#${key}`);
    expect(claim?.state).toBe('in_progress');
    expect(claim?.expiresAt as number).toBeLessThanOrEqual(Date.now() / 1000 + 60);
    // Until then a retry is told to come back shortly.
    const retry = await post('/v1/checks', tradeArticle(3, 'throttled with a key'), {
      'idempotency-key': key,
    });
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).not.toBeNull();
  });

  it('answers 200 when the article was stored but its Idempotency-Key could not be marked done', async () => {
    const key = 'throttled-completion-1';
    const title = 'stored, key not completed';
    faults.use((attempt) => (isIdempotencyRecord(attempt, 'UpdateItem') ? 'ThrottlingException' : undefined));
    let response: Response;
    try {
      response = await post('/v1/checks', tradeArticle(5, title), { 'idempotency-key': key });
    } finally {
      faults.use(undefined);
    }
    await faults.settled();
    // The work is done: an error would only invite a retry that stores the article a second time.
    expect(response.status).toBe(200);
    const { articleId } = (await response.json()) as { articleId: string };
    expect((await get<{ title: string }>(`/v1/articles/${articleId}`)).title).toBe(title);
    expect((await articleItems()).filter((item) => item.title === title)).toHaveLength(1);
  });
});

describe('an Idempotency-Key left claimed by a request that failed', () => {
  it('is free again once its lease ran out, while a completed one is replayed for a day', async () => {
    let now = 1_700_000_000;
    const store = new DynamoDbIdempotencyStore(createDocumentClient(db.client), articlesTable, () => now);
    expect(await store.claim('tester', 'lease-1', 'h1')).toEqual({ state: 'claimed' });
    now += 30;
    expect(await store.claim('tester', 'lease-1', 'h1')).toEqual({ state: 'in_progress', requestHash: 'h1' });
    now += 31;
    expect(await store.claim('tester', 'lease-1', 'h1')).toEqual({ state: 'claimed' });
    await store.complete('tester', 'lease-1', { statusCode: 200, body: '{}' });
    now += 23 * 60 * 60;
    expect(await store.claim('tester', 'lease-1', 'h1')).toMatchObject({ state: 'completed' });
  });
});

describe('failures on the queue path', () => {
  it('are retried up to the dead-letter list, and after a redrive every accepted article is checked', async () => {
    const before = faults.total;
    // Every write of a checked batch article times out: the worker checks, fails to store, and
    // the message comes back until it is dead-lettered.
    faults.use((attempt) => {
      const item = attempt.body.Item as Record<string, { S?: string }> | undefined;
      return attempt.operation === 'PutItem' && item?.status?.S === 'checked' && item?.batchId
        ? 'TimeoutError'
        : undefined;
    });
    const accepted: string[] = [];
    const batchIds: string[] = [];
    try {
      for (const size of [12, 8]) {
        const response = await post('/v1/batches', {
          articles: Array.from({ length: size }, (_, n) => tradeArticle(n, `queued ${size}-${n}`)),
        });
        expect(response.status).toBe(202);
        const body = (await response.json()) as { batchId: string; articles: { articleId: string }[] };
        batchIds.push(body.batchId);
        accepted.push(...body.articles.map((a) => a.articleId));
      }
      await stack.queue.idle();
    } finally {
      faults.use(undefined);
    }
    const injected = faultsSince(before);
    // Each message was received three times (maxReceiveCount), each receive failed at least once.
    expect(stack.queue.deadLetters).toHaveLength(accepted.length);
    expect(stack.queue.deadLetters.every((m) => m.receiveCount === 3)).toBe(true);
    expect(injected).toBeGreaterThanOrEqual(3 * accepted.length);

    expect(stack.queue.redrive()).toBe(accepted.length);
    await stack.queue.idle();
    expect(stack.queue.deadLetters).toEqual([]);

    const statuses = new Map<string, string>();
    for (const batchId of batchIds) {
      const batch = await get<{ status: string; articles: { articleId: string; status: string }[] }>(
        `/v1/batches/${batchId}`,
      );
      expect(batch.status).toBe('checked');
      for (const article of batch.articles) statuses.set(article.articleId, article.status);
    }
    const lost = accepted.filter((id) => statuses.get(id) !== 'checked');
    expect(lost).toEqual([]);
    // Every article's contradicted claim reached the review queue.
    const items = await articleItems();
    for (const articleId of accepted) {
      expect(
        items.some((item) => item.pk === `ARTICLE#${articleId}` && String(item.sk).startsWith('CLAIM#')),
      ).toBe(true);
    }
  });
});

describe('a DynamoDB connection that stops answering', () => {
  it('fails each attempt after the request timeout and retries on a new connection, instead of waiting minutes', async () => {
    const sockets: Socket[] = [];
    // Accepts connections and reads requests, but never answers.
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as { port: number };
    const client = createDocumentClient({
      ...LOCAL_CLIENT_CONFIG,
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 2,
    });
    try {
      const started = Date.now();
      const error = (await client
        .send(new GetCommand({ TableName: articlesTable, Key: { pk: 'ARTICLE#x', sk: 'RESULT' } }))
        .catch((e: unknown) => e)) as Error & { $metadata?: { attempts?: number } };
      const elapsed = Date.now() - started;
      expect(error.name).toBe('TimeoutError');
      expect(error.$metadata?.attempts).toBe(2);
      expect(sockets).toHaveLength(2);
      // Two attempts of 2 s each, not the SDK's default of 300 s per stalled socket.
      expect(elapsed).toBeGreaterThanOrEqual(3_900);
      expect(elapsed).toBeLessThan(8_000);
      // What a client of the API is told when that happens in a request.
      const answer = problemResponse(error, () => {});
      expect(answer.statusCode).toBe(503);
      expect(answer.headers?.['retry-after']).toBe('5');
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
