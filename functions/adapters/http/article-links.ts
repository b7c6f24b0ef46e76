/**
 * Links to an article, as the API returns them: a path for API clients and an absolute URL of
 * its report for people and CMSs (FIGCHECK_PUBLIC_URL, else the host the request came to).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function articlePath(articleId: string): string {
  return `/v1/articles/${encodeURIComponent(articleId)}`;
}

export function reportUrl(articleId: string, baseUrl: string): string {
  return `${baseUrl}${articlePath(articleId)}`;
}

export function baseUrlOf(event: APIGatewayProxyEventV2, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const scheme = event.headers?.['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${scheme}://${event.requestContext.domainName}`;
}

export function articleLinks(
  articleId: string,
  event: APIGatewayProxyEventV2,
  publicUrl: string | undefined,
): { article: string; report: string } {
  return { article: articlePath(articleId), report: reportUrl(articleId, baseUrlOf(event, publicUrl)) };
}
