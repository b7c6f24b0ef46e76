/** API clients and their hashed keys in DynamoDB (see API_KEYS_TABLE for the key design). */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ApiClient, generateApiKey, hashApiKey, type Scope } from '../../core/access/index.ts';

export class DynamoDbApiKeyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a client's key by its hash; the key itself is returned once and never stored. */
  async create(
    name: string,
    scopes: readonly Scope[],
    key = generateApiKey(),
  ): Promise<{ key: string; client: ApiClient }> {
    const hash = hashApiKey(key);
    const client: ApiClient = { name, scopes: [...scopes], createdAt: this.now().toISOString() };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { pk: `KEY#${hash}`, sk: 'CLIENT', ...client } } },
          {
            Put: {
              TableName: this.tableName,
              Item: { pk: `CLIENT#${name}`, sk: `KEY#${hash}`, createdAt: client.createdAt },
            },
          },
        ],
      }),
    );
    return { key, client };
  }

  async findByKey(key: string): Promise<ApiClient | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `KEY#${hashApiKey(key)}`, sk: 'CLIENT' } }),
    );
    if (!Item) return undefined;
    return {
      name: Item.name as string,
      scopes: Item.scopes as Scope[],
      createdAt: Item.createdAt as string,
      revokedAt: Item.revokedAt as string | undefined,
    };
  }

  /** Revokes every key of a client; answers how many keys were revoked. */
  async revoke(name: string): Promise<number> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CLIENT#${name}` },
      }),
    );
    const revokedAt = this.now().toISOString();
    let revoked = 0;
    for (const item of Items) {
      if (item.revokedAt) continue;
      const hashKey = (item.sk as string).slice('KEY#'.length);
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: `KEY#${hashKey}`, sk: 'CLIENT' },
                UpdateExpression: 'SET revokedAt = :at',
                ExpressionAttributeValues: { ':at': revokedAt },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: `CLIENT#${name}`, sk: item.sk },
                UpdateExpression: 'SET revokedAt = :at',
                ExpressionAttributeValues: { ':at': revokedAt },
              },
            },
          ],
        }),
      );
      revoked++;
    }
    return revoked;
  }
}
