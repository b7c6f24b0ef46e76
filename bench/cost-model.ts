/**
 * The cost of checking a million articles on AWS, from measured figures: the function's
 * duration and memory, the DynamoDB requests and item sizes, and the queue and API requests of
 * each path. Prices are AWS's public on-demand prices for us-east-1 (arm64 Lambda).
 */
import { round } from './measure.ts';

/** Public list prices, us-east-1, as published by AWS (pricing pages as of 2025-11). */
export const PRICES = {
  asOf: '2025-11 (aws.amazon.com/lambda, /dynamodb, /sqs, /api-gateway pricing pages; us-east-1)',
  lambdaGbSecondArm: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  sqsPerMillionRequests: 0.4,
  httpApiPerMillionRequests: 1.0,
};

export interface CostInputs {
  /** Billed milliseconds per invocation of each function on the path. */
  lambdaMs: number[];
  memoryMb: number;
  writeUnits: number;
  readUnits: number;
  sqsRequests: number;
  apiRequests: number;
}

export interface CostLine {
  item: string;
  perMillion: number;
}

export function costPerMillion(inputs: CostInputs): { lines: CostLine[]; total: number } {
  const gbSeconds =
    inputs.lambdaMs.reduce((sum, ms) => sum + Math.ceil(ms) / 1000, 0) * (inputs.memoryMb / 1024);
  const lines: CostLine[] = [
    {
      item: `Lambda compute (${inputs.lambdaMs.map((ms) => `${Math.ceil(ms)} ms`).join(' + ')} at ${inputs.memoryMb} MB, arm64)`,
      perMillion: gbSeconds * PRICES.lambdaGbSecondArm * 1e6,
    },
    {
      item: `Lambda requests (${inputs.lambdaMs.length} per article)`,
      perMillion: inputs.lambdaMs.length * PRICES.lambdaPerMillionRequests,
    },
    {
      item: `DynamoDB writes (${round(inputs.writeUnits, 1)} WRU per article)`,
      perMillion: inputs.writeUnits * PRICES.dynamoPerMillionWriteUnits,
    },
    {
      item: `DynamoDB reads (${round(inputs.readUnits, 1)} RRU per article)`,
      perMillion: inputs.readUnits * PRICES.dynamoPerMillionReadUnits,
    },
    {
      item: `SQS (${inputs.sqsRequests} requests per article)`,
      perMillion: inputs.sqsRequests * PRICES.sqsPerMillionRequests,
    },
    {
      item: `API Gateway HTTP API (${inputs.apiRequests} request per article)`,
      perMillion: inputs.apiRequests * PRICES.httpApiPerMillionRequests,
    },
  ];
  return {
    lines: lines.map((line) => ({ ...line, perMillion: round(line.perMillion, 3) })),
    total: round(
      lines.reduce((sum, line) => sum + line.perMillion, 0),
      2,
    ),
  };
}
