/**
 * The whole check in process, as the api function runs it: extract, look the facts up in
 * DynamoDB Local, decide the verdicts. For the sample article and a 50 KB article, warm, with
 * the fact cache off (every check goes to the table) and on; counts the DynamoDB requests and
 * round trips (requests started before the first one returned count as one round).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CachingReferenceStore } from '../functions/adapters/caching-reference-store.ts';
import { createDocumentClient } from '../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbReferenceStore } from '../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { checkArticle } from '../functions/core/index.ts';
import type { ReferenceStore } from '../functions/core/ports.ts';
import { ensureTables, localTableNames, seedFacts } from '../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { generateCorpus } from './article-corpus.ts';
import { median, percentile, round } from './measure.ts';

const SAMPLE = readFileSync(new URL('../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

export interface CheckFigures {
  article: string;
  bytes: number;
  claims: number;
  cache: 'off' | 'warm';
  medianMs: number;
  p99Ms: number;
  requests: number;
  roundTrips: number;
}

function article50k(): string {
  let text = '';
  for (const piece of generateCorpus(60_000, 7)) {
    if (text.length + piece.length > 50_000) break;
    text += `${piece}\n\n`;
  }
  return text;
}

export async function measureChecks(runs = 200): Promise<CheckFigures[]> {
  const dynamo = await startDynamoDbLocal();
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: dynamo.endpoint });
  try {
    const tables = localTableNames('bench');
    await ensureTables(client, tables);
    await seedFacts(client, tables.FIGCHECK_FACTS_TABLE!);
    let inFlight = 0;
    let requests = 0;
    let rounds = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        if (inFlight === 0) rounds++;
        inFlight++;
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: 'initialize', name: 'countRequests' },
    );
    const table = new DynamoDbReferenceStore(createDocumentClient(client), tables.FIGCHECK_FACTS_TABLE!);
    const aliases = await table.listMetricAliases();
    const figures: CheckFigures[] = [];
    for (const [name, text] of [
      ['sample article', SAMPLE],
      ['50 KB article', article50k()],
    ] as const) {
      for (const cache of ['off', 'warm'] as const) {
        const store: ReferenceStore =
          cache === 'off' ? table : new CachingReferenceStore(table, { ttlMs: 3_600_000, maxEntries: 5000 });
        const check = () =>
          checkArticle({ text, publishedAt: '2024-04-22' }, store, { metricAliases: aliases });
        let claims = 0;
        for (let i = 0; i < 20; i++) claims = (await check()).claims.length;
        requests = 0;
        rounds = 0;
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          await check();
          times.push(performance.now() - started);
        }
        figures.push({
          article: name,
          bytes: Buffer.byteLength(text),
          claims,
          cache,
          medianMs: round(median(times), 2),
          p99Ms: round(percentile(times, 99), 2),
          requests: round(requests / runs, 1),
          roundTrips: round(rounds / runs, 1),
        });
      }
    }
    return figures;
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}
