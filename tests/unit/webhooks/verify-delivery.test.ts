import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateStandardWebhookSecret,
  verifyDelivery,
  WEBHOOK_SOURCES,
  type WebhookRequest,
  WebhookSignatureError,
  type WebhookSource,
} from '../../../functions/core/webhooks/index.ts';
import { CONTENT_TYPES, SIGNATURE_HEADERS, signAsVendor, TEST_SECRETS } from '../../support/sign-webhook.ts';

const fixture = (source: WebhookSource) =>
  readFileSync(new URL(`../../fixtures/webhooks/${source}.json`, import.meta.url), 'utf8');

async function signedRequest(
  source: WebhookSource,
  options: Parameters<typeof signAsVendor>[2] = {},
  body = fixture(source),
): Promise<WebhookRequest> {
  const headers = await signAsVendor(source, body, options);
  return {
    method: 'POST',
    path: `/v1/webhooks/${source}`,
    headers: Object.fromEntries(
      Object.entries({ 'content-type': CONTENT_TYPES[source], ...headers }).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    ),
    body,
  };
}

const secretsOf = (source: WebhookSource) => [TEST_SECRETS[source]];
const TIMESTAMPED: WebhookSource[] = ['standard', 'ghost', 'contentful', 'sanity'];

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return (error as Error).message;
  }
  throw new Error('expected the delivery to be rejected');
}

describe.each(WEBHOOK_SOURCES)('a %s delivery', (source) => {
  it('is accepted when signed as the vendor signs it', async () => {
    const request = await signedRequest(source, { deliveryId: 'delivery-1' });
    const verified = verifyDelivery(source, request, secretsOf(source));
    if (source === 'standard' || source === 'contentful' || source === 'sanity') {
      expect(verified.deliveryId).toBe('delivery-1');
    } else {
      expect(verified.deliveryId).toBeUndefined();
    }
    expect(verified.replayKey !== undefined).toBe(TIMESTAMPED.includes(source));
  });

  it('is rejected when the body was altered after signing', async () => {
    const request = await signedRequest(source);
    const altered = { ...request, body: request.body.replace('4 billion', '9 billion') };
    expect(altered.body).not.toBe(request.body);
    if (source === 'strapi') {
      // Strapi sends a static token, not a signature: it cannot detect an altered body.
      expect(() => verifyDelivery(source, altered, secretsOf(source))).not.toThrow();
    } else {
      expect(rejection(() => verifyDelivery(source, altered, secretsOf(source)))).toMatch(
        `does not match any ${source} secret`,
      );
    }
  });

  it('is rejected when signed with another secret', async () => {
    const other =
      source === 'standard'
        ? generateStandardWebhookSecret()
        : source === 'contentful'
          ? 'b'.repeat(64)
          : 'a-different-secret-123456';
    const request = await signedRequest(source, { secret: other });
    expect(rejection(() => verifyDelivery(source, request, secretsOf(source)))).toMatch(/does not match/);
  });

  it('is accepted with either secret while a rotation lists both', async () => {
    const next =
      source === 'standard'
        ? generateStandardWebhookSecret()
        : source === 'contentful'
          ? 'c'.repeat(64)
          : 'the-next-secret-abcdef123';
    const request = await signedRequest(source, { secret: next });
    expect(() => verifyDelivery(source, request, [TEST_SECRETS[source], next])).not.toThrow();
    const old = await signedRequest(source);
    expect(() => verifyDelivery(source, old, [TEST_SECRETS[source], next])).not.toThrow();
  });

  it('is rejected without its signature header, naming the header', async () => {
    const request = await signedRequest(source);
    const name = SIGNATURE_HEADERS[source];
    const { [name]: _removed, ...headers } = request.headers;
    expect(rejection(() => verifyDelivery(source, { ...request, headers }, secretsOf(source)))).toBe(
      `the ${name} header is missing`,
    );
  });

  it('is rejected when figcheck has no secret for the source', async () => {
    const request = await signedRequest(source);
    expect(rejection(() => verifyDelivery(source, request, []))).toBe(
      `no ${source} webhook secret is configured in figcheck`,
    );
  });
});

describe.each(TIMESTAMPED)('the timestamp of a %s delivery', (source) => {
  const now = Date.parse('2026-11-28T12:00:00Z');

  it('may be up to five minutes off either way', async () => {
    for (const offset of [-299_000, 299_000]) {
      const request = await signedRequest(source, { at: new Date(now + offset) });
      expect(() => verifyDelivery(source, request, secretsOf(source), now)).not.toThrow();
    }
  });

  it('is rejected when more than five minutes old, whether the scheme counts seconds or milliseconds', async () => {
    const request = await signedRequest(source, { at: new Date(now - 301_000) });
    expect(rejection(() => verifyDelivery(source, request, secretsOf(source), now))).toMatch(
      /more than 5 minutes old/,
    );
  });

  it('is rejected when more than five minutes in the future', async () => {
    const request = await signedRequest(source, { at: new Date(now + 301_000) });
    expect(rejection(() => verifyDelivery(source, request, secretsOf(source), now))).toMatch(
      /more than 5 minutes in the future/,
    );
  });
});

describe('scheme details', () => {
  it('accepts a Standard Webhooks signature list in which any one entry matches', async () => {
    const request = await signedRequest('standard');
    const headers = {
      ...request.headers,
      'webhook-signature': `v1,AAAA ${request.headers['webhook-signature']}`,
    };
    expect(() => verifyDelivery('standard', { ...request, headers }, secretsOf('standard'))).not.toThrow();
  });

  it('rejects a Ghost timestamp re-attached to another signature', async () => {
    const request = await signedRequest('ghost');
    const forged = request.headers['x-ghost-signature']!.replace(/t=\d+/, `t=${Date.now() + 1000}`);
    expect(
      rejection(() =>
        verifyDelivery(
          'ghost',
          { ...request, headers: { ...request.headers, 'x-ghost-signature': forged } },
          secretsOf('ghost'),
        ),
      ),
    ).toMatch(/does not match/);
  });

  it('rejects a Contentful request whose signed path differs (a delivery meant for another URL)', async () => {
    const request = await signedRequest('contentful', { path: '/hooks/other' });
    expect(rejection(() => verifyDelivery('contentful', request, secretsOf('contentful')))).toMatch(
      /does not match/,
    );
  });

  it('rejects a Contentful request whose signed topic header was changed', async () => {
    const request = await signedRequest('contentful');
    const headers = { ...request.headers, 'x-contentful-topic': 'ContentManagement.Entry.delete' };
    expect(
      rejection(() => verifyDelivery('contentful', { ...request, headers }, secretsOf('contentful'))),
    ).toMatch(/does not match/);
  });

  it('rejects a malformed Sanity signature header, saying what it should read', async () => {
    const request = await signedRequest('sanity');
    const headers = { ...request.headers, 'sanity-webhook-signature': 'v1=abc' };
    expect(rejection(() => verifyDelivery('sanity', { ...request, headers }, secretsOf('sanity')))).toMatch(
      /must read "t=<milliseconds>,v1=<signature>"/,
    );
  });

  it('rejects a Strapi token sent without the Bearer scheme', async () => {
    const request = await signedRequest('strapi');
    const headers = { ...request.headers, authorization: TEST_SECRETS.strapi };
    expect(rejection(() => verifyDelivery('strapi', { ...request, headers }, secretsOf('strapi')))).toMatch(
      /Bearer/,
    );
  });
});
