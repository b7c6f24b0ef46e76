/**
 * `npm start`: runs figcheck on this machine. Starts DynamoDB Local (data kept in .data/),
 * creates the tables, loads the reference facts, serves the API on http://127.0.0.1:8787
 * (PORT overrides), checks the sample article through that API and prints its verdicts.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { formatCheckTable } from '../cli/format-check-table.ts';
import { generateApiKey } from '../functions/core/access/index.ts';
import type { CheckResult } from '../functions/core/index.ts';
import { parseWebhookSecrets } from '../functions/core/webhooks/index.ts';
import { type LocalApiKey, parseLocalApiKeys } from './bootstrap.ts';
import { DATA_DIR, removeLocalStackRecord, writeLocalStackRecord } from './local-endpoint-file.ts';
import { startLocalStack } from './local-stack.ts';

const SAMPLE = new URL('../examples/putin-aliyev-kremlin.txt', import.meta.url);
const SAMPLE_META = new URL('../examples/putin-aliyev-kremlin.meta.json', import.meta.url);

/**
 * The keys the local API accepts: FIGCHECK_API_KEYS when set, else one key for the client
 * "local", made on first start and kept in .data/ so that restarts keep it.
 */
function localApiKeys(): LocalApiKey[] {
  const configured = parseLocalApiKeys(process.env.FIGCHECK_API_KEYS);
  if (configured.length > 0) return configured;
  const file = `${DATA_DIR}local-api-key`;
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, `${generateApiKey()}\n`, { mode: 0o600 });
  }
  return [{ name: 'local', key: readFileSync(file, 'utf8').trim() }];
}

async function main(): Promise<void> {
  // One JSON log line per request is for CloudWatch; on a terminal only warnings and errors show.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  console.log('Starting DynamoDB Local (data in .data/dynamodb) ...');
  const apiKeys = localApiKeys();
  const stack = await startLocalStack({ dataDir: `${DATA_DIR}dynamodb`, port, apiKeys });
  const apiKey = apiKeys[0]!.key;
  writeLocalStackRecord({
    pid: process.pid,
    apiUrl: stack.apiUrl,
    dynamoDbEndpoint: stack.dynamoDbEndpoint,
    tables: stack.tables,
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping figcheck ...');
    removeLocalStackRecord();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(`Reference table loaded: ${stack.factsLoaded} facts from data/facts.csv.`);

  const meta = JSON.parse(readFileSync(SAMPLE_META, 'utf8')) as { title: string; publishedAt: string };
  const response = await fetch(`${stack.apiUrl}/v1/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({
      text: readFileSync(SAMPLE, 'utf8'),
      publishedAt: meta.publishedAt,
      title: meta.title,
    }),
  });
  if (!response.ok)
    throw new Error(`checking the sample article failed: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as CheckResult & { articleId: string };
  console.log(
    `\nSample article "${meta.title}" (published ${meta.publishedAt}), article ${result.articleId}:\n`,
  );
  console.log(formatCheckTable(result, { colour: Boolean(process.stdout.isTTY) }));
  console.log(`\nReport: ${stack.apiUrl}/v1/articles/${result.articleId}/report`);
  console.log(`Review queue: ${stack.apiUrl}/v1/review (sign in with the API key below)`);
  console.log(`\nfigcheck API listening on ${stack.apiUrl}`);
  console.log(`API key (client "${apiKeys[0]!.name}", every scope): ${apiKey}`);
  console.log(
    `  curl -X POST ${stack.apiUrl}/v1/checks -H 'content-type: application/json' -H 'x-api-key: ${apiKey}' \\`,
  );
  console.log(
    `       -d '{"text":"Trade reached more than $4 billion last year.","publishedAt":"2024-04-22"}'`,
  );
  const webhookSources = Object.keys(
    parseWebhookSecrets(process.env.FIGCHECK_WEBHOOK_SECRETS?.trim() || '{}', 'FIGCHECK_WEBHOOK_SECRETS'),
  );
  console.log(
    `CMS webhooks: POST ${stack.apiUrl}/v1/webhooks/{source} (${
      webhookSources.length > 0
        ? `secrets set for ${webhookSources.join(', ')}`
        : 'no secrets set: put them in FIGCHECK_WEBHOOK_SECRETS, see README'
    })`,
  );
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(`figcheck could not start: ${error instanceof Error ? error.message : String(error)}`);
  removeLocalStackRecord();
  process.exit(1);
});
