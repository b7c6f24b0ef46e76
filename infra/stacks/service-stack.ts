/**
 * The stateless part of figcheck: the API functions and the HTTP API that routes to them
 * (routes from functions/adapters/http/api-routes.ts, shared with the local server).
 */
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  API_KEYS_TABLE,
  ARTICLES_TABLE,
  FACTS_TABLE,
  RATE_LIMITS_TABLE,
} from '../../functions/adapters/dynamodb/table-definitions.ts';
import { API_ROUTES, type FunctionName } from '../../functions/adapters/http/api-routes.ts';
import { FigcheckFunction } from '../constructs/figcheck-function.ts';
import { ServiceAlarms } from '../constructs/service-alarms.ts';
import { type StageSettings, WORKER_TIMEOUT_SECONDS } from './stage.ts';

export interface ServiceStackProps extends StackProps {
  stage: StageSettings;
  factsTable: ITable;
  articlesTable: ITable;
  apiKeysTable: ITable;
  rateLimitsTable: ITable;
  articleQueue: IQueue;
  articleDeadLetters: IQueue;
  webhookSecrets: ISecret;
  webhookCallbacks: ISecret;
}

export class ServiceStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const common = {
      logRetention: props.stage.logRetention,
      removalPolicy: props.stage.statefulRemovalPolicy,
    };
    const functions: Record<FunctionName, FigcheckFunction> = {
      api: new FigcheckFunction(this, 'Api', {
        ...common,
        entry: 'api',
        description: 'figcheck HTTP API: checks articles and stores their results',
      })
        .bindTableRead(FACTS_TABLE, props.factsTable)
        .bindTableReadWrite(ARTICLES_TABLE, props.articlesTable)
        .bindTableRead(API_KEYS_TABLE, props.apiKeysTable)
        .bindTableCounter(RATE_LIMITS_TABLE, props.rateLimitsTable)
        .bindQueueSend('FIGCHECK_ARTICLE_QUEUE_URL', props.articleQueue),
      'facts-api': new FigcheckFunction(this, 'FactsApi', {
        ...common,
        entry: 'facts-api',
        description: 'figcheck reference facts: load and read facts with their revisions',
      })
        .bindTableReadWrite(FACTS_TABLE, props.factsTable)
        .bindTableRead(API_KEYS_TABLE, props.apiKeysTable)
        .bindTableCounter(RATE_LIMITS_TABLE, props.rateLimitsTable)
        // A revised fact's articles are found in the articles table and queued for re-checks.
        .bindTableRead(ARTICLES_TABLE, props.articlesTable)
        .bindQueueSend('FIGCHECK_ARTICLE_QUEUE_URL', props.articleQueue),
      // Stores revisions and queues their checks; the worker checks them, so it reads no facts.
      webhooks: new FigcheckFunction(this, 'Webhooks', {
        ...common,
        entry: 'webhooks',
        description: 'figcheck CMS webhooks: verifies deliveries and queues each revision once',
      })
        .bindTableItems(ARTICLES_TABLE, props.articlesTable)
        .bindQueueSend('FIGCHECK_ARTICLE_QUEUE_URL', props.articleQueue)
        .bindSecretRead('FIGCHECK_WEBHOOK_SECRETS_ARN', props.webhookSecrets),
    };

    const worker = new FigcheckFunction(this, 'Worker', {
      ...common,
      entry: 'worker',
      description: 'figcheck queue worker: checks the articles of batches',
      timeout: Duration.seconds(WORKER_TIMEOUT_SECONDS),
    })
      .bindTableRead(FACTS_TABLE, props.factsTable)
      .bindTableReadWrite(ARTICLES_TABLE, props.articlesTable)
      // Report callbacks wait on the same queue for their next attempt.
      .bindQueueSend('FIGCHECK_ARTICLE_QUEUE_URL', props.articleQueue)
      .bindSecretRead('FIGCHECK_WEBHOOK_CALLBACKS_ARN', props.webhookCallbacks);
    worker.function.addEventSource(
      new SqsEventSource(props.articleQueue, {
        // Ten articles a batch and at most five workers at once: enough for a newsroom's burst,
        // and a ceiling on the DynamoDB load a large backlog can cause.
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        maxConcurrency: 5,
        reportBatchItemFailures: true,
      }),
    );

    this.api = new HttpApi(this, 'HttpApi', {
      description: `figcheck API (${props.stage.name})`,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.statefulRemovalPolicy,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      // A ceiling for the whole API, so a runaway client cannot exhaust the account's Lambda concurrency.
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of API_ROUTES) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(
          `${route.function}-integration`,
          functions[route.function].function,
        );
        integrations.set(route.function, integration);
      }
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
      });
      if (added) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.scope === null
              ? route.authenticatedBy
                ? `Authenticated by ${route.authenticatedBy}.`
                : 'A public route by design: health checks and the API description need no credentials.'
              : `Authorised in the function by figcheck API key (hashed in the ApiKeys table), scope ${route.scope}.`,
        });
      }
    }

    // Report links in callbacks point at this API.
    worker.function.addEnvironment('FIGCHECK_PUBLIC_URL', this.api.apiEndpoint);

    const alarms = new ServiceAlarms(this, 'Alarms', {
      api: this.api,
      functions: {
        ...Object.fromEntries(Object.entries(functions).map(([name, f]) => [name, f.function])),
        worker: worker.function,
      },
      deadLetterQueue: props.articleDeadLetters,
      p99LatencyMs: 2000,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Subscribe to this SNS topic to receive figcheck alarms',
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'Base URL of the figcheck API',
    });
  }
}
