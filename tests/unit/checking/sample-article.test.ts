import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../functions/core/checking/index.ts';
import { InMemoryReferenceStore } from '../../support/in-memory-reference-store.ts';
import { loadSampleClaims } from '../../support/load-sample-claims.ts';
import { readFactsCsv } from '../../support/read-facts-csv.ts';

const facts = readFactsCsv(fileURLToPath(new URL('../../../data/facts.csv', import.meta.url)));
const sample = loadSampleClaims(fileURLToPath(new URL('../../fixtures/sample-claims.json', import.meta.url)));

async function checkSample() {
  const store = new InMemoryReferenceStore(facts);
  const result = await checkClaims(sample.claims, { publishedAt: sample.publishedAt }, store);
  const byText = (text: string) => {
    const found = result.claims.find((claim) => claim.text === text);
    if (!found) throw new Error(`no checked claim "${text}"`);
    return found.verdict;
  };
  return { result, store, byText };
}

describe('the sample article (Kremlin meeting, published 2024-04-22) against the reference table', () => {
  it('supports all five claims and asks the store once', async () => {
    const { result, store } = await checkSample();
    expect(store.calls).toHaveLength(1);
    expect(result.summary).toEqual({
      supported: 5,
      contradicted: 0,
      outdated: 0,
      unverifiable: 0,
      ambiguous: 0,
    });
  });

  it('supports the 50th anniversary of BAM from construction starting in 1974', async () => {
    const verdict = (await checkSample()).byText('50th anniversary');
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId).sort()).toEqual(['F025', 'F026']);
    expect(verdict.explanation).toContain('1974 + 50 = 2024');
  });

  it('supports "more than $ 4 billion" with every 2023 turnover figure above 4e9', async () => {
    const verdict = (await checkSample()).byText('more than $ 4 billion');
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId).sort()).toEqual(['F001', 'F003', 'F112', 'F160', 'F235']);
    expect(verdict.evidence.every((e) => e.period === '2023' && (e.value as number) > 4e9)).toBe(true);
    expect(verdict.explanation).toMatch(/^References: \$4\.4 billion in 2023 \(News\.Az/);
    expect(verdict.explanation).toContain("'more than $ 4 billion' holds.");
  });

  it('supports "Six billion" from the April 2022 investment figures and ignores later ones', async () => {
    const verdict = (await checkSample()).byText('Six billion');
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId).sort()).toEqual(['F142', 'F143']);
    expect(verdict.evidence.map((e) => e.deviation?.absolute).sort()).toEqual([-300_000_000, 0]);
  });

  it('supports "February 2022" with the declaration signed on 2022-02-22', async () => {
    const verdict = (await checkSample()).byText('February 2022');
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId).sort()).toEqual(['F014', 'F016', 'F024', 'F220']);
    expect(verdict.explanation).toContain('agreement signed 2022-02-22');
  });

  it('supports "more than two years" from 2022-02-22 to 2024-04-22', async () => {
    const verdict = (await checkSample()).byText('more than two years');
    expect(verdict.verdict).toBe('supported');
    expect(verdict.explanation).toContain('2.16 years had passed by 2024-04-22');
    expect(verdict.evidence.every((e) => e.value === '2022-02-22')).toBe(true);
  });
});

describe('other turnover claims against the reference table', () => {
  const store = () => new InMemoryReferenceStore(facts);
  const turnover = sample.claims[1];
  if (!turnover) throw new Error('the sample has no turnover claim');

  it('marks "$4.17 billion" for 2023 outdated: it is the 2022 figure', async () => {
    const claim = {
      ...turnover,
      text: '$4.17 billion',
      value: 4.17e9,
      qualifier: 'exact' as const,
      significantFigures: 3,
    };
    const [checked] = (await checkClaims([claim], { publishedAt: '2024-04-22' }, store())).claims;
    expect(checked?.verdict.verdict).toBe('outdated');
    expect(checked?.verdict.evidence.map((e) => e.factId)).toContain('F008');
  });

  it('supports "$3.4 billion" for 2021 with the Russian figure and names the Azerbaijani one', async () => {
    const claim = {
      ...turnover,
      text: '$3.4 billion',
      value: 3.4e9,
      qualifier: 'exact' as const,
      significantFigures: 2,
      period: { value: '2021', basis: 'stated' as const },
    };
    const [checked] = (await checkClaims([claim], { publishedAt: '2022-05-01' }, store())).claims;
    expect(checked?.verdict.verdict).toBe('supported');
    expect(checked?.verdict.evidence.map((e) => e.factId).sort()).toEqual(['F139', 'F141']);
    expect(checked?.verdict.explanation).toMatch(
      /as stated by the RU side; '\$3\.4 billion' holds\. The AZ side gives \$2\.99 billion/,
    );
  });

  it('says plainly that there is no full-year 2024 figure', async () => {
    const claim = { ...turnover, period: { value: '2024', basis: 'stated' as const } };
    const [checked] = (await checkClaims([claim], { publishedAt: '2025-01-20' }, store())).claims;
    expect(checked?.verdict.verdict).toBe('unverifiable');
    expect(checked?.verdict.explanation).toMatch(/^The reference gives .*; the claim is about 2024\.$/);
  });
});
