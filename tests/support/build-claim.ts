/**
 * Builds a claim for tests: a "$4 billion" RU-AZ trade turnover claim for 2023, overridden per case.
 */
import type { Claim } from '../../functions/core/model.ts';

export function buildClaim(overrides: Partial<Claim> = {}): Claim {
  const text = overrides.text ?? '$4 billion';
  return {
    id: 'c1',
    text,
    start: 0,
    end: text.length,
    sentence: text,
    kind: 'money',
    value: 4_000_000_000,
    unit: 'USD',
    qualifier: 'exact',
    significantFigures: 1,
    metric: 'trade_turnover',
    entities: [
      { id: 'RU', role: 'party' },
      { id: 'AZ', role: 'party' },
    ],
    period: { value: '2023', basis: 'stated' },
    checkable: true,
    ...overrides,
  };
}
