/**
 * Injects the DynamoDB faults DynamoDB Local never produces, throttling and timeouts, into the
 * SDK clients the handlers build (through addClientPlugin), and counts them. A fault replaces
 * one attempt below the SDK's retry middleware, so the SDK sees it as it would see DynamoDB's
 * answer and retries it by its own rules.
 */
import { Readable } from 'node:stream';
import {
  addClientPlugin,
  type ClientPlugin,
} from '../../functions/adapters/dynamodb/create-document-client.ts';

export type FaultKind = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'TimeoutError';

/** One attempt of a DynamoDB operation, as the fault plan sees it. */
export interface Attempt {
  /** The operation, e.g. GetItem, BatchWriteItem. */
  operation: string;
  /** The table named by the request (the first one for batch operations). */
  table: string | undefined;
  /** Which try of the operation this is: 1 for the first, 2 for the SDK's first retry, ... */
  try: number;
  /** The request as DynamoDB receives it (low-level attribute values: `{ pk: { S: ... } }`). */
  body: Record<string, unknown>;
}

/** Decides, per attempt, whether it fails and how. */
export type FaultPlan = (attempt: Attempt) => FaultKind | undefined;

export class DynamoDbFaults {
  /** Every attempt seen, faulted or not. */
  attempts = 0;
  /** The faults injected so far, by kind. */
  readonly injected = new Map<FaultKind, number>();
  private plan: FaultPlan | undefined;
  /** Operations started and not yet settled, retries included. */
  private inFlight = 0;
  private readonly settledWaiters: (() => void)[] = [];
  /** Tries so far per operation: the SDK hands every retry of an operation the same context. */
  private readonly tries = new WeakMap<object, number>();

  /** Follows `plan` from now on; `undefined` lets every attempt through. */
  use(plan: FaultPlan | undefined): void {
    this.plan = plan;
  }

  get total(): number {
    return [...this.injected.values()].reduce((sum, n) => sum + n, 0);
  }

  /**
   * Resolves once no operation is in flight: a request may have been answered while another of
   * its operations is still being retried by the SDK.
   */
  settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Adds the injecting middleware to every client built after this call. */
  install(): void {
    addClientPlugin(this.plugin());
  }

  private plugin(): ClientPlugin {
    return {
      applyToStack: (stack) => {
        stack.add(
          (next) => async (args) => {
            this.inFlight++;
            try {
              return await next(args);
            } finally {
              if (--this.inFlight === 0) for (const resolve of this.settledWaiters.splice(0)) resolve();
            }
          },
          { step: 'initialize', priority: 'high', name: 'countDynamoDbOperations' },
        );
        stack.add(
          (next, context) => async (args) => {
            this.attempts++;
            const tryNumber = (this.tries.get(context) ?? 0) + 1;
            this.tries.set(context, tryNumber);
            const fault = this.plan?.(describe(context.commandName, tryNumber, args.input));
            if (!fault) return next(args);
            this.injected.set(fault, (this.injected.get(fault) ?? 0) + 1);
            if (fault === 'TimeoutError') {
              // What the SDK's HTTP handler raises when its request timeout fires.
              throw Object.assign(new Error('injected: the request exceeded its requestTimeout'), {
                name: 'TimeoutError',
                code: 'ETIMEDOUT',
              });
            }
            return { response: errorResponse(fault), output: undefined };
          },
          // Below the deserializer: the fault is a raw HTTP answer that the SDK parses itself.
          { step: 'deserialize', priority: 'low', name: 'injectDynamoDbFaults' },
        );
      },
    };
  }
}

function describe(operation: string | undefined, tryNumber: number, input: unknown): Attempt {
  const body = (input ?? {}) as Record<string, unknown>;
  const table =
    typeof body.TableName === 'string'
      ? body.TableName
      : Object.keys((body.RequestItems ?? {}) as Record<string, unknown>)[0];
  return { operation: (operation ?? '').replace(/Command$/, ''), table, try: tryNumber, body };
}

/** DynamoDB's answer when it throttles: HTTP 400 with the exception named in `__type`. */
function errorResponse(fault: Exclude<FaultKind, 'TimeoutError'>) {
  const message =
    fault === 'ThrottlingException'
      ? 'Rate of requests exceeds the allowed throughput.'
      : 'The level of configured provisioned throughput for the table was exceeded.';
  return {
    statusCode: 400,
    reason: 'Bad Request',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': `injected-${Math.random().toString(36).slice(2)}`,
    },
    body: Readable.from([
      Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${fault}`, message })),
    ]),
  };
}
