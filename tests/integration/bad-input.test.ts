/**
 * POST /v1/checks against hostile and malformed input over real HTTP: every case answers a 4xx
 * problem naming what is wrong, or a correct result; never a 5xx and never a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'bad-input-key-0123456789abcdef';
const PUBLISHED = '2024-04-22';
const MIB = 1024 * 1024;
/** Figures the seeded reference facts confirm: trade turnover of RU and AZ in 2023 was $4.4 billion. */
const TRADE = (figure: string) => `Trade turnover between Russia and Azerbaijan reached ${figure} in 2023.`;
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

let db: TestDatabase;
let stack: LocalStack;

beforeAll(async () => {
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'hostile', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  db.client.destroy();
});

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface CheckedClaim {
  id: string;
  text: string;
  start: number;
  end: number;
  kind: string;
  value: number | string;
  unit: string | null;
  verdict: { verdict: string };
}

interface CheckResult {
  articleId: string;
  claims: CheckedClaim[];
  text?: string;
}

function check(body: string | Uint8Array<ArrayBuffer>): Promise<Response> {
  return fetch(`${stack.apiUrl}/v1/checks`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body,
  });
}

function checkJson(body: Record<string, unknown>): Promise<Response> {
  return check(JSON.stringify(body));
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  expect(problem.status).toBe(status);
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

async function resultOf(response: Response): Promise<CheckResult> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as CheckResult;
}

/** Every claim's offsets lie inside the checked text and slice it to the claim's own text. */
function expectOffsetsInto(text: string, claims: readonly CheckedClaim[]): void {
  for (const claim of claims) {
    expect(claim.start).toBeGreaterThanOrEqual(0);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(claim.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claim.id).toBe(`c${claim.start}-${claim.end}`);
  }
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('POST /v1/checks with a malformed body', () => {
  it('answers 400 for an empty body, saying so', async () => {
    const problem = await problemOf(await check(''), 400);
    expect(problem.detail).toBe('the request body is empty; send a JSON object');
  });

  it('answers 400 for a body of only white space, saying it is empty', async () => {
    const problem = await problemOf(await check(' \n\t\r\n  '), 400);
    expect(problem.detail).toBe('the request body is empty; send a JSON object');
  });

  it('answers 413 for a body of 1 MB and one byte, naming the limit', async () => {
    const body = `{"text":"${'x'.repeat(MIB + 1 - '{"text":""}'.length)}"}`;
    expect(Buffer.byteLength(body)).toBe(MIB + 1);
    const problem = await problemOf(await check(body), 413);
    expect(problem.detail).toBe('the request body is larger than 1048576 bytes');
  });

  it('answers a body of exactly 1 MB past the size check: 400 naming text, over its 1,000,000 characters', async () => {
    const body = `{"text":"${'x'.repeat(MIB - '{"text":""}'.length)}"}`;
    expect(Buffer.byteLength(body)).toBe(MIB);
    const problem = await problemOf(await check(body), 400);
    expect(problem.errors).toEqual([{ field: 'text', message: 'must be at most 1000000 characters' }]);
  });

  it('answers 400 naming text when it holds 10,000 levels of nested arrays', async () => {
    const body = `{"text":${'['.repeat(10_000)}${']'.repeat(10_000)},"publishedAt":"${PUBLISHED}"}`;
    const problem = await problemOf(await check(body), 400);
    expect(problem.errors).toEqual([{ field: 'text', message: 'must be a string' }]);
    expect(problem.detail).toBe('invalid request: text: must be a string');
  });

  it('answers 400 for a body that is 500,000 levels of nested arrays (1 MB), asking for an object', async () => {
    const problem = await problemOf(await check(`${'['.repeat(500_000)}${']'.repeat(500_000)}`), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['(body)']);
  });

  it.each([
    ['text', 5, 'must be a string'],
    ['html', { p: 'Trade rose 5%.' }, 'must be a string'],
    ['publishedAt', 20240422, 'must be a date written YYYY-MM-DD'],
    ['title', ['a', 'title'], 'must be a string'],
    ['url', true, 'must be an http(s) URL'],
    ['language', null, 'must be a string'],
  ])('answers 400 naming %s when it has the wrong type (%j)', async (field, value, message) => {
    const body = field === 'text' ? { text: value } : { text: 'Trade rose 5% in 2023.', [field]: value };
    const problem = await problemOf(await checkJson(body), 400);
    expect(problem.errors).toEqual([{ field, message }]);
    expect(problem.detail).toBe(`invalid request: ${field}: ${message}`);
  });

  it('answers 400 for an unknown field, naming it', async () => {
    const problem = await problemOf(await checkJson({ text: 'Trade rose 5% in 2023.', colour: 'red' }), 400);
    expect(problem.errors).toEqual([{ field: '(body)', message: 'Unrecognized key: "colour"' }]);
    expect(problem.detail).toContain('"colour"');
  });

  it('answers 400 for a body that is not valid UTF-8, instead of replacing the bytes', async () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"Trade rose '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' 5% in 2023."}'),
    ]);
    const problem = await problemOf(await check(new Uint8Array(body)), 400);
    expect(problem.detail).toBe('the request body is not valid UTF-8');
  });
});

