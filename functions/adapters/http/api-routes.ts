/**
 * Which function serves which HTTP API route. The CDK service stack adds exactly these routes
 * to the HTTP API, and the local API Gateway stand-in dispatches by them, so the deployed and the
 * local API cannot drift. Plain data: safe to import from infra and from Lambda bundles.
 */

import type { Scope } from '../../core/access/index.ts';

export type FunctionName = 'api' | 'facts-api' | 'webhooks';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `{name}` for a path parameter. */
  path: string;
  function: FunctionName;
  /** The API key scope a client needs; null for a route without an API key by design. */
  scope: Scope | null;
  /** How a route without an API key authenticates its caller, if it does. */
  authenticatedBy?: string;
  /** An HTML page: a visitor without a key is sent to the sign-in page instead of a 401. */
  page?: boolean;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'POST', path: '/v1/checks', function: 'api', scope: 'checks:write' },
  { method: 'POST', path: '/v1/batches', function: 'api', scope: 'checks:write' },
  { method: 'GET', path: '/v1/batches/{id}', function: 'api', scope: 'articles:read' },
  { method: 'GET', path: '/v1/articles', function: 'api', scope: 'articles:read' },
  { method: 'GET', path: '/v1/articles/{id}', function: 'api', scope: 'articles:read' },
  { method: 'GET', path: '/v1/articles/{id}/report', function: 'api', scope: 'articles:read', page: true },
  { method: 'GET', path: '/v1/articles/{id}/claimreview', function: 'api', scope: 'articles:read' },
  { method: 'GET', path: '/v1/review', function: 'api', scope: 'articles:read', page: true },
  { method: 'GET', path: '/v1/review.csv', function: 'api', scope: 'articles:read' },
  { method: 'POST', path: '/v1/claims/{id}/reviews', function: 'api', scope: 'reviews:write' },
  { method: 'GET', path: '/v1/login', function: 'api', scope: null },
  {
    method: 'POST',
    path: '/v1/login',
    function: 'api',
    scope: null,
    authenticatedBy: 'the API key typed into the sign-in form',
  },
  { method: 'POST', path: '/v1/logout', function: 'api', scope: null },
  { method: 'GET', path: '/health', function: 'api', scope: null },
  { method: 'GET', path: '/v1/openapi.json', function: 'api', scope: null },
  { method: 'GET', path: '/v1/facts', function: 'facts-api', scope: 'facts:read' },
  { method: 'PUT', path: '/v1/facts', function: 'facts-api', scope: 'facts:write' },
  { method: 'GET', path: '/v1/facts/{id}', function: 'facts-api', scope: 'facts:read' },
  {
    method: 'POST',
    path: '/v1/webhooks/{source}',
    function: 'webhooks',
    scope: null,
    authenticatedBy: "the CMS's signature over the raw body, verified in the function",
  },
];

/** The function whose routes own this path (any method), as API Gateway would pick it. */
export function functionForPath(path: string): FunctionName | undefined {
  for (const route of API_ROUTES) {
    const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return route.function;
  }
  return undefined;
}
