/**
 * Finds the reference table the CLI should read, in this order: an explicit DynamoDB endpoint
 * (FIGCHECK_DYNAMODB_ENDPOINT), a deployed table (FIGCHECK_FACTS_TABLE with AWS credentials),
 * the running `npm start` stack, or else a throw-away in-memory DynamoDB Local seeded with
 * data/facts.csv.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbReferenceStore } from '../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { FACTS_TABLE } from '../functions/adapters/dynamodb/table-definitions.ts';
import { localTableNames } from '../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { readLiveLocalStackRecord } from '../local/local-endpoint-file.ts';
import { prepareDatabase } from '../local/local-stack.ts';

export interface OpenedStore {
  store: DynamoDbReferenceStore;
  /** Where the facts come from, for the user. */
  description: string;
  close(): Promise<void>;
}

function storeAt(
  endpoint: string | undefined,
  table: string,
): { store: DynamoDbReferenceStore; client: DynamoDBClient } {
  const client = new DynamoDBClient(endpoint ? { ...LOCAL_CLIENT_CONFIG, endpoint } : {});
  return { store: new DynamoDbReferenceStore(createDocumentClient(client), table), client };
}

export class NoReferenceTableError extends Error {
  constructor() {
    super(
      'no reference table to write to: start the local stack with `npm start`, or set FIGCHECK_DYNAMODB_ENDPOINT or FIGCHECK_FACTS_TABLE',
    );
    this.name = 'NoReferenceTableError';
  }
}

export async function openReferenceStore(
  env: NodeJS.ProcessEnv = process.env,
  options: { temporary: boolean } = { temporary: true },
): Promise<OpenedStore> {
  const explicitEndpoint = env.FIGCHECK_DYNAMODB_ENDPOINT?.trim();
  const localFactsTable = localTableNames()[FACTS_TABLE.envVar]!;
  const configuredTable = env[FACTS_TABLE.envVar]?.trim();
  if (explicitEndpoint) {
    const { store, client } = storeAt(explicitEndpoint, configuredTable || localFactsTable);
    return { store, description: `DynamoDB at ${explicitEndpoint}`, close: async () => client.destroy() };
  }
  if (configuredTable) {
    const { store, client } = storeAt(undefined, configuredTable);
    return { store, description: `DynamoDB table ${configuredTable}`, close: async () => client.destroy() };
  }
  const running = readLiveLocalStackRecord();
  if (running) {
    const { store, client } = storeAt(
      running.dynamoDbEndpoint,
      running.tables[FACTS_TABLE.envVar] ?? localFactsTable,
    );
    return {
      store,
      description: `the running local stack (${running.apiUrl})`,
      close: async () => client.destroy(),
    };
  }
  // Writing into a database that is thrown away afterwards would silently lose the data.
  if (!options.temporary) throw new NoReferenceTableError();
  const dynamo = await startDynamoDbLocal();
  try {
    await prepareDatabase(dynamo.endpoint, localTableNames());
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  const { store, client } = storeAt(dynamo.endpoint, localFactsTable);
  return {
    store,
    description: 'a temporary DynamoDB Local loaded with data/facts.csv',
    close: async () => {
      client.destroy();
      await dynamo.stop();
    },
  };
}
