/**
 * The check use case: extract an article's claims, look up their reference facts in one round,
 * and decide a verdict for each.
 */
import { checkClaims } from './checking/index.ts';
import { extractClaims } from './extraction/index.ts';
import type { ArticleInput, CheckResult, MetricAlias } from './model.ts';
import type { ReferenceStore } from './ports.ts';

export async function checkArticle(
  article: ArticleInput,
  store: ReferenceStore,
  options: { metricAliases?: readonly MetricAlias[] } = {},
): Promise<CheckResult> {
  const claims = extractClaims(article.text, {
    publishedAt: article.publishedAt,
    metricAliases: options.metricAliases,
  });
  return checkClaims(claims, { publishedAt: article.publishedAt }, store);
}