describe('POST /v1/checks with text that is legal but odd', () => {
  it('checks a text with a NUL byte in it, storing the text as sent', async () => {
    const text = `Trade rose\u0000 by 5% in 2023. ${TRADE('$4.4 billion')}`;
    const result = await resultOf(await checkJson({ text, publishedAt: PUBLISHED }));
    expect(result.claims.map((c) => [c.text, c.value, c.unit])).toEqual([
      ['5%', 5, 'percent'],
      ['$4.4 billion', 4.4e9, 'USD'],
    ]);
    expect(result.claims[1]!.verdict.verdict).toBe('supported');
    expectOffsetsInto(text, result.claims);
    const stored = await fetch(`${stack.apiUrl}/v1/articles/${result.articleId}`, {
      headers: { 'x-api-key': KEY },
    });
    expect(((await stored.json()) as { text: string }).text).toBe(text);
  });

  it('checks an article with 10,000 numbers in a table, in time, with valid offsets', async () => {
    const table = Array.from({ length: 10_000 }, (_, i) => String((i * 7_919) % 99_991)).join(', ');
    const text = `${TRADE('$4.4 billion')}\n\nAppendix, readings by station: ${table}.`;
    const started = performance.now();
    const result = await resultOf(await checkJson({ text, publishedAt: PUBLISHED }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.claims.length).toBeGreaterThan(0);
    expect(result.claims[0]).toMatchObject({ text: '$4.4 billion', value: 4.4e9, unit: 'USD' });
    expect(result.claims[0]!.verdict.verdict).toBe('supported');
    expectOffsetsInto(text, result.claims);
  });

  it('answers 413, not 500, for an article of 10,000 checkable figures: its claims do not fit one stored item', async () => {
    // Each figure is a claim here, and the article store keeps an article and all its claims in
    // one DynamoDB item (400 KB at most); until it splits them, the client is told, not failed.
    const text = Array.from({ length: 10_000 }, (_, i) => `Exports rose ${i % 97}.${i % 10}% in 2023.`).join(
      ' ',
    );
    const problem = await problemOf(await checkJson({ text, publishedAt: PUBLISHED }), 413);
    expect(problem.detail).toBe(
      'the article and its claims are too large to store together (400 KB at most); send it in shorter parts',
    );
  });

  it('reads one line of 1 MB without spaces in time; answers 413 because it cannot be stored whole', async () => {
    const blob = 'x7Y2.q9-Z4,k'.repeat(41_666);
    const line = `${blob};$4.4billion;${blob}`.slice(0, 999_999);
    const body = JSON.stringify({ text: line, publishedAt: PUBLISHED });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MIB);
    const started = performance.now();
    const problem = await problemOf(await check(body), 413);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(problem.detail).toBe(
      'the article and its claims are too large to store together (400 KB at most); send it in shorter parts',
    );
  });

  it('checks a line of 300 KB without spaces, reading the one figure in it', async () => {
    const blob = 'x7Y2.q9-Z4,k'.repeat(12_500);
    const line = `${blob};$4.4billion;${blob}`;
    const result = await resultOf(await checkJson({ text: line, publishedAt: PUBLISHED }));
    expect(result.claims.map((c) => [c.text, c.value, c.unit])).toEqual([['$4.4billion', 4.4e9, 'USD']]);
    expectOffsetsInto(line, result.claims);
  });
});

