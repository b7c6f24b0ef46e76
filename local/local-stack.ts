/**
 * figcheck on one machine: DynamoDB Local with the stack's tables and the reference facts,
 * and the API functions served over HTTP through the API Gateway stand-in, routed as in the stack.
 * Shared by `npm start` and the integration tests.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type FunctionName, functionForPath } from '../functions/adapters/http/api-routes.ts';
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
  stop(): Promise<void>;
}

/**
 * Points the AWS SDK in this process at DynamoDB Local, the way the stack's environment points
 * a deployed function at its tables; the handlers read it at import time.
 */
export function useLocalEnvironment(endpoint: string, tables: TableNames): void {
  Object.assign(process.env, tables, {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: LOCAL_CLIENT_CONFIG.region,
    AWS_ACCESS_KEY_ID: LOCAL_CLIENT_CONFIG.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CLIENT_CONFIG.credentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
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

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dynamo: Pick<DynamoDbLocal, 'endpoint' | 'stop'> = options.dynamoDbEndpoint
    ? { endpoint: options.dynamoDbEndpoint, stop: async () => {} }
    : await startDynamoDbLocal({ dataDir: options.dataDir, port: options.dynamoDbPort });
  let server: RunningServer | undefined;
  try {
    const tables = localTableNames(options.tablePrefix);
    const factsLoaded = await prepareDatabase(dynamo.endpoint, tables, options.apiKeys);
    useLocalEnvironment(dynamo.endpoint, tables);
    const handlers: Record<FunctionName, HttpApiHandler> = {
      api: ((await import('../functions/api/handler.ts')) as { handler: HttpApiHandler }).handler,
      'facts-api': ((await import('../functions/facts-api/handler.ts')) as { handler: HttpApiHandler })
        .handler,
    };
    // Unrouted paths go to the api function, which answers them with a 404 problem.
    const dispatch: HttpApiHandler = (event) => handlers[functionForPath(event.rawPath) ?? 'api'](event);
    server = await serveHttpApi(dispatch, { port: options.port });
    const running = server;
    return {
      apiUrl: running.url,
      dynamoDbEndpoint: dynamo.endpoint,
      tables,
      factsLoaded,
      stop: async () => {
        await running.close();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await server?.close();
    await dynamo.stop();
    throw error;
  }
}
