/**
 * schema.org ClaimReview JSON-LD for an article's checked claims, as search engines and
 * fact-check aggregators read it. By default only claims a reviewer confirmed or corrected are
 * published; the machine's unreviewed verdicts are not a fact-check.
 */
import type { Graph, ClaimReview as SchemaClaimReview } from 'schema-dts';
import type { CheckResult, VerdictLabel } from '../model.ts';
import type { ClaimReview } from './model.ts';

/** The rating each verdict publishes as: a 1-5 scale, with its name as alternateName. */
const RATINGS: Record<VerdictLabel, { value: number; name: string }> = {
  contradicted: { value: 1, name: 'False' },
  outdated: { value: 2, name: 'Outdated' },
  ambiguous: { value: 3, name: 'Ambiguous' },
  unverifiable: { value: 3, name: 'Unverifiable' },
  supported: { value: 5, name: 'True' },
};

export interface ClaimReviewOptions {
  author: { name: string; url?: string };
  /** The report page, whose `#claim-<id>` anchors are each review's URL. */
  reportUrl: string;
  /** Publish unreviewed (machine) verdicts too. */
  all: boolean;
}

export interface ReviewedArticle {
  title?: string;
  url?: string;
  publishedAt: string;
  checkedAt: string;
}

export function claimReviewJsonLd(
  article: ReviewedArticle,
  result: CheckResult,
  reviews: Readonly<Record<string, ClaimReview>>,
  options: ClaimReviewOptions,
): Graph {
  const graph: SchemaClaimReview[] = [];
  for (const claim of result.claims) {
    const review = reviews[claim.id];
    const reviewed = review?.state.status === 'confirmed' || review?.state.status === 'corrected';
    if (!reviewed && !options.all) continue;
    const verdict = reviewed ? review.state.verdict : claim.verdict.verdict;
    const rating = RATINGS[verdict];
    const decided = reviewed ? (review.history.at(-1)?.at ?? article.checkedAt) : article.checkedAt;
    const explanation =
      review?.state.status === 'corrected'
        ? [
            review.history.at(-1)?.note,
            review.state.correctedValue ? `The right figure: ${review.state.correctedValue}.` : '',
          ]
            .filter(Boolean)
            .join(' ')
        : claim.verdict.explanation;
    graph.push({
      '@type': 'ClaimReview',
      url: `${options.reportUrl}#claim-${claim.id}`,
      claimReviewed: claim.sentence,
      datePublished: decided.slice(0, 10),
      author: {
        '@type': 'Organization',
        name: options.author.name,
        ...(options.author.url ? { url: options.author.url } : {}),
      },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: rating.value,
        bestRating: 5,
        worstRating: 1,
        alternateName: rating.name,
        ratingExplanation: explanation,
      },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: article.publishedAt,
        appearance: {
          '@type': 'CreativeWork',
          ...(article.url ? { url: article.url } : {}),
          ...(article.title ? { headline: article.title } : {}),
          datePublished: article.publishedAt,
        },
      },
    });
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}
