/**
 * Writes items with BatchWriteItem, 25 a call, retrying what DynamoDB leaves unprocessed with
 * exponential backoff and jitter (unprocessed items mean the table is throttling).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function putItemsInBatches(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  sleep: Sleep = realSleep,
  onBatchWritten?: (itemsWritten: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_SIZE) {
    let requests = items.slice(i, i + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (requests.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) {
        throw new Error(`DynamoDB left ${requests.length} items unprocessed after ${attempt} attempts`);
      }
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
    onBatchWritten?.(Math.min(items.length, i + BATCH_SIZE));
  }
}
