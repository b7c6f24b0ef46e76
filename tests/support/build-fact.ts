/**
 * Builds a reference fact for tests: a $4.4 billion RU|AZ trade turnover figure for 2023, overridden per case.
 */
import type { ReferenceFact } from '../../functions/core/model.ts';

export function buildFact(overrides: Partial<ReferenceFact> = {}): ReferenceFact {
  return {
    id: 'F900',
    metric: 'trade_turnover',
    entities: ['RU', 'AZ'],
    period: '2023',
    value: 4_400_000_000,
    unit: 'USD',
    qualifier: 'exact',
    asOf: '2024-02-12',
    sourceName: 'News.Az',
    sourceUrl: 'https://news.az/example',
    notes: '',
    ...overrides,
  };
}
