/**
 * figcheck's Lambda building block: Node.js 22 on arm64, bundled by the local esbuild as ESM
 * with source maps, X-Ray tracing and a log group with retention. Its bind* helpers set the
 * environment variable and grant the access together, so a function never gets one without
 * the other.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/adapters/dynamodb/table-definitions.ts';
import {
  ESM_REQUIRE_BANNER,
  EXTERNAL_MODULES,
  handlerEntry,
  LAMBDA_TARGET,
  MODULE_ALIASES,
} from '../bundling/lambda-bundling.ts';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface FigcheckFunctionProps {
  /** Folder under functions/ holding the handler.ts entry point. */
  entry: string;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  /** Log retention; longer in production. */
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
}

export class FigcheckFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: FigcheckFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // A role of our own instead of AWSLambdaBasicExecutionRole: it may write to this function's
    // log group only, not create and write any log group in the account.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    logGroup.grantWrite(role);
    // X-Ray accepts trace segments only on Resource "*"; it has no resource-level permissions.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });
    // The runtime is a project decision (the Lambda runtime figcheck is built and tested for).
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'figcheck targets nodejs22.x deliberately; the runtime is raised together with the tests.',
    });
    this.function = new NodejsFunction(this, 'Function', {
      role,
      entry: handlerEntry(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_TARGET,
        minify: true,
        sourceMap: true,
        externalModules: EXTERNAL_MODULES,
        banner: ESM_REQUIRE_BANNER,
        esbuildArgs: Object.fromEntries(
          Object.entries(MODULE_ALIASES).map(([module, path]) => [`--alias:${module}`, path]),
        ),
        forceDockerBundling: false,
      },
    });
  }

  /** Read-only access to a table, with its name in the table definition's variable. */
  bindTableRead(definition: TableDefinition, table: ITable): this {
    return this.bindTable(definition, table, READ_ACTIONS);
  }

  /** Read and write access to a table, with its name in the table definition's variable. */
  bindTableReadWrite(definition: TableDefinition, table: ITable): this {
    return this.bindTable(definition, table, [...READ_ACTIONS, ...WRITE_ACTIONS]);
  }

  /** Sending to a queue only, with its URL in the given variable. */
  bindQueueSend(envVar: string, queue: IQueue): this {
    this.function.addEnvironment(envVar, queue.queueUrl);
    queue.grantSendMessages(this.function);
    return this;
  }

  /**
   * Single-item reads and writes only (get, put, update): no queries, scans, deletes or batches,
   * and no indexes.
   */
  bindTableItems(definition: TableDefinition, table: ITable): this {
    return this.bindTable(
      definition,
      table,
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      false,
    );
  }

  /** Reading one secret's value, with its ARN in the given variable. */
  bindSecretRead(envVar: string, secret: ISecret): this {
    this.function.addEnvironment(envVar, secret.secretArn);
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    return this;
  }

  /** Counter updates only (the rate limiter's atomic ADD), with the table's name in its variable. */
  bindTableCounter(definition: TableDefinition, table: ITable): this {
    return this.bindTable(definition, table, ['dynamodb:UpdateItem']);
  }

  /**
   * Grants the item actions figcheck's stores use, on the table and on exactly its defined
   * indexes: no Scan, and no `index/*` wildcard.
   */
  private bindTable(definition: TableDefinition, table: ITable, actions: string[], indexes = true): this {
    this.function.addEnvironment(definition.envVar, table.tableName);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions,
        resources: [
          table.tableArn,
          ...(indexes ? definition.globalSecondaryIndexes : []).map(
            (index) => `${table.tableArn}/index/${index.indexName}`,
          ),
        ],
      }),
    );
    return this;
  }
}

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
