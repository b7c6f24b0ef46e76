/**
 * Remembers the response to each POST sent with an Idempotency-Key, per client, for 24 hours, so
 * a retried request gets the first answer and causes no second write. A request first claims its
 * key with a conditional write; a concurrent duplicate finds the claim and is told to retry.
 * Items live in the articles table: pk `IDEMPOTENCY#<client>#<key>`, sk `REQUEST`, expiring by TTL.
 * A claim is a lease: a request that failed and could not release its key (DynamoDB throttling
 * the release too, or the function timing out) holds it for a minute, not for the whole day.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './is-condition-failure.ts';

const RETENTION_SECONDS = 24 * 60 * 60;
/** Longer than any API request can run (API Gateway gives up after 30 s). */
const CLAIM_LEASE_SECONDS = 60;

export interface StoredResponse {
  statusCode: number;
  body: string;
}

export type Claim =
  | { state: 'claimed' }
  | { state: 'completed'; requestHash: string; response: StoredResponse }
  | { state: 'in_progress'; requestHash: string };

export class DynamoDbIdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  private key(clientName: string, idempotencyKey: string) {
    return { pk: `IDEMPOTENCY#${clientName}#${idempotencyKey}`, sk: 'REQUEST' };
  }

  /** Claims the key for this request, or reports what an earlier request with it left. */
  async claim(clientName: string, idempotencyKey: string, requestHash: string): Promise<Claim> {
    const now = this.nowSeconds();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...this.key(clientName, idempotencyKey),
            state: 'in_progress',
            requestHash,
            expiresAt: now + CLAIM_LEASE_SECONDS,
          },
          // TTL deletion lags; an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return { state: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: this.key(clientName, idempotencyKey),
        ConsistentRead: true,
      }),
    );
    if (Item?.state === 'completed') {
      return {
        state: 'completed',
        requestHash: Item.requestHash as string,
        response: Item.response as StoredResponse,
      };
    }
    return { state: 'in_progress', requestHash: (Item?.requestHash as string | undefined) ?? requestHash };
  }

  async complete(clientName: string, idempotencyKey: string, response: StoredResponse): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(clientName, idempotencyKey),
        UpdateExpression: 'SET #state = :completed, #response = :response, expiresAt = :expiresAt',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
        ExpressionAttributeValues: {
          ':completed': 'completed',
          ':response': response,
          ':expiresAt': this.nowSeconds() + RETENTION_SECONDS,
        },
      }),
    );
  }

  /** Frees the key after a failed request, so that its retry is processed. */
  async release(clientName: string, idempotencyKey: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: this.key(clientName, idempotencyKey) }),
    );
  }
}
