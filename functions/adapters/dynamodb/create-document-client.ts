/**
 * Builds the DynamoDB document client every store uses. In Lambda the defaults apply; locally
 * AWS_ENDPOINT_URL_DYNAMODB (read by the SDK itself) or an explicit endpoint points it at
 * DynamoDB Local. An existing low-level client can be wrapped instead.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(
  from: DynamoDBClient | DynamoDBClientConfig = {},
): DynamoDBDocumentClient {
  const client = from instanceof DynamoDBClient ? from : new DynamoDBClient(from);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
