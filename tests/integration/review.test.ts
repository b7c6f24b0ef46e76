import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const REVIEWER_KEY = 'review-test-key-0123456789';
const READER_KEY = 'reader-only-key-0123456789';
const SAMPLE = readFileSync(new URL('../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');
const WRONG = readFileSync(new URL('../../examples/wrong-figures.txt', import.meta.url), 'utf8');

let db: TestDatabase;
let stack: LocalStack;

interface Checked {
  articleId: string;
  claims: {
    id: string;
    text: string;
    verdict: { verdict: string; explanation: string; evidence: { factId: string }[] };
  }[];
}

interface Review {
  claimKey: string;
  machineVerdict: string;
  state: { status: string; verdict: string; correctedValue?: string };
  history: {
    action: string;
    reviewer: string;
    note?: string;
    before: { status: string };
    after: { status: string };
  }[];
  verdictChange?: { from: string; to: string; factIds: string[] };
}

function call(path: string, init: RequestInit = {}, key = REVIEWER_KEY): Promise<Response> {
  return fetch(`${stack.apiUrl}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { 'x-api-key': key, ...(init.headers as Record<string, string> | undefined) },
  });
}

async function check(text: string, title: string): Promise<Checked> {
  const response = await call('/v1/checks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, title, publishedAt: '2024-04-22' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Checked;
}

function review(claimKey: string, body: Record<string, string>, key = REVIEWER_KEY) {
  return call(
    `/v1/claims/${encodeURIComponent(claimKey)}/reviews`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    key,
  );
}

/** The claim keys of the queue page's rows, in order. */
async function queueKeys(query = ''): Promise<string[]> {
  const response = await call(`/v1/review${query}`);
  expect(response.status).toBe(200);
  const page = await response.text();
  return [...page.matchAll(/data-claim-key="([^"]+)"/g)].map((m) => m[1]!);
}

let sample: Checked;
let wrong: Checked;

beforeAll(async () => {
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'reviewer-ana', key: REVIEWER_KEY }],
  });
  // A second client that may read but not review.
  const { DynamoDbApiKeyStore } = await import('../../functions/adapters/dynamodb/dynamodb-api-key-store.ts');
  const { createDocumentClient } = await import(
    '../../functions/adapters/dynamodb/create-document-client.ts'
  );
  await new DynamoDbApiKeyStore(
    createDocumentClient(db.client),
    stack.tables.FIGCHECK_API_KEYS_TABLE!,
  ).create('reader-bo', ['articles:read'], READER_KEY);
  sample = await check(SAMPLE, 'Putin meets with Ilham Aliyev in the Kremlin');
  wrong = await check(WRONG, '=HYPERLINK("http://evil.example","Baku and Moscow")');
});

afterAll(async () => {
  await stack?.stop();
  db?.client.destroy();
});

const keyOf = (article: Checked, text: string) =>
  `${article.articleId}_${article.claims.find((c) => c.text === text)!.id}`;

describe('the review queue', () => {
  it('lists the flagged claims of every article, newest first, and none of the supported ones', async () => {
    const keys = await queueKeys();
    expect(keys).toHaveLength(4);
    expect(keys.every((key) => key.startsWith(wrong.articleId))).toBe(true);
  });

  it('filters by verdict, status, source and date, and names a bad filter', async () => {
    expect(await queueKeys('?verdict=contradicted')).toHaveLength(3);
    expect(await queueKeys('?verdict=unverifiable')).toEqual([keyOf(wrong, '$1.2 billion')]);
    expect(await queueKeys('?status=confirmed')).toEqual([]);
    expect(await queueKeys('?source=ghost')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await queueKeys(`?since=${today}&until=${today}`)).toHaveLength(4);
    expect(await queueKeys('?until=2020-01-01')).toEqual([]);
    const bad = await call('/v1/review?verdict=supported');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('verdict');
  });

  it('pages through the queue with a cursor', async () => {
    const first = await call('/v1/review?limit=3');
    const html = await first.text();
    expect([...html.matchAll(/data-claim-key="/g)]).toHaveLength(3);
    const next = /href="([^"]*cursor=[^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    expect(await queueKeys(next.slice(next.indexOf('?')))).toHaveLength(1);
  });

  it('exports the queue as CSV with formula-like cells neutralised', async () => {
    const response = await call('/v1/review.csv?verdict=contradicted');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'flagged_at,article_id,article_title,source,claim,verdict,status,explanation,verdict_changed_from,report_url',
    );
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) {
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Baku and Moscow"")"`);
      expect(line).not.toMatch(/,=/);
    }
  });
});

