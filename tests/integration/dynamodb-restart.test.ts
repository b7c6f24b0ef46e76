/**
 * DynamoDB Local killed (SIGKILL, no chance to flush anything) while batches are being accepted,
 * and started again on the same data folder and port: every article a client was told had been
 * accepted is still there, and once the queue's dead letters are redriven every one is checked.
 * (local-recovery.test.ts covers the other restart: figcheck's own process, DynamoDB kept.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbArticleStore } from '../../functions/adapters/dynamodb/dynamodb-article-store.ts';
import {
  type DynamoDbLocal,
  findFreePort,
  LOCAL_CLIENT_CONFIG,
  startDynamoDbLocal,
} from '../../local/dynamodb-local.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';

const KEY = 'restart-key-0123456789abcdef';
const BATCH_SIZE = 5;

let dataDir: string;
let port: number;
let dynamo: DynamoDbLocal;
let stack: LocalStack;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'figcheck-restart-'));
  port = await findFreePort();
  dynamo = await startDynamoDbLocal({ dataDir, port });
  stack = await startLocalStack({
    dynamoDbEndpoint: dynamo.endpoint,
    apiKeys: [{ name: 'tester', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  articleIds: string[];
  batchId?: string;
}

let inFlight = 0;

async function postBatch(n: number): Promise<Outcome> {
  inFlight++;
  try {
    const response = await fetch(`${stack.apiUrl}/v1/batches`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        articles: Array.from({ length: BATCH_SIZE }, (_, i) => ({
          title: `restart ${n}-${i}`,
          text: `Trade between Russia and Azerbaijan reached $${4 + (i % 3)}.${n % 10} billion in 2023.`,
          publishedAt: '2024-04-22',
        })),
      }),
    });
    const body = (await response.json()) as { batchId?: string; articles?: { articleId: string }[] };
    return {
      status: response.status,
      batchId: body.batchId,
      articleIds: (body.articles ?? []).map((a) => a.articleId),
    };
  } catch {
    return { status: 0, articleIds: [] };
  } finally {
    inFlight--;
  }
}

describe('DynamoDB Local killed and restarted on its data folder mid-run', () => {
  it('keeps every article accepted before the kill, and checks each one after a redrive', async () => {
    const outcomes: Outcome[] = [];
    let killed = false;
    let sent = 0;
    // Two clients send batches back to back until a few have been sent after the kill.
    let sentAfterKill = 0;
    const client = async () => {
      while (sentAfterKill < 4) {
        const n = sent++;
        if (killed) sentAfterKill++;
        outcomes.push(await postBatch(n));
      }
    };
    const clients = [client(), client()];
    // Kill while requests are in flight, once a few batches are in.
    while (outcomes.filter((o) => o.status === 202).length < 6) await new Promise((r) => setTimeout(r, 10));
    const inFlightAtKill = inFlight;
    process.kill(dynamo.pid, 'SIGKILL');
    killed = true;
    await Promise.all(clients);
    await stack.queue.idle();

    dynamo = await startDynamoDbLocal({ dataDir, port });
    expect(inFlightAtKill).toBeGreaterThan(0);
    const accepted = outcomes.filter((o) => o.status === 202);
    const acceptedIds = accepted.flatMap((o) => o.articleIds);
    // Requests that met the dead database were told to retry later, never a bare 500.
    const refused = outcomes.filter((o) => o.status !== 202);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.status === 503)).toBe(true);

    const documents = createDocumentClient(
      new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: dynamo.endpoint }),
    );
    const store = new DynamoDbArticleStore(documents, stack.tables.FIGCHECK_ARTICLES_TABLE!);
    try {
      const missing: string[] = [];
      for (const articleId of acceptedIds) if (!(await store.getQueued(articleId))) missing.push(articleId);
      expect(missing).toEqual([]);
      for (const { batchId } of accepted) expect(await store.getBatch(batchId!)).toBeDefined();

      // The messages that met the dead database went to the dead-letter list; back on the queue, all are checked.
      stack.queue.redrive();
      await stack.queue.idle();
      const lost: string[] = [];
      for (const { batchId } of accepted) {
        const found = await store.getBatch(batchId!);
        for (const member of found?.members ?? [])
          if (member.status !== 'checked') lost.push(member.articleId);
      }
      expect(lost).toEqual([]);
      expect(acceptedIds.length).toBeGreaterThanOrEqual(6 * BATCH_SIZE);
    } finally {
      documents.destroy();
    }
  }, 60_000);
});
