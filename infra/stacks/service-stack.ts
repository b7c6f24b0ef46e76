/**
 * The stateless part of figcheck: the API function and the HTTP API that routes to it.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { ARTICLES_TABLE, FACTS_TABLE } from '../../functions/adapters/dynamodb/table-definitions.ts';
import { FigcheckFunction } from '../constructs/figcheck-function.ts';
import type { StageSettings } from './stage.ts';

export interface ServiceStackProps extends StackProps {
  stage: StageSettings;
  factsTable: ITable;
  articlesTable: ITable;
}

export class ServiceStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const apiFunction = new FigcheckFunction(this, 'Api', {
      entry: 'api',
      description: 'figcheck HTTP API: checks articles and serves results',
      logRetention: props.stage.logRetention,
      removalPolicy: props.stage.statefulRemovalPolicy,
    })
      .bindTableRead(FACTS_TABLE, props.factsTable)
      .bindTableReadWrite(ARTICLES_TABLE, props.articlesTable);

    this.api = new HttpApi(this, 'HttpApi', { description: `figcheck API (${props.stage.name})` });
    const integration = new HttpLambdaIntegration('ApiIntegration', apiFunction.function);
    this.api.addRoutes({ path: '/v1/checks', methods: [HttpMethod.POST], integration });
    this.api.addRoutes({ path: '/health', methods: [HttpMethod.GET], integration });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'Base URL of the figcheck API',
    });
  }
}
