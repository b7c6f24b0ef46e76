/**
 * Structured JSON logs (Powertools Logger) with a correlation id per request, and custom metrics
 * in CloudWatch embedded metric format (Powertools Metrics). Request headers and bodies are never
 * logged: they carry API keys and article text.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: 'figcheck' });
export const metrics = new Metrics({ namespace: 'figcheck', serviceName: 'figcheck' });

export function logError(message: string, error: unknown): void {
  if (error instanceof Error) logger.error(message, error);
  else logger.error(message, { error: String(error) });
}

export function logInfo(message: string, fields: Record<string, unknown> = {}): void {
  logger.info(message, fields);
}

/** Counts of one checked article: claims extracted and verdicts by kind. */
export function recordCheckMetrics(claims: number, verdicts: Record<string, number>): void {
  metrics.addMetric('ClaimsExtracted', MetricUnit.Count, claims);
  for (const [verdict, count] of Object.entries(verdicts)) {
    if (count > 0) metrics.addMetric(`Verdict_${verdict}`, MetricUnit.Count, count);
  }
}

/** Flushes the metrics recorded during an invocation, if any (an empty flush only warns). */
export function publishMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