describe('POST /v1/checks with hostile HTML', () => {
  it('reads HTML of 100,000 nested tags in time', async () => {
    const html = `${'<b>'.repeat(100_000)}${TRADE('$4.4 billion')}${'</b>'.repeat(100_000)}`;
    const started = performance.now();
    const result = await resultOf(await checkJson({ html, publishedAt: PUBLISHED }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.text).toBe(TRADE('$4.4 billion'));
    expect(result.claims.map((c) => [c.text, c.verdict.verdict])).toEqual([['$4.4 billion', 'supported']]);
  });

  it('reads HTML of 330,000 unclosed tags, as deep as 1 MB can nest, in time', async () => {
    const html = `${'<i>'.repeat(330_000)}${TRADE('$4.4 billion')}`;
    const started = performance.now();
    const result = await resultOf(await checkJson({ html, publishedAt: PUBLISHED }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.text).toBe(TRADE('$4.4 billion'));
    expect(result.claims.map((c) => c.text)).toEqual(['$4.4 billion']);
  });

  it.each([
    [199_000, '&amp;', '&'],
    [160_000, '&#x41;', 'A'],
  ])('decodes a bomb of %i × %s in time', async (count, entity, decoded) => {
    const html = `<p>${TRADE('$4.4 billion')} ${entity.repeat(count)}</p>`;
    const started = performance.now();
    const result = await resultOf(await checkJson({ html, publishedAt: PUBLISHED }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.text).toBe(`${TRADE('$4.4 billion')} ${decoded.repeat(count)}`);
    expect(result.claims.map((c) => [c.text, c.verdict.verdict])).toEqual([['$4.4 billion', 'supported']]);
  });
});

describe('POST /v1/checks with figures written in other characters', () => {
  it.each([
    ['a zero-width space inside it', '$4\u200B.4 billion'],
    ['a right-to-left mark before it', '\u200F$4.4 billion'],
    ['direction marks inside and after it', '$\u200E4.4\u200F billion'],
    ['a byte order mark inside it', '$4.4\uFEFF billion'],
    ['a left-to-right isolate around it', '\u2066$4.4 billion\u2069'],
    ['a soft hyphen inside it', '$4\u00AD.4 billion'],
  ])('reads "$4.4 billion" with %s as 4.4e9 USD', async (_, figure) => {
    const text = TRADE(figure);
    const result = await resultOf(await checkJson({ text, publishedAt: PUBLISHED }));
    expect(result.claims.map((c) => [c.value, c.unit, c.verdict.verdict])).toEqual([
      [4.4e9, 'USD', 'supported'],
    ]);
    expectOffsetsInto(text, result.claims);
    expect(result.claims[0]!.text.replace(/[\u00AD\u200B-\u200F\u2066-\u2069\uFEFF]/g, '')).toBe(
      '$4.4 billion',
    );
  });

  it.each([
    ['Arabic-Indic digits and decimal separator', '٤٫٤ billion dollars'],
    ['Eastern Arabic-Indic (Persian) digits', '۴٫۴ billion dollars'],
    ['full-width digits', '４.４ billion dollars'],
    ['full-width digits and full stop after $', '$４．４ billion'],
  ])('reads a figure written in %s as 4.4e9 USD', async (_, figure) => {
    const text = TRADE(figure);
    const result = await resultOf(await checkJson({ text, publishedAt: PUBLISHED }));
    expect(result.claims.map((c) => [c.text, c.value, c.unit, c.verdict.verdict])).toEqual([
      [figure, 4.4e9, 'USD', 'supported'],
    ]);
    expectOffsetsInto(text, result.claims);
  });
});

describe('POST /v1/checks with a wrong publication date or language', () => {
  it.each([
    ['three days ahead', daysFromToday(3)],
    ['in the year 2999', '2999-01-01'],
  ])('answers 400 naming publishedAt when it lies in the future (%s)', async (_, publishedAt) => {
    const problem = await problemOf(await checkJson({ text: 'Trade rose 5% in 2023.', publishedAt }), 400);
    expect(problem.errors).toEqual([{ field: 'publishedAt', message: 'lies in the future' }]);
  });

  it('accepts tomorrow as publishedAt: an article published today in a time zone ahead of UTC', async () => {
    const result = await resultOf(
      await checkJson({ text: 'Exports rose 5% in 2023.', publishedAt: daysFromToday(1) }),
    );
    expect(result.claims.map((c) => c.text)).toEqual(['5%']);
  });

  it.each([
    ['2024-02-30', 'is not a calendar date'],
    ['2023-13-01', 'is not a calendar date'],
    ['yesterday', 'must be a date written YYYY-MM-DD'],
    ['22/04/2024', 'must be a date written YYYY-MM-DD'],
    ['2024-04-22T10:00:00Z', 'must be a date written YYYY-MM-DD'],
  ])('answers 400 naming publishedAt "%s", with the one reason: %s', async (publishedAt, message) => {
    const problem = await problemOf(await checkJson({ text: 'Trade rose 5% in 2023.', publishedAt }), 400);
    expect(problem.errors).toEqual([{ field: 'publishedAt', message }]);
  });

  it('answers 400 naming language for an article in French', async () => {
    const problem = await problemOf(
      await checkJson({ text: 'Le commerce a atteint 4,4 milliards de dollars en 2023.', language: 'fr' }),
      400,
    );
    expect(problem.errors).toEqual([
      { field: 'language', message: 'is not supported: figcheck reads English (en) articles' },
    ]);
    expect(problem.detail).toContain('language');
  });
});
