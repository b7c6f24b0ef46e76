/**
 * The stateful part of figcheck: its DynamoDB tables, built from the shared table definitions,
 * with point-in-time recovery, encryption at rest and, in production, deletion protection and
 * RETAIN.
 */
import { CfnOutput, Duration, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  API_KEYS_TABLE,
  ARTICLES_TABLE,
  FACTS_TABLE,
  type KeyType,
  RATE_LIMITS_TABLE,
  type TableDefinition,
} from '../../functions/adapters/dynamodb/table-definitions.ts';
import { type StageSettings, WORKER_TIMEOUT_SECONDS } from './stage.ts';

export interface DataStackProps extends StackProps {
  stage: StageSettings;
}

function attributeType(type: KeyType): AttributeType {
  return type === 'S' ? AttributeType.STRING : AttributeType.NUMBER;
}

export class DataStack extends Stack {
  readonly factsTable: TableV2;
  readonly articlesTable: TableV2;
  readonly apiKeysTable: TableV2;
  readonly rateLimitsTable: TableV2;
  /** Accepted batch articles waiting for the worker. */
  readonly articleQueue: Queue;
  /** Messages the worker failed on three times, kept 14 days for inspection and redrive. */
  readonly articleDeadLetters: Queue;
  /** The secrets each CMS signs its webhooks with; read by the webhook function only. */
  readonly webhookSecrets: Secret;
  /** Where to send each source's finished reports, and the secrets to sign them; read by the worker only. */
  readonly webhookCallbacks: Secret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const build = (definition: TableDefinition) =>
      new TableV2(this, definition.id, {
        partitionKey: {
          name: definition.partitionKey.name,
          type: attributeType(definition.partitionKey.type),
        },
        sortKey: { name: definition.sortKey.name, type: attributeType(definition.sortKey.type) },
        globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
          indexName: index.indexName,
          partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
          sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: index.nonKeyAttributes,
        })),
        timeToLiveAttribute: definition.timeToLiveAttribute,
        billing: Billing.onDemand(),
        encryption: TableEncryptionV2.awsManagedKey(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.stage.deletionProtection,
        removalPolicy: props.stage.statefulRemovalPolicy,
      });
    this.factsTable = build(FACTS_TABLE);
    this.articlesTable = build(ARTICLES_TABLE);
    this.apiKeysTable = build(API_KEYS_TABLE);
    this.rateLimitsTable = build(RATE_LIMITS_TABLE);

    this.articleDeadLetters = new Queue(this, 'ArticleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.stage.statefulRemovalPolicy,
    });
    Validations.of(this.articleDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the article queue; its messages wait for a redrive.',
    });
    this.articleQueue = new Queue(this, 'ArticleQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, so a slow batch is not delivered twice while it runs.
      visibilityTimeout: Duration.seconds(6 * WORKER_TIMEOUT_SECONDS),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.articleDeadLetters, maxReceiveCount: 3 },
      removalPolicy: props.stage.statefulRemovalPolicy,
    });
    // Set by operators (`aws secretsmanager put-secret-value`); the template holds only an empty
    // object, never a secret. Rotation is the CMS's: list the new secret beside the old one.
    const settingsSecret = (id: string, description: string) => {
      const secret = new Secret(this, id, {
        description,
        secretStringValue: SecretValue.unsafePlainText('{}'),
        removalPolicy: props.stage.statefulRemovalPolicy,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Shared secrets issued by each CMS: rotated by listing the new one beside the old (both valid), not by a rotation Lambda.',
      });
      return secret;
    };
    this.webhookSecrets = settingsSecret(
      'WebhookSecrets',
      'figcheck webhook signing secrets: {"<source>": ["<secret>", ...]}',
    );
    this.webhookCallbacks = settingsSecret(
      'WebhookCallbacks',
      'figcheck report callbacks: {"<source>": {"url": "https://...", "secret": "whsec_..."}}',
    );
    new CfnOutput(this, 'WebhookSecretsArn', {
      value: this.webhookSecrets.secretArn,
      description:
        'aws secretsmanager put-secret-value --secret-id <this> --secret-string \'{"ghost":["..."]}\'',
    });
    new CfnOutput(this, 'WebhookCallbacksArn', {
      value: this.webhookCallbacks.secretArn,
      description: 'Per-source report callback URLs and their whsec_ signing secrets',
    });

    new CfnOutput(this, 'DeadLetterQueueArn', {
      value: this.articleDeadLetters.queueArn,
      description: 'figcheck dlq redrive --dlq-arn <this>',
    });
  }
}
