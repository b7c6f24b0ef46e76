/** Test helpers for a table set of one's own in the shared DynamoDB Local. */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTables, localTableNames } from '../../local/bootstrap.ts';
import { LOCAL_CLIENT_CONFIG } from '../../local/dynamodb-local.ts';

export interface TestDatabase {
  endpoint: string;
  client: DynamoDBClient;
  tables: Record<string, string>;
  prefix: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const endpoint = inject('dynamoDbEndpoint');
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint });
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const tables = localTableNames(prefix);
  await ensureTables(client, tables);
  return { endpoint, client, tables, prefix };
}
