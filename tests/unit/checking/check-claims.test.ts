import { describe, expect, it } from 'vitest';
import { checkClaims, ReferenceStoreAnswerError } from '../../../functions/core/checking/index.ts';
import type { Claim } from '../../../functions/core/model.ts';
import type { ReferenceStore } from '../../../functions/core/ports.ts';
import { buildClaim } from '../../support/build-claim.ts';
import { buildFact } from '../../support/build-fact.ts';
import { InMemoryReferenceStore } from '../../support/in-memory-reference-store.ts';

const context = { publishedAt: '2024-04-22' };

function manyClaims(): Claim[] {
  const partners = ['AZ', 'KZ', 'TR', 'CN', 'IT', 'GE', 'IR', 'IN'];
  const money = partners.map((partner, index) =>
    buildClaim({
      id: `m${index}`,
      entities: [
        { id: 'RU', role: 'party' },
        { id: partner, role: 'party' },
      ],
    }),
  );
  const dates = partners.map((partner, index) =>
    buildClaim({
      id: `d${index}`,
      kind: 'date',
      text: '2022',
      value: '2022',
      unit: null,
      significantFigures: null,
      metric: 'agreement_signed',
      entities: [{ id: partner, role: 'party' }],
    }),
  );
  return [...money, ...dates];
}

describe('checkClaims', () => {
  it('calls findFacts exactly once for an article with many claims', async () => {
    const store = new InMemoryReferenceStore([buildFact({ value: 4e9 })]);
    const result = await checkClaims(manyClaims(), context, store);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]).toHaveLength(17);
    expect(result.claims).toHaveLength(16);
  });

  it('counts verdicts in the summary', async () => {
    const store = new InMemoryReferenceStore([buildFact({ value: 4e9 })]);
    const result = await checkClaims(manyClaims(), context, store);
    expect(result.summary).toEqual({
      supported: 1,
      contradicted: 0,
      outdated: 0,
      unverifiable: 15,
      ambiguous: 0,
    });
    expect(result.publishedAt).toBe('2024-04-22');
  });

  it('checks only checkable claims', async () => {
    const store = new InMemoryReferenceStore([buildFact({ value: 4e9 })]);
    const claims = [buildClaim({ id: 'yes' }), buildClaim({ id: 'no', checkable: false })];
    const result = await checkClaims(claims, context, store);
    expect(result.claims.map((claim) => [claim.id, claim.verdict.verdict])).toEqual([['yes', 'supported']]);
    expect(result.claims[0]?.verdict.claimId).toBe('yes');
  });

  it('gives each claim only the facts its own queries returned', async () => {
    const store = new InMemoryReferenceStore([
      buildFact({ id: 'AZ', value: 4e9 }),
      buildFact({ id: 'KZ', entities: ['RU', 'KZ'], value: 4e9 }),
    ]);
    const result = await checkClaims(manyClaims().slice(0, 2), context, store);
    expect(result.claims.map((claim) => claim.verdict.evidence.map((e) => e.factId))).toEqual([
      ['AZ'],
      ['KZ'],
    ]);
  });

  it('makes no request when no claim names anything to look up', async () => {
    const store = new InMemoryReferenceStore([]);
    const result = await checkClaims([buildClaim({ metric: null })], context, store);
    expect(store.calls).toHaveLength(0);
    expect(result.summary.unverifiable).toBe(1);
  });

  it('rejects a store that answers a different number of queries than asked', async () => {
    const broken: ReferenceStore = { findFacts: async () => [] };
    await expect(checkClaims([buildClaim()], context, broken)).rejects.toBeInstanceOf(
      ReferenceStoreAnswerError,
    );
  });
});
