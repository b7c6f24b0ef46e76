/**
 * How figcheck names what a CMS sends: one article per story (source and CMS id), one revision
 * per version of its content. Both are derived, not looked up, so that parallel deliveries of the
 * same story agree without coordination.
 */
import { createHash } from 'node:crypto';
import type { CmsArticle } from './map-delivery.ts';
import type { WebhookSource } from './sources.ts';

/** A UUID-shaped id, the same for every delivery about this story from this source. */
export function articleIdFor(source: WebhookSource, cmsId: string): string {
  const hex = createHash('sha256').update(`figcheck-webhook\n${source}\n${cmsId}`).digest('hex');
  // Version 8 (custom) and the RFC 9562 variant, so it reads as a UUID everywhere.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}

/** A digest of what is checked: the title and the body as sent. */
export function contentHashOf(article: CmsArticle): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify([article.title ?? '', article.html ?? '', article.text ?? '']))
    .digest('hex')}`;
}

/** The CMS's revision where it sends one, else the content hash: a redelivery maps to the same key. */
export function revisionKeyOf(revision: string | undefined, contentHash: string): string {
  return revision === undefined || revision === '' ? contentHash : `rev:${revision}`;
}
