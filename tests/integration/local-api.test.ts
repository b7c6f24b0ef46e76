import { readFileSync } from 'node:fs';
import { DeleteTableCommand, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../../functions/adapters/dynamodb/dynamodb-api-key-store.ts';
import { API_ROUTES } from '../../functions/adapters/http/api-routes.ts';
import { hashApiKey } from '../../functions/core/access/index.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const SAMPLE = readFileSync(new URL('../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

const KEY = 'test-key-0123456789abcdef';
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';

let db: TestDatabase;
let stack: LocalStack;

/** A request to the local API with the test client's key (every scope). */
function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}${path}`, {
    ...init,
    headers: { 'x-api-key': KEY, ...(init.headers as Record<string, string> | undefined) },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'tester', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  db.client.destroy();
});

function post(path: string, body: string, contentType = 'application/json') {
  return call(path, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('the local API server invoking the Lambda handler', () => {
  it('checks the sample article: five claims with verdicts and sources, stored in the articles table', async () => {
    const response = await post('/v1/checks', JSON.stringify({ text: SAMPLE, publishedAt: '2024-04-22' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      articleId: string;
      claims: {
        text: string;
        start: number;
        end: number;
        kind: string;
        verdict: { verdict: string; evidence: { sourceUrl: string }[] };
      }[];
      summary: Record<string, number>;
    };
    expect(body.claims.map((c) => [c.text, c.kind, c.verdict.verdict])).toEqual([
      ['50th anniversary', 'anniversary', 'supported'],
      ['more than $ 4 billion', 'money', 'supported'],
      ['Six billion', 'money', 'supported'],
      ['more than two years', 'duration', 'supported'],
      ['February 2022', 'date', 'supported'],
    ]);
    for (const claim of body.claims) {
      expect(SAMPLE.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.verdict.evidence.length).toBeGreaterThan(0);
      expect(claim.verdict.evidence[0]!.sourceUrl).toMatch(/^https?:\/\//);
    }
    expect(body.summary.supported).toBe(5);

    const stored = await db.client.send(
      new GetItemCommand({
        TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
        Key: { pk: { S: `ARTICLE#${body.articleId}` }, sk: { S: 'RESULT' } },
      }),
    );
    expect(stored.Item?.publishedAt?.S).toBe('2024-04-22');
    expect(stored.Item?.text?.S).toBe(SAMPLE);
  });

  it('checks the article with deliberately wrong figures: contradicted or unverifiable, each saying why', async () => {
    const text = readFileSync(new URL('../../examples/wrong-figures.txt', import.meta.url), 'utf8');
    const response = await post('/v1/checks', JSON.stringify({ text, publishedAt: '2024-04-22' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      claims: {
        text: string;
        verdict: { verdict: string; explanation: string; evidence: { factId: string }[] };
      }[];
    };
    expect(body.claims.map((c) => [c.text, c.verdict.verdict])).toEqual([
      ['40th anniversary', 'contradicted'],
      ['$6.2 billion', 'contradicted'],
      ['February 2021', 'contradicted'],
      ['$1.2 billion', 'unverifiable'],
    ]);
    const [anniversary, trade, signed, exports] = body.claims.map((c) => c.verdict);
    expect(anniversary!.explanation).toContain('2024 marks the 50th anniversary');
    expect(trade!.explanation).toContain('$4.4 billion in 2023');
    expect(trade!.explanation).toContain('+41%');
    expect(signed!.explanation).toContain('2022-02-22');
    expect(signed!.evidence.map((e) => e.factId)).toContain('F220');
    expect(exports!.explanation).toBe('No reference fact for exports of AZ and NO.');
    expect(exports!.evidence).toEqual([]);
  });

  it("reads metric aliases kept beside the facts, so a data editor's wording names the metric", async () => {
    const text = 'Commerce between Russia and Azerbaijan reached $4.4 billion in 2023.';
    const response = await post('/v1/checks', JSON.stringify({ text, publishedAt: '2024-04-22' }));
    const body = (await response.json()) as { claims: { metric: string; verdict: { verdict: string } }[] };
    expect(body.claims.map((c) => [c.metric, c.verdict.verdict])).toEqual([['trade_turnover', 'supported']]);
  });

  it('answers 400 naming the field when text is missing', async () => {
    const response = await post('/v1/checks', JSON.stringify({ publishedAt: '2024-04-22' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as {
      status: number;
      detail: string;
      errors: { field: string }[];
    };
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.field)).toEqual(['text']);
    expect(problem.detail).toContain('text');
  });

  it('answers 400 naming language for an article stated to be in another language, and accepts en-GB', async () => {
    const other = await post('/v1/checks', JSON.stringify({ text: 'Ticarət 5% artıb.', language: 'az' }));
    expect(other.status).toBe(400);
    expect(((await other.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: 'language', message: 'is not supported: figcheck reads English (en) articles' },
    ]);
    expect(
      (await post('/v1/checks', JSON.stringify({ text: 'Trade rose 5%.', language: 'en-GB' }))).status,
    ).toBe(200);
  });

  it('answers 400 naming publishedAt when it is not a calendar date', async () => {
    const response = await post(
      '/v1/checks',
      JSON.stringify({ text: 'Trade rose 5%.', publishedAt: '2024-02-30' }),
    );
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([{ field: 'publishedAt', message: 'is not a calendar date' }]);
  });

  it('answers 400 for a body that is not JSON and 415 for a body that is not declared JSON', async () => {
    expect((await post('/v1/checks', '{"text": ')).status).toBe(400);
    const wrongType = await post('/v1/checks', 'text=hello', 'application/x-www-form-urlencoded');
    expect(wrongType.status).toBe(415);
  });

  it('answers 413 for a body over 1 MB, naming the limit', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
    const response = await post('/v1/checks', body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'the request body is larger than 1048576 bytes',
    );
  });

  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    expect((await call(`/v1/nothing-here`)).status).toBe(404);
    const wrongMethod = await call(`/v1/checks`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('serves a checked article again by its id, and 404 for an unknown one', async () => {
    const posted = await post(
      '/v1/checks',
      JSON.stringify({ text: SAMPLE, publishedAt: '2024-04-22', title: 'Sample' }),
    );
    const { articleId, links, claims } = (await posted.json()) as {
      articleId: string;
      links: { article: string };
      claims: unknown[];
    };
    expect(links.article).toBe(`/v1/articles/${articleId}`);
    const response = await call(`${links.article}`);
    expect(response.status).toBe(200);
    const article = (await response.json()) as {
      articleId: string;
      title: string;
      text: string;
      claims: unknown[];
    };
    expect(article).toMatchObject({ articleId, title: 'Sample', text: SAMPLE, publishedAt: '2024-04-22' });
    expect(article.claims).toEqual(claims);
    const unknown = await call(`/v1/articles/00000000-0000-0000-0000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it('lists checked articles newest first, paged with a cursor, filtered by since', async () => {
    const first = await call('/v1/articles?limit=2');
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      articles: { articleId: string; checkedAt: string; status: string }[];
      next?: string;
    };
    expect(page1.articles).toHaveLength(2);
    expect(page1.articles[0]!.checkedAt >= page1.articles[1]!.checkedAt).toBe(true);
    expect(page1.articles.every((a) => a.status === 'checked')).toBe(true);
    expect(page1.next).toBeDefined();
    const second = (await (await call(`/v1/articles?limit=2&cursor=${page1.next}`)).json()) as {
      articles: { articleId: string }[];
    };
    const ids = [...page1.articles, ...second.articles].map((a) => a.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    const future = (await (await call('/v1/articles?since=2999-01-01')).json()) as {
      articles: unknown[];
      next?: string;
    };
    expect(future).toEqual({ articles: [] });
  });

  it('answers 400 naming the query parameter that is wrong', async () => {
    const limit = await call('/v1/articles?limit=1000');
    expect(limit.status).toBe(400);
    expect(((await limit.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'limit',
    ]);
    const cursor = await call('/v1/articles?cursor=not-ours');
    expect(((await cursor.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'cursor',
    ]);
    const unknown = await call('/v1/articles?colour=red');
    expect(unknown.status).toBe(400);
  });

  it('answers GET /health with 200 while its tables answer', async () => {
    const response = await call(`/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('the reference facts API', () => {
  const fact = (id: string, value: unknown, asOf = '2024-02-01') => ({
    id,
    metric: 'exports',
    entities: ['AZ', 'NO'],
    period: '2023',
    value,
    unit: 'USD',
    qualifier: 'approx',
    as_of: asOf,
    source_name: 'Example Agency',
    source_url: 'https://example.org/exports',
  });
  const put = (body: unknown) =>
    call(`/v1/facts`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const list = async () => {
    const response = await call(`/v1/facts?metric=exports&entity=NO`);
    return ((await response.json()) as { facts: { id: string; value: number }[] }).facts;
  };

  it('rejects a batch with an invalid fact, naming its index and field, and imports none of it', async () => {
    const response = await put({ facts: [fact('N1', 100), fact('N2', 'lots')] });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([{ field: 'facts[1].value', message: 'value "lots" is not a number' }]);
    expect(await list()).toEqual([]);
  });

  it('loads facts, lists them by metric and entity, and keeps both revisions when one is revised', async () => {
    const first = await put({ facts: [fact('N1', 100000000), fact('N2', 200000000)] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ imported: 2, items: 6, revised: [], recheckQueued: 0 });
    expect((await list()).map((f) => [f.id, f.value])).toEqual([
      ['N1', 100000000],
      ['N2', 200000000],
    ]);
    expect((await put({ facts: [fact('N1', 110000000, '2024-06-01')] })).status).toBe(200);
    const history = await call(`/v1/facts/N1`);
    expect(history.status).toBe(200);
    const body = (await history.json()) as {
      current: { value: number };
      revisions: { value: number; asOf: string }[];
    };
    expect(body.revisions.map((r) => [r.value, r.asOf])).toEqual([
      [100000000, '2024-02-01'],
      [110000000, '2024-06-01'],
    ]);
    expect(body.current.value).toBe(110000000);
  });

  it('answers 400 naming the missing query parameter and 404 for an unknown fact id', async () => {
    const missing = await call(`/v1/facts?metric=exports`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors).toEqual([
      { field: 'entity', message: 'is required' },
    ]);
    const unknown = await call(`/v1/facts/NOPE`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toBe('no fact with id NOPE');
  });
});

describe('access by API key', () => {
  const check = (headers: Record<string, string>) =>
    fetch(`${stack.apiUrl}/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ text: 'Exports rose 5% in 2023.', publishedAt: '2024-04-22' }),
    });

  it('answers 401 with a problem that says how to send a key when none is sent', async () => {
    const response = await check({});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="figcheck"');
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'send your API key in the x-api-key header or as "Authorization: Bearer <key>"',
    );
  });

  it('answers 401 for a wrong key, and accepts the right one as a bearer token too', async () => {
    const wrong = await check({ 'x-api-key': 'fc_not-a-key-of-anyone' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { detail: string }).detail).toBe('the API key is not valid');
    expect((await check({ authorization: `Bearer ${KEY}` })).status).toBe(200);
  });

  it('answers 403 naming the scope when a key lacks it, and 401 once the key is revoked', async () => {
    const keys = new DynamoDbApiKeyStore(
      createDocumentClient(db.client),
      stack.tables.FIGCHECK_API_KEYS_TABLE!,
    );
    const { key } = await keys.create('reader', ['checks:write', 'facts:read']);
    const write = await fetch(`${stack.apiUrl}/v1/facts`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ facts: [] }),
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { detail: string }).detail).toBe(
      'the key of client "reader" lacks the scope facts:write',
    );
    expect((await check({ 'x-api-key': key })).status).toBe(200);

    const other = await keys.create('leaver', ['checks:write']);
    expect(await keys.revoke('leaver')).toBe(1);
    const revoked = await check({ 'x-api-key': other.key });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { detail: string }).detail).toMatch(
      /^the API key was revoked on \d{4}-\d{2}-\d{2}$/,
    );
  });

  it('stores keys only as hashes', async () => {
    const { Items = [] } = await db.client.send(
      new ScanCommand({ TableName: stack.tables.FIGCHECK_API_KEYS_TABLE! }),
    );
    expect(Items.length).toBeGreaterThan(0);
    expect(JSON.stringify(Items)).not.toContain(KEY);
    expect(Items.some((item) => item.pk?.S === `KEY#${hashApiKey(KEY)}`)).toBe(true);
  });

  it('lets GET /health through without a key', async () => {
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
  });
});

describe('Idempotency-Key on POST /v1/checks', () => {
  const send = (key: string, text: string) =>
    call('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ text, publishedAt: '2024-04-22' }),
    });

  it('answers a retry with the first result, marked as replayed, and stores one article', async () => {
    const first = await send('retry-1', 'Exports rose 5% in 2023.');
    const second = await send('retry-1', 'Exports rose 5% in 2023.');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as { articleId: string };
    const b = (await second.json()) as { articleId: string };
    expect(b.articleId).toBe(a.articleId);
  });

  it('answers 422 when the same key comes with a different body, and leaves the first result', async () => {
    expect((await send('retry-2', 'Exports rose 5% in 2023.')).status).toBe(200);
    const other = await send('retry-2', 'Exports rose 7% in 2023.');
    expect(other.status).toBe(422);
    expect(((await other.json()) as { detail: string }).detail).toBe(
      'this Idempotency-Key was used with a different request body',
    );
  });

  it('processes parallel duplicates once: one result, the others replay it or are told to retry', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => send('burst-1', 'Exports rose 9% in 2023.')),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const ids = new Set(
      await Promise.all(
        responses
          .filter((r) => r.status === 200)
          .map(async (r) => ((await r.json()) as { articleId: string }).articleId),
      ),
    );
    expect(ids.size).toBe(1);
  });

  it('does not keep a failed request, so its corrected retry is processed', async () => {
    const failed = await call('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-3' },
      body: JSON.stringify({ publishedAt: '2024-04-22' }),
    });
    expect(failed.status).toBe(400);
    expect((await send('retry-3', 'Exports rose 5% in 2023.')).status).toBe(200);
  });
});

describe('batches through the queue', () => {
  const postBatch = (articles: unknown[]) =>
    call('/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles }),
    });
  const batchOf = async (id: string) =>
    (await (await call(`/v1/batches/${id}`)).json()) as {
      total: number;
      status: string;
      counts: Record<string, number>;
      articles: { articleId: string; status: string; summary?: Record<string, number> }[];
    };

  it('accepts up to 100 articles with 202, then the worker checks each one', async () => {
    const response = await postBatch([
      { text: SAMPLE, publishedAt: '2024-04-22' },
      {
        html: '<p>Trade between Russia and Azerbaijan reached $6.2 billion in 2023.</p>',
        publishedAt: '2024-04-22',
      },
      { text: 'Nothing to check here.' },
    ]);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as {
      batchId: string;
      links: { batch: string };
      articles: { articleId: string }[];
    };
    expect(accepted.links.batch).toBe(`/v1/batches/${accepted.batchId}`);
    expect(accepted.articles).toHaveLength(3);
    await stack.queue.idle();
    const batch = await batchOf(accepted.batchId);
    expect(batch).toMatchObject({ total: 3, status: 'checked', counts: { queued: 0, checked: 3 } });
    expect(batch.articles.map((a) => a.summary?.supported ?? 0)).toEqual([5, 0, 0]);
    expect(batch.articles[1]!.summary?.contradicted).toBe(1);
    const article = (await (await call(`/v1/articles/${accepted.articles[0]!.articleId}`)).json()) as {
      claims: unknown[];
    };
    expect(article.claims).toHaveLength(5);
  });

  it('sends a poison message to the dead letters after 3 receives while the rest of its batch is checked', async () => {
    stack.queue.sendRaw(JSON.stringify({ articleId: 'no-such-article' }));
    const response = await postBatch([
      { text: 'Exports rose 5% in 2023.' },
      { text: 'Imports fell 3% in 2023.' },
    ]);
    const accepted = (await response.json()) as { batchId: string };
    await stack.queue.idle();
    expect(stack.queue.deadLetters.map((m) => [m.body, m.receiveCount])).toEqual([
      ['{"articleId":"no-such-article"}', 3],
    ]);
    expect((await batchOf(accepted.batchId)).counts.checked).toBe(2);
  });

  it('does nothing for a redelivered message of an article already checked', async () => {
    const response = await postBatch([{ text: 'Exports rose 5% in 2023.' }]);
    const { articles } = (await response.json()) as { articles: { articleId: string }[] };
    await stack.queue.idle();
    const before = (await (await call(`/v1/articles/${articles[0]!.articleId}`)).json()) as {
      checkedAt: string;
    };
    await stack.queue.send([{ articleId: articles[0]!.articleId }]);
    await stack.queue.idle();
    const after = (await (await call(`/v1/articles/${articles[0]!.articleId}`)).json()) as {
      checkedAt: string;
    };
    expect(after.checkedAt).toBe(before.checkedAt);
  });

  it('answers 400 naming the article and field at fault, and 404 for an unknown batch', async () => {
    const bad = await postBatch([{ text: 'Fine.' }, { title: 'No body' }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'articles[1].text',
    ]);
    const tooMany = await postBatch(Array.from({ length: 101 }, () => ({ text: 'x' })));
    expect(((await tooMany.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'articles',
    ]);
    expect((await call('/v1/batches/unknown')).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes every route, and real responses of each validate against it', async () => {
    const response = await fetch(`${stack.apiUrl}/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>
      >;
      components: { schemas: { Problem: object } };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(API_ROUTES.map((r) => r.path))].sort());
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const check = async (method: string, path: string, real: Response) => {
      const schema = doc.paths[path]![method]!.responses['200']!.content['application/json']!.schema;
      const body = (await real.json()) as Record<string, unknown>;
      const valid = ajv.validate(schema, body);
      expect(ajv.errors ?? [], `${method} ${path}`).toEqual([]);
      expect(valid).toBe(true);
      return body;
    };
    const checked = await check(
      'post',
      '/v1/checks',
      await post('/v1/checks', JSON.stringify({ text: SAMPLE, publishedAt: '2024-04-22' })),
    );
    await check('get', '/v1/articles', await call('/v1/articles?limit=3'));
    await check('get', '/v1/articles/{id}', await call(`/v1/articles/${String(checked.articleId)}`));
    await check('get', '/v1/facts', await call('/v1/facts?metric=trade_turnover&entity=AZ'));
    await check('get', '/v1/facts/{id}', await call('/v1/facts/F001'));
    await check('get', '/health', await call('/health'));
    const problem = await (await post('/v1/checks', '{}')).json();
    expect(ajv.validate(doc.components.schemas.Problem, problem)).toBe(true);
  });

  it('describes request bodies from the schemas the functions validate with', async () => {
    const doc = (await (await fetch(`${stack.apiUrl}/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties: object; additionalProperties: boolean } }>;
            };
          }
        >
      >;
    };
    const body = doc.paths['/v1/checks']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties).sort()).toEqual([
      'html',
      'language',
      'publishedAt',
      'text',
      'title',
      'url',
    ]);
    expect(body.additionalProperties).toBe(false);
  });
});

describe('request logs', () => {
  it('write one JSON line per request with the correlation id, and never the API key or the text', async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let response: Response;
    try {
      response = await call('/v1/checks', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'trace-42' },
        body: JSON.stringify({
          text: 'A secret sentence: exports rose 5% in 2023.',
          publishedAt: '2024-04-22',
        }),
      });
    } finally {
      write.mockRestore();
    }
    expect(response.headers.get('x-correlation-id')).toBe('trace-42');
    const entries = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const request = entries.find((e) => e.message === 'request');
    expect(request).toMatchObject({
      level: 'INFO',
      service: 'figcheck',
      correlationId: 'trace-42',
      method: 'POST',
      path: '/v1/checks',
      status: 200,
      client: 'tester',
    });
    const all = lines.join('');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('A secret sentence');
  });
});

describe('health when the database is gone', () => {
  it('answers 503 with Retry-After once a table no longer answers', async () => {
    await db.client.send(new DeleteTableCommand({ TableName: stack.tables.FIGCHECK_ARTICLES_TABLE! }));
    const response = await call(`/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });
});
