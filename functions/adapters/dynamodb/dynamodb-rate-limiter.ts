/**
 * Per-client request limits shared by every Lambda container: a fixed one-minute window counted
 * with one atomic UpdateItem (ADD) per request. A client over its limit is told when the window
 * ends, for a 429 with Retry-After.
 */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

const WINDOW_SECONDS = 60;

export class DynamoDbRateLimiter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    readonly perMinute: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async take(clientName: string): Promise<RateDecision> {
    const now = Math.floor(this.nowMs() / 1000);
    const windowStart = now - (now % WINDOW_SECONDS);
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `${clientName}#${windowStart}`, sk: 'COUNT' },
        UpdateExpression: 'ADD requests :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + 2 * WINDOW_SECONDS },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const count = Number(Attributes?.requests ?? 1);
    return { allowed: count <= this.perMinute, retryAfterSeconds: windowStart + WINDOW_SECONDS - now };
  }
}
