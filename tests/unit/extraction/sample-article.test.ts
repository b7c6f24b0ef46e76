/**
 * Acceptance: the sample Kremlin article yields exactly the five claims of
 * tests/fixtures/sample-claims.json, and nothing from the site boilerplate after the article.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';
import expected from '../../fixtures/sample-claims.json' with { type: 'json' };

const text = readFileSync(new URL('../../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

describe('the sample article (Putin meets Aliyev, published 2024-04-22)', () => {
  const claims = extractClaims(text, { publishedAt: expected.publishedAt });

  it('yields exactly the five expected claims, in text order', () => {
    expect(claims.map((c) => c.text).sort()).toEqual(expected.claims.map((c) => c.text).sort());
    const starts = claims.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each(expected.claims.map((c, i) => [c.text, i] as const))(
    'reads "%s" with every listed field',
    (_text, i) => {
      const want = expected.claims[i]!;
      const got = claims.find((c) => c.text === want.text);
      expect(got).toBeDefined();
      if (!got) return;
      for (const [key, value] of Object.entries(want)) {
        expect(got[key as keyof typeof got], key).toEqual(value);
      }
    },
  );

  it('gives spans that slice back to the claim text, and ids built from them', () => {
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.id).toBe(`c${c.start}-${c.end}`);
    }
  });

  it('finds nothing in the boilerplate after the article, even when asked for every figure', () => {
    const boilerplateStart = text.indexOf('Leave a review');
    const all = extractClaims(text, { publishedAt: expected.publishedAt, all: true });
    expect(all.filter((c) => c.start >= boilerplateStart)).toEqual([]);
  });
});
