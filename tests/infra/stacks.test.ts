import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFigcheck } from '../../infra/build-figcheck.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

let data: Template;
let service: Template;
let prodData: Template;

beforeAll(() => {
  const dev = buildFigcheck(new App(), 'dev');
  data = Template.fromStack(dev.data);
  service = Template.fromStack(dev.service);
  // The prod stage differs only in stateful settings; its data stack needs no bundling.
  prodData = Template.fromStack(buildFigcheck(new App(), 'prod').data);
});

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
  it('creates the facts and articles tables with pk/sk keys, on-demand billing, PITR and encryption', () => {
    const tables = data.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables)).toHaveLength(2);
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
    const statements = policyStatements(service);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    const actionsFor = (exportFragment: string) =>
      dynamo
        .filter((s) => JSON.stringify(s.Resource).includes(exportFragment))
        .flatMap((s) => [s.Action].flat())
        .sort();
    const factsActions = actionsFor('Facts');
    const articleActions = actionsFor('Articles');
    expect(factsActions.length).toBeGreaterThan(0);
    expect(factsActions.filter((a) => /Put|Update|Delete|BatchWrite/.test(a))).toEqual([]);
    expect(factsActions).toContain('dynamodb:Query');
    expect(articleActions).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query']),
    );
    expect(statements.flatMap((s) => [s.Action].flat())).not.toContain('*');
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a === 'dynamodb:*')).toEqual([]);
  });

  it('routes POST /v1/checks and GET /health of the HTTP API to the function', () => {
    const routes = Object.values(service.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(['GET /health', 'POST /v1/checks']);
    service.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
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
