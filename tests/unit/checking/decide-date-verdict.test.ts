import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../functions/core/checking/index.ts';
import type { Claim, ReferenceFact } from '../../../functions/core/model.ts';
import { buildClaim } from '../../support/build-claim.ts';
import { buildFact } from '../../support/build-fact.ts';

const declaration = ['AZ', 'RU', 'declaration_allied_interaction'];

function dateClaim(value: string, overrides: Partial<Claim> = {}): Claim {
  return buildClaim({
    text: value,
    kind: 'date',
    value,
    unit: null,
    significantFigures: null,
    metric: 'agreement_signed',
    entities: declaration.map((id) => ({ id, role: id.length === 2 ? 'party' : 'subject' })),
    period: { value, basis: 'stated' },
    ...overrides,
  });
}

function signed(value: string, overrides: Partial<ReferenceFact> = {}): ReferenceFact {
  return buildFact({
    id: 'F014',
    metric: 'agreement_signed',
    entities: declaration,
    period: value,
    value,
    unit: 'date',
    sourceName: 'Trend News Agency',
    asOf: '2023-02-17',
    ...overrides,
  });
}

const context = { publishedAt: '2024-04-22' };

describe('decideVerdict on date claims, at the stated precision', () => {
  it.each([
    ['2022-02', 'exact', '2022-02-22', 'supported'],
    ['2022-02', 'exact', '2022-03-01', 'contradicted'],
    ['2022-02', 'exact', '2022-01-31', 'contradicted'],
    ['2022', 'exact', '2022-02-22', 'supported'],
    ['2022', 'exact', '2021-12-31', 'contradicted'],
    ['2022-02-22', 'exact', '2022-02-22', 'supported'],
    ['2022-02-21', 'exact', '2022-02-22', 'contradicted'],
    ['2022-02-22', 'exact', '2022-02', 'unverifiable'],
    ['2022-02', 'exact', '2022-02', 'supported'],
    ['2021', 'more_than', '2022-02-22', 'supported'],
    ['2022', 'more_than', '2022-02-22', 'contradicted'],
    ['2022', 'less_than', '2022-02-22', 'contradicted'],
    ['2023', 'less_than', '2022-02-22', 'supported'],
    ['2022', 'at_least', '2022-02-22', 'supported'],
    ['2022', 'at_most', '2022-02-22', 'supported'],
    ['2022-02', 'approx', '2022-03-15', 'supported'],
    ['2022-02', 'approx', '2022-05-01', 'contradicted'],
  ] as const)('claim %s (%s) with reference %s is %s', (value, qualifier, reference, expected) => {
    expect(decideVerdict(dateClaim(value, { qualifier }), [signed(reference)], context).verdict).toBe(
      expected,
    );
  });

  it('names the reference date when the month is wrong', () => {
    const verdict = decideVerdict(
      dateClaim('2022-02', { text: 'February 2022' }),
      [signed('2022-03-01')],
      context,
    );
    expect(verdict.explanation).toBe(
      "Reference: agreement signed 2022-03-01 (Trend News Agency, 2023-02-17); 'February 2022' does not hold.",
    );
    expect(verdict.evidence.map((e) => e.value)).toEqual(['2022-03-01']);
  });

  it('is ambiguous when references disagree about the month', () => {
    const verdict = decideVerdict(
      dateClaim('2022-02'),
      [signed('2022-02-22'), signed('2022-03-01', { id: 'F999', sourceName: 'Other' })],
      context,
    );
    expect(verdict.verdict).toBe('ambiguous');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F014', 'F999']);
  });

  it('is unverifiable, saying so, when no reference dates the event', () => {
    const verdict = decideVerdict(dateClaim('2022-02'), [], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'No reference date for agreement signed of declaration allied interaction.',
    );
  });
});

const bam = { metrics: ['construction_started'], entities: ['bam_railway'] };

function anniversary(n: number, overrides: Partial<Claim> = {}): Claim {
  return buildClaim({
    text: `${n}th anniversary`,
    kind: 'anniversary',
    value: n,
    unit: 'year',
    significantFigures: null,
    metric: 'construction_started',
    entities: [{ id: 'bam_railway', role: 'subject' }],
    period: { value: '2024', basis: 'inferred' },
    event: bam,
    ...overrides,
  });
}

function started(id: string, value: string, metric = 'construction_started'): ReferenceFact {
  return buildFact({
    id,
    metric,
    entities: ['bam_railway', 'resolution_561'],
    period: value,
    value,
    unit: 'date',
    asOf: '',
    sourceName: 'bamts.ru',
  });
}

