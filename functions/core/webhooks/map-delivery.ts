/**
 * Reads a verified delivery's payload, in each CMS's documented shape, into one CMS event:
 * a story published or updated (checked), unpublished or deleted (recorded), or something
 * figcheck ignores (a draft save). Fields at fault are named as JSON paths into the payload.
 */
// A namespace import lets esbuild drop the parts of zod that are not used.
import * as z from 'zod';
import { WebhookPayloadError, type WebhookRequest, type WebhookSource } from './sources.ts';
import { structuredText } from './structured-text.ts';

export interface CmsArticle {
  title?: string;
  html?: string;
  text?: string;
  url?: string;
  /** YYYY-MM-DD (UTC) */
  publishedAt?: string;
}

export type CmsEvent =
  | {
      action: 'publish';
      /** The CMS's own name for the event, as recorded in the revision history. */
      eventType: string;
      cmsId: string;
      /** The CMS's revision of the story, where it sends one; else figcheck hashes the content. */
      revision?: string;
      /** When the CMS last changed the story (ISO), which orders revisions that arrive out of order. */
      revisionAt?: string;
      article: CmsArticle;
    }
  | { action: 'unpublish'; eventType: string; cmsId: string; revisionAt?: string }
  | { action: 'ignore'; eventType: string; cmsId?: string; reason: string };

const id = z
  .union([z.string().trim().min(1, 'must not be empty').max(512), z.number().int()])
  .transform(String);
const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const timestamp = z
  .string()
  .nullish()
  .refine((value) => value == null || !Number.isNaN(Date.parse(value)), 'must be an ISO date or date-time')
  .transform((value) => (value == null ? undefined : new Date(Date.parse(value)).toISOString()));