describe('review actions', () => {
  it('confirms, dismisses with a reason and corrects with a note, keeping the whole history', async () => {
    const key = keyOf(wrong, '$6.2 billion');
    const confirmed = await review(key, { action: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as Review).state).toEqual({
      status: 'confirmed',
      verdict: 'contradicted',
    });

    const noReason = await review(key, { action: 'dismiss' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('note');

    const corrected = (await (
      await review(key, {
        action: 'correct',
        verdict: 'contradicted',
        value: '$4.4 billion',
        note: 'Rosstat: 4.4 bn',
      })
    ).json()) as Review;
    expect(corrected.state).toEqual({
      status: 'corrected',
      verdict: 'contradicted',
      correctedValue: '$4.4 billion',
    });
    expect(
      corrected.history.map((h) => [h.action, h.reviewer, h.before.status, h.after.status, h.note]),
    ).toEqual([
      ['confirm', 'reviewer-ana', 'open', 'confirmed', undefined],
      ['correct', 'reviewer-ana', 'confirmed', 'corrected', 'Rosstat: 4.4 bn'],
    ]);
    expect(await queueKeys('?status=corrected')).toEqual([key]);
  });

  it('refuses a client without the reviews:write scope, and an unknown claim', async () => {
    const key = keyOf(wrong, 'February 2021');
    const denied = await review(key, { action: 'confirm' }, READER_KEY);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { detail: string }).detail).toMatch(/reviews:write/);
    expect((await review(`${wrong.articleId}_c1-2`, { action: 'confirm' })).status).toBe(404);
  });

  it('publishes ClaimReview JSON-LD for reviewed claims only, or every claim with all=1', async () => {
    const response = await call(`/v1/articles/${wrong.articleId}/claimreview`);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const doc = (await response.json()) as {
      '@context': string;
      '@graph': ({ reviewRating: { ratingExplanation: string } } & Record<string, unknown>)[];
    };
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toHaveLength(1);
    expect(doc['@graph'][0]).toMatchObject({
      '@type': 'ClaimReview',
      url: expect.stringMatching(new RegExp(`/v1/articles/${wrong.articleId}/report#claim-c\\d+-\\d+$`)),
      claimReviewed: expect.stringContaining('$6.2 billion'),
      author: { '@type': 'Organization', name: 'figcheck' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        alternateName: 'False',
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2024-04-22',
        appearance: { '@type': 'CreativeWork' },
      },
    });
    expect(doc['@graph'][0]!.reviewRating.ratingExplanation).toContain('The right figure: $4.4 billion.');
    const all = (await (await call(`/v1/articles/${wrong.articleId}/claimreview?all=1`)).json()) as {
      '@graph': unknown[];
    };
    expect(all['@graph']).toHaveLength(wrong.claims.length);
  });
});

