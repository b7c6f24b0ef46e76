import { describe, expect, it } from 'vitest';
import { claimInterval, referenceInterval } from '../../../functions/core/checking/index.ts';
import { countSignificantFigures, halfUnitOfLastDigit } from '../../../functions/core/checking/tolerance.ts';
import type { Qualifier } from '../../../functions/core/model.ts';

const inf = Number.POSITIVE_INFINITY;

describe('claimInterval', () => {
  const rows: Array<{
    says: string;
    value: number;
    qualifier: Qualifier;
    figures: number | null;
    low?: number;
    high?: number;
    expected: [number, number, boolean, boolean];
  }> = [
    { says: '4 billion', value: 4e9, qualifier: 'exact', figures: 1, expected: [3.5e9, 4.5e9, false, false] },
    {
      says: '4.3 billion',
      value: 4.3e9,
      qualifier: 'exact',
      figures: 2,
      expected: [4.25e9, 4.35e9, false, false],
    },
    {
      says: '4,312 million',
      value: 4312e6,
      qualifier: 'exact',
      figures: 4,
      expected: [4311.5e6, 4312.5e6, false, false],
    },
    {
      says: 'about 4 billion',
      value: 4e9,
      qualifier: 'approx',
      figures: 1,
      expected: [3.1e9, 4.9e9, false, false],
    },
    {
      says: 'about 46.5 billion (three figures: five units of the last digit, not 10%)',
      value: 46.5e9,
      qualifier: 'approx',
      figures: 3,
      expected: [45.95e9, 47.05e9, false, false],
    },
    {
      says: 'nearly 4.5 billion',
      value: 4.5e9,
      qualifier: 'approx',
      figures: 2,
      expected: [4e9, 4.5e9, false, false],
    },
    {
      says: 'almost 300 billion',
      value: 300e9,
      qualifier: 'approx',
      figures: 1,
      expected: [220e9, 300e9, false, false],
    },
    {
      says: 'nearly 30% of a fall ("shrank by nearly 30%", -30): short of 30 in size, so above -30',
      value: -30,
      qualifier: 'approx',
      figures: 1,
      expected: [-30, -22, false, false],
    },
    {
      says: 'more than 4 billion',
      value: 4e9,
      qualifier: 'more_than',
      figures: 1,
      expected: [4e9, inf, true, true],
    },
    {
      says: 'less than 4 billion',
      value: 4e9,
      qualifier: 'less_than',
      figures: 1,
      expected: [-inf, 4e9, true, true],
    },
    {
      says: 'at least 4 billion',
      value: 4e9,
      qualifier: 'at_least',
      figures: 1,
      expected: [4e9, inf, false, true],
    },
    {
      says: 'up to 4 billion',
      value: 4e9,
      qualifier: 'at_most',
      figures: 1,
      expected: [-inf, 4e9, true, false],
    },
    {
      says: '4-5 billion',
      value: 4e9,
      qualifier: 'range',
      figures: 1,
      low: 4e9,
      high: 5e9,
      expected: [3.5e9, 5.5e9, false, false],
    },
    {
      says: '4.2-4.6 billion',
      value: 4.2e9,
      qualifier: 'range',
      figures: 2,
      low: 4.2e9,
      high: 4.6e9,
      expected: [4.15e9, 4.65e9, false, false],
    },
    { says: '12%', value: 12, qualifier: 'exact', figures: 2, expected: [11.5, 12.5, false, false] },
    {
      says: '4000000000 with no stated figures',
      value: 4e9,
      qualifier: 'exact',
      figures: null,
      expected: [3.5e9, 4.5e9, false, false],
    },
  ];

  it.each(rows)(
    'reads "$says" as its documented interval',
    ({ says, value, qualifier, figures, low, high, expected }) => {
      const interval = claimInterval({
        text: says,
        value,
        qualifier,
        significantFigures: figures,
        low,
        high,
      });
      const [expectedLow, expectedHigh, lowOpen, highOpen] = expected;
      expect(interval?.low).toBeCloseTo(expectedLow, 0);
      expect(interval?.high).toBeCloseTo(expectedHigh, 0);
      expect(interval?.lowOpen).toBe(lowOpen);
      expect(interval?.highOpen).toBe(highOpen);
    },
  );

  it('gives no interval for a claim without a number', () => {
    expect(
      claimInterval({
        text: 'February 2022',
        value: '2022-02',
        qualifier: 'exact',
        significantFigures: null,
      }),
    ).toBeNull();
  });
});

describe('referenceInterval', () => {
  it('treats an exact reference as a single point', () => {
    expect(referenceInterval(4.4e9, 'exact')).toEqual({
      low: 4.4e9,
      high: 4.4e9,
      lowOpen: false,
      highOpen: false,
    });
  });

  it('treats an approx reference as rounded at its own significant figures', () => {
    const interval = referenceInterval(4.4e9, 'approx');
    expect(interval.low).toBeCloseTo(4.35e9, 0);
    expect(interval.high).toBeCloseTo(4.45e9, 0);
  });

  it('treats a more_than reference as open above its value', () => {
    expect(referenceInterval(9e9, 'more_than')).toEqual({
      low: 9e9,
      high: inf,
      lowOpen: true,
      highOpen: true,
    });
  });
});

describe('significant figures', () => {
  it.each([
    [4_400_000_000, 2],
    [4_000_000_000, 1],
    [17.5, 3],
    [4_312_000_000, 4],
    [0.05, 1],
    [0, 1],
  ])('counts %d as %d significant figures', (value, figures) => {
    expect(countSignificantFigures(value)).toBe(figures);
  });

  it.each([
    [4e9, 1, 5e8],
    [4.3e9, 2, 5e7],
    [17.5, 3, 0.05],
  ])('takes half a unit of the last digit of %d at %d figures as %d', (value, figures, half) => {
    expect(halfUnitOfLastDigit(value, figures)).toBe(half);
  });
});
