/**
 * Makes a POST route idempotent under the `Idempotency-Key` header: the first request with a key
 * is processed and its response kept; a retry with the same key and body gets that response
 * again (with `idempotent-replayed: true`) and writes nothing; the same key with another body is
 * a 422, and a retry while the first is still running a 409.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Claim, StoredResponse } from '../dynamodb/dynamodb-idempotency-store.ts';
import { logError } from '../log.ts';
import { IdempotencyConflictError, RequestValidationError } from './errors.ts';
import type { RouteHandler } from './route-request.ts';

export interface IdempotencyStore {
  claim(clientName: string, key: string, requestHash: string): Promise<Claim>;
  complete(clientName: string, key: string, response: StoredResponse): Promise<void>;
  release(clientName: string, key: string): Promise<void>;
}

function idempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (name.toLowerCase() === 'idempotency-key') return value;
  }
  return undefined;
}

export function withIdempotency(store: IdempotencyStore, handle: RouteHandler): RouteHandler {
  return async (event, params, client) => {
    const key = idempotencyKey(event);
    if (key === undefined || client === undefined) return handle(event, params, client);
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new RequestValidationError('the Idempotency-Key header must be 1-255 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
      ]);
    }
    const requestHash = createHash('sha256')
      .update(event.body ?? '')
      .digest('hex');
    const claim = await store.claim(client.name, key, requestHash);
    if (claim.state !== 'claimed') {
      if (claim.requestHash !== requestHash) {
        throw new IdempotencyConflictError(
          422,
          'this Idempotency-Key was used with a different request body',
        );
      }
      if (claim.state === 'in_progress') {
        throw new IdempotencyConflictError(
          409,
          'a request with this Idempotency-Key is still being processed; retry shortly',
        );
      }
      return {
        statusCode: claim.response.statusCode,
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' },
        body: claim.response.body,
      };
    }
    // Bookkeeping that fails (DynamoDB throttling it too) must not change the answer: a key not
    // released frees itself when its claim's lease ends, and work that was done is reported done,
    // since an error would invite a retry that does it again.
    const settle = (bookkeeping: Promise<void>) =>
      bookkeeping.catch((error: unknown) => logError('Idempotency-Key bookkeeping failed', error));
    let result: Awaited<ReturnType<RouteHandler>>;
    try {
      result = await handle(event, params, client);
    } catch (error) {
      await settle(store.release(client.name, key));
      throw error;
    }
    if (typeof result === 'object' && (result.statusCode ?? 200) < 300) {
      await settle(
        store.complete(client.name, key, {
          statusCode: result.statusCode ?? 200,
          body: result.body ?? '',
        }),
      );
    } else {
      await settle(store.release(client.name, key));
    }
    return result;
  };
}
