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

function presentedKey(event: APIGatewayProxyEventV2): string | undefined {
  const headers = event.headers ?? {};
  let apiKey: string | undefined;
  let authorization: string | undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-api-key') apiKey = value;
    else if (lower === 'authorization') authorization = value;
  }
  if (apiKey?.trim()) return apiKey.trim();
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return bearer?.[1];
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
      const key = presentedKey(event);
      if (!key) {
        throw new UnauthorizedError(
          'send your API key in the x-api-key header or as "Authorization: Bearer <key>"',
        );
      }
      const client = await lookup(key);
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
