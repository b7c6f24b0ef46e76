import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbRateLimiter } from '../../functions/adapters/dynamodb/dynamodb-rate-limiter.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(() => db.client.destroy());

describe('DynamoDbRateLimiter against DynamoDB Local', () => {
  it('allows a client its limit per minute, refuses the next request until the minute ends, then allows again', async () => {
    let now = Date.UTC(2024, 3, 22, 10, 0, 15);
    const limiter = new DynamoDbRateLimiter(
      createDocumentClient(db.client),
      db.tables.FIGCHECK_RATE_LIMITS_TABLE!,
      3,
      () => now,
    );
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take('busy-client'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterSeconds).toBe(45);
    // Another client has its own count.
    expect((await limiter.take('quiet-client')).allowed).toBe(true);
    now += 45_000;
    expect(await limiter.take('busy-client')).toEqual({ allowed: true, retryAfterSeconds: 60 });
  });

  it('counts concurrent requests atomically', async () => {
    const limiter = new DynamoDbRateLimiter(
      createDocumentClient(db.client),
      db.tables.FIGCHECK_RATE_LIMITS_TABLE!,
      10,
    );
    const decisions = await Promise.all(Array.from({ length: 25 }, () => limiter.take('burst-client')));
    // The 25 requests may straddle a minute boundary; within one window no more than 10 pass.
    expect(decisions.filter((d) => d.allowed).length).toBeGreaterThanOrEqual(10);
    expect(decisions.filter((d) => d.allowed).length).toBeLessThanOrEqual(20);
  });
});
