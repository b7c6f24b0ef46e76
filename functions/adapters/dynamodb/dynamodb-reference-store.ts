/**
 * ReferenceStore on DynamoDB (see table-definitions.ts for the key design). Reads answer all
 * of an article's queries in one parallel round of Queries; writes are idempotent batches.
 */
import { createHash } from 'node:crypto';
import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MetricAlias, ReferenceFact } from '../../core/model.ts';
import type { FactQuery, MetricAliasStore, ReferenceStore } from '../../core/ports.ts';
import { pingTable } from './ping-table.ts';
import { putItemsInBatches, realSleep, type Sleep } from './put-items-in-batches.ts';
import { queryAll } from './query-all.ts';

/** Metric aliases live in one partition of the facts table: pk METRIC_ALIAS, sk <metric>#<alias>. */
const ALIAS_PARTITION = 'METRIC_ALIAS';

export interface FactWriteReport {
  facts: number;
  items: number;
  /** Facts that had a revision before and got a new one: claims that relied on them need a re-check. */
  revised: string[];
}

/** A revision key that changes when any of the fact's contents change, and only then. */
export function revisionOf(fact: ReferenceFact): string {
  const digest = createHash('sha256').update(JSON.stringify(fact)).digest('hex').slice(0, 12);
  return `${fact.asOf || '0000'}#${digest}`;
}

/** The entity a query is anchored on: a named thing is more selective than a country. */
export function anchorEntity(entities: readonly string[]): string | undefined {
  return entities.find((e) => e === e.toLowerCase()) ?? entities[0];
}

export class DynamoDbReferenceStore implements ReferenceStore, MetricAliasStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sleep: Sleep = realSleep,
  ) {}

  async findFacts(queries: readonly FactQuery[]): Promise<ReferenceFact[][]> {
    const partitions = new Map<string, Promise<ReferenceFact[]>>();
    const keys = queries.map((q) => {
      const anchor = anchorEntity(q.entities);
      return anchor === undefined ? undefined : `LOOKUP#${q.metric}#${anchor}`;
    });
    for (const key of keys) {
      if (key !== undefined && !partitions.has(key)) partitions.set(key, this.queryPartition(key));
    }
    const results = new Map<string, ReferenceFact[]>();
    await Promise.all(
      [...partitions].map(async ([key, pending]) => {
        results.set(key, await pending);
      }),
    );
    return queries.map((q, i) => {
      const key = keys[i];
      if (key === undefined) return [];
      return (results.get(key) ?? []).filter((fact) => q.entities.every((e) => fact.entities.includes(e)));
    });
  }

  /** Adds metric aliases; the same alias twice is one item. */
  async putMetricAliases(aliases: readonly MetricAlias[]): Promise<number> {
    const items = aliases.map((a) => ({
      pk: ALIAS_PARTITION,
      sk: `${a.metric}#${a.alias}`,
      metric: a.metric,
      alias: a.alias,
    }));
    await putItemsInBatches(this.client, this.tableName, items, this.sleep);
    return items.length;
  }

  async listMetricAliases(): Promise<MetricAlias[]> {
    const items = await this.queryItems(ALIAS_PARTITION);
    return items.map((item) => ({ metric: item.metric as string, alias: item.alias as string }));
  }

  ping(): Promise<void> {
    return pingTable(this.client, this.tableName);
  }

  /** Every revision of every fact of a metric that names an entity, oldest period first. */
  listFacts(metric: string, entity: string): Promise<ReferenceFact[]> {
    return this.queryPartition(`LOOKUP#${metric}#${entity}`);
  }

  /** Every stored revision of one fact, oldest first. */
  factHistory(id: string): Promise<ReferenceFact[]> {
    return this.queryPartition(`FACT#${id}`);
  }

  private async queryPartition(pk: string): Promise<ReferenceFact[]> {
    return (await this.queryItems(pk)).map((item) => item.fact as ReferenceFact);
  }

  /** Every item of a partition, following pagination. */
  private queryItems(pk: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
  }

  /** Writes facts idempotently: the same fact always yields the same items. */
  async putFacts(
    facts: readonly ReferenceFact[],
    onProgress?: (factsWritten: number, factsTotal: number) => void,
  ): Promise<FactWriteReport> {
    const revised = await this.revisedFacts(facts);
    const items = facts.flatMap((fact, index) => {
      const revision = revisionOf(fact);
      const history = { pk: `FACT#${fact.id}`, sk: `REV#${revision}`, fact };
      const lookups = [...new Set(fact.entities)].map((entity) => ({
        pk: `LOOKUP#${fact.metric}#${entity}`,
        sk: `${fact.period}#${fact.id}#${revision}`,
        fact,
      }));
      return [history, ...lookups].map((item) => ({ item, factNumber: index + 1 }));
    });
    await putItemsInBatches(
      this.client,
      this.tableName,
      items.map((i) => i.item),
      this.sleep,
      (written) => {
        // A fact counts as written once its last item is.
        const complete = written >= items.length ? facts.length : items[written - 1]!.factNumber - 1;
        onProgress?.(complete, facts.length);
      },
    );
    return { facts: facts.length, items: items.length, revised };
  }

  /** Ids of the facts whose revision is new although the fact was stored before. */
  private async revisedFacts(facts: readonly ReferenceFact[]): Promise<string[]> {
    const keys = new Map(facts.map((fact) => [`${fact.id}\n${revisionOf(fact)}`, fact]));
    const existing = new Set<string>();
    const pending = [...keys.values()].map((fact) => ({
      pk: `FACT#${fact.id}`,
      sk: `REV#${revisionOf(fact)}`,
    }));
    for (let i = 0; i < pending.length; i += 100) {
      let batch: Record<string, unknown>[] = pending.slice(i, i + 100);
      while (batch.length > 0) {
        const page = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: batch, ProjectionExpression: 'pk, sk' } },
          }),
        );
        for (const item of page.Responses?.[this.tableName] ?? []) existing.add(`${item.pk}\n${item.sk}`);
        batch = (page.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    const fresh = [...keys.values()].filter(
      (fact) => !existing.has(`FACT#${fact.id}\nREV#${revisionOf(fact)}`),
    );
    const revised = await Promise.all(
      fresh.map(async (fact) => {
        const { Count = 0 } = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `FACT#${fact.id}` },
            Select: 'COUNT',
            Limit: 1,
          }),
        );
        return Count > 0 ? fact.id : undefined;
      }),
    );
    return [...new Set(revised.filter((id): id is string => id !== undefined))];
  }
}
