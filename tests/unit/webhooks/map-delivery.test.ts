import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  articleIdFor,
  type CmsEvent,
  contentHashOf,
  mapDelivery,
  revisionKeyOf,
  structuredText,
  WebhookPayloadError,
  type WebhookSource,
} from '../../../functions/core/webhooks/index.ts';

const TITLE = 'Putin meets with Ilham Aliyev in the Kremlin';
const fixture = (source: WebhookSource) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/webhooks/${source}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

function map(source: WebhookSource, payload: unknown, headers: Record<string, string> = {}): CmsEvent {
  return mapDelivery(source, {
    method: 'POST',
    path: `/v1/webhooks/${source}`,
    headers,
    body: JSON.stringify(payload),
  });
}

function published(event: CmsEvent) {
  if (event.action !== 'publish') throw new Error(`expected a publish event, got ${event.action}`);
  return event;
}

function payloadError(fn: () => unknown): WebhookPayloadError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookPayloadError);
    return error as WebhookPayloadError;
  }
  throw new Error('expected a payload error');
}

const CONTENTFUL_PUBLISH = { 'x-contentful-topic': 'ContentManagement.Entry.publish' };

describe('reading each CMS payload into a story', () => {
  it.each([
    [
      'standard',
      {},
      'story-2024-04-22-putin-aliyev',
      '1',
      'https://news.example.com/politics/putin-meets-with-ilham-aliyev-in-the-kremlin',
    ],
    [
      'ghost',
      {},
      '6626a1f0c3b1a20001a4e2b7',
      '2024-04-22T15:30:45.000Z',
      'https://news.example.com/putin-meets-with-ilham-aliyev-in-the-kremlin/',
    ],
    [
      'contentful',
      CONTENTFUL_PUBLISH,
      '5KsDBWseXY6QegucYAoacS',
      '7',
      'https://news.example.com/politics/putin-meets-with-ilham-aliyev-in-the-kremlin',
    ],
    [
      'sanity',
      {},
      '9f1c2b7e-4d3a-4e8b-9a51-2c7d6e0f8b13',
      'pJ2rQ8xT4vN6mB1kZ7wLc3',
      'https://news.example.com/politics/putin-meets-with-ilham-aliyev-in-the-kremlin',
    ],
    [
      'wordpress',
      {},
      '4821',
      undefined,
      'https://news.example.com/2024/04/22/putin-meets-with-ilham-aliyev-in-the-kremlin/',
    ],
    [
      'strapi',
      {},
      'vx7k2m9q0w1e3r5t6y8u4i2o',
      '2024-04-22T15:30:45.187Z',
      'https://news.example.com/politics/putin-meets-with-ilham-aliyev-in-the-kremlin',
    ],
  ] as const)(
    'reads the %s fixture: id, revision, title, URL, date and body',
    (source, headers, cmsId, revision, url) => {
      const event = published(map(source, fixture(source), headers));
      expect(event.cmsId).toBe(cmsId);
      expect(event.revision).toBe(revision);
      expect(event.article.title).toBe(TITLE);
      expect(event.article.url).toBe(url);
      expect(event.article.publishedAt).toBe('2024-04-22');
      const body = event.article.html ?? event.article.text ?? '';
      expect(body).toContain('more than $ 4 billion');
      expect(body).toContain('February 2022');
    },
  );

  it('reads structured rich text as paragraphs separated by blank lines', () => {
    for (const source of ['contentful', 'sanity', 'strapi'] as const) {
      const event = published(map(source, fixture(source), CONTENTFUL_PUBLISH));
      expect(event.article.html).toBeUndefined();
      const paragraphs = event.article.text!.split('\n\n');
      expect(paragraphs).toHaveLength(8);
      expect(paragraphs[0]).toMatch(/^On Monday afternoon/);
    }
  });

  it('keeps marks and links inside a paragraph together', () => {
    expect(
      structuredText({
        nodeType: 'document',
        content: [
          {
            nodeType: 'paragraph',
            content: [
              { nodeType: 'text', value: 'Trade reached ' },
              { nodeType: 'hyperlink', content: [{ nodeType: 'text', value: '$4 billion' }] },
              { nodeType: 'text', value: ' in 2023.' },
            ],
          },
          { nodeType: 'heading-2', content: [{ nodeType: 'text', value: 'Investment' }] },
        ],
      }),
    ).toBe('Trade reached $4 billion in 2023.\n\nInvestment');
  });
});

