/**
 * figcheck on one machine: DynamoDB Local with the stack's tables and the reference facts,
 * and the API functions served over HTTP through the API Gateway stand-in, routed as in the stack.
 * Shared by `npm start` and the integration tests.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbArticleStore } from '../functions/adapters/dynamodb/dynamodb-article-store.ts';
import { type FunctionName, functionForPath } from '../functions/adapters/http/api-routes.ts';
import { articleMessages, registerLocalQueue } from '../functions/adapters/queue/article-queue.ts';
import { InProcessQueue, type QueueWorker } from './in-process-queue.ts';

const LOCAL_QUEUE_NAME = 'articles';

import type { HttpApiHandler, RunningServer } from './api-gateway-server.ts';
import { serveHttpApi } from './api-gateway-server.ts';
import {
  ensureTables,
  type LocalApiKey,
  localTableNames,
  seedApiKeys,
  seedFacts,
  type TableNames,
} from './bootstrap.ts';
import { type DynamoDbLocal, LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from './dynamodb-local.ts';

export interface LocalStackOptions {
  /** Persist DynamoDB Local's data here; in memory when omitted. */
  dataDir?: string;
  /** HTTP port for the API; a free one when omitted. */
  port?: number;
  /** Port for DynamoDB Local; a free one when omitted. */
  dynamoDbPort?: number;
  /** Use this running DynamoDB (Local) instead of starting one; it is left running on stop. */
  dynamoDbEndpoint?: string;
  /** Table name prefix, so that several stacks can share one DynamoDB Local. */
  tablePrefix?: string;
  /** API keys to store (hashed, every scope) before serving. */
  apiKeys?: readonly LocalApiKey[];
}

export interface LocalStack {
  apiUrl: string;
  dynamoDbEndpoint: string;
  tables: TableNames;
  factsLoaded: number;
  /** The in-process stand-in for the article queue, driving the worker handler. */
  queue: InProcessQueue;
  stop(): Promise<void>;
}

/**
 * Points the AWS SDK in this process at DynamoDB Local, the way the stack's environment points
 * a deployed function at its tables; the handlers read it at import time.
 */
export function useLocalEnvironment(endpoint: string, tables: TableNames, publicUrl?: string): void {
  // Links in webhook answers and report callbacks point at the local server.
  if (publicUrl) process.env.FIGCHECK_PUBLIC_URL ??= publicUrl;
  Object.assign(process.env, tables, {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: LOCAL_CLIENT_CONFIG.region,
    AWS_ACCESS_KEY_ID: LOCAL_CLIENT_CONFIG.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CLIENT_CONFIG.credentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    FIGCHECK_ARTICLE_QUEUE_URL: `local:${LOCAL_QUEUE_NAME}`,
  });
  // There is no CloudWatch here to receive embedded metrics.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}

export async function prepareDatabase(
  endpoint: string,
  tables: TableNames,
  apiKeys: readonly LocalApiKey[] = [],
): Promise<number> {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint });
  try {
    await ensureTables(client, tables);
    const report = await seedFacts(client, tables.FIGCHECK_FACTS_TABLE!);
    await seedApiKeys(client, tables.FIGCHECK_API_KEYS_TABLE!, apiKeys);
    return report.facts;
  } finally {
    client.destroy();
  }
}

async function requeueAcceptedArticles(
  endpoint: string,
  tables: TableNames,
  queue: InProcessQueue,
): Promise<void> {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint });
  try {
    const store = new DynamoDbArticleStore(createDocumentClient(client), tables.FIGCHECK_ARTICLES_TABLE!);
    let cursor: string | undefined;
    do {
      const page = await store.list({ status: 'queued', limit: 100, cursor });
      await queue.send(articleMessages(page.articles.map((a) => a.articleId)));
      cursor = page.next;
    } while (cursor);
  } finally {
    client.destroy();
  }
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dynamo: Pick<DynamoDbLocal, 'endpoint' | 'stop'> = options.dynamoDbEndpoint
    ? { endpoint: options.dynamoDbEndpoint, stop: async () => {} }
    : await startDynamoDbLocal({ dataDir: options.dataDir, port: options.dynamoDbPort });
  let server: RunningServer | undefined;
  try {
    const tables = localTableNames(options.tablePrefix);
    const factsLoaded = await prepareDatabase(dynamo.endpoint, tables, options.apiKeys);
    // The server listens first, so that its URL is known before the handlers read their
    // configuration (report links point at it); it answers 503 until they are loaded.
    let dispatch: HttpApiHandler = async () => ({ statusCode: 503, body: '{"message":"starting"}' });
    server = await serveHttpApi((event) => dispatch(event), { port: options.port });
    useLocalEnvironment(dynamo.endpoint, tables, server.url);
    // The worker first, then the queue it drains, registered before the API builds its queue.
    const { handler: worker } = (await import('../functions/worker/handler.ts')) as { handler: QueueWorker };
    const queue = new InProcessQueue(worker);
    registerLocalQueue(LOCAL_QUEUE_NAME, queue);
    // Articles accepted before a restart and not yet checked go back on the queue: the in-process
    // queue forgets its messages when the process ends, the articles table does not.
    await requeueAcceptedArticles(dynamo.endpoint, tables, queue);
    const handlers: Record<FunctionName, HttpApiHandler> = {
      api: ((await import('../functions/api/handler.ts')) as { handler: HttpApiHandler }).handler,
      'facts-api': ((await import('../functions/facts-api/handler.ts')) as { handler: HttpApiHandler })
        .handler,
      webhooks: ((await import('../functions/webhooks/handler.ts')) as { handler: HttpApiHandler }).handler,
    };
    // Unrouted paths go to the api function, which answers them with a 404 problem.
    dispatch = (event) => handlers[functionForPath(event.rawPath) ?? 'api'](event);
    const running = server;
    return {
      apiUrl: running.url,
      dynamoDbEndpoint: dynamo.endpoint,
      tables,
      factsLoaded,
      queue,
      stop: async () => {
        await running.close();
        await queue.idle();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await server?.close();
    await dynamo.stop();
    throw error;
  }
}
