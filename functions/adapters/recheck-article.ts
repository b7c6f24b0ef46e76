/**
 * Checks a stored article again after reference facts it relied on were revised, with the facts
 * as they are now (no cache), and records the new verdicts: a verdict that changed is marked so
 * and its claim goes back to the review queue. The worker does this for queued re-checks; the
 * CLI does it in-process after a facts import.
 */
import { checkArticle } from '../core/index.ts';
import type { MetricAlias } from '../core/model.ts';
import type { ReferenceStore } from '../core/ports.ts';
import type { DynamoDbArticleStore } from './dynamodb/dynamodb-article-store.ts';
import type { DynamoDbReviewStore } from './dynamodb/dynamodb-review-store.ts';

export interface RecheckDependencies {
  articles: DynamoDbArticleStore;
  reviews: DynamoDbReviewStore;
  /** The facts table itself: a re-check must not see a cached answer from before the revision. */
  facts: ReferenceStore;
  metricAliases: () => Promise<readonly MetricAlias[]>;
}

/** The number of claims whose verdict changed, or undefined when the article is not checked. */
export async function recheckArticle(
  articleId: string,
  factIds: readonly string[],
  deps: RecheckDependencies,
): Promise<number | undefined> {
  const article = await deps.articles.get(articleId);
  if (!article?.result) return undefined;
  const result = await checkArticle({ text: article.text, publishedAt: article.publishedAt }, deps.facts, {
    metricAliases: await deps.metricAliases(),
  });
  const before = new Map(article.result.claims.map((claim) => [claim.id, claim.verdict.verdict]));
  await deps.articles.replaceResult(articleId, result);
  await deps.reviews.recordCheck(
    { articleId, title: article.title, source: article.source, checkedAt: article.checkedAt },
    result,
    { factIds, previousVerdicts: Object.fromEntries(before) },
  );
  return result.claims.filter((claim) => before.get(claim.id) !== claim.verdict.verdict).length;
}
