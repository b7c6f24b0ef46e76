/**
 * Finds the DynamoDB tables the CLI should use, in this order: an explicit endpoint
 * (FIGCHECK_DYNAMODB_ENDPOINT, with table names from the FIGCHECK_*_TABLE variables or the local
 * defaults), deployed tables (FIGCHECK_FACTS_TABLE and friends, with AWS credentials), the running
 * `npm start` stack, or else a throw-away in-memory DynamoDB Local seeded with data/facts.csv.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../functions/adapters/dynamodb/dynamodb-api-key-store.ts';
import { DynamoDbArticleStore } from '../functions/adapters/dynamodb/dynamodb-article-store.ts';
import { DynamoDbReferenceStore } from '../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { DynamoDbReviewStore } from '../functions/adapters/dynamodb/dynamodb-review-store.ts';
import {
  API_KEYS_TABLE,
  ARTICLES_TABLE,
  FACTS_TABLE,
  TABLE_DEFINITIONS,
} from '../functions/adapters/dynamodb/table-definitions.ts';
import { localTableNames } from '../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { readLiveLocalStackRecord } from '../local/local-endpoint-file.ts';
import { prepareDatabase } from '../local/local-stack.ts';

export interface OpenedDatabase {
  store: DynamoDbReferenceStore;
  apiKeys: DynamoDbApiKeyStore;
  /** Checked articles and their review records, for re-checks after a fact is revised. */
  articles: DynamoDbArticleStore;
  reviews: DynamoDbReviewStore;
  /** Where the data lives, for the user. */
  description: string;
  close(): Promise<void>;
}

export class NoDatabaseError extends Error {
  constructor() {
    super(
      'no table to write to: start the local stack with `npm start`, or set FIGCHECK_DYNAMODB_ENDPOINT or FIGCHECK_FACTS_TABLE',
    );
    this.name = 'NoDatabaseError';
  }
}

function open(
  endpoint: string | undefined,
  tables: Record<string, string>,
  description: string,
  stop?: () => Promise<void>,
): OpenedDatabase {
  const client = new DynamoDBClient(endpoint ? { ...LOCAL_CLIENT_CONFIG, endpoint } : {});
  const documents = createDocumentClient(client);
  return {
    store: new DynamoDbReferenceStore(documents, tables[FACTS_TABLE.envVar]!),
    apiKeys: new DynamoDbApiKeyStore(documents, tables[API_KEYS_TABLE.envVar]!),
    articles: new DynamoDbArticleStore(documents, tables[ARTICLES_TABLE.envVar]!),
    reviews: new DynamoDbReviewStore(documents, tables[ARTICLES_TABLE.envVar]!),
    description,
    close: async () => {
      client.destroy();
      await stop?.();
    },
  };
}

/** Table names from the environment where set, the local defaults otherwise. */
function tablesFrom(env: NodeJS.ProcessEnv, defaults: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    TABLE_DEFINITIONS.map((t) => [t.envVar, env[t.envVar]?.trim() || defaults[t.envVar]!]),
  );
}

export async function openDatabase(
  env: NodeJS.ProcessEnv = process.env,
  options: { temporary: boolean } = { temporary: true },
): Promise<OpenedDatabase> {
  const explicitEndpoint = env.FIGCHECK_DYNAMODB_ENDPOINT?.trim();
  const local = localTableNames();
  if (explicitEndpoint)
    return open(explicitEndpoint, tablesFrom(env, local), `DynamoDB at ${explicitEndpoint}`);
  const configured = env[FACTS_TABLE.envVar]?.trim();
  if (configured) return open(undefined, tablesFrom(env, local), `DynamoDB table ${configured}`);
  const running = readLiveLocalStackRecord();
  if (running) {
    return open(
      running.dynamoDbEndpoint,
      { ...local, ...running.tables },
      `the running local stack (${running.apiUrl})`,
    );
  }
  // Writing into a database that is thrown away afterwards would silently lose the data.
  if (!options.temporary) throw new NoDatabaseError();
  const dynamo = await startDynamoDbLocal();
  try {
    await prepareDatabase(dynamo.endpoint, local);
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return open(dynamo.endpoint, local, 'a temporary DynamoDB Local loaded with data/facts.csv', dynamo.stop);
}
