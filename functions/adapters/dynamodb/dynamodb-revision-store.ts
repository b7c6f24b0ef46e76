/**
 * What the articles table keeps about CMS webhooks, beside the article itself (ARTICLE#id/RESULT,
 * which always shows the newest revision):
 * - ARTICLE#id/REVISION#<key>: each version of the story, with its own check result; written
 *   only if absent, so parallel deliveries of one revision create it once;
 * - ARTICLE#id/EVENT#<at>#<type>: unpublish and delete events, recorded, not checked;
 * - WEBHOOK#<source>#DELIVERY#<id>: the sender's delivery ids, kept 7 days for redeliveries;
 * - WEBHOOK#<source>#SIGNATURE#<digest>: signatures already accepted, kept past the 5-minute
 *   timestamp window, so a captured request cannot be replayed.
 */
import { createHash } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CheckResult } from '../../core/model.ts';
import type { WebhookSource } from '../../core/webhooks/index.ts';
import { isConditionFailure } from './is-condition-failure.ts';

const DELIVERY_RETENTION_SECONDS = 7 * 24 * 3600;
const SIGNATURE_RETENTION_SECONDS = 3600;

export type RevisionStatus = 'queued' | 'checking' | 'checked' | 'unchanged';

export interface WebhookRevision {
  articleId: string;
  revisionKey: string;
  source: WebhookSource;
  cmsId: string;
  eventType: string;
  deliveryId?: string;
  receivedAt: string;
  /** When the CMS changed the story; orders revisions arriving out of order. */
  revisionAt: string;
  contentHash: string;
  title?: string;
  url?: string;
  publishedAt: string;
  text: string;
}

export interface StoredRevision extends WebhookRevision {
  status: RevisionStatus;
  checkedAt?: string;
  result?: CheckResult;
  summary?: Record<string, number>;
  /** For an unchanged revision: the revision whose check covers this content. */
  sameAs?: string;
  checkCount?: number;
  callbackStatus?: 'pending' | 'delivered' | 'retrying' | 'failed';
  callbackAttempts?: CallbackAttempt[];
}

export interface CallbackAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status, absent when it could not be reached. */
  status?: number;
  error?: string;
  durationMs: number;
}

export interface RevisionSummary {
  revisionKey: string;
  eventType: string;
  receivedAt: string;
  revisionAt: string;
  status: RevisionStatus;
  checkedAt?: string;
  summary?: Record<string, number>;
  sameAs?: string;
  callbackStatus?: string;
}

export interface RecordedEvent {
  eventType: string;
  receivedAt: string;
  deliveryId?: string;
}

