/**
 * Figures as a reader sees them, whatever characters carry them: digits of other scripts,
 * full-width marks, and invisible format characters inside a figure. Offsets still point into
 * the text as sent.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';

const PUBLISHED = '2024-04-22';

function only(text: string) {
  const claims = extractClaims(text, { publishedAt: PUBLISHED });
  expect(claims).toHaveLength(1);
  const claim = claims[0]!;
  expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  expect(claim.id).toBe(`c${claim.start}-${claim.end}`);
  expect(claim.sentence).toBe(text);
  return claim;
}

describe('figures written with other characters', () => {
  it.each([
    ['$4\u200B.4 billion', '$4\u200B.4 billion', 4.4e9, 'USD'],
    ['\u200F4.4 billion dollars', '4.4 billion dollars', 4.4e9, 'USD'],
    ['$\u200E4.4\u200F billion', '$\u200E4.4\u200F billion', 4.4e9, 'USD'],
    ['\u2066$4.4 billion\u2069', '$4.4 billion', 4.4e9, 'USD'],
    ['$4\u00AD.4 billion', '$4\u00AD.4 billion', 4.4e9, 'USD'],
    ['\uFEFF€1.3\uFEFF billion', '€1.3\uFEFF billion', 1.3e9, 'EUR'],
    ['٤٫٤ billion dollars', '٤٫٤ billion dollars', 4.4e9, 'USD'],
    ['۴٫۴ billion dollars', '۴٫۴ billion dollars', 4.4e9, 'USD'],
    ['४.४ billion dollars', '४.४ billion dollars', 4.4e9, 'USD'],
    ['４.４ billion dollars', '４.４ billion dollars', 4.4e9, 'USD'],
    ['$４．４ billion', '$４．４ billion', 4.4e9, 'USD'],
    ['＄4.4 billion', '＄4.4 billion', 4.4e9, 'USD'],
  ])('reads trade of %j as %j, %d %s', (figure, text, value, unit) => {
    const claim = only(`Trade turnover between Russia and Azerbaijan reached ${figure} in 2023.`);
    expect([claim.text, claim.value, claim.unit, claim.metric]).toEqual([
      text,
      value,
      unit,
      'trade_turnover',
    ]);
  });

  it.each([
    ['٥٪', 5],
    ['١٢٫٥٪', 12.5],
    ['4\u200B5%', 45],
    ['12.5\u200F%', 12.5],
    ['１７％', 17],
  ])('reads growth of %j as %d percent', (figure, value) => {
    const claim = only(`Trade turnover between Russia and Azerbaijan grew by ${figure} in 2023.`);
    expect([claim.text, claim.value, claim.unit]).toEqual([figure, value, 'percent']);
  });

  it('leaves invisible marks between words as they were: a word break, not part of a figure', () => {
    const text = 'Trade\u200Bturnover between Russia and Azerbaijan reached $4.4 billion in 2023.';
    expect(only(text).text).toBe('$4.4 billion');
  });

  it('reads a full-width comma between words as punctuation, not a figure mark', () => {
    const claims = extractClaims('Exports rose 5%，imports fell.', { publishedAt: PUBLISHED, all: true });
    expect(claims.map((c) => [c.text, c.value])).toEqual([['5%', 5]]);
  });
});
