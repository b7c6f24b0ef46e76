import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFactQueries } from '../../../functions/core/checking/index.ts';
import { buildClaim } from '../../support/build-claim.ts';
import { loadSampleClaims } from '../../support/load-sample-claims.ts';

const sample = loadSampleClaims(fileURLToPath(new URL('../../fixtures/sample-claims.json', import.meta.url)));

describe('planFactQueries', () => {
  it('plans the sample article as seven distinct queries, events by their own metrics and entities', () => {
    expect(planFactQueries(sample.claims)).toEqual([
      { metric: 'construction_started', entities: ['bam_railway'] },
      // An anniversary may also be read from a count of the event's anniversaries.
      { metric: 'anniversary', entities: ['bam_railway'] },
      { metric: 'trade_turnover', entities: ['RU', 'AZ'] },
      { metric: 'exchange_rate', entities: ['USD'] },
      { metric: 'investment_stock', entities: ['RU', 'AZ'] },
      // A dated document is looked up by its own name, its parties' other documents beside it.
      { metric: 'agreement_signed', entities: ['declaration_allied_interaction'] },
      { metric: 'agreement_signed', entities: ['AZ', 'RU'] },
    ]);
  });

  it('asks for the other side of a flow with both ends', () => {
    const claim = buildClaim({
      metric: 'imports',
      entities: [
        { id: 'IT', role: 'source' },
        { id: 'AZ', role: 'target' },
      ],
    });
    expect(planFactQueries([claim])).toEqual([
      { metric: 'imports', entities: ['IT', 'AZ'] },
      { metric: 'exports', entities: ['IT', 'AZ'] },
      { metric: 'exchange_rate', entities: ['USD'] },
    ]);
  });

  it('asks for a cost under its other name too', () => {
    const claim = buildClaim({
      metric: 'construction_cost',
      unit: 'EUR',
      entities: [{ id: 'rasht_astara_railway', role: 'subject' }],
    });
    expect(planFactQueries([claim])).toEqual([
      { metric: 'construction_cost', entities: ['rasht_astara_railway'] },
      { metric: 'project_cost', entities: ['rasht_astara_railway'] },
      { metric: 'exchange_rate', entities: ['EUR'] },
    ]);
  });

  it('asks once for queries that differ only in entity order', () => {
    const claims = [
      buildClaim({ id: 'a', unit: 'count' }),
      buildClaim({
        id: 'b',
        unit: 'count',
        entities: [
          { id: 'AZ', role: 'party' },
          { id: 'RU', role: 'party' },
        ],
      }),
    ];
    expect(planFactQueries(claims)).toEqual([{ metric: 'trade_turnover', entities: ['RU', 'AZ'] }]);
  });

  it('skips claims that are not checkable or name nothing recognised', () => {
    const claims = [
      buildClaim({ id: 'a', checkable: false }),
      buildClaim({ id: 'b', metric: null }),
      buildClaim({ id: 'c', entities: [] }),
    ];
    expect(planFactQueries(claims)).toEqual([]);
  });

  it('asks for every event metric of an anniversary, in order of preference, then for counts of its anniversaries', () => {
    const claim = buildClaim({
      kind: 'anniversary',
      value: 50,
      unit: 'year',
      event: { metrics: ['construction_started', 'construction_announced'], entities: ['bam_railway'] },
    });
    expect(planFactQueries([claim])).toEqual([
      { metric: 'construction_started', entities: ['bam_railway'] },
      { metric: 'construction_announced', entities: ['bam_railway'] },
      { metric: 'anniversary', entities: ['bam_railway'] },
    ]);
  });

  it('asks for exchange rates of each money claim currency once', () => {
    const claims = [
      buildClaim({ id: 'a', unit: 'EUR', metric: 'loan_amount' }),
      buildClaim({ id: 'b', unit: 'EUR', metric: 'project_cost' }),
    ];
    expect(planFactQueries(claims).filter((query) => query.metric === 'exchange_rate')).toEqual([
      { metric: 'exchange_rate', entities: ['EUR'] },
    ]);
  });
});