export type AcceptOutcome =
  | { outcome: 'accepted'; revision: StoredRevision }
  | { outcome: 'duplicate'; revision: StoredRevision };

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export class DynamoDbRevisionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Sends a conditional write; false when its condition did not hold. */
  private async conditionally(command: PutCommand | UpdateCommand): Promise<boolean> {
    try {
      await this.client.send(command as UpdateCommand);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The article and revision a delivery id was accepted as, if it was. */
  async findDelivery(
    source: WebhookSource,
    deliveryId: string,
  ): Promise<{ articleId: string; revisionKey?: string } | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `WEBHOOK#${source}#DELIVERY#${deliveryId}`, sk: 'DELIVERY' },
        ConsistentRead: true,
      }),
    );
    return Item
      ? { articleId: Item.articleId as string, revisionKey: Item.revisionKey as string | undefined }
      : undefined;
  }

  async recordDelivery(
    source: WebhookSource,
    deliveryId: string,
    target: { articleId: string; revisionKey?: string },
    now = new Date(),
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `WEBHOOK#${source}#DELIVERY#${deliveryId}`,
          sk: 'DELIVERY',
          ...target,
          receivedAt: now.toISOString(),
          expiresAt: epochSeconds(now) + DELIVERY_RETENTION_SECONDS,
        },
      }),
    );
  }

  private signatureKey(source: WebhookSource, replayKey: string) {
    const digest = createHash('sha256').update(replayKey).digest('hex');
    return { pk: `WEBHOOK#${source}#SIGNATURE#${digest}`, sk: 'SIGNATURE' };
  }

  async signatureSeen(source: WebhookSource, replayKey: string): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: this.signatureKey(source, replayKey),
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }

  async rememberSignature(source: WebhookSource, replayKey: string, now = new Date()): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...this.signatureKey(source, replayKey),
          expiresAt: epochSeconds(now) + SIGNATURE_RETENTION_SECONDS,
        },
      }),
    );
  }

  /**
   * Stores a revision unless it exists, and makes it the article's current version unless a
   * newer one is already there. Content identical to the current checked version is stored as
   * `unchanged`, pointing at the revision whose check covers it, and is not checked again.
   */
  async accept(revision: WebhookRevision): Promise<AcceptOutcome> {
    const key = { pk: `ARTICLE#${revision.articleId}` };
    const { Item: current } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { ...key, sk: 'RESULT' },
        ConsistentRead: true,
        ProjectionExpression: 'contentHash, latestRevision, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    const unchanged = current?.contentHash === revision.contentHash && current?.latestRevision !== undefined;
    const stored: StoredRevision = {
      ...revision,
      status: unchanged ? 'unchanged' : 'queued',
      ...(unchanged ? { sameAs: current!.latestRevision as string } : {}),
    };
    const created = await this.conditionally(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key, sk: `REVISION#${revision.revisionKey}`, ...stored },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    if (!created) {
      const existing = await this.getRevision(revision.articleId, revision.revisionKey);
      return { outcome: 'duplicate', revision: existing! };
    }
    if (!unchanged) await this.makeCurrent(revision);
    return { outcome: 'accepted', revision: stored };
  }

  private async makeCurrent(revision: WebhookRevision): Promise<void> {
    // A revision without a title or URL removes the previous one's rather than storing null.
    const optional = { set: '', remove: '', values: {} as Record<string, string> };
    for (const [name, value] of [
      ['title', revision.title],
      ['url', revision.url],
    ] as const) {
      if (value === undefined) optional.remove += `, #${name}`;
      else {
        optional.set += `, #${name} = :${name}`;
        optional.values[`:${name}`] = value;
      }
    }
    // An older revision arriving late is kept and checked, but does not replace the newer one.
    await this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${revision.articleId}`, sk: 'RESULT' },
        UpdateExpression:
          'SET listPk = :list, articleId = :id, #status = :queued, checkedAt = :received, #source = :source, ' +
          'cmsId = :cmsId, cmsStatus = :published, publishedAt = :publishedAt, #text = :text, ' +
          `contentHash = :hash, latestRevision = :key, latestRevisionAt = :at${optional.set} ` +
          `REMOVE #result, summary${optional.remove}`,
        ConditionExpression: 'attribute_not_exists(latestRevisionAt) OR latestRevisionAt <= :at',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#source': 'source',
          '#url': 'url',
          '#text': 'text',
          '#result': 'result',
          '#title': 'title',
        },
        ExpressionAttributeValues: {
          ':list': 'ARTICLE',
          ':id': revision.articleId,
          ':queued': 'queued',
          ':received': revision.receivedAt,
          ':source': revision.source,
          ':cmsId': revision.cmsId,
          ':published': 'published',
          ...optional.values,
          ':publishedAt': revision.publishedAt,
          ':text': revision.text,
          ':hash': revision.contentHash,
          ':key': revision.revisionKey,
          ':at': revision.revisionAt,
        },
      }),
    );
  }

  async getRevision(articleId: string, revisionKey: string): Promise<StoredRevision | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: `REVISION#${revisionKey}` },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...revision } = Item;
    return revision as StoredRevision;
  }

  /**
   * Takes a queued revision for checking, so that however many messages name it, one worker
   * checks it. A claim expires after `leaseMs` (a worker that crashed), shorter than the queue's
   * visibility timeout so that the redelivered message finds it free.
   */
  async claim(articleId: string, revisionKey: string, leaseMs: number, now = new Date()): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: `REVISION#${revisionKey}` },
        UpdateExpression: 'SET #status = :checking, claimedUntil = :until',
        ConditionExpression: '#status = :queued OR (#status = :checking AND claimedUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':checking': 'checking',
          ':queued': 'queued',
          ':until': now.getTime() + leaseMs,
          ':now': now.getTime(),
        },
      }),
    );
  }

  /**
   * Stores a revision's check, and on the article too while it is the current revision;
   * true when it was.
   */
  async complete(
    articleId: string,
    revisionKey: string,
    result: CheckResult,
    callback: boolean,
    now = new Date(),
  ): Promise<boolean> {
    // The same fields on both items: the revision's own record, and the article's current state.
    const set = 'SET #status = :checked, #result = :result, summary = :summary, checkedAt = :at';
    const names = { '#status': 'status', '#result': 'result' };
    const values = {
      ':checked': 'checked',
      ':result': result,
      ':summary': result.summary,
      ':at': now.toISOString(),
    };
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: `REVISION#${revisionKey}` },
        UpdateExpression: `${set}${callback ? ', callbackStatus = :pending' : ''} REMOVE claimedUntil ADD checkCount :one`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':one': 1, ...(callback ? { ':pending': 'pending' } : {}) },
      }),
    );
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' },
        UpdateExpression: set,
        ConditionExpression: 'latestRevision = :key',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':key': revisionKey },
      }),
    );
  }

  async recordCallbackAttempt(
    articleId: string,
    revisionKey: string,
    attempt: CallbackAttempt,
    status: 'delivered' | 'retrying' | 'failed',
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: `REVISION#${revisionKey}` },
        UpdateExpression:
          'SET callbackAttempts = list_append(if_not_exists(callbackAttempts, :empty), :attempt), callbackStatus = :status',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':empty': [],
          ':attempt': [Object.fromEntries(Object.entries(attempt).filter(([, v]) => v !== undefined))],
          ':status': status,
        },
      }),
    );
  }

  /** Records an unpublish or delete; the article, if figcheck has it, is marked unpublished. */
  async recordEvent(
    articleId: string,
    source: WebhookSource,
    cmsId: string,
    event: RecordedEvent,
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `ARTICLE#${articleId}`,
          sk: `EVENT#${event.receivedAt}#${event.eventType}`,
          source,
          cmsId,
          ...event,
        },
      }),
    );
    await this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${articleId}`, sk: 'RESULT' },
        UpdateExpression: 'SET cmsStatus = :unpublished, cmsStatusAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':unpublished': 'unpublished', ':at': event.receivedAt },
      }),
    );
  }

  /** The article's revisions (oldest first) and its recorded events, without their texts. */
  async history(articleId: string): Promise<{ revisions: RevisionSummary[]; events: RecordedEvent[] }> {
    const revisions: RevisionSummary[] = [];
    const events: RecordedEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk > :after',
          ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':after': 'EVENT#' },
          ProjectionExpression:
            'sk, revisionKey, eventType, receivedAt, revisionAt, #status, checkedAt, summary, sameAs, callbackStatus, deliveryId',
          ExpressionAttributeNames: { '#status': 'status' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sk = item.sk as string;
        if (sk.startsWith('EVENT#')) {
          events.push({
            eventType: item.eventType as string,
            receivedAt: item.receivedAt as string,
            deliveryId: item.deliveryId as string | undefined,
          });
        } else if (sk.startsWith('REVISION#')) {
          const { sk: _sk, deliveryId: _delivery, ...summary } = item;
          revisions.push(summary as RevisionSummary);
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    revisions.sort(
      (a, b) => a.revisionAt.localeCompare(b.revisionAt) || a.receivedAt.localeCompare(b.receivedAt),
    );
    events.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    return { revisions, events };
  }
}