describe('unpublish, delete and draft events', () => {
  it('records a Ghost post deleted (current is empty) under the id it had', () => {
    const payload = {
      post: { current: {}, previous: (fixture('ghost').post as { current: unknown }).current },
    };
    expect(map('ghost', payload)).toEqual({
      action: 'unpublish',
      eventType: 'post.deleted',
      cmsId: '6626a1f0c3b1a20001a4e2b7',
    });
  });

  it('records a Ghost post moved back to draft as unpublished', () => {
    const post = fixture('ghost').post as { current: Record<string, unknown> };
    const payload = {
      post: { current: { ...post.current, status: 'draft' }, previous: { status: 'published' } },
    };
    expect(map('ghost', payload)).toMatchObject({ action: 'unpublish', eventType: 'post.unpublished' });
  });

  it('names a Ghost edit of a published post post.published.edited', () => {
    const post = fixture('ghost').post as { current: Record<string, unknown> };
    const payload = {
      post: {
        current: post.current,
        previous: { html: '<p>old</p>', updated_at: '2024-04-22T15:00:00.000Z' },
      },
    };
    expect(published(map('ghost', payload)).eventType).toBe('post.published.edited');
  });

  it('records Contentful unpublish and delete topics, and ignores draft saves', () => {
    const sys = { sys: { type: 'DeletedEntry', id: '5KsDBWseXY6QegucYAoacS' } };
    for (const topic of ['unpublish', 'delete', 'archive']) {
      expect(
        map('contentful', sys, { 'x-contentful-topic': `ContentManagement.Entry.${topic}` }),
      ).toMatchObject({
        action: 'unpublish',
        cmsId: '5KsDBWseXY6QegucYAoacS',
      });
    }
    expect(
      map('contentful', fixture('contentful'), { 'x-contentful-topic': 'ContentManagement.Entry.auto_save' }),
    ).toMatchObject({
      action: 'ignore',
    });
  });

  it('records a Sanity delete and ignores drafts', () => {
    expect(map('sanity', { ...fixture('sanity'), operation: 'delete' })).toMatchObject({
      action: 'unpublish',
    });
    expect(map('sanity', { ...fixture('sanity'), _id: 'drafts.9f1c2b7e' })).toMatchObject({
      action: 'ignore',
    });
  });

  it('records a WordPress post sent to the trash, and a delete that carries only the post id', () => {
    const payload = fixture('wordpress') as { post: Record<string, unknown> };
    expect(map('wordpress', { ...payload, post: { ...payload.post, post_status: 'trash' } })).toMatchObject({
      action: 'unpublish',
      eventType: 'post_trash',
      cmsId: '4821',
    });
    expect(map('wordpress', { post_id: 4821 })).toMatchObject({ action: 'unpublish', cmsId: '4821' });
  });

  it('records Strapi unpublish and delete, and ignores updates of unpublished drafts', () => {
    const payload = fixture('strapi') as { entry: Record<string, unknown> };
    expect(map('strapi', { ...payload, event: 'entry.unpublish' })).toMatchObject({ action: 'unpublish' });
    expect(map('strapi', { ...payload, event: 'entry.delete' })).toMatchObject({ action: 'unpublish' });
    expect(
      map('strapi', { ...payload, event: 'entry.update', entry: { ...payload.entry, publishedAt: null } }),
    ).toMatchObject({
      action: 'ignore',
    });
  });

  it('records a standard article.deleted', () => {
    expect(map('standard', { ...fixture('standard'), type: 'article.deleted' })).toMatchObject({
      action: 'unpublish',
      cmsId: 'story-2024-04-22-putin-aliyev',
    });
  });
});

describe('payloads figcheck cannot read', () => {
  it('names the body when it is not JSON', () => {
    const error = payloadError(() =>
      mapDelivery('standard', { method: 'POST', path: '/', headers: {}, body: '{oops' }),
    );
    expect(error.field).toBe('body');
    expect(error.message).toBe('body is not JSON');
  });

  it.each([
    ['standard', { ...fixture('standard'), type: 'article.created' }, 'type'],
    ['standard', { type: 'article.published', data: {} }, 'data.id'],
    ['standard', { type: 'article.published', data: { id: 'x', html: '   ' } }, 'data.html'],
    ['standard', { type: 'article.published', data: { id: 'x', text: 'a', url: 'ftp://x' } }, 'data.url'],
    [
      'standard',
      { type: 'article.published', data: { id: 'x', text: 'a', publishedAt: 'yesterday' } },
      'data.publishedAt',
    ],
    ['ghost', { posts: [] }, 'body'],
    ['wordpress', { post: { ID: 1, post_status: 'publish', post_content: '' } }, 'post.post_content'],
    ['strapi', { event: 'entry.publish' }, 'entry'],
  ] as const)('names the field at fault in a %s payload (%#)', (source, payload, field) => {
    expect(payloadError(() => map(source, payload)).field).toBe(field);
  });

  it('requires the Contentful topic header', () => {
    expect(payloadError(() => map('contentful', fixture('contentful'))).field).toBe('x-contentful-topic');
  });
});

describe('naming articles and revisions', () => {
  it('gives one story from one source the same UUID-shaped article id every time, and another story another', () => {
    const id = articleIdFor('ghost', '6626a1f0c3b1a20001a4e2b7');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(articleIdFor('ghost', '6626a1f0c3b1a20001a4e2b7')).toBe(id);
    expect(articleIdFor('strapi', '6626a1f0c3b1a20001a4e2b7')).not.toBe(id);
    expect(articleIdFor('ghost', '6626a1f0c3b1a20001a4e2b8')).not.toBe(id);
  });

  it('keys a revision by the CMS revision, or by the content hash when the CMS sends none', () => {
    const hash = contentHashOf({ title: 'T', text: 'body' });
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHashOf({ title: 'T', text: 'body' })).toBe(hash);
    expect(contentHashOf({ title: 'T', text: 'body!' })).not.toBe(hash);
    expect(revisionKeyOf('7', hash)).toBe('rev:7');
    expect(revisionKeyOf(undefined, hash)).toBe(hash);
  });
});
