/**
 * Review records of claims, in the articles table beside their article (pk `ARTICLE#<id>`, sk
 * `CLAIM#<claim id>`), and the review queue over them (index byReviewQueue, newest first).
 * Also which articles relied on which fact (pk `FACTUSE#<fact id>`), so that a revised fact's
 * articles can be re-checked.
 */
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CheckResult } from '../../core/model.ts';
import {
  belongsInQueue,
  type ClaimReview,
  carryReviewsOver,
  type QueueFilters,
  type QueueRow,
  type RecheckCause,
} from '../../core/review/index.ts';
import { isConditionFailure } from './is-condition-failure.ts';
import { putItemsInBatches } from './put-items-in-batches.ts';
import { queryAll } from './query-all.ts';

export class InvalidQueueCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidQueueCursorError';
  }
}

export class ReviewConflictError extends Error {
  constructor(claimKey: string) {
    super(`claim ${claimKey} was reviewed by someone else meanwhile; reload it and try again`);
    this.name = 'ReviewConflictError';
  }
}

/** What the review records repeat of their article, for the queue rows. */
export interface ReviewedArticle {
  articleId: string;
  title?: string;
  source?: string;
  checkedAt: string;
}

interface ClaimItem extends ClaimReview {
  pk: string;
  sk: string;
  reviewPk?: string;
  flaggedAt: string;
  articleTitle?: string;
  source?: string;
  claimText: string;
  sentence: string;
  explanation: string;
  verdict: string;
  reviewStatus: string;
  version: number;
  superseded?: boolean;
}

/** The stored record of a claim's review, with the fields a queue row shows. */
function claimItem(
  article: ReviewedArticle,
  claim: CheckResult['claims'][number],
  review: ClaimReview,
  flaggedAt: string,
  version: number,
): ClaimItem {
  return {
    ...review,
    pk: `ARTICLE#${article.articleId}`,
    sk: `CLAIM#${review.claimId}`,
    flaggedAt,
    ...(article.title ? { articleTitle: article.title } : {}),
    ...(article.source ? { source: article.source } : {}),
    claimText: claim.text,
    sentence: claim.sentence,
    explanation: claim.verdict.explanation,
    verdict: review.state.verdict,
    reviewStatus: review.state.status,
    version,
  };
}

/** Splits `<articleId>_<claimId>`; undefined for anything else. */
export function parseClaimKey(claimKey: string): { articleId: string; claimId: string } | undefined {
  const match = /^([0-9a-f-]{36})_(c\d+-\d+)$/.exec(claimKey);
  return match ? { articleId: match[1]!, claimId: match[2]! } : undefined;
}

function toReview(stored: object): ClaimReview {
  const item = stored as Record<string, unknown>;
  return {
    claimKey: item.claimKey as string,
    articleId: item.articleId as string,
    claimId: item.claimId as string,
    machineVerdict: item.machineVerdict as ClaimReview['machineVerdict'],
    state: item.state as ClaimReview['state'],
    history: (item.history ?? []) as ClaimReview['history'],
    ...(item.verdictChange ? { verdictChange: item.verdictChange as ClaimReview['verdictChange'] } : {}),
  };
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key && typeof key === 'object' && key.reviewPk === 'REVIEW' && typeof key.pk === 'string') return key;
  } catch {
    // falls through
  }
  throw new InvalidQueueCursorError();
}

