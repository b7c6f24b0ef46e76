/**
 * The alarms an operator of figcheck watches, all notifying one SNS topic: function errors and
 * throttles, dead letters, the API's 5xx rate and its p99 latency.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ServiceAlarmsProps {
  api: HttpApi;
  functions: Record<string, IFunction>;
  /** Any message here means an article could not be checked. */
  deadLetterQueue: IQueue;
  /** p99 latency above this, three 5-minute periods running, raises the alarm. */
  p99LatencyMs: number;
}

export class ServiceAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'figcheck alarms',
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    const action = new SnsAction(this.topic);
    const add = (
      name: string,
      metric: Metric | MathExpression,
      threshold: number,
      description: string,
      periods = 1,
    ) => {
      const alarm = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };
    const fiveMinutes = Duration.minutes(5);
    for (const [name, fn] of Object.entries(props.functions)) {
      add(
        `${name}Errors`,
        fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        1,
        `${name}: invocations failed`,
      );
      add(
        `${name}Throttles`,
        fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        1,
        `${name}: invocations throttled`,
      );
    }
    add(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: 'Maximum',
      }),
      1,
      'Articles failed three times and wait in the dead-letter queue (figcheck dlq redrive)',
    );
    const serverErrorRate = new MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: {
        errors: props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
        requests: props.api.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
      },
      label: 'API 5xx rate (%)',
      period: fiveMinutes,
    });
    add('Api5xxRate', serverErrorRate, 1, 'API: 1% or more of requests answered 5xx');
    add(
      'ApiP99Latency',
      props.api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
      props.p99LatencyMs,
      `API: p99 latency at or above ${props.p99LatencyMs} ms for 15 minutes`,
      3,
    );
  }
}
