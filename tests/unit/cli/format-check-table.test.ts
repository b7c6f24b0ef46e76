import { describe, expect, it } from 'vitest';
import { formatCheckTable } from '../../../cli/format-check-table.ts';
import type { CheckedClaim, CheckResult } from '../../../functions/core/index.ts';

const evidence = (factId: string) => ({
  factId,
  value: '1974-07-08',
  unit: 'date',
  period: '1974-07-08',
  sourceName: 'BAM chronicle',
  sourceUrl: 'http://bamts.ru/eng/bamstory/chronic/',
  asOf: '',
});

const claim = {
  id: 'c1-17',
  text: '50th anniversary',
  start: 1,
  end: 17,
  sentence: 'The 50th anniversary of the BAM.',
  kind: 'anniversary',
  value: 50,
  unit: 'year',
  qualifier: 'exact',
  significantFigures: 1,
  metric: 'construction_started',
  entities: [{ id: 'bam_railway', role: 'subject' }],
  period: { value: '2024', basis: 'inferred' },
  checkable: true,
  verdict: {
    claimId: 'c1-17',
    verdict: 'supported',
    explanation: "1974 + 50 = 2024, so '50th anniversary' holds.",
    evidence: [evidence('F025'), evidence('F026')],
  },
} satisfies CheckedClaim;

const result: CheckResult = {
  publishedAt: '2024-04-22',
  claims: [claim],
  summary: { supported: 1, contradicted: 0, outdated: 0, unverifiable: 0, ambiguous: 0 },
};

describe('formatCheckTable', () => {
  it('prints one row per claim with its explanation, each source once, and a summary', () => {
    const table = formatCheckTable(result);
    expect(table).toMatch(/^1 {3}supported {5}anniversary {2}"50th anniversary" {9}50 year/m);
    expect(table).toContain("    1974 + 50 = 2024, so '50th anniversary' holds.");
    expect(table.match(/source: BAM chronicle/g)).toHaveLength(1);
    expect(table.trimEnd().split('\n').at(-1)).toBe('1 claim checked: 1 supported.');
    expect(table).not.toContain('\x1b[');
  });

  it('colours the verdict only when asked to', () => {
    expect(formatCheckTable(result, { colour: true })).toContain('\x1b[32msupported');
  });
});
