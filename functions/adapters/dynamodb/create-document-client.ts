/**
 * Builds the DynamoDB document client every store uses. In Lambda the defaults apply; locally
 * AWS_ENDPOINT_URL_DYNAMODB (read by the SDK itself) or an explicit endpoint points it at
 * DynamoDB Local. An existing low-level client can be wrapped instead.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A set of middleware added to a client's stack in one go (the SDK's Pluggable). */
export type ClientPlugin = Parameters<DynamoDBClient['middlewareStack']['use']>[0];

/**
 * Per attempt, before the SDK retries. Without a request timeout the SDK waits up to 300 s on a
 * connection that stopped answering, longer than any function runs; with these, a stalled
 * attempt fails as a TimeoutError and is retried on a fresh connection, and all of DynamoDB's
 * default 4 attempts fit in the api function's 10 s.
 */
const CONNECTION_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;

const plugins: ClientPlugin[] = [];

/**
 * Adds middleware to every client built here afterwards (not to clients passed in). Tests use
 * it to provoke what DynamoDB Local never does, throttling and timeouts, in the very clients the
 * handlers build at cold start; nothing in the functions calls it.
 */
export function addClientPlugin(plugin: ClientPlugin): void {
  plugins.push(plugin);
}

export function createDocumentClient(
  from: DynamoDBClient | DynamoDBClientConfig = {},
): DynamoDBDocumentClient {
  let client: DynamoDBClient;
  if (from instanceof DynamoDBClient) {
    client = from;
  } else {
    client = new DynamoDBClient({
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
      ...from,
    });
    for (const plugin of plugins) client.middlewareStack.use(plugin);
  }
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
