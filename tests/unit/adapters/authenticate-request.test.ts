import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../functions/adapters/http/authenticate-request.ts';
import { problemResponse } from '../../../functions/adapters/http/problem-response.ts';

const event = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEventV2;
const keys = {
  async findByKey(key: string) {
    return key === 'good-key'
      ? { name: 'bot', scopes: ['checks:write' as const], createdAt: '2024-01-01T00:00:00Z' }
      : undefined;
  },
};

describe('createAuthenticator with a rate limiter', () => {
  it('turns a client over its limit into a 429 with Retry-After', async () => {
    const limiter = { perMinute: 2, take: async () => ({ allowed: false, retryAfterSeconds: 17 }) };
    const error = await createAuthenticator(keys, limiter)
      .authenticate(event({ 'x-api-key': 'good-key' }), 'checks:write')
      .catch((e: unknown) => e);
    const response = problemResponse(error, () => {});
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('17');
    expect(JSON.parse(response.body as string).detail).toBe(
      'this client sent more than 2 requests in a minute; retry after 17 s',
    );
  });

  it('does not count requests that fail authentication', async () => {
    let taken = 0;
    const limiter = {
      perMinute: 2,
      take: async () => {
        taken++;
        return { allowed: true, retryAfterSeconds: 60 };
      },
    };
    const auth = createAuthenticator(keys, limiter);
    await expect(auth.authenticate(event({ 'x-api-key': 'bad-key' }), 'checks:write')).rejects.toThrow(
      'not valid',
    );
    await expect(auth.authenticate(event({ 'x-api-key': 'good-key' }), 'facts:write')).rejects.toThrow(
      'lacks the scope',
    );
    expect(taken).toBe(0);
    await auth.authenticate(event({ authorization: 'Bearer good-key' }), 'checks:write');
    expect(taken).toBe(1);
  });
});
