import { readFileSync } from 'node:fs';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbReferenceStore } from '../../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { readReferenceFactsCsv } from '../../functions/core/facts/index.ts';
import type { ReferenceFact } from '../../functions/core/model.ts';
import { ensureTables, localTableNames, seedFacts } from '../../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG } from '../../local/dynamodb-local.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

let db: TestDatabase;
let store: DynamoDbReferenceStore;
let factsTable: string;

async function countItems(): Promise<number> {
  const page = await db.client.send(new ScanCommand({ TableName: factsTable, Select: 'COUNT' }));
  return page.Count ?? 0;
}

beforeAll(async () => {
  db = await createTestDatabase();
  factsTable = db.tables.FIGCHECK_FACTS_TABLE!;
  store = new DynamoDbReferenceStore(createDocumentClient(db.client), factsTable);
});

afterAll(() => db.client.destroy());

describe('DynamoDbReferenceStore against DynamoDB Local', () => {
  it('loads data/facts.csv and finds the 2023 Russia-Azerbaijan trade turnover facts by metric and entities', async () => {
    const report = await seedFacts(db.client, factsTable);
    expect(report.facts).toBe(249);
    const [trade] = await store.findFacts([{ metric: 'trade_turnover', entities: ['RU', 'AZ'] }]);
    const ids2023 = trade!
      .filter((f) => f.period === '2023')
      .map((f) => f.id)
      .sort();
    expect(ids2023).toEqual(['F001', 'F003', 'F112', 'F160', 'F235']);
    expect(trade!.find((f) => f.id === 'F001')).toMatchObject({
      value: 4400000000,
      unit: 'USD',
      qualifier: 'approx',
      asOf: '2024-02-12',
      sourceUrl: 'https://news.az/news/azerbaijan-russia-report-growth-in-trade-turnover',
    });
    // Other partners of Russia share the partition but not the entity pair.
    expect(trade!.every((f) => f.entities.includes('AZ') && f.entities.includes('RU'))).toBe(true);
  });

  it('answers several queries in one call, in query order, anchored on named things', async () => {
    const results = await store.findFacts([
      { metric: 'agreement_signed', entities: ['AZ', 'RU', 'declaration_allied_interaction'] },
      { metric: 'construction_started', entities: ['bam_railway'] },
      { metric: 'gdp', entities: ['XX'] },
    ]);
    expect(results.map((r) => r.map((f) => f.id).sort())).toEqual([
      ['F014', 'F016', 'F024', 'F220'],
      ['F025', 'F026'],
      [],
    ]);
  });

  it('re-importing the same file writes the same items and changes nothing', async () => {
    const before = await countItems();
    await seedFacts(db.client, factsTable);
    expect(await countItems()).toBe(before);
  });

  it('keeps the old revision readable when a fact is revised with a newer figure', async () => {
    const { facts } = readReferenceFactsCsv(
      readFileSync(new URL('../../data/facts.csv', import.meta.url), 'utf8'),
    );
    const original = facts.find((f) => f.id === 'F001')!;
    const revised: ReferenceFact = { ...original, value: 4450000000, asOf: '2024-05-01' };
    await store.putFacts([revised]);
    const [trade] = await store.findFacts([{ metric: 'trade_turnover', entities: ['RU', 'AZ'] }]);
    const revisions = trade!.filter((f) => f.id === 'F001').map((f) => [f.value, f.asOf]);
    expect(revisions).toEqual([
      [4400000000, '2024-02-12'],
      [4450000000, '2024-05-01'],
    ]);
  });
});

describe('DynamoDbReferenceStore under write throttling', () => {
  it('retries the items a BatchWriteItem leaves unprocessed until every fact is stored', async () => {
    const throttled = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: db.endpoint });
    let throttledCalls = 0;
    // DynamoDB Local never throttles; this hands back half of each of the first three batches
    // as unprocessed, the way a throttled table answers.
    throttled.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand' || throttledCalls >= 3) return next(args);
        throttledCalls++;
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const [table, requests] = Object.entries(input.RequestItems)[0]!;
        const kept = requests.slice(0, Math.ceil(requests.length / 2));
        const left = requests.slice(kept.length);
        const result = await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } });
        (result.output as { UnprocessedItems?: Record<string, unknown[]> }).UnprocessedItems =
          left.length > 0 ? { [table]: left } : {};
        return result;
      },
      { step: 'initialize', name: 'throttleBatchWrites' },
    );
    const tables = localTableNames(`${db.prefix}-throttled`);
    await ensureTables(db.client, tables);
    const table = tables.FIGCHECK_FACTS_TABLE!;
    const sleeps: number[] = [];
    const store = new DynamoDbReferenceStore(createDocumentClient(throttled), table, async (ms) => {
      sleeps.push(ms);
    });
    const { facts } = readReferenceFactsCsv(
      readFileSync(new URL('../../data/facts.csv', import.meta.url), 'utf8'),
    );
    const progress: [number, number][] = [];
    const report = await store.putFacts(facts.slice(0, 20), (done, total) => progress.push([done, total]));
    expect(throttledCalls).toBe(3);
    // Progress only grows and ends with every fact written.
    expect(progress.at(-1)).toEqual([20, 20]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
    expect(sleeps.length).toBeGreaterThanOrEqual(3);
    const page = await db.client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }));
    expect(page.Count).toBe(report.items);
    throttled.destroy();
  });
});