const httpUrl = z
  .string()
  .nullish()
  .refine((value) => value == null || /^https?:\/\/\S+$/i.test(value), 'must be an http(s) URL')
  .transform((value) => value ?? undefined);

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`,
    '',
  );
  const missing = issue.path.reduce<unknown>(
    (at, part) =>
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined,
    value,
  );
  const message = missing === undefined && issue.path.length > 0 ? 'is required' : issue.message;
  throw new WebhookPayloadError(field || 'body', message);
}

function readJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new WebhookPayloadError('body', 'is not JSON');
  }
}

/** HTML when the string has markup, plain text otherwise. */
function bodyContent(value: unknown): Pick<CmsArticle, 'html' | 'text'> {
  if (typeof value === 'string') return /<[a-z][\s\S]*>/i.test(value) ? { html: value } : { text: value };
  const text = structuredText(value);
  return text === undefined ? {} : { text };
}

function dateOf(iso: string | undefined): string | undefined {
  return iso?.slice(0, 10);
}

function requireBody(article: CmsArticle, field: string): CmsArticle {
  const content = article.html ?? article.text ?? '';
  if (content.trim() === '') throw new WebhookPayloadError(field, 'must contain the story text');
  return article;
}

/** figcheck's own webhook format, for any CMS that can send Standard Webhooks. */
export const standardPayloadSchema = z.object({
  type: z.enum(['article.published', 'article.updated', 'article.deleted'], {
    error: 'must be article.published, article.updated or article.deleted',
  }),
  timestamp: timestamp,
  data: z.object({
    id,
    title: optionalString,
    html: optionalString,
    text: optionalString,
    url: httpUrl,
    publishedAt: timestamp,
    revision: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value) => (value == null ? undefined : String(value))),
  }),
});

function mapStandard(payload: unknown): CmsEvent {
  const event = parse(standardPayloadSchema, payload);
  const { data } = event;
  if (event.type === 'article.deleted') {
    return { action: 'unpublish', eventType: event.type, cmsId: data.id, revisionAt: event.timestamp };
  }
  if (data.html !== undefined && data.text !== undefined) {
    throw new WebhookPayloadError('data.html', 'cannot be sent together with data.text; send one');
  }
  return {
    action: 'publish',
    eventType: event.type,
    cmsId: data.id,
    revision: data.revision,
    revisionAt: event.timestamp,
    article: requireBody(
      {
        title: data.title,
        html: data.html,
        text: data.text,
        url: data.url,
        publishedAt: dateOf(data.publishedAt),
      },
      'data.html',
    ),
  };
}

const ghostPost = z.object({
  id,
  title: optionalString,
  html: optionalString,
  plaintext: optionalString,
  url: httpUrl,
  status: optionalString,
  published_at: timestamp,
  updated_at: timestamp,
});
const ghostPayload = z.union(
  [
    z.object({ post: z.object({ current: z.unknown().optional(), previous: z.unknown().optional() }) }),
    z.object({ page: z.object({ current: z.unknown().optional(), previous: z.unknown().optional() }) }),
  ],
  { error: 'must hold post.current (a Ghost post or page webhook)' },
);

/** Ghost sends the post as it is now (`current`) and the fields that changed (`previous`). */
function mapGhost(payload: unknown): CmsEvent {
  const parsed = parse(ghostPayload, payload);
  const kind = 'post' in parsed ? 'post' : 'page';
  const { current, previous } = 'post' in parsed ? parsed.post : parsed.page;
  const isEmpty = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  if (isEmpty(current)) {
    const gone = parse(z.object({ [kind]: z.object({ previous: z.object({ id }) }) }), payload) as Record<
      string,
      { previous: { id: string } }
    >;
    return { action: 'unpublish', eventType: `${kind}.deleted`, cmsId: gone[kind]!.previous.id };
  }
  const post = parse(z.object({ [kind]: z.object({ current: ghostPost }) }), payload)[kind]!
    .current as z.infer<typeof ghostPost>;
  if (post.status !== undefined && post.status !== 'published') {
    const wasPublished = (previous as { status?: unknown } | undefined)?.status === 'published';
    return wasPublished
      ? { action: 'unpublish', eventType: `${kind}.unpublished`, cmsId: post.id, revisionAt: post.updated_at }
      : {
          action: 'ignore',
          eventType: `${kind}.${post.status}`,
          cmsId: post.id,
          reason: `the ${kind} is ${post.status}, not published`,
        };
  }
  const content = post.html ? { html: post.html } : { text: post.plaintext };
  return {
    action: 'publish',
    // Ghost's `previous` holds what changed: the draft status on first publication, else the edits.
    eventType:
      isEmpty(previous) || (previous as { status?: unknown }).status !== undefined
        ? `${kind}.published`
        : `${kind}.published.edited`,
    cmsId: post.id,
    revision: post.updated_at,
    revisionAt: post.updated_at,
    article: requireBody(
      { title: post.title, ...content, url: post.url, publishedAt: dateOf(post.published_at) },
      `${kind}.current.html`,
    ),
  };
}

const contentfulSys = z.object({
  id,
  type: z.string(),
  version: z.number().int().optional(),
  revision: z.number().int().optional(),
  publishedAt: timestamp,
  firstPublishedAt: timestamp,
  updatedAt: timestamp,
});

/** One locale's value of a Contentful field: en-US when present, else the first locale sent. */
function localised(fields: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const byLocale = fields[name];
    if (byLocale === null || typeof byLocale !== 'object' || Array.isArray(byLocale)) continue;
    const locales = byLocale as Record<string, unknown>;
    const preferred = 'en-US' in locales ? locales['en-US'] : Object.values(locales)[0];
    if (preferred !== undefined && preferred !== null) return preferred;
  }
  return undefined;
}

/** Contentful names the event in X-Contentful-Topic, e.g. ContentManagement.Entry.publish. */
function mapContentful(payload: unknown, request: WebhookRequest): CmsEvent {
  const topic = request.headers['x-contentful-topic']?.trim() ?? '';
  const action = topic.split('.').pop() ?? '';
  if (!/^ContentManagement\.Entry\.\w+$/.test(topic)) {
    if (topic === '') throw new WebhookPayloadError('x-contentful-topic', 'header is required');
    return {
      action: 'ignore',
      eventType: topic,
      reason: 'figcheck checks entries; this topic is not about one',
    };
  }
  const { sys } = parse(z.object({ sys: contentfulSys }), payload);
  if (['unpublish', 'delete', 'archive'].includes(action)) {
    return { action: 'unpublish', eventType: topic, cmsId: sys.id, revisionAt: sys.updatedAt };
  }
  if (action !== 'publish') {
    return {
      action: 'ignore',
      eventType: topic,
      cmsId: sys.id,
      reason: 'a draft change; figcheck checks published entries',
    };
  }
  const { fields } = parse(z.object({ fields: z.record(z.string(), z.unknown().optional()) }), payload);
  const title = localised(fields, ['title', 'headline']);
  const url = localised(fields, ['url', 'canonicalUrl']);
  const published = localised(fields, ['publishDate', 'publishedAt', 'date']);
  const article = parse(z.object({ title: optionalString, url: httpUrl, publishedAt: timestamp }), {
    title,
    url,
    publishedAt: published,
  });
  return {
    action: 'publish',
    eventType: topic,
    cmsId: sys.id,
    revision:
      sys.version === undefined && sys.revision === undefined
        ? undefined
        : String(sys.version ?? sys.revision),
    revisionAt: sys.updatedAt,
    article: requireBody(
      {
        title: article.title,
        ...bodyContent(localised(fields, ['body', 'content', 'text'])),
        url: article.url,
        publishedAt: dateOf(article.publishedAt ?? sys.firstPublishedAt ?? sys.publishedAt),
      },
      'fields.body',
    ),
  };
}

const sanityPayload = z.object({
  _id: id,
  _rev: optionalString,
  _updatedAt: timestamp,
  title: optionalString,
  body: z.unknown().optional(),
  url: httpUrl,
  publishedAt: timestamp,
  operation: optionalString,
});

/** Sanity sends the GROQ projection the webhook is set up with; README gives the one to use. */
function mapSanity(payload: unknown, request: WebhookRequest): CmsEvent {
  const doc = parse(sanityPayload, payload);
  const operation = doc.operation ?? request.headers['sanity-operation']?.trim() ?? 'update';
  if (doc._id.startsWith('drafts.')) {
    return {
      action: 'ignore',
      eventType: operation,
      cmsId: doc._id,
      reason: 'a draft document; figcheck checks published ones',
    };
  }
  if (operation === 'delete') return { action: 'unpublish', eventType: 'delete', cmsId: doc._id };
  return {
    action: 'publish',
    eventType: operation,
    cmsId: doc._id,
    revision: doc._rev,
    revisionAt: doc._updatedAt,
    article: requireBody(
      { title: doc.title, ...bodyContent(doc.body), url: doc.url, publishedAt: dateOf(doc.publishedAt) },
      'body',
    ),
  };
}

const wordpressPost = z.object({
  ID: id,
  post_title: optionalString,
  post_content: optionalString,
  post_status: z.string(),
  post_date_gmt: optionalString,
  post_modified_gmt: optionalString,
});

/** WP Webhooks: the post row as WordPress stores it, with its permalink beside it. */
function mapWordPress(payload: unknown): CmsEvent {
  const parsed = parse(
    z.object({ post_id: id.optional(), post: z.unknown().optional(), post_permalink: httpUrl }),
    payload,
  );
  if (parsed.post === undefined || parsed.post === null) {
    if (parsed.post_id === undefined) throw new WebhookPayloadError('post', 'is required');
    return { action: 'unpublish', eventType: 'post_delete', cmsId: parsed.post_id };
  }
  const post = parse(z.object({ post: wordpressPost }), payload).post;
  const gmt = (value: string | undefined) =>
    value && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/.test(value) && !value.startsWith('0000')
      ? `${value.replace(' ', 'T')}Z`
      : undefined;
  if (post.post_status !== 'publish') {
    return {
      action: 'unpublish',
      eventType: `post_${post.post_status}`,
      cmsId: post.ID,
      revisionAt: gmt(post.post_modified_gmt),
    };
  }
  return {
    action: 'publish',
    eventType: 'post_publish',
    cmsId: post.ID,
    // WP Webhooks sends no revision: figcheck tells revisions apart by their content.
    revisionAt: gmt(post.post_modified_gmt),
    article: requireBody(
      {
        title: post.post_title,
        ...bodyContent(post.post_content),
        url: parsed.post_permalink,
        publishedAt: gmt(post.post_date_gmt)?.slice(0, 10),
      },
      'post.post_content',
    ),
  };
}

const strapiPayload = z.object({
  event: z.string(),
  createdAt: timestamp,
  model: optionalString,
  entry: z.object({
    id,
    documentId: optionalString,
    title: optionalString,
    content: z.unknown().optional(),
    body: z.unknown().optional(),
    url: httpUrl,
    publishedAt: timestamp,
    updatedAt: timestamp,
  }),
});

/** Strapi 4 and 5 webhooks: `entry.publish`, `entry.update`, `entry.unpublish`, `entry.delete`. */
function mapStrapi(payload: unknown): CmsEvent {
  const event = parse(strapiPayload, payload);
  const { entry } = event;
  // Strapi 5 keys a document by documentId across its locales and versions; Strapi 4 by id.
  const cmsId = entry.documentId ?? entry.id;
  if (event.event === 'entry.unpublish' || event.event === 'entry.delete') {
    return {
      action: 'unpublish',
      eventType: event.event,
      cmsId,
      revisionAt: entry.updatedAt ?? event.createdAt,
    };
  }
  if (!['entry.publish', 'entry.update'].includes(event.event) || entry.publishedAt === undefined) {
    return { action: 'ignore', eventType: event.event, cmsId, reason: 'not a published entry' };
  }
  return {
    action: 'publish',
    eventType: event.event,
    cmsId,
    revision: entry.updatedAt,
    revisionAt: entry.updatedAt,
    article: requireBody(
      {
        title: entry.title,
        ...bodyContent(entry.content ?? entry.body),
        url: entry.url,
        publishedAt: dateOf(entry.publishedAt),
      },
      'entry.content',
    ),
  };
}

export function mapDelivery(source: WebhookSource, request: WebhookRequest): CmsEvent {
  const payload = readJson(request.body);
  switch (source) {
    case 'standard':
      return mapStandard(payload);
    case 'ghost':
      return mapGhost(payload);
    case 'contentful':
      return mapContentful(payload, request);
    case 'sanity':
      return mapSanity(payload, request);
    case 'wordpress':
      return mapWordPress(payload);
    case 'strapi':
      return mapStrapi(payload);
  }
}
