/**
 * Property: a number rendered in any of the forms news uses, placed in a sentence, is read back
 * as the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, recogniseNumbers } from '../../../functions/core/extraction/index.ts';

const PUBLISHED = '2024-04-22';
const SMALL_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function inWords(n: number): string {
  if (n < 20) return SMALL_WORDS[n]!;
  if (n < 100) return TENS_WORDS[Math.floor(n / 10)]! + (n % 10 ? `-${SMALL_WORDS[n % 10]}` : '');
  const rest = n % 100;
  return `${SMALL_WORDS[Math.floor(n / 100)]} hundred${rest ? ` and ${inWords(rest)}` : ''}`;
}

function grouped(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('numbers round-trip through extraction', () => {
  it('reads integers written with comma, space, no-break or thin-space grouping', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999_999 }),
        fc.constantFrom(',', ' ', '\u00a0', '\u2009', '\u202f'),
        (n, sep) => {
          const text = `Officials counted ${grouped(n, sep)} visitors last season.`;
          const c = only(
            extractClaims(text, { publishedAt: PUBLISHED, all: true }).filter((x) => x.kind === 'count'),
          );
          expect(c.value).toBe(n);
          expect(c.unit).toBe('visitors');
        },
      ),
    );
  });

  it('reads decimals with scale words ("4.3 million", "12.75 billion")', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['thousand', 1e3]),
        (whole, cents, [word, scale]) => {
          const num = `${whole}.${String(cents).padStart(2, '0')}`;
          const text = `The fund reported ${num} ${word} subscribers.`;
          const c = only(extractClaims(text, { publishedAt: PUBLISHED, all: true }));
          expect(c.value as number).toBeCloseTo(Number(num) * (scale as number), 0);
        },
      ),
    );
  });

  it('reads money written as "$X bn", "USD X million", "X billion euros" and "€X" with the currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(
          (x: string) => [`$${x} bn`, 1e9, 'USD'] as const,
          (x: string) => [`$${x}bn`, 1e9, 'USD'] as const,
          (x: string) => [`USD ${x} million`, 1e6, 'USD'] as const,
          (x: string) => [`${x} billion euros`, 1e9, 'EUR'] as const,
          (x: string) => [`€${x}m`, 1e6, 'EUR'] as const,
          (x: string) => [`${x} million manats`, 1e6, 'AZN'] as const,
          (x: string) => [`₽${x} bln`, 1e9, 'RUB'] as const,
        ),
        (tenths, render) => {
          const x = (tenths / 10).toString();
          const [phrase, scale, currency] = render(x);
          const text = `Trade between the two countries reached ${phrase} in 2023.`;
          const c = only(
            extractClaims(text, { publishedAt: PUBLISHED, all: true }).filter((k) => k.kind === 'money'),
          );
          expect(c.text).toBe(phrase);
          expect(c.value as number).toBeCloseTo((tenths / 10) * scale, 0);
          expect(c.unit).toBe(currency);
        },
      ),
    );
  });

  it('reads percentages written as "X%", "X per cent" and "X percent"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.constantFrom('%', ' per cent', ' percent', ' %'),
        (hundredths, suffix) => {
          const x = (hundredths / 100).toString();
          const text = `Inflation reached ${x}${suffix} in March.`;
          const c = only(
            extractClaims(text, { publishedAt: PUBLISHED, all: true }).filter((k) => k.kind === 'percent'),
          );
          expect(c.value as number).toBeCloseTo(hundredths / 100, 9);
          expect(c.unit).toBe('percent');
        },
      ),
    );
  });

  it('reads numbers below a thousand written in words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999 }), (n) => {
        const words = inWords(n);
        const found = recogniseNumbers(`The committee approved ${words} applications.`);
        const m = only(found);
        expect(m.text).toBe(words);
        expect(m.value).toBe(n);
      }),
    );
  });

  it('reads word numbers with scales ("six billion", "twenty-five million")', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom(['thousand', 1e3], ['million', 1e6], ['billion', 1e9]),
        (n, [w, s]) => {
          const words = `${inWords(n)} ${w}`;
          const m = only(recogniseNumbers(`They raised ${words} last year.`));
          expect(m.value).toBe(n * (s as number));
        },
      ),
    );
  });
});
