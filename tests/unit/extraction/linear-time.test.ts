/**
 * Extraction must stay linear in its input: adversarial 1 MB inputs finish quickly, and doubling
 * the input does not much more than double the time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLambdaBundle } from '../../support/lambda-bundle.ts';

/** Timed as the bundle a function runs (see lambda-bundle.ts). */
const { extractClaims } = await importLambdaBundle<
  typeof import('../../../functions/core/extraction/index.ts')
>('functions/core/extraction/index.ts');

const PUBLISHED = '2024-04-22';
const article = readFileSync(new URL('../../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

const MB = 1_000_000;
const adversarial: Record<string, (size: number) => string> = {
  'a run of digits': (n) => '1'.repeat(n),
  'digits and commas': (n) => '1,'.repeat(n / 2),
  'dollar signs and spaces': (n) => '$ '.repeat(n / 2),
  'one line without spaces': (n) => 'abc1.'.repeat(n / 5),
  'digits and dots': (n) => '1.'.repeat(n / 2),
  'minus signs and digits': (n) => '-1'.repeat(n / 2),
  'number words': (n) => 'one '.repeat(n / 4),
  'spaced digit groups': (n) => '1 000 '.repeat(Math.floor(n / 6)),
  'the article repeated': (n) => article.repeat(Math.ceil(n / article.length)).slice(0, n),
};

/** Inputs where nearly every token is a real claim: the output itself is large, so only growth is bounded. */
const dense: Record<string, (size: number) => string> = {
  ...adversarial,
  percentages: (n) => '5% '.repeat(Math.floor(n / 3)),
  'years after prepositions': (n) => 'in 2022 '.repeat(n / 8),
  'money amounts': (n) => 'Trade reached $4.4 billion. '.repeat(Math.floor(n / 28)),
};

/**
 * CPU time of this process in ms: the other test files and DynamoDB Local share the cores with
 * this one, and wall-clock time would count their work too.
 */
function timeOf(text: string): number {
  const t0 = process.cpuUsage();
  extractClaims(text, { publishedAt: PUBLISHED });
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

/** Best of a few runs, so one slow run on a busy machine does not decide. */
function bestTimeOf(text: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeOf(text));
  return best;
}

describe('extraction time', () => {
  timeOf(article);

  it.each(Object.keys(adversarial))('handles 1 MB of %s in well under 1.5 s', (name) => {
    const text = adversarial[name]!(MB);
    expect(bestTimeOf(text, 5)).toBeLessThan(1500);
  });

  it.each(Object.keys(dense))('grows linearly on %s: doubling the input at most ~3x the time', (name) => {
    const half = dense[name]!(MB / 4);
    const full = dense[name]!(MB / 2);
    // Alternate the two sizes and keep each one's best, so a pause of the collector or a busy
    // neighbour hits both alike; a floor keeps timer noise on tiny times from failing the ratio.
    let a = Infinity;
    let b = Infinity;
    for (let round = 0; round < 4; round++) {
      a = Math.min(a, timeOf(half));
      b = Math.min(b, timeOf(full));
    }
    expect(b).toBeLessThan(Math.max(a, 10) * 3);
  });
});
