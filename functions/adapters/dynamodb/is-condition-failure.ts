/** Whether a DynamoDB write failed only because its condition did not hold. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as Error | undefined)?.name === 'ConditionalCheckFailedException'
  );
}
