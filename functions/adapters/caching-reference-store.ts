/**
 * A bounded, time-limited cache in front of a ReferenceStore. A warm Lambda container keeps it
 * between invocations, so checking articles about the same subjects costs no DynamoDB reads.
 * Misses of one call are still fetched together, in one round, from the store behind it.
 */
import type { ReferenceFact } from '../core/model.ts';
import type { FactQuery, ReferenceStore } from '../core/ports.ts';

export interface FactCacheOptions {
  /** How long an answer is reused; a revised fact is visible after at most this long. */
  ttlMs: number;
  /** The most query answers kept; the least recently used go first. */
  maxEntries: number;
  now?: () => number;
}

interface Entry {
  facts: ReferenceFact[];
  expiresAt: number;
}

function cacheKey(query: FactQuery): string {
  return `${query.metric}\u0000${[...query.entities].sort().join('\u0000')}`;
}

export class CachingReferenceStore implements ReferenceStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly inner: ReferenceStore,
    private readonly options: FactCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async findFacts(queries: readonly FactQuery[]): Promise<ReferenceFact[][]> {
    const now = this.now();
    const answers: (ReferenceFact[] | undefined)[] = queries.map((query) => {
      const key = cacheKey(query);
      const entry = this.entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        return undefined;
      }
      // Re-insert to mark it most recently used (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.facts;
    });
    const missing = queries.filter((_, index) => answers[index] === undefined);
    if (missing.length > 0) {
      const fetched = await this.inner.findFacts(missing);
      let next = 0;
      queries.forEach((query, index) => {
        if (answers[index] !== undefined) return;
        const facts = fetched[next++] ?? [];
        answers[index] = facts;
        this.remember(cacheKey(query), facts);
      });
    }
    return answers as ReferenceFact[][];
  }

  /** Forgets everything, e.g. after this container imported new facts itself. */
  clear(): void {
    this.entries.clear();
  }

  private remember(key: string, facts: ReferenceFact[]): void {
    this.entries.delete(key);
    this.entries.set(key, { facts, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