describe('decideVerdict on anniversaries', () => {
  it('supports the 50th anniversary in 2024 when the event facts agree on 1974', () => {
    const verdict = decideVerdict(
      anniversary(50),
      [started('F025', '1974-07-08'), started('F026', '1974-04')],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.explanation).toBe(
      "References: construction started 1974-07-08 (bamts.ru) and construction started 1974-04 (bamts.ru); 1974 + 50 = 2024, so '50th anniversary' holds.",
    );
  });

  it('contradicts the 40th anniversary and says which anniversary it is', () => {
    const verdict = decideVerdict(anniversary(40), [started('F025', '1974-07-08')], context);
    expect(verdict.verdict).toBe('contradicted');
    expect(verdict.explanation).toContain(
      "2024 marks the 50th anniversary, so '40th anniversary' does not hold",
    );
    expect(verdict.evidence[0]?.deviation).toEqual({ absolute: -10, relative: -0.2 });
  });

  it('is ambiguous when event facts give different years that lead to different conclusions', () => {
    const verdict = decideVerdict(
      anniversary(50),
      [started('F025', '1974-07-08'), started('F900', '1975-01')],
      context,
    );
    expect(verdict.verdict).toBe('ambiguous');
  });

  it('counts to the stated period rather than the publication year', () => {
    const claim = anniversary(51, { period: { value: '2025', basis: 'stated' } });
    expect(decideVerdict(claim, [started('F025', '1974-07-08')], context).verdict).toBe('supported');
  });

  it('counts to the publication year when the claim has no period', () => {
    expect(
      decideVerdict(anniversary(50, { period: null }), [started('F025', '1974-07-08')], context).verdict,
    ).toBe('supported');
  });

  it('uses the first event metric, in order of preference, that has facts', () => {
    const claim = anniversary(50, {
      event: { metrics: ['construction_started', 'construction_announced'], entities: ['bam_railway'] },
    });
    const verdict = decideVerdict(
      claim,
      [started('F203', '1973-03', 'construction_announced'), started('F025', '1974-07-08')],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F025']);
  });

  it("does not take the article's own stated date as evidence", () => {
    const claim = anniversary(50, { event: { ...bam, statedDate: '1974' } });
    const verdict = decideVerdict(claim, [], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe('No reference date for construction started of bam_railway.');
  });

  describe('from a count of the same anniversaries, when no reference dates the event', () => {
    const ots = { metrics: ['founded'], entities: ['organization_of_turkic_states'] };
    const counted = buildFact({
      id: 'F226',
      metric: 'anniversary',
      entities: ['organization_of_turkic_states'],
      period: '2024-10-03',
      value: 15,
      unit: 'count',
      sourceName: 'Anews.az',
      asOf: '2024-10-03',
    });
    const claim = (n: number, year = '2024') =>
      anniversary(n, {
        metric: 'founded',
        entities: [{ id: 'organization_of_turkic_states', role: 'subject' }],
        event: ots,
        period: { value: year, basis: 'relative' },
      });

    it('supports the 15th in 2024 and the 20th in 2029 from the 15th on 3 October 2024', () => {
      const verdict = decideVerdict(claim(15), [counted], context);
      expect(verdict.verdict).toBe('supported');
      expect(verdict.explanation).toBe(
        "Reference: the 15th anniversary in 2024 (Anews.az, 2024-10-03); 2009 + 15 = 2024, so '15th anniversary' holds.",
      );
      expect(decideVerdict(claim(20, '2029'), [counted], context).verdict).toBe('supported');
    });

    it('contradicts the 16th in 2024 and names the count the reference gives', () => {
      const verdict = decideVerdict(claim(16), [counted], context);
      expect(verdict.verdict).toBe('contradicted');
      expect(verdict.explanation).toContain(
        "2024 marks the 15th anniversary, so '16th anniversary' does not hold",
      );
    });

    it("ignores a count of another thing's anniversaries", () => {
      const other = { ...counted, id: 'F900', entities: ['tanap'] };
      expect(decideVerdict(claim(16), [other], context).verdict).toBe('unverifiable');
    });
  });

  it('is unverifiable when neither an event nor a metric is recognised', () => {
    const claim = anniversary(50, { event: undefined, metric: null, entities: [] });
    expect(decideVerdict(claim, [], context).explanation).toBe(
      'The claim names no metric or entity figcheck recognises.',
    );
  });
});

function duration(overrides: Partial<Claim> = {}): Claim {
  return buildClaim({
    text: 'more than two years',
    kind: 'duration',
    value: 2,
    unit: 'year',
    qualifier: 'more_than',
    significantFigures: 1,
    metric: 'agreement_signed',
    entities: declaration.map((id) => ({ id, role: 'party' })),
    period: null,
    event: { metrics: ['agreement_signed'], entities: declaration, statedDate: '2022-02' },
    ...overrides,
  });
}

describe('decideVerdict on durations', () => {
  it.each([
    ['more than two years', '2022-02-22', '2024-04-22', 'supported'],
    ['more than two years, exactly two years on', '2022-02-22', '2024-02-22', 'contradicted'],
    ['more than two years, a day past two years', '2022-02-22', '2024-02-23', 'supported'],
    ['more than two years, month-precision event, mid-month after', '2022-02', '2024-02-15', 'unverifiable'],
    ['more than two years, month-precision event, the month after', '2022-02', '2024-03-01', 'supported'],
    ['more than two years, year-precision event', '2022', '2024-06-01', 'unverifiable'],
    ['more than two years, year-precision event, long after', '2022', '2025-01-01', 'supported'],
  ])('%s (event %s, published %s) is %s', (_, eventDate, publishedAt, expected) => {
    const verdict = decideVerdict(duration(), [signed(eventDate)], { publishedAt });
    expect(verdict.verdict).toBe(expected);
  });

  it.each([
    ['two years', 'exact', 2, 'year', '2022-02-22', '2024-04-22', 'supported'],
    ['two years', 'exact', 2, 'year', '2022-02-22', '2024-09-01', 'contradicted'],
    ['about three years', 'approx', 3, 'year', '2022-02-22', '2024-04-22', 'contradicted'],
    ['about three years', 'approx', 3, 'year', '2022-02-22', '2024-06-01', 'supported'],
    ['less than two years', 'less_than', 2, 'year', '2022-02-22', '2024-04-22', 'contradicted'],
    ['26 months', 'exact', 26, 'month', '2022-02-22', '2024-04-22', 'supported'],
    ['60 days', 'exact', 60, 'days', '2024-02-22', '2024-04-22', 'supported'],
  ] as const)(
    '"%s" (%s, %d %s) from %s to %s is %s',
    (text, qualifier, value, unit, eventDate, publishedAt, expected) => {
      const claim = duration({ text, qualifier, value, unit, significantFigures: String(value).length });
      expect(decideVerdict(claim, [signed(eventDate)], { publishedAt }).verdict).toBe(expected);
    },
  );

  it('measures to the day named by the claim period, not the publication date', () => {
    const claim = duration({ period: { value: '2024-02-22', basis: 'stated' } });
    expect(decideVerdict(claim, [signed('2022-02-22')], context).verdict).toBe('contradicted');
  });

  it('says how much time had passed and by when', () => {
    const verdict = decideVerdict(duration(), [signed('2022-02-22')], context);
    expect(verdict.explanation).toBe(
      "Reference: agreement signed 2022-02-22 (Trend News Agency, 2023-02-17); 2.16 years had passed by 2024-04-22, so 'more than two years' holds.",
    );
  });

  it('explains a reference date too coarse to decide', () => {
    const verdict = decideVerdict(duration(), [signed('2022-02')], { publishedAt: '2024-02-15' });
    expect(verdict.explanation).toMatch(
      /^The reference dates are too coarse: from agreement signed 2022-02 \(Trend News Agency, 2023-02-17\), between 1\.96 years and 2\.04 years had passed by 2024-02-15/,
    );
  });

  it('is unverifiable for a unit that is not a calendar unit', () => {
    expect(decideVerdict(duration({ unit: 'km' }), [signed('2022-02-22')], context).verdict).toBe(
      'unverifiable',
    );
  });
});

describe('decideVerdict on a date of the same countries whose document the text does not name', () => {
  const unnamed = (value: string, ids: string[]) =>
    dateClaim(value, { entities: ids.map((id) => ({ id, role: 'party' as const })) });
  const statements = [
    signed('2020-11-10', { id: 'F173', entities: ['AZ', 'AM', 'RU', 'trilateral_statement_2020'] }),
    signed('2021-01-11', { id: 'F174', entities: ['AZ', 'AM', 'RU', 'trilateral_statement_2021_01'] }),
  ];

  it('is supported by the one of their documents it matches, and says the text names none', () => {
    const verdict = decideVerdict(unnamed('2020-11-10', ['RU', 'AZ', 'AM']), statements, context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F173']);
    expect(verdict.explanation).toContain('does not name which');
  });

  it('is never contradicted by their other documents, whose dates it need not be', () => {
    expect(decideVerdict(unnamed('2020-12-01', ['RU', 'AZ', 'AM']), statements, context).verdict).toBe(
      'unverifiable',
    );
  });

  it('takes no document of a larger group of countries', () => {
    expect(decideVerdict(unnamed('2020-11-10', ['RU', 'AZ']), statements, context).verdict).toBe(
      'unverifiable',
    );
  });
});

describe('decideVerdict on a date of a named thing with fewer of its countries named', () => {
  const opened = buildFact({
    id: 'F211',
    metric: 'opened',
    entities: ['AZ', 'GE', 'TR', 'baku_tbilisi_kars_railway'],
    period: '2017-10-30',
    value: '2017-10-30',
    unit: 'date',
  });
  const claim = (value: string) =>
    dateClaim(value, {
      metric: 'opened',
      entities: [
        { id: 'GE', role: 'party' },
        { id: 'baku_tbilisi_kars_railway', role: 'subject' },
      ],
    });

  it("is supported by the thing's date it matches", () => {
    const verdict = decideVerdict(claim('2017-10-30'), [opened], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F211']);
  });

  it('is never contradicted by it, since the words may be about a part of the thing', () => {
    expect(decideVerdict(claim('2016-10-30'), [opened], context).verdict).toBe('unverifiable');
  });

  it("takes no date of the thing that names none of the claim's countries", () => {
    const other = { ...opened, entities: ['AZ', 'TR', 'baku_tbilisi_kars_railway'] };
    expect(decideVerdict(claim('2017-10-30'), [other], context).verdict).toBe('unverifiable');
  });
});
