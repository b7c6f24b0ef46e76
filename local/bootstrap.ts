/**
 * Prepares a DynamoDB (Local) for figcheck: creates the tables from the shared definitions
 * when they do not exist, and loads the reference facts idempotently.
 */
import { readFileSync } from 'node:fs';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../functions/adapters/dynamodb/dynamodb-api-key-store.ts';
import {
  DynamoDbReferenceStore,
  type FactWriteReport,
} from '../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { TABLE_DEFINITIONS, type TableDefinition } from '../functions/adapters/dynamodb/table-definitions.ts';
import { isClientName, SCOPES } from '../functions/core/access/index.ts';
import { readMetricAliasesCsv, readReferenceFactsCsv } from '../functions/core/facts/index.ts';
import { KNOWN_METRICS } from '../functions/core/index.ts';

export const DEFAULT_FACTS_FILE = new URL('../data/facts.csv', import.meta.url);
export const DEFAULT_ALIASES_FILE = new URL('../data/metric-aliases.csv', import.meta.url);

export type TableNames = Record<string, string>;

/** Local table names: the definition id with a prefix, e.g. figcheck-Facts. */
export function localTableNames(prefix = 'figcheck'): TableNames {
  return Object.fromEntries(TABLE_DEFINITIONS.map((t) => [t.envVar, `${prefix}-${t.id}`]));
}

function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const keys = [
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const attributes = new Map(keys.map((k) => [k.name, k.type]));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes:
      definition.globalSecondaryIndexes.length === 0
        ? undefined
        : definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: index.nonKeyAttributes },
          })),
  };
}

/** A table kept in .data from an older version gets the indexes added since. */
async function addMissingIndexes(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: input.TableName }));
  const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (existing.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: input.TableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  await Promise.all(
    TABLE_DEFINITIONS.map(async (definition) => {
      const tableName = names[definition.envVar]!;
      const input = createTableInput(definition, tableName);
      try {
        await client.send(new CreateTableCommand(input));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
        await addMissingIndexes(client, input);
      }
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
      if (definition.timeToLiveAttribute) {
        // Enabling TTL twice is an error, so a restart checks first.
        const { TimeToLiveDescription } = await client.send(
          new DescribeTimeToLiveCommand({ TableName: tableName }),
        );
        if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') return;
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    }),
  );
}

export async function seedFacts(
  client: DynamoDBClient,
  factsTable: string,
  file: URL | string = DEFAULT_FACTS_FILE,
): Promise<FactWriteReport> {
  const { facts, errors } = readReferenceFactsCsv(readFileSync(file, 'utf8'));
  if (errors.length > 0) {
    const first = errors
      .slice(0, 5)
      .map((e) => `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
    throw new Error(
      `the reference facts file ${String(file)} has ${errors.length} invalid rows:\n${first.join('\n')}`,
    );
  }
  const store = new DynamoDbReferenceStore(createDocumentClient(client), factsTable);
  const report = await store.putFacts(facts);
  const aliases = readMetricAliasesCsv(readFileSync(DEFAULT_ALIASES_FILE, 'utf8'), KNOWN_METRICS);
  if (aliases.errors.length > 0) throw new Error(`data/metric-aliases.csv: ${aliases.errors[0]!.message}`);
  await store.putMetricAliases(aliases.aliases);
  return report;
}

export interface LocalApiKey {
  name: string;
  key: string;
}

/** Stores local API keys (hashed) with every scope: on one machine the user is the admin. */
export async function seedApiKeys(
  client: DynamoDBClient,
  apiKeysTable: string,
  keys: readonly LocalApiKey[],
) {
  const store = new DynamoDbApiKeyStore(createDocumentClient(client), apiKeysTable);
  for (const { name, key } of keys) await store.create(name, SCOPES, key);
}

/** Parses FIGCHECK_API_KEYS: comma-separated name:key pairs. */
export function parseLocalApiKeys(value: string | undefined): LocalApiKey[] {
  if (!value?.trim()) return [];
  return value.split(',').map((pair) => {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at).trim();
    const key = pair.slice(at + 1).trim();
    if (at <= 0 || !isClientName(name) || key.length < 16) {
      throw new Error(
        'FIGCHECK_API_KEYS must be comma-separated name:key pairs, each key at least 16 characters',
      );
    }
    return { name, key };
  });
}
