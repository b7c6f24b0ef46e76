import { describe, expect, it } from 'vitest';
import { extractClaims, KNOWN_METRICS } from '../../../functions/core/index.ts';

const TEXT = 'Barter between Russia and Azerbaijan reached $4.4 billion in 2023.';
const ALIASES = [{ metric: 'trade_turnover', alias: 'barter between' }];

describe('metric aliases kept as data', () => {
  it('leave a figure without a metric when its wording is not in the vocabulary, with what its clause names', () => {
    const [claim] = extractClaims(TEXT, { publishedAt: '2024-04-22' });
    expect(claim).toMatchObject({
      text: '$4.4 billion',
      metric: null,
      entities: [
        { id: 'RU', role: 'party' },
        { id: 'AZ', role: 'party' },
      ],
      period: { value: '2023', basis: 'stated', granularity: 'year' },
    });
  });

  it("let a data editor's wording name the metric, with the entities and period that follow from it", () => {
    const [claim] = extractClaims(TEXT, { publishedAt: '2024-04-22', metricAliases: ALIASES });
    expect(claim).toMatchObject({
      text: '$4.4 billion',
      metric: 'trade_turnover',
      entities: [
        { id: 'RU', role: 'party' },
        { id: 'AZ', role: 'party' },
      ],
      period: { value: '2023', basis: 'stated' },
    });
  });

  it('ignore an alias for a metric the extractor does not know', () => {
    const [claim] = extractClaims(TEXT, {
      publishedAt: '2024-04-22',
      metricAliases: [{ metric: 'made_up_metric', alias: 'barter between' }],
    });
    expect(claim!.metric).toBeNull();
  });

  it('are offered for the metrics the extractor knows', () => {
    expect(KNOWN_METRICS.has('trade_turnover')).toBe(true);
    expect(KNOWN_METRICS.has('investment_stock')).toBe(true);
    expect(KNOWN_METRICS.has('made_up_metric')).toBe(false);
  });
});
