/**
 * The date of a wire dateline is when the story was filed: never the period of a figure, never
 * an event. Dates that open a text otherwise are read as usual.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';

const BODY = 'Trade between the two countries grew by 9% to $1.4 billion, the ministry said.';

function periodOf(text: string, publishedAt: string) {
  const claim = extractClaims(text, { publishedAt }).find((c) => c.text.includes('$1.4 billion'));
  return claim?.frame?.period;
}

describe('datelines', () => {
  const datelines: Array<[string, string]> = [
    ['BAKU, Azerbaijan, March 20 (Trend) - Azerbaijan and Georgia held talks.', '2024-03-20'],
    ['MOSCOW, July 8. /TASS/. Russia and Belarus held talks.', '2024-07-08'],
    ['Baku, June 15, APA. Azerbaijan and Türkiye held talks.', '2024-06-15'],
    ['TEHRAN, Feb. 10 (IRNA) – Iran and Armenia held talks.', '2025-02-10'],
    ['ASTANA, Kazakhstan, 5 March (Kazinform) — Kazakhstan and Uzbekistan held talks.', '2024-03-05'],
    ['TBILISI, October 3: Georgia and Armenia held talks.', '2024-10-03'],
  ];
  it.each(datelines)('%s dates no figure', (opening, publishedAt) => {
    const period = periodOf(`${opening}\n\n${BODY}`, publishedAt);
    // The last full year, figcheck's default for a flow, not the filing day.
    expect(period).toEqual({
      value: String(Number(publishedAt.slice(0, 4)) - 1),
      basis: 'inferred',
      granularity: 'year',
    });
  });

  it('keeps a date that opens a sentence as the period of what follows', () => {
    const period = periodOf(`In March 2024, ${BODY.charAt(0).toLowerCase()}${BODY.slice(1)}`, '2024-05-02');
    expect(period?.value).toBe('2024-03');
  });

  it('keeps a date after place names that is not followed by a dash or full stop', () => {
    const text = `Georgia, Armenia, January 2024 trade figures are out, and ${BODY.charAt(0).toLowerCase()}${BODY.slice(1)}`;
    const period = periodOf(text, '2024-03-02');
    expect(period?.value).not.toBe('2023');
  });
});
