/**
 * A headline figure that the lede states again takes the lede's frame; one the lede does not
 * state again keeps its own reading.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';

function headlineClaim(text: string, publishedAt: string, figure: string) {
  const at = text.indexOf(figure);
  return extractClaims(text, { publishedAt, all: true }).find((c) => c.start <= at && at < c.end);
}

describe('headline figures', () => {
  it('take the period and parties of the lede that restates them', () => {
    const text =
      'Uzbek-Kazakh trade climbs to $3.2bn in nine months\n\n' +
      'TASHKENT, Oct 20 - Trade between Uzbekistan and Kazakhstan reached $3.21 billion in January-September 2023, the Statistics Agency said.';
    const claim = headlineClaim(text, '2023-10-20', '$3.2bn');
    expect(claim?.frame?.metric).toBe('trade_turnover');
    expect(claim?.frame?.entities.map((e) => e.id).sort()).toEqual(['KZ', 'UZ']);
    expect(claim?.frame?.period).toMatchObject({ value: '2023-01/2023-09', granularity: 'months' });
    expect(claim?.checkable).toBe(true);
  });

  it('take nothing from a lede figure beyond the headline precision', () => {
    const text =
      'Uzbek-Kazakh trade climbs to $3.2bn in nine months\n\n' +
      'Trade between Uzbekistan and Kazakhstan reached $3.36 billion in January-September 2023.';
    const claim = headlineClaim(text, '2023-10-20', '$3.2bn');
    expect(claim?.frame?.period?.value).not.toBe('2023-01/2023-09');
  });

  it('are not read from the lede when the first line is a sentence', () => {
    const text =
      'Trade climbed to $3.2bn in nine months.\n\n' +
      'Trade between Uzbekistan and Kazakhstan reached $3.2 billion in January-September 2023.';
    const claim = headlineClaim(text, '2023-10-20', '$3.2bn');
    expect(claim?.frame?.period?.value).not.toBe('2023-01/2023-09');
  });

  it('keep their own reading when the lede states another figure', () => {
    const text =
      'Uzbek-Kazakh trade hits $4bn\n\n' +
      'Trade between Uzbekistan and Kazakhstan reached $3.2 billion in January-September 2023.';
    const claims = extractClaims(text, { publishedAt: '2023-10-20', all: true });
    expect(claims.find((c) => c.text === '$4bn')?.frame?.period?.value).not.toBe('2023-01/2023-09');
    expect(claims.find((c) => c.text === '$3.2 billion')?.frame?.period?.value).toBe('2023-01/2023-09');
  });
});