export class DynamoDbReviewStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listForArticle(articleId: string): Promise<ClaimReview[]> {
    const items = await this.claimItems(articleId);
    return items.filter((item) => !item.superseded).map(toReview);
  }

  private async claimItems(articleId: string): Promise<ClaimItem[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :claim)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':claim': 'CLAIM#' },
      ConsistentRead: true,
    });
    return items as unknown as ClaimItem[];
  }

  async get(claimKey: string): Promise<(ClaimReview & { version: number }) | undefined> {
    const key = parseClaimKey(claimKey);
    if (!key) return undefined;
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${key.articleId}`, sk: `CLAIM#${key.claimId}` },
        ConsistentRead: true,
      }),
    );
    if (!Item || Item.superseded) return undefined;
    return { ...toReview(Item), version: Item.version as number };
  }

  /**
   * Records a new check of an article: review records carried over (reopened where the
   * verdict changed), new flagged claims queued, vanished claims superseded, and the facts the
   * check relied on noted for re-checks.
   */
  async recordCheck(
    article: ReviewedArticle,
    result: CheckResult,
    cause: RecheckCause & { firstCheck?: boolean } = {},
    now: Date = new Date(),
  ): Promise<ClaimReview[]> {
    // A brand-new article has no review records yet: no need to read them.
    const existing = cause.firstCheck ? [] : await this.claimItems(article.articleId);
    const live = existing.filter((item) => !item.superseded);
    const { reviews, superseded } = carryReviewsOver(
      article.articleId,
      live.map(toReview),
      result,
      cause,
      now,
    );
    const previous = new Map(existing.map((item) => [item.claimId, item]));
    const claims = new Map(result.claims.map((claim) => [claim.id, claim]));
    const items: Record<string, unknown>[] = reviews.map((review) => {
      const claim = claims.get(review.claimId)!;
      const before = previous.get(review.claimId);
      const reopened = review.verdictChange !== undefined && review.verdictChange !== before?.verdictChange;
      // A claim goes back to the top of the queue when its verdict changed.
      const flaggedAt = reopened || !before ? now.toISOString() : before.flaggedAt;
      const item = claimItem(article, claim, review, flaggedAt, (before?.version ?? 0) + 1);
      if (belongsInQueue(review)) item.reviewPk = 'REVIEW';
      return item as unknown as Record<string, unknown>;
    });
    for (const review of superseded) {
      const { reviewPk: _queued, ...item } = previous.get(review.claimId)!;
      items.push({ ...item, superseded: true, version: item.version + 1 });
    }
    const factIds = new Set(result.claims.flatMap((claim) => claim.verdict.evidence.map((e) => e.factId)));
    for (const factId of factIds) {
      items.push({
        pk: `FACTUSE#${factId}`,
        sk: `ARTICLE#${article.articleId}`,
        articleId: article.articleId,
      });
    }
    await putItemsInBatches(this.client, this.tableName, items);
    return reviews;
  }

  /**
   * A review record for a claim nobody flagged (a supported claim a reviewer wants to act on),
   * created if absent; the existing one if another request created it first.
   */
  async adopt(
    article: ReviewedArticle,
    claim: CheckResult['claims'][number],
    now: Date = new Date(),
  ): Promise<ClaimReview & { version: number }> {
    const review: ClaimReview = {
      claimKey: `${article.articleId}_${claim.id}`,
      articleId: article.articleId,
      claimId: claim.id,
      machineVerdict: claim.verdict.verdict,
      state: { status: 'open', verdict: claim.verdict.verdict },
      history: [],
    };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: claimItem(article, claim, review, now.toISOString(), 1),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { ...review, version: 1 };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(review.claimKey))!;
    }
  }

  /**
   * Removes what `recordCheck` wrote for an article whose own write then failed, so that the
   * queue shows no claims of an article that was not stored. Only for a first check.
   */
  async forgetFirstCheck(articleId: string, result: CheckResult): Promise<void> {
    const keys = [
      ...result.claims.map((claim) => ({ pk: `ARTICLE#${articleId}`, sk: `CLAIM#${claim.id}` })),
      ...new Set(result.claims.flatMap((claim) => claim.verdict.evidence.map((e) => e.factId))),
    ].map((key) => (typeof key === 'string' ? { pk: `FACTUSE#${key}`, sk: `ARTICLE#${articleId}` } : key));
    for (let i = 0; i < keys.length; i += 25) {
      let requests = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      while (requests.length > 0) {
        const page = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (page.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  /** Stores a reviewer's action, unless someone else changed the claim since it was read. */
  async saveReview(review: ClaimReview, readVersion: number): Promise<void> {
    const key = parseClaimKey(review.claimKey)!;
    const queued = belongsInQueue(review);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: await this.withRowFields(key, review, readVersion + 1, queued),
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': readVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ReviewConflictError(review.claimKey);
      throw error;
    }
  }

  private async withRowFields(
    key: { articleId: string; claimId: string },
    review: ClaimReview,
    version: number,
    queued: boolean,
  ): Promise<Record<string, unknown>> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `ARTICLE#${key.articleId}`, sk: `CLAIM#${key.claimId}` },
        ConsistentRead: true,
      }),
    );
    const { reviewPk: _queued, ...current } = (Item ?? {}) as Record<string, unknown>;
    return {
      ...current,
      ...review,
      verdict: review.state.verdict,
      reviewStatus: review.state.status,
      version,
      ...(queued ? { reviewPk: 'REVIEW' } : {}),
    };
  }

  /** Flagged claims across articles, newest first, filtered; `cursor` continues a previous page. */
  async queue(
    filters: QueueFilters,
    limit: number,
    cursor?: string,
  ): Promise<{ rows: QueueRow[]; next?: string }> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':review': 'REVIEW' };
    const names: Record<string, string> = {};
    for (const [field, attribute] of [
      ['verdict', 'verdict'],
      ['status', 'reviewStatus'],
      ['source', 'source'],
    ] as const) {
      const wanted = filters[field];
      if (wanted === undefined) continue;
      names[`#${field}`] = attribute;
      values[`:${field}`] = wanted;
      conditions.push(`#${field} = :${field}`);
    }
    let keyCondition = 'reviewPk = :review';
    if (filters.since || filters.until) {
      values[':since'] = filters.since ?? '0000';
      // Every time on the `until` day sorts below "<until>T~".
      values[':until'] = filters.until ? `${filters.until}T~` : '9999';
      keyCondition += ' AND flaggedAt BETWEEN :since AND :until';
    }
    const rows: QueueRow[] = [];
    let startKey = cursor ? decodeCursor(cursor) : undefined;
    let lastKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byReviewQueue',
          KeyConditionExpression: keyCondition,
          FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
          ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.max(limit * 2, 25),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (rows.length === limit) break;
        rows.push({
          claimKey: item.claimKey,
          articleId: item.articleId,
          claimId: item.claimId,
          articleTitle: item.articleTitle,
          source: item.source,
          claimText: item.claimText,
          sentence: item.sentence,
          verdict: item.verdict,
          status: item.reviewStatus,
          explanation: item.explanation,
          flaggedAt: item.flaggedAt,
          ...(item.verdictChange ? { verdictChange: item.verdictChange } : {}),
        });
        lastKey = { reviewPk: 'REVIEW', flaggedAt: item.flaggedAt, pk: item.pk, sk: item.sk };
      }
      startKey = page.LastEvaluatedKey;
    } while (rows.length < limit && startKey);
    // More may follow when the page filled up before the index ran out.
    const next = rows.length === limit && (startKey || lastKey) ? encodeCursor(lastKey!) : undefined;
    return { rows, next };
  }

  /** The articles whose checks relied on any of these facts. */
  async articlesUsingFacts(factIds: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const factId of factIds) {
      const items = await queryAll(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `FACTUSE#${factId}` },
      });
      for (const item of items) found.add(item.articleId as string);
    }
    return [...found];
  }
}
