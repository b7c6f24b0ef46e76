import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleIdFor, WEBHOOK_SOURCES, type WebhookSource } from '../../functions/core/webhooks/index.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';
import {
  CONTENT_TYPES,
  SIGNATURE_HEADERS,
  type SignOptions,
  signAsVendor,
  TEST_SECRETS,
} from '../support/sign-webhook.ts';

const KEY = 'webhook-test-key-0123456789';
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
const CALLBACK_SECRET = 'whsec_c2VjcmV0LWZvci1yZXBvcnQtY2FsbGJhY2tz';

let db: TestDatabase;
let stack: LocalStack;
let receiver: Server;
/** Report callbacks received, and the statuses the receiver answers the next ones with. */
const callbacks: { headers: IncomingHttpHeaders; body: string }[] = [];
const callbackAnswers: number[] = [];

const fixture = (source: WebhookSource) =>
  readFileSync(new URL(`../fixtures/webhooks/${source}.json`, import.meta.url), 'utf8');

/** The fixture with its story id replaced, so that each test has a story of its own. */
// biome-ignore lint/suspicious/noExplicitAny: each vendor's payload has its own shape
type Payload = any;

function story(source: WebhookSource, cmsId: string, edit: (payload: Payload) => void = () => {}): string {
  const payload = JSON.parse(fixture(source));
  switch (source) {
    case 'standard':
      payload.data.id = cmsId;
      break;
    case 'ghost':
      payload.post.current.id = cmsId;
      break;
    case 'contentful':
      payload.sys.id = cmsId;
      break;
    case 'sanity':
      payload._id = cmsId;
      break;
    case 'wordpress':
      payload.post_id = cmsId;
      payload.post.ID = cmsId;
      break;
    case 'strapi':
      payload.entry.documentId = cmsId;
      break;
  }
  edit(payload);
  return JSON.stringify(payload);
}

async function signed(
  source: WebhookSource,
  body: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  return { 'content-type': CONTENT_TYPES[source], ...(await signAsVendor(source, body, options)) };
}

function send(source: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${stack.apiUrl}/v1/webhooks/${source}`, { method: 'POST', headers, body });
}

async function deliver(source: WebhookSource, body: string, options: SignOptions = {}): Promise<Response> {
  return send(source, body, await signed(source, body, options));
}

interface Accepted {
  articleId: string;
  revision?: string;
  status: string;
  duplicate: boolean;
  links: { article: string; report: string };
}

async function accepted(response: Response): Promise<Accepted> {
  expect(response.status).toBe(202);
  return (await response.json()) as Accepted;
}

interface ArticleView {
  status: string;
  cmsStatus: string;
  claims: { text: string; verdict: { verdict: string } }[];
  revisions: {
    revisionKey: string;
    eventType: string;
    status: string;
    sameAs?: string;
    callbackStatus?: string;
    summary: Record<string, number>;
  }[];
  events: { eventType: string }[];
}

async function article(articleId: string): Promise<ArticleView> {
  const response = await fetch(`${stack.apiUrl}/v1/articles/${articleId}`, { headers: { 'x-api-key': KEY } });
  expect(response.status).toBe(200);
  return (await response.json()) as ArticleView;
}

/** Every item the articles table holds about one article. */
async function itemsOf(articleId: string) {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `ARTICLE#${articleId}` } },
    }),
  );
  return Items.map((item) => ({
    sk: item.sk!.S!,
    status: item.status?.S,
    checkCount: item.checkCount ? Number(item.checkCount.N) : undefined,
  }));
}

