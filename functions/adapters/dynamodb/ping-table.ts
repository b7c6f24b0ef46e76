/** A cheap read that proves a table answers: one GetItem of a key that never exists. */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

export async function pingTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  await client.send(new GetCommand({ TableName: tableName, Key: { pk: 'PING', sk: 'PING' } }));
}
