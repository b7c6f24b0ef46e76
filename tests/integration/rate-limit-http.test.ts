import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'rate-test-key-0123456789';

let db: TestDatabase;
let stack: LocalStack;

beforeAll(async () => {
  // Read by the functions when the local stack imports them.
  process.env.FIGCHECK_RATE_LIMIT_PER_MINUTE = '3';
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'eager', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  db.client.destroy();
});

describe('per-client rate limit over HTTP', () => {
  it('answers 429 with Retry-After once a client exceeds its requests per minute', async () => {
    // The limit counts per clock minute: start well inside one, so the four requests share it.
    const second = new Date().getUTCSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${stack.apiUrl}/v1/articles`, { headers: { 'x-api-key': KEY } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await last!.json()) as { detail: string }).detail).toMatch(
      /^this client sent more than 3 requests in a minute; retry after \d+ s$/,
    );
  });
});
