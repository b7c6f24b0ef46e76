/** Adds figcheck's stacks for a stage to an app; shared by app.ts and the infra tests. */
import type { App } from 'aws-cdk-lib';
import { DataStack } from './stacks/data-stack.ts';
import { ServiceStack } from './stacks/service-stack.ts';
import { stageSettings } from './stacks/stage.ts';

export function buildFigcheck(app: App, stageName: string | undefined) {
  const stage = stageSettings(stageName);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const data = new DataStack(app, `figcheck-${stage.name}-data`, { stage, env });
  const service = new ServiceStack(app, `figcheck-${stage.name}-service`, {
    stage,
    env,
    factsTable: data.factsTable,
    articlesTable: data.articlesTable,
    apiKeysTable: data.apiKeysTable,
    rateLimitsTable: data.rateLimitsTable,
    articleQueue: data.articleQueue,
    articleDeadLetters: data.articleDeadLetters,
    webhookSecrets: data.webhookSecrets,
    webhookCallbacks: data.webhookCallbacks,
  });
  return { data, service };
}
