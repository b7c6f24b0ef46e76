/**
 * The queue of work for the worker: accepted articles waiting to be checked, webhook revisions,
 * and report callbacks waiting for their next attempt. SQS in AWS; on one machine an in-process
 * queue with the same semantics, registered under a `local:` URL by the local stack.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

/** One unit of work; its JSON is the SQS message body the worker reads. */
export interface QueueMessage {
  articleId: string;
  /** A webhook revision of the article to check (absent for batch articles). */
  revision?: string;
  /** Deliver the revision's report callback; the attempt number, from 1. */
  callbackAttempt?: number;
  /** Check the article again because these reference facts were revised. */
  recheckFacts?: string[];
}

export interface ArticleQueue {
  /** Enqueues the messages, after `delaySeconds` (0..900); throws unless every one was accepted. */
  send(messages: readonly QueueMessage[], options?: { delaySeconds?: number }): Promise<void>;
}

/** The message of a batch article, checked once. */
export function articleMessages(articleIds: readonly string[]): QueueMessage[] {
  return articleIds.map((articleId) => ({ articleId }));
}

export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly QueueMessage[], options: { delaySeconds?: number } = {}): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((message, n) => ({
            Id: String(n),
            MessageBody: JSON.stringify(message),
            DelaySeconds: options.delaySeconds,
          })),
        }),
      );
      if ((result.Failed ?? []).length > 0) {
        throw new Error(`SQS refused ${result.Failed!.length} of ${chunk.length} messages`);
      }
    }
  }
}

const localQueues = new Map<string, ArticleQueue>();

/** Lets the local stack stand an in-process queue in for SQS under `local:<name>`. */
export function registerLocalQueue(name: string, queue: ArticleQueue): void {
  localQueues.set(name, queue);
}

export function createArticleQueue(queueUrl: string): ArticleQueue {
  if (queueUrl.startsWith('local:')) {
    // Looked up when used: the worker that drains the local queue also sends to it, and is built first.
    return {
      send: (messages, options) => {
        const queue = localQueues.get(queueUrl.slice('local:'.length));
        if (!queue) throw new Error(`no local queue is registered as ${queueUrl}`);
        return queue.send(messages, options);
      },
    };
  }
  return new SqsArticleQueue(new SQSClient({}), queueUrl);
}
