/**
 * Significant figures as written: they set the tolerance a checker allows ("4 billion" is stated to
 * one figure, "4.3 billion" to two), so they follow the digits on the page, not the value.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';

const rows: [phrase: string, text: string, sig: number][] = [
  ['Trade reached $4 billion.', '$4 billion', 1],
  ['Trade reached $4.3 billion.', '$4.3 billion', 2],
  ['Trade reached $4,312 million.', '$4,312 million', 4],
  ['Trade reached six billion dollars.', 'six billion dollars', 1],
  ['Trade reached two and a half billion euros.', 'two and a half billion euros', 2],
  ['Trade reached $4,300,000.', '$4,300,000', 2],
  ['Trade reached $4.30 million.', '$4.30 million', 3],
  ['Trade reached $2.0 billion.', '$2.0 billion', 2],
  ['Trade reached $0.05 billion.', '$0.05 billion', 1],
  ['Trade grew 100%.', '100%', 1],
  ['Trade grew 17.50 percent.', '17.50 percent', 4],
  ['Some 12,000 troops were deployed.', 'Some 12,000 troops', 2],
  ['The line is 4,324 km long.', '4,324 km', 4],
];

describe('significant figures', () => {
  it.each(rows)('reads "%s" as stated to the digits written in "%s" (%i)', (phrase, text, sig) => {
    const claim = extractClaims(phrase, { publishedAt: '2024-04-22', all: true }).find(
      (c) => c.text === text,
    );
    expect(claim?.significantFigures).toBe(sig);
  });

  it('gives dates no significant figures: their precision is datePrecision', () => {
    const [claim] = extractClaims('The treaty was signed in February 2022.', { publishedAt: '2024-04-22' });
    expect(claim?.significantFigures).toBeNull();
    expect(claim?.datePrecision).toBe('month');
  });
});
