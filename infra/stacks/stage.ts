/** Deployment stages and what differs between them. */
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export type StageName = 'dev' | 'prod';

export interface StageSettings {
  name: StageName;
  /** Stateful resources survive `cdk destroy` in production. */
  statefulRemovalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  logRetention: RetentionDays;
}

export function stageSettings(name: string | undefined): StageSettings {
  const stage = name ?? 'dev';
  if (stage === 'prod') {
    return {
      name: 'prod',
      statefulRemovalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      logRetention: RetentionDays.THREE_MONTHS,
    };
  }
  if (stage === 'dev') {
    return {
      name: 'dev',
      statefulRemovalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      logRetention: RetentionDays.TWO_WEEKS,
    };
  }
  throw new Error(`unknown stage "${stage}": use -c stage=dev or -c stage=prod`);
}

/** The queue worker's timeout; the article queue's visibility timeout is derived from it. */
export const WORKER_TIMEOUT_SECONDS = 60;
