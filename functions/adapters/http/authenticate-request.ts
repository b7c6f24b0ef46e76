/**
 * Authenticates a request by its API key (`x-api-key`, or `Authorization: Bearer <key>`) and
 * checks the scope its route needs. Key look-ups are cached briefly per container, so a busy
 * client costs one read per half minute; a revocation takes effect within that time. With a
 * rate limiter, each authenticated request also counts against its client's limit per minute.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type ApiClient, hashApiKey, type Scope } from '../../core/access/index.ts';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from './errors.ts';

export interface ApiKeyLookup {
  findByKey(key: string): Promise<ApiClient | undefined>;
}

export interface Authenticator {
  authenticate(event: APIGatewayProxyEventV2, scope: Scope): Promise<ApiClient>;
}

const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 1000;

/** The cookie the sign-in page sets, so that reviewers' browsers can open the HTML pages. */
export const SESSION_COOKIE = 'figcheck_key';

function headerOf(event: APIGatewayProxyEventV2, wanted: string): string | undefined {
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (name.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The key from the session cookie (API Gateway v2 passes cookies apart from the headers). */
function cookieKey(event: APIGatewayProxyEventV2): string | undefined {
  const cookies = event.cookies ?? headerOf(event, 'cookie')?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function presentedKey(event: APIGatewayProxyEventV2): { key: string; fromCookie: boolean } | undefined {
  const apiKey = headerOf(event, 'x-api-key')?.trim();
  if (apiKey) return { key: apiKey, fromCookie: false };
  const authorization = headerOf(event, 'authorization');
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (bearer) return { key: bearer[1]!, fromCookie: false };
  const fromCookie = cookieKey(event);
  return fromCookie ? { key: fromCookie, fromCookie: true } : undefined;
}

/**
 * A browser sends the session cookie with any request to figcheck, so a state-changing request
 * authenticated by it must come from figcheck's own pages: its Origin must be this host.
 */
export function isSameOrigin(event: APIGatewayProxyEventV2): boolean {
  const origin = headerOf(event, 'origin');
  const host = headerOf(event, 'host') ?? event.requestContext?.domainName;
  // Browsers that withhold the Origin still say where a request came from in Sec-Fetch-Site.
  if (!origin || origin === 'null') return headerOf(event, 'sec-fetch-site') === 'same-origin';
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface RateLimiter {
  readonly perMinute: number;
  take(clientName: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export function createAuthenticator(
  keys: ApiKeyLookup,
  limiter?: RateLimiter,
  now: () => number = Date.now,
): Authenticator {
  const cache = new Map<string, { client: ApiClient | undefined; expiresAt: number }>();
  const lookup = async (key: string) => {
    const id = hashApiKey(key);
    const cached = cache.get(id);
    if (cached && cached.expiresAt > now()) return cached.client;
    const client = await keys.findByKey(key);
    cache.delete(id);
    cache.set(id, { client, expiresAt: now() + CACHE_TTL_MS });
    if (cache.size > CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return client;
  };
  return {
    async authenticate(event, scope) {
      const presented = presentedKey(event);
      if (!presented) {
        throw new UnauthorizedError(
          'send your API key in the x-api-key header or as "Authorization: Bearer <key>"',
        );
      }
      const method = event.requestContext?.http?.method?.toUpperCase() ?? 'GET';
      if (presented.fromCookie && method !== 'GET' && method !== 'HEAD' && !isSameOrigin(event)) {
        throw new ForbiddenError(
          "a request signed in by cookie must come from figcheck's own pages (Origin)",
        );
      }
      const client = await lookup(presented.key);
      if (!client) throw new UnauthorizedError('the API key is not valid');
      if (client.revokedAt)
        throw new UnauthorizedError(`the API key was revoked on ${client.revokedAt.slice(0, 10)}`);
      if (!client.scopes.includes(scope)) {
        throw new ForbiddenError(`the key of client "${client.name}" lacks the scope ${scope}`);
      }
      if (limiter) {
        const decision = await limiter.take(client.name);
        if (!decision.allowed) throw new TooManyRequestsError(decision.retryAfterSeconds, limiter.perMinute);
      }
      return client;
    },
  };
}
