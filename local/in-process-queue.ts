/**
 * A stand-in for SQS on one machine, with the semantics the worker relies on: messages delivered
 * in batches (up to 10), a record the worker reports as failed delivered again, and moved to the
 * dead-letter list after `maxReceiveCount` receives, while the rest of its batch is done.
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ArticleQueue, QueueMessage } from '../functions/adapters/queue/article-queue.ts';

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
  private delayed = 0;

  constructor(
    private readonly worker: QueueWorker,
    private readonly options = { batchSize: 10, maxReceiveCount: 3 },
  ) {}

  async send(messages: readonly QueueMessage[], options: { delaySeconds?: number } = {}): Promise<void> {
    for (const message of messages) this.sendRaw(JSON.stringify(message), options.delaySeconds);
  }

  /** Enqueues any message body, as a producer or a test might, visible after `delaySeconds`. */
  sendRaw(body: string, delaySeconds = 0): void {
    const message = { messageId: randomUUID(), body, receiveCount: 0 };
    if (delaySeconds > 0) {
      this.delayed++;
      setTimeout(() => {
        this.delayed--;
        this.enqueue(message);
      }, delaySeconds * 1000).unref();
      return;
    }
    this.enqueue(message);
  }

  /** Resolves once every message has been processed or dead-lettered, delayed ones included. */
  async idle(): Promise<void> {
    while (this.draining || this.delayed > 0) {
      if (this.draining) await this.draining;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private enqueue(message: QueuedMessage): void {
    this.pending.push(message);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** Moves dead letters back to the queue, as `figcheck dlq redrive` does for SQS. */
  redrive(): number {
    const moved = this.deadLetters.splice(0);
    for (const message of moved) this.enqueue({ ...message, receiveCount: 0 });
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
