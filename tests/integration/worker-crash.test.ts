/**
 * A queue worker that dies in the middle of a batch. In Lambda an invocation that fails (the
 * process exits, or the handler throws) fails its whole batch, and SQS delivers every record of
 * it again, the ones already done included. The in-process queue does the same; here it drives
 * the worker through a wrapper that dies after some of the records.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { registerLocalQueue } from '../../functions/adapters/queue/article-queue.ts';
import { InProcessQueue, type QueueWorker } from '../../local/in-process-queue.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { DynamoDbFaults } from '../support/dynamodb-faults.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'crash-key-0123456789abcdef';

// Watches the handlers' DynamoDB calls: how many times each article's result is written.
const calls = new DynamoDbFaults();
calls.install();
const resultWrites = new Map<string, number>();

let db: TestDatabase;
let stack: LocalStack;
let worker: QueueWorker;
let queueName: string;

beforeAll(async () => {
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'tester', key: KEY }],
  });
  // The module the stack's queue drives; imported once per process, so the same instance.
  worker = ((await import('../../functions/worker/handler.ts')) as { handler: QueueWorker }).handler;
  queueName = process.env.FIGCHECK_ARTICLE_QUEUE_URL!.replace(/^local:/, '');
});

afterAll(async () => {
  calls.use(undefined);
  await stack?.stop();
  db?.client.destroy();
});

function countResultWrites(): void {
  calls.use((attempt) => {
    const item = attempt.body.Item as Record<string, { S?: string }> | undefined;
    if (attempt.operation === 'PutItem' && item?.sk?.S === 'RESULT' && item.status?.S === 'checked') {
      const articleId = item.articleId?.S ?? '';
      resultWrites.set(articleId, (resultWrites.get(articleId) ?? 0) + 1);
    }
    return undefined;
  });
}

/** Replaces the stack's queue with one driving `driven`, as SQS would drive the worker function. */
function useQueue(driven: QueueWorker): InProcessQueue {
  const queue = new InProcessQueue(driven);
  registerLocalQueue(queueName, queue);
  return queue;
}

async function postBatch(texts: string[]): Promise<{ batchId: string; articleIds: string[] }> {
  const response = await fetch(`${stack.apiUrl}/v1/batches`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ articles: texts.map((text) => ({ text, publishedAt: '2024-04-22' })) }),
  });
  expect(response.status).toBe(202);
  const body = (await response.json()) as { batchId: string; articles: { articleId: string }[] };
  return { batchId: body.batchId, articleIds: body.articles.map((a) => a.articleId) };
}

/** Articles whose trade figure contradicts the reference, so that each gets review records. */
function contradictedTexts(count: number, tag: string): string[] {
  return Array.from(
    { length: count },
    (_, n) =>
      `${tag} ${n}: trade between Russia and Azerbaijan reached $${6 + (n % 3)}.${n} billion in 2023.`,
  );
}

const documents = () => createDocumentClient(db.client);

async function storedResult(articleId: string): Promise<{ status?: string; checkedAt?: string }> {
  const { Item } = await documents().send(
    new GetCommand({
      TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
      Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' },
      ConsistentRead: true,
    }),
  );
  return { status: Item?.status as string | undefined, checkedAt: Item?.checkedAt as string | undefined };
}

async function reviewRecords(articleId: string): Promise<{ version: number }[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :claim)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':claim': 'CLAIM#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as { version: number }[];
}

describe('a worker that dies in the middle of a batch', () => {
  it('does not check again the records it finished, checks the rest on redelivery, and loses none', async () => {
    countResultWrites();
    const done = 4;
    const checkedAtBeforeCrash = new Map<string, string | undefined>();
    const invocations: string[][] = [];
    let crashed = false;
    const queue = useQueue(async (event: SQSEvent) => {
      invocations.push(event.Records.map((r) => r.messageId));
      if (crashed) return worker(event);
      crashed = true;
      await worker({ Records: event.Records.slice(0, done) });
      for (const record of event.Records.slice(0, done)) {
        const { articleId } = JSON.parse(record.body) as { articleId: string };
        checkedAtBeforeCrash.set(articleId, (await storedResult(articleId)).checkedAt);
      }
      throw new Error('the worker process died');
    });

    const { batchId, articleIds } = await postBatch(contradictedTexts(10, 'crash'));
    await queue.idle();

    // One batch of ten, failed whole by the crash, then delivered again whole.
    expect(invocations).toHaveLength(2);
    expect(invocations[1]).toEqual(invocations[0]);
    expect(queue.deadLetters).toEqual([]);
    const firstDone = articleIds.slice(0, done);
    expect([...checkedAtBeforeCrash.keys()]).toEqual(firstDone);

    const lost: string[] = [];
    for (const articleId of articleIds) {
      const stored = await storedResult(articleId);
      if (stored.status !== 'checked') lost.push(articleId);
      // Checked once: one result written, and review records written once (version 1).
      expect(resultWrites.get(articleId)).toBe(1);
      const reviews = await reviewRecords(articleId);
      expect(reviews.length).toBeGreaterThan(0);
      expect(reviews.every((review) => review.version === 1)).toBe(true);
      if (firstDone.includes(articleId)) expect(stored.checkedAt).toBe(checkedAtBeforeCrash.get(articleId));
    }
    expect(lost).toEqual([]);

    const batch = (await (
      await fetch(`${stack.apiUrl}/v1/batches/${batchId}`, { headers: { 'x-api-key': KEY } })
    ).json()) as { status: string; counts: Record<string, number> };
    expect(batch).toMatchObject({ status: 'checked', counts: { checked: 10 } });
  });

  it('still records the review records of an article whose result was stored just before it died', async () => {
    let current = -1;
    let died = false;
    // The process dies as it writes the second record's review records.
    calls.use((attempt) => {
      if (attempt.operation === 'BatchWriteItem' && current === 1) died = true;
      return died ? 'TimeoutError' : undefined;
    });
    let victim: string | undefined;
    const queue = useQueue(async (event) => {
      for (const [index, record] of event.Records.entries()) {
        current = index;
        await worker({ Records: [record] });
        if (died) {
          victim = (JSON.parse(record.body) as { articleId: string }).articleId;
          calls.use(undefined);
          current = -1;
          died = false;
          throw new Error('the worker process died');
        }
      }
      return { batchItemFailures: [] };
    });
    const { articleIds } = await postBatch(contradictedTexts(3, 'mid-record crash'));
    await queue.idle();

    expect(victim).toBe(articleIds[1]);
    expect(queue.deadLetters).toEqual([]);
    expect((await storedResult(victim!)).status).toBe('checked');
    expect(await reviewRecords(victim!)).not.toEqual([]);
  });
});
