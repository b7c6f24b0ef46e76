/**
 * Table-driven corpus: each row is a sentence written the way news writes a figure, with the span,
 * value, unit, kind and qualifier the extractor must return for it; negative rows must yield nothing.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';
import { type CorpusRow, loadCorpus, type NegativeRow, type PositiveRow } from './corpus/load-corpus.ts';

const PUBLISHED = '2024-04-22';
const corpus = loadCorpus();
const positives = corpus.filter((c): c is { file: string; row: PositiveRow } => !('none' in c.row));
const negatives = corpus.filter((c): c is { file: string; row: NegativeRow } => 'none' in c.row);

function close(actual: unknown, expected: number | string): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(actual as number).toBeCloseTo(expected, Math.abs(expected) >= 1 ? 6 : 9);
  } else {
    expect(actual).toBe(expected);
  }
}

describe('extraction corpus', () => {
  it('holds at least 400 phrases, negatives included', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
  });

  it.each(positives.map(({ file, row }) => [file, row.phrase, row] as const))(
    '%s: reads the figure in "%s"',
    (_file, _phrase, row: CorpusRow) => {
      const r = row as PositiveRow;
      const claims = extractClaims(r.phrase, { publishedAt: PUBLISHED, all: true });
      const claim = claims.find((c) => c.text === r.text);
      expect(
        claim,
        `no claim with text "${r.text}" among ${JSON.stringify(claims.map((c) => c.text))}`,
      ).toBeDefined();
      if (!claim) return;
      expect(r.phrase.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.id).toBe(`c${claim.start}-${claim.end}`);
      expect(claim.kind).toBe(r.kind);
      close(claim.value, r.value);
      expect(claim.unit).toBe(r.unit);
      expect(claim.qualifier).toBe(r.qualifier);
      if (r.low !== undefined) close(claim.low, r.low);
      if (r.high !== undefined) close(claim.high, r.high);
      if (r.sig !== undefined) expect(claim.significantFigures).toBe(r.sig);
      if (r.datePrecision !== undefined) expect(claim.datePrecision).toBe(r.datePrecision);
      if (r.metric !== undefined) expect(claim.metric).toBe(r.metric);
      if (r.carriedUnit !== undefined) expect(claim.carriedUnit === true).toBe(r.carriedUnit);
      if (r.checkable !== undefined) expect(claim.checkable).toBe(r.checkable);
    },
  );

  it.each(negatives.map(({ row }) => [row.why, row.phrase] as const))(
    'finds no figure in a %s: "%s"',
    (_why, phrase) => {
      const claims = extractClaims(phrase, { publishedAt: PUBLISHED, all: true });
      expect(claims.map((c) => c.text)).toEqual([]);
    },
  );
});
