/**
 * The extractor's expected claims for the sample article (tests/fixtures/sample-claims.json),
 * completed into full Claim objects: the fixture lists only what the checker reads.
 */
import { readFileSync } from 'node:fs';
import type { Claim } from '../../functions/core/model.ts';

interface SampleFixture {
  publishedAt: string;
  claims: Array<Partial<Claim> & Pick<Claim, 'text' | 'kind' | 'value'>>;
}

export function loadSampleClaims(path: string): { publishedAt: string; claims: Claim[] } {
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as SampleFixture;
  const claims = fixture.claims.map(
    (partial, index): Claim => ({
      id: `sample-${index + 1}`,
      start: 0,
      end: partial.text.length,
      sentence: partial.text,
      unit: null,
      qualifier: 'exact',
      significantFigures: null,
      metric: null,
      entities: [],
      period: null,
      checkable: true,
      ...partial,
    }),
  );
  return { publishedAt: fixture.publishedAt, claims };
}