async function tableSize(): Promise<number> {
  const { Count = 0 } = await db.client.send(
    new ScanCommand({
      TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return Count;
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      callbacks.push({ headers: request.headers, body });
      response.writeHead(callbackAnswers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/figcheck`;
  process.env.FIGCHECK_WEBHOOK_SECRETS = JSON.stringify({
    ...TEST_SECRETS,
    standard: [TEST_SECRETS.standard],
  });
  process.env.FIGCHECK_WEBHOOK_CALLBACKS = JSON.stringify({
    ghost: { url: callbackUrl, secret: CALLBACK_SECRET },
  });
  process.env.FIGCHECK_CALLBACK_RETRY_BASE_SECONDS = '0';
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'reviewer', key: KEY }],
  });
});

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  db?.client.destroy();
});

beforeEach(() => {
  callbacks.length = 0;
  callbackAnswers.length = 0;
});

describe.each(WEBHOOK_SOURCES)('a story published in %s', (source) => {
  it('is answered 202 before it is checked, then checked once with the sample verdicts', async () => {
    const cmsId = `${source}-story-1`;
    const answer = await accepted(
      await deliver(source, story(source, cmsId), {
        deliveryId: `${source}-delivery-1`,
        headers: source === 'contentful' ? {} : undefined,
      }),
    );
    expect(answer.articleId).toBe(articleIdFor(source, cmsId));
    expect(answer.status).toBe('queued');
    expect(answer.duplicate).toBe(false);
    expect(answer.links.report).toBe(`${stack.apiUrl}/v1/articles/${answer.articleId}`);
    await stack.queue.idle();

    const checked = await article(answer.articleId);
    expect(checked).toMatchObject({
      status: 'checked',
      source,
      cmsId,
      cmsStatus: 'published',
      title: 'Putin meets with Ilham Aliyev in the Kremlin',
      publishedAt: '2024-04-22',
    });
    expect(checked.claims.map((c) => [c.text, c.verdict.verdict])).toEqual([
      ['50th anniversary', 'supported'],
      ['more than $ 4 billion', 'supported'],
      ['Six billion', 'supported'],
      ['more than two years', 'supported'],
      ['February 2022', 'supported'],
    ]);
    expect(checked.revisions).toHaveLength(1);
    expect(checked.revisions[0]).toMatchObject({ revisionKey: answer.revision, status: 'checked' });
    const items = await itemsOf(answer.articleId);
    expect(items.filter((i) => i.sk.startsWith('REVISION#')).map((i) => i.checkCount)).toEqual([1]);
  });
});

describe('deliveries that are rejected with 401 and leave nothing stored', () => {
  const TIMESTAMPED: WebhookSource[] = ['standard', 'ghost', 'contentful', 'sanity'];
  const cases: [WebhookSource, string, (body: string) => Promise<Record<string, string>>, RegExp][] = [];
  for (const source of WEBHOOK_SOURCES) {
    const signature = SIGNATURE_HEADERS[source];
    if (source !== 'strapi') {
      cases.push([
        source,
        'a body altered after signing',
        async (body) => signed(source, body.replace('4 billion', '5 billion')),
        /does not match/,
      ]);
    }
    cases.push([
      source,
      'a wrong secret',
      async (body) =>
        signed(source, body, {
          secret:
            source === 'standard'
              ? 'whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA=='
              : source === 'contentful'
                ? 'f'.repeat(64)
                : 'not-the-configured-secret',
        }),
      /does not match/,
    ]);
    cases.push([
      source,
      'no signature header',
      async (body) => {
        const { [signature]: _dropped, ...rest } = (await signed(source, body)) as Record<string, string>;
        return rest;
      },
      new RegExp(`the ${signature} header is missing`),
    ]);
    if (TIMESTAMPED.includes(source)) {
      cases.push([
        source,
        'a timestamp six minutes old',
        async (body) => signed(source, body, { at: new Date(Date.now() - 6 * 60_000) }),
        /more than 5 minutes old/,
      ]);
    }
  }

  it.each(cases)('rejects a %s delivery with %s', async (source, _case, sign, detail) => {
    const before = await tableSize();
    const body = story(source, `${source}-forged`);
    const response = await send(source, body, await sign(body));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { title: string; detail: string };
    expect(problem.title).toBe('Unauthorized');
    expect(problem.detail).toMatch(detail);
    await stack.queue.idle();
    expect(await tableSize()).toBe(before);
    expect(await itemsOf(articleIdFor(source, `${source}-forged`))).toEqual([]);
  });
});

describe('exactly once', () => {
  it.each(['standard', 'ghost', 'contentful', 'sanity'] as const)(
    'rejects a %s request replayed as it was captured, after accepting it once',
    async (source) => {
      const body = story(source, `${source}-replayed`);
      const headers = await signed(source, body, { deliveryId: `${source}-replay-1` });
      await accepted(await send(source, body, headers));
      const replay = await send(source, body, headers);
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { detail: string }).detail).toMatch(/replay/);
      await stack.queue.idle();
      const items = await itemsOf(articleIdFor(source, `${source}-replayed`));
      expect(items.filter((i) => i.sk.startsWith('REVISION#'))).toHaveLength(1);
    },
  );

  it.each(['wordpress', 'strapi'] as const)(
    'treats a %s request sent twice (no timestamp to tell a replay) as a duplicate: 202, no second check',
    async (source) => {
      const body = story(source, `${source}-twice`);
      const headers = await signed(source, body);
      const first = await accepted(await send(source, body, headers));
      await stack.queue.idle();
      const second = await accepted(await send(source, body, headers));
      expect(second).toMatchObject({
        articleId: first.articleId,
        revision: first.revision,
        duplicate: true,
        status: 'checked',
      });
      await stack.queue.idle();
      const revisions = (await itemsOf(first.articleId)).filter((i) => i.sk.startsWith('REVISION#'));
      expect(revisions.map((r) => r.checkCount)).toEqual([1]);
    },
  );

  it('answers a redelivery with the same delivery id 202 with the same article, and does not check again', async () => {
    const body = story('standard', 'standard-redelivered');
    const first = await accepted(await deliver('standard', body, { deliveryId: 'msg_redelivered' }));
    await stack.queue.idle();
    // Standard Webhooks retries sign anew with a later timestamp, under the same id.
    const retry = await accepted(
      await deliver('standard', body, { deliveryId: 'msg_redelivered', at: new Date(Date.now() + 2000) }),
    );
    expect(retry).toMatchObject({ articleId: first.articleId, revision: first.revision, duplicate: true });
    await stack.queue.idle();
    const revisions = (await itemsOf(first.articleId)).filter((i) => i.sk.startsWith('REVISION#'));
    expect(revisions.map((r) => r.checkCount)).toEqual([1]);
  });

  it.each(['standard', 'ghost', 'wordpress'] as const)(
    'keeps a burst of 10 parallel %s retries to one article, one revision and one check',
    async (source) => {
      const body = story(source, `${source}-burst`);
      const answers = await Promise.all(
        Array.from({ length: 10 }, async (_, n) =>
          accepted(
            await deliver(source, body, {
              deliveryId: `${source}-burst-delivery`,
              // Each retry signed at its own time, as a CMS signs every attempt anew.
              at: new Date(Date.now() + n * 1000),
            }),
          ),
        ),
      );
      expect(new Set(answers.map((a) => a.articleId)).size).toBe(1);
      expect(answers.filter((a) => !a.duplicate).length).toBeLessThanOrEqual(1);
      await stack.queue.idle();
      const items = await itemsOf(answers[0]!.articleId);
      expect(items.map((i) => i.sk.split('#')[0]).sort()).toEqual(['RESULT', 'REVISION']);
      expect(items.find((i) => i.sk.startsWith('REVISION#'))!.checkCount).toBe(1);
    },
  );
});

describe('revisions and unpublishing', () => {
  it('checks an update with new content as a new revision, and the article shows both', async () => {
    const first = await accepted(await deliver('ghost', story('ghost', 'ghost-updated')));
    await stack.queue.idle();
    const updated = story('ghost', 'ghost-updated', (payload) => {
      // A figure with its year stated, so that a reference for that year can contradict it.
      payload.post.current.html = payload.post.current.html.replace(
        'more than $ 4 billion',
        'more than $ 9 billion in 2023',
      );
      payload.post.current.updated_at = '2024-04-22T16:05:00.000Z';
      payload.post.previous = { html: '<p>old</p>', updated_at: '2024-04-22T15:30:45.000Z' };
    });
    const second = await accepted(await deliver('ghost', updated));
    expect(second.articleId).toBe(first.articleId);
    expect(second.revision).not.toBe(first.revision);
    await stack.queue.idle();
    const checked = await article(first.articleId);
    expect(checked.claims.find((c) => c.text === 'more than $ 9 billion')?.verdict.verdict).toBe(
      'contradicted',
    );
    expect(
      checked.revisions.map((r) => [r.revisionKey, r.eventType, r.status, r.summary.contradicted]),
    ).toEqual([
      [first.revision, 'post.published', 'checked', 0],
      [second.revision, 'post.published.edited', 'checked', 1],
    ]);
  });

  it('records a new revision with unchanged content without checking it again', async () => {
    const first = await accepted(await deliver('ghost', story('ghost', 'ghost-touched')));
    await stack.queue.idle();
    const touched = story('ghost', 'ghost-touched', (payload) => {
      payload.post.current.updated_at = '2024-04-22T18:00:00.000Z';
      payload.post.previous = { updated_at: '2024-04-22T15:30:45.000Z' };
    });
    const second = await accepted(await deliver('ghost', touched));
    expect(second.status).toBe('unchanged');
    await stack.queue.idle();
    const checked = await article(first.articleId);
    expect(checked.revisions.map((r) => [r.status, r.sameAs])).toEqual([
      ['checked', undefined],
      ['unchanged', first.revision],
    ]);
    const revisions = (await itemsOf(first.articleId)).filter((i) => i.sk.startsWith('REVISION#'));
    expect(revisions.map((r) => r.checkCount ?? 0).sort()).toEqual([0, 1]);
  });

  it('records an unpublish without checking, and the article says so', async () => {
    const first = await accepted(await deliver('ghost', story('ghost', 'ghost-removed')));
    await stack.queue.idle();
    const post = JSON.parse(story('ghost', 'ghost-removed')).post.current;
    const deleted = JSON.stringify({ post: { current: {}, previous: post } });
    const answer = await accepted(await deliver('ghost', deleted));
    expect(answer).toMatchObject({ articleId: first.articleId, status: 'recorded' });
    await stack.queue.idle();
    const checked = await article(first.articleId);
    expect(checked.cmsStatus).toBe('unpublished');
    expect(checked.events.map((e) => e.eventType)).toEqual(['post.deleted']);
    expect(checked.revisions).toHaveLength(1);
  });
});

describe('bad requests', () => {
  it('answers a correctly signed payload it cannot read with 400 naming the field, and stores nothing', async () => {
    const before = await tableSize();
    const body = JSON.stringify({
      type: 'article.published',
      timestamp: new Date().toISOString(),
      data: { title: 'x', text: 'y' },
    });
    const response = await deliver('standard', body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { detail: string; errors: { field: string }[] };
    expect(problem.errors[0]!.field).toBe('data.id');
    expect(problem.detail).toBe('data.id is required');
    expect(await tableSize()).toBe(before);
  });

  it('answers an unknown source with 404 listing the sources', async () => {
    const response = await send('drupal', '{}', { 'content-type': 'application/json' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'no webhook source "drupal"; use one of standard, ghost, contentful, sanity, wordpress, strapi',
    );
  });

  it('answers 202 to a draft save, and stores nothing', async () => {
    const before = await tableSize();
    const body = story('contentful', 'contentful-draft');
    const response = await deliver('contentful', body, {
      headers: { 'X-Contentful-Topic': 'ContentManagement.Entry.auto_save' },
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      status: 'ignored',
      event: 'ContentManagement.Entry.auto_save',
    });
    // The signature is remembered against replays; no article, revision or event is stored.
    expect(await itemsOf(articleIdFor('contentful', 'contentful-draft'))).toEqual([]);
    expect(await tableSize()).toBe(before + 1);
  });
});

describe('report callbacks', () => {
  it('posts the finished report to the configured URL signed with Standard Webhooks, retrying until it is taken', async () => {
    callbackAnswers.push(503, 500);
    const answer = await accepted(await deliver('ghost', story('ghost', 'ghost-callback')));
    await stack.queue.idle();
    expect(callbacks).toHaveLength(3);
    const ids = new Set(callbacks.map((c) => c.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const verifier = new Webhook(CALLBACK_SECRET);
    for (const callback of callbacks) {
      const payload = verifier.verify(callback.body, callback.headers as Record<string, string>);
      expect(payload).toMatchObject({
        type: 'figcheck.report.completed',
        data: {
          articleId: answer.articleId,
          source: 'ghost',
          cmsId: 'ghost-callback',
          revision: answer.revision,
          summary: { supported: 5, contradicted: 0 },
          flagged: [],
          reportUrl: answer.links.report,
        },
      });
    }
    const stored = await article(answer.articleId);
    expect(stored.revisions[0]?.callbackStatus).toBe('delivered');
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: stack.tables.FIGCHECK_ARTICLES_TABLE!,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: {
          ':pk': { S: `ARTICLE#${answer.articleId}` },
          ':sk': { S: `REVISION#${answer.revision}` },
        },
      }),
    );
    const attempts = Items[0]!.callbackAttempts!.L!.map((a) => [
      Number(a.M!.attempt!.N),
      Number(a.M!.status!.N),
    ]);
    expect(attempts).toEqual([
      [1, 503],
      [2, 500],
      [3, 200],
    ]);
  });

  it('sends no callback for a source without one configured', async () => {
    await accepted(await deliver('strapi', story('strapi', 'strapi-no-callback')));
    await stack.queue.idle();
    expect(callbacks).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the webhook answer and the webhook article, which validate against it', async () => {
    const doc = (await (await fetch(`${stack.apiUrl}/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>
      >;
    };
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const answer = await accepted(await deliver('sanity', story('sanity', 'sanity-openapi')));
    const accepts =
      doc.paths['/v1/webhooks/{source}']!.post!.responses['202']!.content['application/json']!.schema;
    expect(ajv.validate(accepts, answer), JSON.stringify(ajv.errors)).toBe(true);
    await stack.queue.idle();
    const articleSchema =
      doc.paths['/v1/articles/{id}']!.get!.responses['200']!.content['application/json']!.schema;
    expect(ajv.validate(articleSchema, await article(answer.articleId)), JSON.stringify(ajv.errors)).toBe(
      true,
    );
  });
});

describe('logs', () => {
  it('name the source and article of each delivery, and never a secret, a signature or the story text', async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const body = story('ghost', 'ghost-logged');
    const headers = await signed('ghost', body);
    try {
      await accepted(await send('ghost', body, headers));
      await send('ghost', body.replace('Kremlin', 'Kreml'), headers);
      await stack.queue.idle();
    } finally {
      write.mockRestore();
    }
    const entries = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.find((e) => e.message === 'webhook received')).toMatchObject({
      source: 'ghost',
      articleId: articleIdFor('ghost', 'ghost-logged'),
    });
    expect(entries.filter((e) => e.message === 'request').map((e) => e.status)).toEqual([202, 401]);
    const all = lines.join('');
    for (const secret of [...Object.values(TEST_SECRETS), CALLBACK_SECRET]) expect(all).not.toContain(secret);
    expect(all).not.toContain(headers['x-ghost-signature']!.slice(7, 40));
    expect(all).not.toContain('Referring  bilateral relations');
  });
});
