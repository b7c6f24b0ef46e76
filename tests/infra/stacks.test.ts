import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFigcheck } from '../../infra/build-figcheck.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

let data: Template;
let service: Template;
let prodData: Template;
let devApp: App;

beforeAll(() => {
  devApp = new App();
  const dev = buildFigcheck(devApp, 'dev');
  data = Template.fromStack(dev.data);
  service = Template.fromStack(dev.service);
  // The prod stage differs only in stateful settings; its data stack needs no bundling.
  prodData = Template.fromStack(buildFigcheck(new App(), 'prod').data);
});

/**
 * The DynamoDB actions a function's role may take, by table (Facts or Articles), from the
 * policies attached to that role.
 */
function dynamoActionsByTable(template: Template, functionId: string): Record<string, string[]> {
  const byTable: Record<string, string[]> = {};
  for (const statement of statementsOf(template, functionId)) {
    const dynamo = [statement.Action].flat().filter((a) => a.startsWith('dynamodb:'));
    if (dynamo.length === 0) continue;
    const resource = JSON.stringify(statement.Resource);
    const table = ['Articles', 'ApiKeys', 'RateLimits'].find((name) => resource.includes(name)) ?? 'Facts';
    byTable[table] = [...new Set([...(byTable[table] ?? []), ...dynamo])].sort();
  }
  return byTable;
}

