/**
 * The stateful part of figcheck: its DynamoDB tables, built from the shared table definitions,
 * with point-in-time recovery, encryption at rest and, in production, deletion protection and
 * RETAIN.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import {
  API_KEYS_TABLE,
  ARTICLES_TABLE,
  FACTS_TABLE,
  type KeyType,
  RATE_LIMITS_TABLE,
  type TableDefinition,
} from '../../functions/adapters/dynamodb/table-definitions.ts';
import type { StageSettings } from './stage.ts';

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
  }
}
