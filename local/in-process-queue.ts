/**
 * A stand-in for SQS on one machine, with the semantics the worker relies on: messages delivered
 * in batches (up to 10), a record the worker reports as failed delivered again, and moved to the
 * dead-letter list after `maxReceiveCount` receives, while the rest of its batch is done.
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ArticleQueue } from '../functions/adapters/queue/article-queue.ts';

export interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
}

export type QueueWorker = (event: SQSEvent) => Promise<SQSBatchResponse>;

export class InProcessQueue implements ArticleQueue {
  readonly deadLetters: QueuedMessage[] = [];
  private readonly pending: QueuedMessage[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly worker: QueueWorker,
    private readonly options = { batchSize: 10, maxReceiveCount: 3 },
  ) {}

  async send(articleIds: readonly string[]): Promise<void> {
    for (const articleId of articleIds) this.sendRaw(JSON.stringify({ articleId }));
  }

  /** Enqueues any message body, as a producer or a test might. */
  sendRaw(body: string): void {
    this.pending.push({ messageId: randomUUID(), body, receiveCount: 0 });
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves once every message has been processed or dead-lettered. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Moves dead letters back to the queue, as `figcheck dlq redrive` does for SQS. */
  redrive(): number {
    const moved = this.deadLetters.splice(0);
    for (const message of moved) this.sendRaw(message.body);
    return moved.length;
  }

  private async drain(): Promise<void> {
    // Let the producer's request finish first, as with a real queue.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.batchSize);
      for (const message of batch) message.receiveCount++;
      let failed: Set<string>;
      try {
        const response = await this.worker(toEvent(batch));
        failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      } catch {
        // A worker that throws fails its whole batch, as in Lambda.
        failed = new Set(batch.map((m) => m.messageId));
      }
      for (const message of batch) {
        if (!failed.has(message.messageId)) continue;
        if (message.receiveCount >= this.options.maxReceiveCount) this.deadLetters.push(message);
        else this.pending.push(message);
      }
    }
  }
}

function toEvent(batch: readonly QueuedMessage[]): SQSEvent {
  return {
    Records: batch.map((message) => ({
      messageId: message.messageId,
      receiptHandle: message.messageId,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:figcheck-articles',
      awsRegion: 'local',
    })),
  };
}
