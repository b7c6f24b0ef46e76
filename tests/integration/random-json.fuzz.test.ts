/**
 * The API never answers a 5xx to a random JSON body: fast-check JSON values, and records with the
 * real field names holding random values, posted to the check and batch routes. The number of
 * runs comes from FIGCHECK_FUZZ_RUNS (scripts/fuzz-api.sh runs many more).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'fuzz-test-key-0123456789abcdef';
const RUNS = Number(process.env.FIGCHECK_FUZZ_RUNS ?? 1200);

let db: TestDatabase;
let stack: LocalStack;

beforeAll(async () => {
  process.env.FIGCHECK_RATE_LIMIT_PER_MINUTE = '100000000';
  process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'fuzzer', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  db?.client.destroy();
});

const articleFields = fc.record(
  {
    text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.jsonValue()),
    html: fc.oneof(fc.string({ maxLength: 400 }), fc.jsonValue()),
    publishedAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.jsonValue(),
    ),
    title: fc.jsonValue(),
    url: fc.oneof(fc.webUrl(), fc.jsonValue()),
    language: fc.oneof(fc.constantFrom('en', 'en-GB', 'fr', ''), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

/** Valid articles with random text, so that checks and queued batches run on odd input too. */
const validArticle = fc.record({
  text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }).filter((text) => text.trim() !== ''),
  publishedAt: fc.constant('2024-04-22'),
});

const bodies = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 4, arbitrary: articleFields },
  { weight: 2, arbitrary: validArticle },
  {
    weight: 2,
    arbitrary: fc.record({
      articles: fc.oneof(
        fc.array(articleFields, { maxLength: 5 }),
        fc.array(validArticle, { minLength: 1, maxLength: 3 }),
        fc.jsonValue(),
      ),
    }),
  },
);

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; type: string; detail?: unknown }> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    detail: type.startsWith('application/problem+json')
      ? (JSON.parse(text) as { detail?: unknown }).detail
      : undefined,
  };
}

describe('random JSON bodies', () => {
  it(`never get a 5xx from POST /v1/checks or POST /v1/batches (${RUNS} cases each)`, async () => {
    const statuses = new Map<number, number>();
    for (const path of ['/v1/checks', '/v1/batches']) {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const answer = await post(path, body);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.type).toMatch(/^application\/problem\+json/);
            expect(typeof answer.detail).toBe('string');
          }
        }),
        { numRuns: RUNS },
      );
    }
    await stack.queue.idle();
    // Both outcomes occur: the generators reach valid bodies as well as invalid ones.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  }, 180_000);
});
