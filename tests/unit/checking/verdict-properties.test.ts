import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../functions/core/checking/index.ts';
import type { ReferenceFact } from '../../../functions/core/model.ts';
import { buildClaim } from '../../support/build-claim.ts';
import { buildFact } from '../../support/build-fact.ts';

const context = { publishedAt: '2024-04-22' };

/** A reference value as mantissa digits and a decimal exponent, so that values are exact decimals. */
const referenceValue = fc
  .record({
    mantissa: fc.integer({ min: 1, max: 999_999 }),
    exponent: fc.integer({ min: -3, max: 9 }),
    qualifier: fc.constantFrom<ReferenceFact['qualifier']>('exact', 'approx'),
  })
  .map(({ mantissa, exponent, qualifier }) => ({
    digits: String(mantissa),
    exponent,
    qualifier,
    value: Number(`${mantissa}e${exponent}`),
  }));

/** The value rounded half-up to `figures` significant figures, computed on digits to stay exact. */
function roundToFigures(digits: string, exponent: number, figures: number): number {
  const kept = Math.round(Number(`${digits}e-${digits.length - figures}`));
  return Number(`${kept}e${exponent + digits.length - figures}`);
}

describe('verdict properties', () => {
  it('supports a claim built from a reference value rendered at any precision up to its own', () => {
    fc.assert(
      fc.property(
        referenceValue,
        fc.integer({ min: 1, max: 6 }),
        ({ digits, exponent, qualifier, value }, wanted) => {
          const figures = Math.min(wanted, digits.length);
          const claimValue = roundToFigures(digits, exponent, figures);
          const claim = buildClaim({
            text: String(claimValue),
            value: claimValue,
            significantFigures: figures,
          });
          const verdict = decideVerdict(claim, [buildFact({ value, qualifier })], context);
          expect(verdict.verdict).toBe('supported');
        },
      ),
    );
  });

  it('never supports a claim when the reference is twice or 0.4 times the claimed figure', () => {
    fc.assert(
      fc.property(
        referenceValue,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(2, 0.4),
        ({ digits, qualifier, value: claimValue }, extraFigures, factor) => {
          // A claim's tolerance is at most half its value ("1 billion" covers 0.5 to 1.5 billion),
          // so a reference at 2x or 0.4x the claimed figure lies beyond it, whatever the precision.
          const claim = buildClaim({
            text: String(claimValue),
            value: claimValue,
            significantFigures: digits.length + extraFigures,
          });
          const value = Number((claimValue * factor).toPrecision(12));
          const verdict = decideVerdict(claim, [buildFact({ value, qualifier })], context);
          expect(verdict.verdict).not.toBe('supported');
        },
      ),
    );
  });

  it('never supports "more than" a value when the reference is exactly that value', () => {
    fc.assert(
      fc.property(referenceValue, ({ value }) => {
        const claim = buildClaim({ text: `more than ${value}`, value, qualifier: 'more_than' });
        expect(decideVerdict(claim, [buildFact({ value })], context).verdict).toBe('contradicted');
      }),
    );
  });
});
