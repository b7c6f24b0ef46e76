/**
 * A level "has reached" with no date is the level when the article was published: a reference for
 * that very month may contradict it, an older one may not (the stock has moved since).
 */
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../functions/core/index.ts';
import { buildFact } from '../../support/build-fact.ts';
import { InMemoryReferenceStore } from '../../support/in-memory-reference-store.ts';

const text = "Kazakhstan has invested $141 million in Azerbaijan's economy, the energy ministry said.";

function stock(period: string, value: number) {
  return buildFact({
    id: `S-${period}`,
    metric: 'investment_stock',
    entities: ['KZ', 'AZ'],
    period,
    value,
    unit: 'USD',
    qualifier: 'approx',
    asOf: `${period}-05`,
  });
}

async function verdictWith(period: string, value: number, ...more: [string, number][]) {
  const store = new InMemoryReferenceStore([stock(period, value), ...more.map(([p, v]) => stock(p, v))]);
  const result = await checkArticle({ text, publishedAt: '2024-03-05' }, store);
  const claim = result.claims.find((c) => c.text.includes('$141 million'));
  return claim?.verdict;
}

describe('an undated stock', () => {
  it('is contradicted by a reference for the month of publication', async () => {
    const verdict = await verdictWith('2024-03', 114_000_000);
    expect(verdict?.verdict).toBe('contradicted');
  });

  it('is supported by a matching reference for that month', async () => {
    expect((await verdictWith('2024-03', 141_000_000))?.verdict).toBe('supported');
  });

  it('is not contradicted by a reference months older, and says why', async () => {
    const verdict = await verdictWith('2023-11', 114_000_000);
    expect(verdict?.verdict).toBe('unverifiable');
    expect(verdict?.explanation).toMatch(/guessed the period/);
  });

  it('is outdated when it matches an older reference and those of the last months disagree', async () => {
    const verdict = await verdictWith('2023-12', 96_000_000, ['2023-10', 141_000_000]);
    expect(verdict?.verdict).toBe('outdated');
    expect(verdict?.explanation).toMatch(/matches only the older \$141 million as of 2023-10/);
    expect(verdict?.evidence.map((e) => e.period)).toEqual(['2023-12', '2023-10']);
  });

  it('is not outdated when the disagreeing reference is itself more than half a year old', async () => {
    const verdict = await verdictWith('2023-06', 185_000_000, ['2023-01', 141_000_000]);
    expect(verdict?.verdict).toBe('unverifiable');
    expect(verdict?.explanation).toMatch(/guessed the period/);
  });
});
