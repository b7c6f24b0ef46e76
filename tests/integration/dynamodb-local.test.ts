import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTables, localTableNames } from '../../local/bootstrap.ts';
import { JavaMissingError, LOCAL_CLIENT_CONFIG, startDynamoDbLocal } from '../../local/dynamodb-local.ts';

describe('the DynamoDB Local launcher', () => {
  it('fails with a message that says how to install Java when java is not on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'no-java-'));
    try {
      const error = await startDynamoDbLocal().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JavaMissingError);
      expect((error as Error).message).toContain('`java` was not found on the PATH');
      expect((error as Error).message).toContain('apt-get install -y default-jre-headless');
    } finally {
      process.env.PATH = path;
    }
  });

  it('keeps the data of a persisted instance across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'figcheck-data-'));
    const tables = localTableNames('persist');
    const key = { pk: { S: 'ARTICLE#kept' }, sk: { S: 'RESULT' } };

    const first = await startDynamoDbLocal({ dataDir });
    const client1 = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: first.endpoint });
    await ensureTables(client1, tables);
    await client1.send(
      new PutItemCommand({
        TableName: tables.FIGCHECK_ARTICLES_TABLE,
        Item: { ...key, title: { S: 'kept' } },
      }),
    );
    client1.destroy();
    await first.stop();

    const second = await startDynamoDbLocal({ dataDir });
    const client2 = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: second.endpoint });
    try {
      const { Item } = await client2.send(
        new GetItemCommand({ TableName: tables.FIGCHECK_ARTICLES_TABLE, Key: key }),
      );
      expect(Item?.title?.S).toBe('kept');
      expect(second.port).not.toBe(0);
    } finally {
      client2.destroy();
      await second.stop();
    }
  });
});