/** Every statement of the policies attached to one function's role. */
function statementsOf(template: Template, functionId: string) {
  const [, fn] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([logicalId]) =>
    logicalId.startsWith(`${functionId}Function`),
  )!;
  const role = (fn as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } }).Properties.Role[
    'Fn::GetAtt'
  ][0];
  return (
    Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: {
        Roles: { Ref: string }[];
        PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
      };
    }[]
  )
    .filter((p) => p.Properties.Roles.some((r) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

function policyStatements(template: Template) {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies).flatMap(
    (p) =>
      (
        p as {
          Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
        }
      ).Properties.PolicyDocument.Statement,
  );
}

describe('data stack', () => {
  it('creates the facts, articles, API key and rate-limit tables with pk/sk keys, on-demand billing, PITR and encryption', () => {
    const tables = data.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables)).toHaveLength(4);
    for (const table of Object.values(tables) as { Properties: Record<string, unknown> }[]) {
      expect(table.Properties.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
      expect(table.Properties.Replicas).toEqual([
        expect.objectContaining({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ]);
    }
  });

  it('expires idempotency records in the articles table by TTL on expiresAt', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('retains the tables and protects them from deletion in prod, not in dev', () => {
    prodData.allResources('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    prodData.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    data.allResources('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

describe('service stack', () => {
  it('runs the API function on Node.js 22, arm64, with tracing and the table names in its environment', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          FIGCHECK_FACTS_TABLE: Match.anyValue(),
          FIGCHECK_ARTICLES_TABLE: Match.anyValue(),
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
  });

  it('grants the API function read-only access to facts and read-write access to articles, nothing more', () => {
    const actions = dynamoActionsByTable(service, 'Api');
    expect(Object.keys(actions).sort()).toEqual(['ApiKeys', 'Articles', 'Facts', 'RateLimits']);
    expect(actions.RateLimits).toEqual(['dynamodb:UpdateItem']);
    expect(actions.ApiKeys!.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    expect(actions.Facts!.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    expect(actions.Facts).toContain('dynamodb:Query');
    // No function may scan a table: every read path is a key or index query.
    expect(Object.values(actions).flat()).not.toContain('dynamodb:Scan');
    expect(actions.Articles).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:GetItem']));
  });

  it('grants the facts function read-write access to the facts table, reads of API keys and articles, nothing more', () => {
    const actions = dynamoActionsByTable(service, 'FactsApi');
    expect(Object.keys(actions).sort()).toEqual(['ApiKeys', 'Articles', 'Facts', 'RateLimits']);
    // It finds the articles that relied on a revised fact; it writes none.
    expect(actions.Articles!.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    expect(actions.RateLimits).toEqual(['dynamodb:UpdateItem']);
    expect(actions.ApiKeys!.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    expect(actions.Facts).toEqual(expect.arrayContaining(['dynamodb:BatchWriteItem', 'dynamodb:Query']));
  });

  it('grants no wildcard action anywhere', () => {
    const all = policyStatements(service).flatMap((s) => [s.Action].flat());
    expect(all.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  it('routes every API route to its function (authorization is by API key, in the function)', () => {
    const routes = Object.values(service.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties,
    );
    expect(routes.map((r) => `${r.RouteKey} ${r.AuthorizationType ?? 'NONE'}`).sort()).toEqual([
      'GET /health NONE',
      'GET /v1/articles NONE',
      'GET /v1/articles/{id} NONE',
      'GET /v1/articles/{id}/claimreview NONE',
      'GET /v1/articles/{id}/report NONE',
      'GET /v1/batches/{id} NONE',
      'GET /v1/facts NONE',
      'GET /v1/facts/{id} NONE',
      'GET /v1/login NONE',
      'GET /v1/openapi.json NONE',
      'GET /v1/review NONE',
      'GET /v1/review.csv NONE',
      'POST /v1/batches NONE',
      'POST /v1/checks NONE',
      'POST /v1/claims/{id}/reviews NONE',
      'POST /v1/login NONE',
      'POST /v1/logout NONE',
      'POST /v1/webhooks/{source} NONE',
      'PUT /v1/facts NONE',
    ]);
    service.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
  });
});

describe('the article queue', () => {
  it('sends articles that failed three times to an encrypted dead-letter queue kept 14 days', () => {
    const queues = Object.entries(data.findResources('AWS::SQS::Queue')) as [
      string,
      { Properties: Record<string, unknown> },
    ][];
    expect(queues).toHaveLength(2);
    const [, main] = queues.find(([id]) => id.startsWith('ArticleQueue'))!;
    const [dlqId, dlq] = queues.find(([id]) => id.startsWith('ArticleDeadLetters'))!;
    expect(main.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: 3,
    });
    expect(main.Properties.VisibilityTimeout).toBe(360);
    expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const [, queue] of queues) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    expect(Object.keys(data.findResources('AWS::SQS::QueuePolicy'))).toHaveLength(2);
  });

  it('drives the worker in batches of 10, at most 5 at once, reporting failures per record', () => {
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it('lets the worker read facts and write articles only, and the API only send to the queue', () => {
    const worker = dynamoActionsByTable(service, 'Worker');
    expect(worker.Articles).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:GetItem']));
    expect(Object.keys(worker).sort()).toEqual(['Articles', 'Facts']);
    expect(worker.Facts!.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    const sqsActions = policyStatements(service)
      .flatMap((s) => [s.Action].flat())
      .filter((a) => a.startsWith('sqs:'));
    expect([...new Set(sqsActions)].sort()).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
  });
});

describe('webhooks', () => {
  it('keeps the webhook secrets and the callback settings in two Secrets Manager secrets of the data stack', () => {
    const secrets = Object.keys(data.findResources('AWS::SecretsManager::Secret')).sort();
    expect(secrets).toHaveLength(2);
    expect(secrets[0]).toMatch(/^WebhookCallbacks/);
    expect(secrets[1]).toMatch(/^WebhookSecrets/);
    // The template carries only an empty placeholder, never a secret.
    data.hasResourceProperties('AWS::SecretsManager::Secret', { SecretString: '{}' });
  });

  it('lets the webhook function read only its own secret, and write only its queue and the articles table', () => {
    const statements = statementsOf(service, 'Webhooks');
    const actions = statements.flatMap((s) => [s.Action].flat()).filter((a) => !/^(logs|xray):/.test(a));
    expect([...new Set(actions)].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'secretsmanager:GetSecretValue',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
    const resourcesOf = (prefix: string) =>
      JSON.stringify(
        statements.filter((s) => [s.Action].flat().some((a) => a.startsWith(prefix))).map((s) => s.Resource),
      );
    expect(resourcesOf('secretsmanager:')).toMatch(/WebhookSecrets/);
    expect(resourcesOf('secretsmanager:')).not.toMatch(/WebhookCallbacks/);
    expect(resourcesOf('dynamodb:')).toMatch(/Articles/);
    expect(resourcesOf('dynamodb:')).not.toMatch(/Facts|ApiKeys|RateLimits|index/);
    expect(resourcesOf('sqs:')).toMatch(/ArticleQueue/);
    expect(resourcesOf('sqs:')).not.toMatch(/DeadLetters/);
  });

  it('gives the webhook function its secret by ARN and the queue by URL, and no other table', () => {
    const functions = Object.entries(service.findResources('AWS::Lambda::Function'));
    const [, fn] = functions.find(([id]) => id.startsWith('WebhooksFunction'))!;
    const env = (fn as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties
      .Environment.Variables;
    expect(Object.keys(env).sort()).toEqual([
      'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
      'FIGCHECK_ARTICLES_TABLE',
      'FIGCHECK_ARTICLE_QUEUE_URL',
      'FIGCHECK_WEBHOOK_SECRETS_ARN',
      'NODE_OPTIONS',
    ]);
  });

  it('lets only the worker read the callback settings, and no one else either secret', () => {
    const readers = (name: string) =>
      ['Api', 'FactsApi', 'Webhooks', 'Worker'].filter((fn) =>
        statementsOf(service, fn).some(
          (s) =>
            [s.Action].flat().includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(s.Resource).includes(name),
        ),
      );
    expect(readers('WebhookCallbacks')).toEqual(['Worker']);
    expect(readers('WebhookSecrets')).toEqual(['Webhooks']);
  });
});

describe('security', () => {
  it('uses a "*" resource only for the X-Ray actions, which have no resource-level permissions', () => {
    const starred = [...policyStatements(service), ...policyStatements(data)].filter((s) =>
      [s.Resource].flat().some((r) => r === '*'),
    );
    expect(starred.length).toBeGreaterThan(0);
    for (const statement of starred) {
      expect([statement.Action].flat().sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('lets each function reach only its own tables, queue and secret', () => {
    const reach = (functionId: string) => {
      const statements = statementsOf(service, functionId);
      const text = JSON.stringify(statements.map((st) => st.Resource));
      return [
        'Facts',
        'Articles',
        'ApiKeys',
        'RateLimits',
        'ArticleQueue',
        'ArticleDeadLetters',
        'WebhookSecrets',
        'WebhookCallbacks',
      ]
        .filter((name) => text.includes(name))
        .sort();
    };
    expect(reach('Api')).toEqual(['ApiKeys', 'ArticleQueue', 'Articles', 'Facts', 'RateLimits']);
    expect(reach('FactsApi')).toEqual(['ApiKeys', 'ArticleQueue', 'Articles', 'Facts', 'RateLimits']);
    expect(reach('Webhooks')).toEqual(['ArticleQueue', 'Articles', 'WebhookSecrets']);
    expect(reach('Worker')).toEqual(['ArticleQueue', 'Articles', 'Facts', 'WebhookCallbacks']);
  });

  it('accepts only TLS on the queues, encrypts every table, queue and topic, and has no S3 bucket', () => {
    const queuePolicies = Object.values(data.findResources('AWS::SQS::QueuePolicy')) as {
      Properties: { PolicyDocument: { Statement: { Effect: string; Condition?: unknown }[] } };
    }[];
    expect(queuePolicies).toHaveLength(2);
    for (const policy of queuePolicies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    for (const table of Object.values(data.findResources('AWS::DynamoDB::GlobalTable')) as {
      Properties: {
        SSESpecification: { SSEEnabled: boolean };
        Replicas: { PointInTimeRecoverySpecification: unknown }[];
      };
    }[]) {
      expect(table.Properties.SSESpecification.SSEEnabled).toBe(true);
      expect(table.Properties.Replicas[0]!.PointInTimeRecoverySpecification).toEqual({
        PointInTimeRecoveryEnabled: true,
      });
    }
    for (const template of [data, service]) template.resourceCountIs('AWS::S3::Bucket', 0);
  });
});

describe('production hardening', () => {
  it('gives each function its own role with no AWS managed policy, writing only to its own log group', () => {
    const roles = Object.values(service.findResources('AWS::IAM::Role')) as {
      Properties: { ManagedPolicyArns?: unknown[] };
    }[];
    expect(roles).toHaveLength(4);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    const logStatements = policyStatements(service).filter((s) =>
      [s.Action].flat().some((a) => a.startsWith('logs:')),
    );
    expect(logStatements).toHaveLength(4);
    for (const statement of logStatements) {
      expect([statement.Action].flat().sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      // The function's own log group (a GetAtt of its LogGroup), never "*".
      expect(JSON.stringify(statement.Resource)).toMatch(
        /"Fn::GetAtt":\["(Api|FactsApi|Webhooks|Worker)Logs[0-9A-F]{8}","Arn"\]/,
      );
    }
  });

  it('writes API access logs and caps the request rate of the whole API', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it('alarms on function errors and throttles, the API 5xx rate and p99 latency, to an encrypted topic', () => {
    const alarms = Object.values(service.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: {
        MetricName?: string;
        Namespace?: string;
        Threshold: number;
        ExtendedStatistic?: string;
        AlarmActions: unknown[];
      };
    }[];
    const byMetric = alarms
      .map((a) => `${a.Properties.Namespace ?? 'math'}:${a.Properties.MetricName ?? 'expression'}`)
      .sort();
    expect(byMetric).toEqual([
      'AWS/ApiGateway:Latency',
      'AWS/Lambda:Errors',
      'AWS/Lambda:Errors',
      'AWS/Lambda:Errors',
      'AWS/Lambda:Errors',
      'AWS/Lambda:Throttles',
      'AWS/Lambda:Throttles',
      'AWS/Lambda:Throttles',
      'AWS/Lambda:Throttles',
      'AWS/SQS:ApproximateNumberOfMessagesVisible',
      'math:expression',
    ]);
    const latency = alarms.find((a) => a.Properties.MetricName === 'Latency')!;
    expect(latency.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: 2000 });
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    service.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('passes cdk-nag AwsSolutions checks with no finding left unacknowledged', () => {
    const report = new AwsSolutionsChecks(devApp).validateScope(devApp);
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} ${(r as { constructPath?: string }).constructPath}`),
    );
    expect(findings).toEqual([]);
  });

  it('records a reason with every acknowledged finding', () => {
    const acknowledged = devApp.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    // Four functions x (runtime, X-Ray), one per route, the dead-letter queue's own missing DLQ,
    // and the two webhook settings secrets (rotated by the CMSs, not by a rotation Lambda).
    expect(acknowledged).toHaveLength(8 + 19 + 1 + 2);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length).toBeGreaterThan(40);
    }
  });
});

describe('cdk synth', () => {
  it('synthesizes both stacks offline with the project CLI', async () => {
    const out = mkdtempSync(join(tmpdir(), 'figcheck-cdk-'));
    await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '--output', out, '-c', 'stage=dev'], {
      cwd: ROOT,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
      timeout: 120_000,
    });
    const templates = readdirSync(out)
      .filter((f) => f.endsWith('.template.json'))
      .sort();
    expect(templates).toEqual(['figcheck-dev-data.template.json', 'figcheck-dev-service.template.json']);
    const serviceTemplate = JSON.parse(readFileSync(join(out, 'figcheck-dev-service.template.json'), 'utf8'));
    const fn = Object.values(
      serviceTemplate.Resources as Record<string, { Type: string; Properties: { Code: { S3Key: string } } }>,
    ).find((r) => r.Type === 'AWS::Lambda::Function');
    const asset = fn!.Properties.Code.S3Key.replace('.zip', '');
    expect(existsSync(join(out, `asset.${asset}`, 'index.mjs'))).toBe(true);
  }, 120_000);
});
