/**
 * The webhook receiver: `POST /v1/webhooks/{source}` from a newsroom CMS. It verifies the
 * signature over the raw body before reading it, maps the payload to an article revision,
 * stores it and queues its check, and answers 202 at once: the worker does the checking, so the
 * answer comes well inside a CMS's timeout (Ghost allows 2 s). Each revision is checked once
 * however often it is delivered; unpublish and delete events are recorded, not checked.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { readWebhookConfig } from '../adapters/config.ts';
import { createDocumentClient } from '../adapters/dynamodb/create-document-client.ts';
import { DynamoDbRevisionStore, type StoredRevision } from '../adapters/dynamodb/dynamodb-revision-store.ts';
import { articleLinks } from '../adapters/http/article-links.ts';
import { PayloadTooLargeError, ResourceNotFoundError } from '../adapters/http/errors.ts';
import { jsonResponse } from '../adapters/http/problem-response.ts';
import { MAX_BODY_BYTES } from '../adapters/http/read-json-body.ts';
import { createRouter } from '../adapters/http/route-request.ts';
import { logInfo } from '../adapters/log.ts';
import { createArticleQueue } from '../adapters/queue/article-queue.ts';
import { SecretSettings } from '../adapters/webhooks/secret-settings.ts';
import { extractArticleText } from '../core/html/index.ts';
import {
  articleIdFor,
  type CmsEvent,
  contentHashOf,
  isWebhookSource,
  mapDelivery,
  parseWebhookSecrets,
  revisionKeyOf,
  type VerifiedDelivery,
  verifyDelivery,
  WEBHOOK_SOURCES,
  type WebhookRequest,
  WebhookSignatureError,
  type WebhookSource,
} from '../core/webhooks/index.ts';

const config = readWebhookConfig();
const revisions = new DynamoDbRevisionStore(createDocumentClient(), config.articlesTable);
const queue = createArticleQueue(config.articleQueueUrl);
const secrets = SecretSettings.fromEnvironment(
  process.env,
  { value: 'FIGCHECK_WEBHOOK_SECRETS', arn: 'FIGCHECK_WEBHOOK_SECRETS_ARN' },
  parseWebhookSecrets,
);

function webhookRequest(event: APIGatewayProxyEventV2): WebhookRequest {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return {
    method: event.requestContext.http.method,
    path: event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath,
    headers,
    body: bytes.toString('utf8'),
  };
}

/** Verifies with the cached secrets, and once more with fresh ones in case they were rotated. */
async function verify(source: WebhookSource, request: WebhookRequest): Promise<VerifiedDelivery> {
  try {
    return verifyDelivery(source, request, (await secrets.get())[source] ?? []);
  } catch (error) {
    if (!(error instanceof WebhookSignatureError) || !(await secrets.refresh())) throw error;
    return verifyDelivery(source, request, (await secrets.get())[source] ?? []);
  }
}

function accepted(
  event: APIGatewayProxyEventV2,
  articleId: string,
  body: Record<string, unknown>,
): APIGatewayProxyResultV2 {
  return jsonResponse(202, { articleId, ...body, links: articleLinks(articleId, event, config.publicUrl) });
}

/** A revision still waiting for its check is queued again: its first message may have been lost. */
async function requeueIfWaiting(revision: StoredRevision | undefined): Promise<void> {
  if (revision?.status === 'queued') {
    await queue.send([{ articleId: revision.articleId, revision: revision.revisionKey }]);
  }
}

async function acceptRevision(
  source: WebhookSource,
  event: Extract<CmsEvent, { action: 'publish' }>,
  deliveryId: string | undefined,
) {
  const extracted = event.article.html === undefined ? undefined : extractArticleText(event.article.html);
  const receivedAt = new Date().toISOString();
  const contentHash = contentHashOf(event.article);
  const articleId = articleIdFor(source, event.cmsId);
  const outcome = await revisions.accept({
    articleId,
    revisionKey: revisionKeyOf(event.revision, contentHash),
    source,
    cmsId: event.cmsId,
    eventType: event.eventType,
    deliveryId,
    receivedAt,
    revisionAt: event.revisionAt ?? receivedAt,
    contentHash,
    title: event.article.title ?? extracted?.title ?? undefined,
    url: event.article.url,
    publishedAt: event.article.publishedAt ?? (event.revisionAt ?? receivedAt).slice(0, 10),
    text: extracted?.text ?? event.article.text ?? '',
  });
  if (outcome.outcome === 'accepted' && outcome.revision.status === 'queued') {
    await queue.send([{ articleId, revision: outcome.revision.revisionKey }]);
  } else if (outcome.outcome === 'duplicate') {
    await requeueIfWaiting(outcome.revision);
  }
  return outcome;
}

async function receive(
  event: APIGatewayProxyEventV2,
  params: Record<string, string>,
): Promise<APIGatewayProxyResultV2> {
  const source = params.source!;
  if (!isWebhookSource(source)) {
    throw new ResourceNotFoundError(
      `no webhook source "${source}"; use one of ${WEBHOOK_SOURCES.join(', ')}`,
    );
  }
  const request = webhookRequest(event);
  const delivery = await verify(source, request);
  if (delivery.replayKey !== undefined && (await revisions.signatureSeen(source, delivery.replayKey))) {
    throw new WebhookSignatureError(
      'this signed request was already received: a replay (a CMS signs each retry anew)',
    );
  }
  if (delivery.deliveryId !== undefined) {
    const known = await revisions.findDelivery(source, delivery.deliveryId);
    if (known) {
      const revision =
        known.revisionKey === undefined
          ? undefined
          : await revisions.getRevision(known.articleId, known.revisionKey);
      await requeueIfWaiting(revision);
      logInfo('webhook redelivered', { source, articleId: known.articleId, revision: known.revisionKey });
      return accepted(event, known.articleId, {
        revision: known.revisionKey,
        status: revision?.status ?? 'recorded',
        duplicate: true,
      });
    }
  }
  const cmsEvent = mapDelivery(source, request);
  let response: APIGatewayProxyResultV2;
  let target: { articleId: string; revisionKey?: string } | undefined;
  if (cmsEvent.action === 'ignore') {
    response = jsonResponse(202, { status: 'ignored', event: cmsEvent.eventType, reason: cmsEvent.reason });
  } else if (cmsEvent.action === 'unpublish') {
    const articleId = articleIdFor(source, cmsEvent.cmsId);
    await revisions.recordEvent(articleId, source, cmsEvent.cmsId, {
      eventType: cmsEvent.eventType,
      receivedAt: new Date().toISOString(),
      deliveryId: delivery.deliveryId,
    });
    target = { articleId };
    response = accepted(event, articleId, {
      status: 'recorded',
      event: cmsEvent.eventType,
      duplicate: false,
    });
  } else {
    const outcome = await acceptRevision(source, cmsEvent, delivery.deliveryId);
    const { articleId, revisionKey, status } = outcome.revision;
    target = { articleId, revisionKey };
    response = accepted(event, articleId, {
      revision: revisionKey,
      status,
      duplicate: outcome.outcome === 'duplicate',
    });
  }
  // Remembered only once the delivery is safely stored: a sender retrying after a failure here
  // is not mistaken for a replay.
  if (delivery.deliveryId !== undefined && target) {
    await revisions.recordDelivery(source, delivery.deliveryId, target);
  }
  if (delivery.replayKey !== undefined) await revisions.rememberSignature(source, delivery.replayKey);
  logInfo('webhook received', { source, event: cmsEvent.eventType, ...target });
  return response;
}

export const handler = createRouter('webhooks', { 'POST /v1/webhooks/{source}': receive }, undefined);
