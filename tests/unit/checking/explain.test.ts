import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  formatQuantity,
  formatSignedQuantity,
} from '../../../functions/core/checking/explain.ts';

describe('formatQuantity', () => {
  it.each([
    [4.4e9, 'USD', '$4.4 billion'],
    [4.17e9, 'USD', '$4.17 billion'],
    [1.3e9, 'EUR', '€1.3 billion'],
    [300e9, 'RUB', '300 billion RUB'],
    [1.2e9, 'AZN', '1.2 billion AZN'],
    [211_400_000, 'USD', '$211.4 million'],
    [2.5e12, 'USD', '$2.5 trillion'],
    [500, 'USD', '$500'],
    [17, 'percent', '17%'],
    [-2.1, 'percent', '-2.1%'],
    [1.5, 'percentage_point', '1.5 percentage points'],
    [4324, 'km', '4,324 km'],
    [43, 'count', '43'],
    [2, 'year', '2 years'],
    [1, 'year', '1 year'],
    [17_000_000, 'tonnes_per_year', '17,000,000 tonnes per year'],
  ])('writes %d %s as "%s"', (value, unit, expected) => {
    expect(formatQuantity(value, unit)).toBe(expected);
  });

  it('signs a positive difference with a plus and keeps the minus of a negative one', () => {
    expect(formatSignedQuantity(6e8, 'USD')).toBe('+$600 million');
    expect(formatSignedQuantity(-3e8, 'USD')).toBe('-$300 million');
  });
});

describe('describePeriod', () => {
  it.each([
    ['2023', false, 'in 2023'],
    ['2022-04', true, 'as of 2022-04'],
    ['2024-01/2024-05', false, 'in 2024-01 to 2024-05'],
    ['2022-02-22', false, 'on 2022-02-22'],
    ['', false, ''],
  ])('describes period "%s" (stock: %s) as "%s"', (period, stock, expected) => {
    expect(describePeriod(period, stock)).toBe(expected);
  });
});
