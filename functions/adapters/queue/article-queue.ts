/**
 * The queue of accepted articles waiting to be checked: SQS in AWS; on one machine an in-process
 * queue with the same semantics, registered under a `local:` URL by the local stack.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

export interface ArticleQueue {
  /** Enqueues one message per article id; throws unless every message was accepted. */
  send(articleIds: readonly string[]): Promise<void>;
}

export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(articleIds: readonly string[]): Promise<void> {
    for (let i = 0; i < articleIds.length; i += 10) {
      const chunk = articleIds.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((articleId, n) => ({
            Id: String(n),
            MessageBody: JSON.stringify({ articleId }),
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
    const queue = localQueues.get(queueUrl.slice('local:'.length));
    if (!queue) throw new Error(`no local queue is registered as ${queueUrl}`);
    return queue;
  }
  return new SqsArticleQueue(new SQSClient({}), queueUrl);
}