describe('the report page', () => {
  it('is HTML with a nonce-based Content-Security-Policy, every claim highlighted and its review history', async () => {
    const response = await call(`/v1/articles/${wrong.articleId}/report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    const page = await response.text();
    expect([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([`<script nonce="${nonce}">`]);
    expect([...page.matchAll(/class="claim verdict-/g)]).toHaveLength(wrong.claims.length);
    expect(page).toContain('Rosstat: 4.4 bn');
  });

  it('renders hostile article text as text', async () => {
    const hostile = await check(
      'Exports rose 5% in 2023. <script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> "quoted" & more',
      '"><script>alert(4)</script>',
    );
    const page = await (await call(`/v1/articles/${hostile.articleId}/report`)).text();
    expect(page).not.toMatch(/<script>alert|<img\b|onerror="|href="javascript:/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=');
  });

  it('sends a browser without a key to the sign-in page, and back after signing in', async () => {
    const path = `/v1/articles/${sample.articleId}/report`;
    const anonymous = await fetch(`${stack.apiUrl}${path}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/v1/login?next=${encodeURIComponent(path)}`);
    const signIn = await fetch(`${stack.apiUrl}/v1/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.apiUrl },
      body: new URLSearchParams({ key: REVIEWER_KEY, next: path }).toString(),
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe(path);
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^figcheck_key=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const withCookie = await fetch(`${stack.apiUrl}${path}`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(withCookie.status).toBe(200);

    // A form post authenticated by the cookie must come from figcheck's own origin.
    const claimKey = keyOf(sample, 'Six billion');
    const form = new URLSearchParams({ action: 'confirm', return: `${path}#claim-x` }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie.split(';')[0]! };
    const forged = await fetch(`${stack.apiUrl}/v1/claims/${claimKey}/reviews`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, origin: 'https://evil.example' },
      body: form,
    });
    expect(forged.status).toBe(403);
    const posted = await fetch(`${stack.apiUrl}/v1/claims/${claimKey}/reviews`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, origin: stack.apiUrl },
      body: form,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${path}#claim-x`);

    const wrongKey = await fetch(`${stack.apiUrl}/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.apiUrl },
      body: new URLSearchParams({ key: 'not-a-key', next: path }).toString(),
    });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.text()).toContain('That key was not accepted');
  });
});

describe('re-checks when a reference fact is revised', () => {
  it('re-checks the articles that relied on it; a changed verdict is marked and goes back to the queue', async () => {
    const trade = sample.claims.find((c) => c.text === 'more than $ 4 billion')!;
    expect(trade.verdict.verdict).toBe('supported');
    const factId = trade.verdict.evidence[0]!.factId;
    const history = (await (await call(`/v1/facts/${factId}`)).json()) as {
      current: Record<string, unknown>;
    };
    const current = history.current;
    // The data editor corrects the figure downwards: "more than $4 billion" no longer holds.
    const revised = {
      id: current.id,
      metric: current.metric,
      entities: current.entities,
      period: current.period,
      value: 3_100_000_000,
      unit: current.unit,
      qualifier: 'exact',
      as_of: '2024-05-01',
      source_name: current.sourceName,
      source_url: current.sourceUrl,
      notes: 'corrected figure',
    };
    const put = await call('/v1/facts', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ facts: [revised] }),
    });
    expect(put.status).toBe(200);
    // Both articles relied on it: the sample's claim was supported, the wrong one's contradicted.
    expect(await put.json()).toMatchObject({ imported: 1, revised: [factId], recheckQueued: 2 });
    await stack.queue.idle();

    const article = (await (await call(`/v1/articles/${sample.articleId}`)).json()) as Checked;
    // Other sources of the same side still give $4.4 billion, so the references now disagree; as
    // the article states no period for the figure, that is not held against it: unverifiable.
    const afterVerdict = article.claims.find((c) => c.id === trade.id)!.verdict;
    const after = afterVerdict.verdict;
    expect(after).toBe('unverifiable');
    expect(afterVerdict.explanation).toMatch(
      /References disagree .* But figcheck guessed the period \(2023: the article states none for this figure\), so the claim is not marked ambiguous\.$/,
    );
    const key = `${sample.articleId}_${trade.id}`;
    expect((await queueKeys())[0]).toBe(key);
    const reviewed = (await (await review(key, { action: 'confirm' })).json()) as Review;
    expect(reviewed.verdictChange).toMatchObject({
      from: 'supported',
      to: after,
      factIds: [factId],
    });
    expect(reviewed.history.map((h) => [h.action, h.reviewer])).toEqual([
      ['recheck', 'figcheck'],
      ['confirm', 'reviewer-ana'],
    ]);
    // A claim whose verdict did not change keeps its review.
    const unchanged = (await (
      await review(keyOf(wrong, '$6.2 billion'), { action: 'confirm' })
    ).json()) as Review;
    expect(unchanged.verdictChange).toBeUndefined();
    expect(unchanged.history.map((h) => h.action)).toEqual(['confirm', 'correct', 'confirm']);
    // Putting the same facts again revises nothing and queues nothing.
    const again = await call('/v1/facts', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ facts: [revised] }),
    });
    expect(await again.json()).toMatchObject({ revised: [], recheckQueued: 0 });
  });
});
