import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../functions/core/checking/index.ts';
import type { Claim, ReferenceFact } from '../../../functions/core/model.ts';
import { buildClaim } from '../../support/build-claim.ts';
import { buildFact } from '../../support/build-fact.ts';

const context = { publishedAt: '2024-04-22' };

describe('decideVerdict on numeric claims: tolerance boundaries', () => {
  const rows: Array<{ name: string; claim: Partial<Claim>; fact: Partial<ReferenceFact>; verdict: string }> =
    [
      {
        name: '"4 billion" with a reference of exactly 4.5e9 (upper end, inclusive)',
        claim: {},
        fact: { value: 4.5e9 },
        verdict: 'supported',
      },
      {
        name: '"4 billion" with a reference one dollar above 4.5e9',
        claim: {},
        fact: { value: 4_500_000_001 },
        verdict: 'contradicted',
      },
      {
        name: '"4 billion" with a reference of exactly 3.5e9 (lower end, inclusive)',
        claim: {},
        fact: { value: 3.5e9 },
        verdict: 'supported',
      },
      {
        name: '"4 billion" with a reference of 3.49e9',
        claim: {},
        fact: { value: 3.49e9 },
        verdict: 'contradicted',
      },
      {
        name: '"4.3 billion" with 4.25e9',
        claim: { text: '4.3 billion', value: 4.3e9, significantFigures: 2 },
        fact: { value: 4.25e9 },
        verdict: 'supported',
      },
      {
        name: '"4.3 billion" with 4.36e9',
        claim: { text: '4.3 billion', value: 4.3e9, significantFigures: 2 },
        fact: { value: 4.36e9 },
        verdict: 'contradicted',
      },
      {
        name: '"4,312 million" with 4,312.5 million',
        claim: { text: '4,312 million', value: 4312e6, significantFigures: 4 },
        fact: { value: 4312.5e6 },
        verdict: 'supported',
      },
      {
        name: '"4,312 million" with 4,313 million',
        claim: { text: '4,312 million', value: 4312e6, significantFigures: 4 },
        fact: { value: 4313e6 },
        verdict: 'contradicted',
      },
      {
        name: '"more than 4 billion" with exactly 4.0e9',
        claim: { text: 'more than $4 billion', qualifier: 'more_than' },
        fact: { value: 4e9 },
        verdict: 'contradicted',
      },
      {
        name: '"more than 4 billion" with 4e9 + 1',
        claim: { text: 'more than $4 billion', qualifier: 'more_than' },
        fact: { value: 4_000_000_001 },
        verdict: 'supported',
      },
      {
        name: '"more than 4 billion" with a rounded 4.4e9',
        claim: { text: 'more than $4 billion', qualifier: 'more_than' },
        fact: { value: 4.4e9, qualifier: 'approx' },
        verdict: 'supported',
      },
      {
        name: '"more than 4 billion" with "more than 4.3 billion"',
        claim: { text: 'more than $4 billion', qualifier: 'more_than' },
        fact: { value: 4.3e9, qualifier: 'more_than' },
        verdict: 'supported',
      },
      {
        name: '"about 4 billion" with 4.9e9 (4.5e9 plus 10% of the value)',
        claim: { text: 'about $4 billion', qualifier: 'approx' },
        fact: { value: 4.9e9 },
        verdict: 'supported',
      },
      {
        name: '"about 4 billion" with 4.95e9',
        claim: { text: 'about $4 billion', qualifier: 'approx' },
        fact: { value: 4.95e9 },
        verdict: 'contradicted',
      },
      {
        name: '"nearly 4.5 billion" with exactly 4.5e9',
        claim: { text: 'nearly $4.5 billion', value: 4.5e9, qualifier: 'approx', significantFigures: 2 },
        fact: { value: 4.5e9 },
        verdict: 'supported',
      },
      {
        name: '"nearly 4.5 billion" with 4.51e9 (above the value)',
        claim: { text: 'nearly $4.5 billion', value: 4.5e9, qualifier: 'approx', significantFigures: 2 },
        fact: { value: 4.51e9 },
        verdict: 'contradicted',
      },
      {
        name: '"nearly 4.5 billion" with 4.0e9 (lowest end)',
        claim: { text: 'nearly $4.5 billion', value: 4.5e9, qualifier: 'approx', significantFigures: 2 },
        fact: { value: 4e9 },
        verdict: 'supported',
      },
      {
        name: '"less than 4 billion" with exactly 4e9',
        claim: { text: 'less than $4 billion', qualifier: 'less_than' },
        fact: { value: 4e9 },
        verdict: 'contradicted',
      },
      {
        name: '"less than 4 billion" with 3.99e9',
        claim: { text: 'less than $4 billion', qualifier: 'less_than' },
        fact: { value: 3.99e9 },
        verdict: 'supported',
      },
      {
        name: '"at least 4 billion" with exactly 4e9',
        claim: { text: 'at least $4 billion', qualifier: 'at_least' },
        fact: { value: 4e9 },
        verdict: 'supported',
      },
      {
        name: '"at least 4 billion" with 3.99e9',
        claim: { text: 'at least $4 billion', qualifier: 'at_least' },
        fact: { value: 3.99e9 },
        verdict: 'contradicted',
      },
      {
        name: '"up to 4 billion" with exactly 4e9',
        claim: { text: 'up to $4 billion', qualifier: 'at_most' },
        fact: { value: 4e9 },
        verdict: 'supported',
      },
      {
        name: '"up to 4 billion" with 4.01e9',
        claim: { text: 'up to $4 billion', qualifier: 'at_most' },
        fact: { value: 4.01e9 },
        verdict: 'contradicted',
      },
      {
        name: '"4-5 billion" with 5.5e9 (upper end of 5 at one figure)',
        claim: { text: '$4-5 billion', qualifier: 'range', low: 4e9, high: 5e9 },
        fact: { value: 5.5e9 },
        verdict: 'supported',
      },
      {
        name: '"4-5 billion" with 5.6e9',
        claim: { text: '$4-5 billion', qualifier: 'range', low: 4e9, high: 5e9 },
        fact: { value: 5.6e9 },
        verdict: 'contradicted',
      },
      {
        name: '"4 billion" with a reference "approaching 4.5 billion" that overlaps and states 4.5e9',
        claim: {},
        fact: { value: 4.5e9, qualifier: 'approx' },
        verdict: 'supported',
      },
      {
        name: '"4.45 billion" with a rounded 4.4e9 whose stated value lies outside the claim',
        claim: { text: '$4.45 billion', value: 4.45e9, significantFigures: 3 },
        fact: { value: 4.4e9, qualifier: 'approx' },
        verdict: 'unverifiable',
      },
      {
        name: '"six billion" with "more than 9 billion"',
        claim: { text: 'six billion', value: 6e9 },
        fact: { value: 9e9, qualifier: 'more_than' },
        verdict: 'contradicted',
      },
      {
        name: '"six billion" with only "more than 4 billion"',
        claim: { text: 'six billion', value: 6e9 },
        fact: { value: 4e9, qualifier: 'more_than' },
        verdict: 'unverifiable',
      },
      {
        name: '"12%" with 12.4 percent',
        claim: {
          text: '12%',
          kind: 'percent',
          value: 12,
          unit: 'percent',
          significantFigures: 2,
          metric: 'trade_turnover_growth',
        },
        fact: { metric: 'trade_turnover_growth', value: 12.4, unit: 'percent' },
        verdict: 'supported',
      },
      {
        name: '"-2.1%" growth with -2.1 percent',
        claim: {
          text: '-2.1%',
          kind: 'percent',
          value: -2.1,
          unit: 'percent',
          significantFigures: 2,
          metric: 'gdp_growth',
        },
        fact: { metric: 'gdp_growth', value: -2.1, unit: 'percent' },
        verdict: 'supported',
      },
    ];

  it.each(rows)('decides $name: $verdict', ({ claim, fact, verdict }) => {
    expect(decideVerdict(buildClaim(claim), [buildFact(fact)], context).verdict).toBe(verdict);
  });
});

describe('decideVerdict on numeric claims: explanations and evidence', () => {
  it('writes a supported verdict as one sentence naming the reference, period, source and date', () => {
    const verdict = decideVerdict(
      buildClaim({ text: 'more than $4 billion', qualifier: 'more_than' }),
      [buildFact({ id: 'F001', value: 4.4e9, qualifier: 'approx', sourceName: 'News.Az citing Izvestia' })],
      context,
    );
    expect(verdict.explanation).toBe(
      "Reference: $4.4 billion in 2023 (News.Az citing Izvestia, 2024-02-12); 'more than $4 billion' holds.",
    );
    expect(verdict.evidence).toEqual([
      {
        factId: 'F001',
        value: 4.4e9,
        unit: 'USD',
        period: '2023',
        sourceName: 'News.Az citing Izvestia',
        sourceUrl: 'https://news.az/example',
        asOf: '2024-02-12',
        deviation: { absolute: -4e8, relative: -4e8 / 4.4e9 },
      },
    ]);
  });

  it('gives the deviation (claim minus reference, relative to reference) when contradicted', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$5 billion', value: 5e9 }),
      [buildFact({ value: 4e9 })],
      context,
    );
    expect(verdict.verdict).toBe('contradicted');
    expect(verdict.evidence[0]?.deviation).toEqual({ absolute: 1e9, relative: 0.25 });
    expect(verdict.explanation).toBe(
      "Reference: $4 billion in 2023 (News.Az, 2024-02-12); '$5 billion' does not hold (claim minus reference: +$1 billion, +25%).",
    );
  });

  it('says "more than" when the reference itself is one-sided', () => {
    const verdict = decideVerdict(
      buildClaim({ text: 'six billion', value: 6e9 }),
      [buildFact({ value: 9e9, qualifier: 'more_than' })],
      context,
    );
    expect(verdict.explanation).toContain('more than $9 billion in 2023');
  });

  it('explains a one-sided reference that cannot decide the claim', () => {
    const verdict = decideVerdict(
      buildClaim({ text: 'six billion', value: 6e9 }),
      [buildFact({ value: 4e9, qualifier: 'more_than' })],
      context,
    );
    expect(verdict.explanation).toBe(
      "The references only bound the value: more than $4 billion in 2023 (News.Az, 2024-02-12), which neither confirms nor rules out 'six billion'.",
    );
  });
});

describe('decideVerdict on numeric claims: entities and direction', () => {
  const investment = buildClaim({
    text: 'six billion',
    value: 6e9,
    metric: 'investment_stock',
    entities: [
      { id: 'RU', role: 'source' },
      { id: 'AZ', role: 'target' },
    ],
    period: { value: '2024-04', basis: 'inferred' },
  });

  it('matches Russian investment in Azerbaijan to a fact listed RU|AZ', () => {
    const fact = buildFact({
      metric: 'investment_stock',
      entities: ['RU', 'AZ'],
      period: '2022-04',
      value: 6e9,
    });
    expect(decideVerdict(investment, [fact], context).verdict).toBe('supported');
  });

  it('does not match Russian investment in Azerbaijan to Azerbaijani investment in Russia (AZ|RU)', () => {
    const fact = buildFact({
      metric: 'investment_stock',
      entities: ['AZ', 'RU'],
      period: '2022-04',
      value: 6e9,
    });
    const verdict = decideVerdict(investment, [fact], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'No reference states this quantity. The nearest, $6 billion as of 2022-04 (News.Az, 2024-02-12), does not apply: the reference is about the flow from AZ to RU.',
    );
  });

  it("does not read one investor's figure as the total a claim with only its target states", () => {
    const claim = { ...investment, entities: [{ id: 'AZ', role: 'target' as const }] };
    const into = buildFact({
      metric: 'investment_stock',
      entities: ['RU', 'AZ'],
      period: '2022-04',
      value: 6e9,
    });
    const outOf = buildFact({
      id: 'F901',
      metric: 'investment_stock',
      entities: ['AZ', 'RU'],
      period: '2022-04',
      value: 1.2e9,
    });
    const verdict = decideVerdict(claim, [into, outOf], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toContain('the claim names only one end of the flow');
  });

  it('matches symmetric trade turnover in either order', () => {
    const verdict = decideVerdict(buildClaim(), [buildFact({ entities: ['AZ', 'RU'], value: 4e9 })], context);
    expect(verdict.verdict).toBe('supported');
  });

  it('ignores facts that do not mention every claim entity', () => {
    const verdict = decideVerdict(buildClaim(), [buildFact({ entities: ['RU', 'KZ'], value: 4e9 })], context);
    expect(verdict.verdict).toBe('unverifiable');
  });

  it.each([
    ['no metric', { metric: null }, 'The claim names no metric figcheck recognises.'],
    ['no entity', { entities: [] }, 'The claim names no entity figcheck recognises.'],
    ['neither', { metric: null, entities: [] }, 'The claim names no metric or entity figcheck recognises.'],
  ])('is unverifiable when the claim names %s', (_, overrides, explanation) => {
    const verdict = decideVerdict(buildClaim(overrides as Partial<Claim>), [buildFact()], context);
    expect(verdict).toEqual({ claimId: 'c1', verdict: 'unverifiable', explanation, evidence: [] });
  });
});

describe('decideVerdict on numeric claims: periods', () => {
  it('is unverifiable with the latest older figure named when the claimed year has no reference', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$3 billion', value: 3e9 }),
      [
        buildFact({
          id: 'F140',
          entities: ['AZ', 'RU'],
          period: '2021',
          value: 3e9,
          qualifier: 'approx',
          sourceName: 'EADaily',
          asOf: '2022-04-26',
        }),
        buildFact({
          id: 'F062',
          entities: ['AZ', 'RU'],
          period: '2020',
          value: 2.6e9,
          sourceName: 'Today.az',
          asOf: '2021-07-24',
        }),
      ],
      context,
    );
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'The reference gives 2021, $3 billion (EADaily, 2022-04-26); the claim is about 2023.',
    );
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F140']);
  });

  it('does not let a part-year total stand in for the year', () => {
    const verdict = decideVerdict(
      buildClaim(),
      [buildFact({ period: '2023-01/2023-10', value: 4e9 })],
      context,
    );
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'The reference gives January-October 2023, $4 billion (News.Az, 2024-02-12); the claim is about 2023.',
    );
  });

  it('names a reference with no period as such, not as an empty period', () => {
    const verdict = decideVerdict(buildClaim(), [buildFact({ period: '', value: 4.4e9 })], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'The reference gives $4.4 billion (News.Az, 2024-02-12) with no period; the claim is about 2023.',
    );
  });

  it('does not let a full year stand in for its first half, and says which is which', () => {
    const verdict = decideVerdict(
      buildClaim({
        text: '$1.4 billion',
        value: 1.4e9,
        significantFigures: 2,
        period: { value: '2023-01/2023-06', basis: 'stated', granularity: 'half' },
      }),
      [buildFact({ value: 4.4e9 })],
      context,
    );
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'The reference gives 2023 as a whole, $4.4 billion (News.Az, 2024-02-12); the claim is about the first half of 2023.',
    );
  });

  it('marks a figure outdated when it matches the previous year and the claimed year disagrees', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$4.17 billion', value: 4.17e9, significantFigures: 3 }),
      [
        buildFact({ id: 'F001', value: 4.4e9 }),
        buildFact({ id: 'F008', period: '2022', value: 4.17e9, asOf: '2023-05-19' }),
      ],
      context,
    );
    expect(verdict.verdict).toBe('outdated');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F001', 'F008']);
    expect(verdict.explanation).toBe(
      "Reference: $4.4 billion in 2023 (News.Az, 2024-02-12); '$4.17 billion' matches only the older $4.17 billion in 2022 (News.Az, 2023-05-19).",
    );
  });

  it('marks a figure contradicted when no older period matches either', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$2 billion', value: 2e9 }),
      [buildFact({ value: 4.4e9 }), buildFact({ id: 'F008', period: '2022', value: 4.17e9 })],
      context,
    );
    expect(verdict.verdict).toBe('contradicted');
  });

  const stockClaim = buildClaim({
    text: 'six billion',
    value: 6e9,
    metric: 'investment_stock',
    entities: [
      { id: 'RU', role: 'source' },
      { id: 'AZ', role: 'target' },
    ],
    period: { value: '2024-04', basis: 'inferred' },
  });
  const stock = (
    id: string,
    period: string,
    value: number,
    qualifier: ReferenceFact['qualifier'] = 'approx',
  ) => buildFact({ id, metric: 'investment_stock', entities: ['RU', 'AZ'], period, value, qualifier });

  it('uses the latest stock figure on or before the publication month and ignores later ones', () => {
    const verdict = decideVerdict(
      stockClaim,
      [
        stock('F147', '2022-01', 4.2e9),
        stock('F143', '2022-04', 6.3e9),
        stock('F006', '2024-07', 9e9, 'more_than'),
      ],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F143']);
    expect(verdict.explanation).toContain('$6.3 billion as of 2022-04');
  });

  it('marks a stock figure outdated when only an earlier level matches it', () => {
    const verdict = decideVerdict(
      { ...stockClaim, text: '4.2 billion', value: 4.2e9, significantFigures: 2 },
      [stock('F147', '2022-01', 4.2e9), stock('F143', '2022-04', 6.3e9)],
      context,
    );
    expect(verdict.verdict).toBe('outdated');
  });

  it('requires a stated stock period to contain the fact', () => {
    const claim = { ...stockClaim, period: { value: '2023', basis: 'stated' as const } };
    const verdict = decideVerdict(
      claim,
      [stock('F143', '2022-04', 6.3e9), stock('F900', '2023-12', 6.1e9)],
      context,
    );
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F900']);
    expect(verdict.verdict).toBe('supported');
  });

  it('reads a claim without a period as of publication, latest first', () => {
    const claim = buildClaim({ period: null });
    const verdict = decideVerdict(
      claim,
      [
        buildFact({ id: 'A', period: '2023', value: 4e9 }),
        buildFact({ id: 'B', period: '2024-10', value: 9e9 }),
      ],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['A']);
  });
});

describe('decideVerdict on numeric claims: several facts for one period', () => {
  it('lets a later revision of the same fact id supersede the earlier one', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$4.4 billion', value: 4.4e9, significantFigures: 2 }),
      [buildFact({ value: 3.9e9, asOf: '2024-01-10' }), buildFact({ value: 4.4e9, asOf: '2024-03-01' })],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.asOf)).toEqual(['2024-03-01']);
  });

  it('is supported, listing every source, when different sources all agree', () => {
    const verdict = decideVerdict(
      buildClaim(),
      [
        buildFact({ id: 'A', value: 4.4e9 }),
        buildFact({ id: 'B', entities: ['AZ', 'RU'], value: 4.2e9, sourceName: 'Trend' }),
      ],
      context,
    );
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['A', 'B']);
  });

  const claim2021 = buildClaim({
    text: '$3.4 billion',
    value: 3.4e9,
    significantFigures: 2,
    period: { value: '2021', basis: 'stated' },
  });
  const russianSide = buildFact({
    id: 'F141',
    period: '2021',
    value: 3.4e9,
    qualifier: 'approx',
    sourceName: 'Sputnik',
    asOf: '2022-04-28',
  });

  it("supports a bilateral figure that one side's statistics give, naming the other side's", () => {
    const azerbaijaniSide = buildFact({
      id: 'F139',
      entities: ['AZ', 'RU'],
      period: '2021',
      value: 2.99e9,
      sourceName: 'Perceptiofr',
      asOf: '',
    });
    const verdict = decideVerdict(claim2021, [russianSide, azerbaijaniSide], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F141', 'F139']);
    expect(verdict.explanation).toBe(
      "Reference: $3.4 billion in 2021 (Sputnik, 2022-04-28), as stated by the RU side; '$3.4 billion' holds. The AZ side gives $2.99 billion in 2021 (Perceptiofr).",
    );
  });

  it('is ambiguous, listing both, when sources of the same side disagree about the claim', () => {
    const sameSide = buildFact({
      id: 'F999',
      period: '2021',
      value: 2.99e9,
      sourceName: 'Interfax',
      asOf: '2022-05-01',
    });
    const verdict = decideVerdict(claim2021, [russianSide, sameSide], context);
    expect(verdict.verdict).toBe('ambiguous');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F141', 'F999']);
    expect(verdict.explanation).toBe(
      "References disagree on '$3.4 billion': for it, $3.4 billion in 2021 (Sputnik, 2022-04-28); against it, $2.99 billion in 2021 (Interfax, 2022-05-01).",
    );
  });

  it('is contradicted when every source disagrees with the claim', () => {
    const verdict = decideVerdict(
      buildClaim({ text: '$6 billion', value: 6e9 }),
      [buildFact({ id: 'A', value: 4.4e9 }), buildFact({ id: 'B', value: 4.5e9 })],
      context,
    );
    expect(verdict.verdict).toBe('contradicted');
    expect(verdict.evidence).toHaveLength(2);
  });
});

describe('decideVerdict on numeric claims: units and currencies', () => {
  const rubles = buildFact({ id: 'F148', period: '2022', value: 300e9, unit: 'RUB', qualifier: 'approx' });
  const claim2022 = buildClaim({ period: { value: '2022', basis: 'stated' } });

  it('is unverifiable with "currency mismatch" when no exchange rate is on file', () => {
    const verdict = decideVerdict(claim2022, [rubles], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toMatch(/^Currency mismatch: the references are in RUB and the claim in USD/);
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F148']);
  });

  it('converts through an exchange_rate fact for the same period (TO per 1 FROM)', () => {
    const rate = buildFact({
      id: 'R1',
      metric: 'exchange_rate',
      entities: ['RUB', 'USD'],
      period: '2022',
      value: 0.0145,
      unit: 'USD',
    });
    const verdict = decideVerdict(claim2022, [rubles, rate], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F148', 'R1']);
    expect(verdict.explanation).toContain('300 billion RUB ($4.35 billion at 0.0145 USD per RUB) in 2022');
  });

  it('converts through a rate quoted the other way round', () => {
    const rate = buildFact({
      id: 'R2',
      metric: 'exchange_rate',
      entities: ['USD', 'RUB'],
      period: '2022',
      value: 68.5,
      unit: 'RUB',
    });
    const verdict = decideVerdict(claim2022, [rubles, rate], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence[0]?.deviation?.absolute).toBeCloseTo(4e9 - 300e9 / 68.5, 0);
  });

  it('does not use a rate from another period', () => {
    const rate = buildFact({
      id: 'R3',
      metric: 'exchange_rate',
      entities: ['RUB', 'USD'],
      period: '2020',
      value: 0.0139,
      unit: 'USD',
    });
    expect(decideVerdict(claim2022, [rubles, rate], context).verdict).toBe('unverifiable');
  });

  it('ignores a figure in another currency when one in the claim currency exists', () => {
    const dollars = buildFact({ id: 'F008', period: '2022', value: 4.17e9, qualifier: 'approx' });
    const verdict = decideVerdict(claim2022, [rubles, dollars], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.evidence.map((e) => e.factId)).toEqual(['F008']);
  });

  it('keeps percent and percentage points apart', () => {
    const verdict = decideVerdict(
      buildClaim({
        text: '1.5 points',
        kind: 'percent',
        value: 1.5,
        unit: 'percentage_point',
        metric: 'gdp_growth',
        significantFigures: 2,
      }),
      [buildFact({ metric: 'gdp_growth', value: 1.5, unit: 'percent' })],
      context,
    );
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      'Unit mismatch: the references are in percent and the claim in percentage_point.',
    );
  });
});

describe('decideVerdict on a capacity stated without "a year"', () => {
  const btk = [{ id: 'baku_tbilisi_kars_railway', role: 'subject' as const }];
  const claim = (value: number, metric = 'capacity') =>
    buildClaim({
      text: `${value / 1e6} million tonnes`,
      value,
      unit: 'tonnes',
      significantFigures: 2,
      metric,
      entities: btk,
      period: null,
    });
  const fact = buildFact({
    metric: 'capacity',
    entities: ['baku_tbilisi_kars_railway'],
    period: '',
    value: 17e6,
    unit: 'tonnes_per_year',
  });

  it('reads a capacity in tonnes against one in tonnes per year', () => {
    expect(decideVerdict(claim(17e6), [fact], context).verdict).toBe('supported');
    expect(decideVerdict(claim(27e6), [fact], context).verdict).toBe('contradicted');
  });

  it('keeps tonnes and tonnes per year apart for any other metric', () => {
    const other = { ...fact, metric: 'gas_supply' };
    expect(decideVerdict(claim(17e6, 'gas_supply'), [other], context).explanation).toContain('Unit mismatch');
  });
});

describe('decideVerdict on counts of a described kind', () => {
  const companies = buildFact({
    id: 'C1',
    metric: 'companies_count',
    entities: ['RU', 'AZ', 'companies_with_russian_capital'],
    period: '2022-04',
    value: 1130,
    unit: 'count',
    qualifier: 'exact',
  });
  const count = (sentence: string, value: number): Claim =>
    buildClaim({
      text: `${value} companies`,
      sentence,
      kind: 'count',
      value,
      unit: 'count',
      significantFigures: 3,
      metric: 'companies_count',
      period: { value: '2022-05', basis: 'inferred', granularity: 'as_of' },
    });

  it('applies a fact whose extra entity the sentence spells out, as of the latest month before', () => {
    const sentence =
      'Some 1,130 companies with Russian capital operate in Azerbaijan, the deputy prime minister said.';
    expect(decideVerdict(count(sentence, 1130), [companies], context).verdict).toBe('supported');
    expect(decideVerdict(count(sentence, 1310), [companies], context).verdict).toBe('contradicted');
  });

  it('does not apply it when the sentence counts companies of any kind', () => {
    const sentence = 'Some 1,130 companies from Russia and Azerbaijan took part in the forum.';
    const verdict = decideVerdict(count(sentence, 1130), [companies], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toMatch(/narrower than the claim \(companies_with_russian_capital\)/);
  });
});

describe('decideVerdict when references of one side disagree among themselves', () => {
  const about = (id: string, value: number) =>
    buildFact({ id, entities: ['AZ', 'IT'], period: '2019', value, qualifier: 'approx' });
  const claim = (text: string, value: number) =>
    buildClaim({
      text,
      value,
      significantFigures: 2,
      entities: [
        { id: 'AZ', role: 'party' },
        { id: 'IT', role: 'party' },
      ],
      period: { value: '2019', basis: 'stated' },
    });

  it('is ambiguous, not contradicted, when a rounded reference admits the claim and another does not', () => {
    const verdict = decideVerdict(claim('$5.9 billion', 5.9e9), [about('A', 6e9), about('B', 7e9)], context);
    expect(verdict.verdict).toBe('ambiguous');
    expect(verdict.evidence.map((e) => e.factId).sort()).toEqual(['A', 'B']);
  });

  it('is contradicted when no reference admits it', () => {
    const verdict = decideVerdict(claim('$4.9 billion', 4.9e9), [about('A', 6e9), about('B', 7e9)], context);
    expect(verdict.verdict).toBe('contradicted');
  });
});

describe('decideVerdict on yearly quantities', () => {
  const target = buildFact({
    id: 'G1',
    metric: 'gas_supply_target',
    entities: ['AZ', 'EU'],
    period: '2027',
    value: 20e9,
    unit: 'cubic_metres_per_year',
    qualifier: 'at_least',
  });
  const claim = (sentence: string) =>
    buildClaim({
      text: 'at least 20 billion cubic metres',
      sentence,
      kind: 'quantity',
      value: 20e9,
      unit: 'cubic_metres',
      qualifier: 'at_least',
      significantFigures: 1,
      metric: 'gas_supply_target',
      entities: [
        { id: 'AZ', role: 'source' },
        { id: 'EU', role: 'target' },
      ],
      period: { value: '2027', basis: 'stated' },
    });

  it('reads a quantity as yearly when its sentence says "a year" apart from the unit', () => {
    const sentence =
      'Azerbaijan is to supply at least 20 billion cubic metres (bcm) of gas a year to the EU by 2027.';
    expect(decideVerdict(claim(sentence), [target], context).verdict).toBe('supported');
  });

  it('does not compare a quantity with a yearly reference when nothing makes it yearly', () => {
    const sentence = 'Azerbaijan is to supply at least 20 billion cubic metres of gas to the EU by 2027.';
    const verdict = decideVerdict(claim(sentence), [target], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toMatch(/Unit mismatch/);
  });
});

describe("decideVerdict on a yearly rate against a year's total", () => {
  const delivered = buildFact({
    id: 'G2',
    metric: 'gas_supply',
    entities: ['AZ', 'EU'],
    period: '2021',
    value: 8.1e9,
    unit: 'cubic_metres',
  });
  const claim = (value: number, period: string) =>
    buildClaim({
      text: '8.1 billion cubic metres a year',
      sentence: 'In 2021 Azerbaijan delivered 8.1 billion cubic metres of gas a year to the EU.',
      kind: 'quantity',
      value,
      unit: 'cubic_metres_per_year',
      significantFigures: 2,
      metric: 'gas_supply',
      entities: [
        { id: 'AZ', role: 'source' },
        { id: 'EU', role: 'target' },
      ],
      period: { value: period, basis: 'stated' },
    });

  it('compares a rate a year with the total of a year', () => {
    expect(decideVerdict(claim(8.1e9, '2021'), [delivered], context).verdict).toBe('supported');
    expect(decideVerdict(claim(12e9, '2021'), [delivered], context).verdict).toBe('contradicted');
  });

  it('does not compare a rate a year with the total of part of a year', () => {
    const half = { ...delivered, id: 'G3', period: '2021-01/2021-06' };
    const verdict = decideVerdict(claim(8.1e9, '2021-01/2021-06'), [half], context);
    expect(verdict.verdict).toBe('unverifiable');
  });
});

describe('decideVerdict on a change whose words give no direction', () => {
  const growth = (value: number, direction?: 'rise' | 'fall') =>
    buildClaim({
      text: '2.85 percent',
      kind: 'percent',
      value,
      unit: 'percent',
      significantFigures: 3,
      metric: 'foreign_trade_turnover_growth',
      entities: [{ id: 'AZ', role: 'subject' }],
      frame: {
        measure: 'growth',
        metric: 'foreign_trade_turnover_growth',
        entities: [{ id: 'AZ', role: 'subject' }],
        period: { value: '2023', basis: 'stated', granularity: 'year' },
        sources: { measure: 'clause', metric: 'clause', entities: 'clause', period: 'clause' },
        guessed: [],
        ...(direction ? { direction } : {}),
      },
    });
  const fall = buildFact({
    metric: 'foreign_trade_turnover_growth',
    entities: ['AZ'],
    value: -2.85,
    unit: 'percent',
  });

  it('is not contradicted when its size matches a fall the reference gives', () => {
    const verdict = decideVerdict(growth(2.85), [fall], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toBe(
      "Reference: -2.85% in 2023 (News.Az, 2024-02-12); '2.85 percent' gives the size of the change, and the text does not say whether it was a rise or a fall.",
    );
  });

  it('is supported when the words say it fell', () => {
    expect(decideVerdict(growth(-2.85, 'fall'), [fall], context).verdict).toBe('supported');
  });

  it('is contradicted when the words say it rose', () => {
    expect(decideVerdict(growth(2.85, 'rise'), [fall], context).verdict).toBe('contradicted');
  });

  it('is contradicted when its size does not match either way', () => {
    expect(decideVerdict(growth(5.1), [fall], context).verdict).toBe('contradicted');
  });
});

describe('decideVerdict on a cost under the other name for it', () => {
  const projectCost = buildFact({
    id: 'F157',
    metric: 'project_cost',
    entities: ['rasht_astara_railway'],
    period: '2023',
    value: 1.6e9,
    unit: 'EUR',
  });
  const claim = (value: number) =>
    buildClaim({
      text: `${value / 1e9} billion euros`,
      sentence: `The Rasht-Astara railway is estimated to cost ${value / 1e9} billion euros.`,
      kind: 'money',
      value,
      unit: 'EUR',
      significantFigures: 2,
      metric: 'construction_cost',
      entities: [{ id: 'rasht_astara_railway', role: 'subject' }],
      period: null,
    });

  it('is supported by the project cost, and says the reference is one', () => {
    const verdict = decideVerdict(claim(1.6e9), [projectCost], context);
    expect(verdict.verdict).toBe('supported');
    expect(verdict.explanation).toContain('(project cost)');
  });

  it('is not contradicted by it: a project may cost more than the building', () => {
    const verdict = decideVerdict(claim(2.6e9), [projectCost], context);
    expect(verdict.verdict).toBe('unverifiable');
    expect(verdict.explanation).toContain('need not be the same amount');
  });

  it('is contradicted by a construction cost that disagrees', () => {
    const built = { ...projectCost, id: 'C1', metric: 'construction_cost' };
    expect(decideVerdict(claim(2.6e9), [built], context).verdict).toBe('contradicted');
  });
});

describe('decideVerdict on a term granted', () => {
  const term = buildFact({
    id: 'F233',
    metric: 'lease_term',
    entities: ['AM', 'US', 'trump_route_tripp'],
    period: '2025-08-08',
    value: 99,
    unit: 'years',
    qualifier: 'at_most',
  });
  const granted: Claim['entities'] = [
    { id: 'AM', role: 'party' },
    { id: 'US', role: 'party' },
    { id: 'trump_route_tripp', role: 'subject' },
  ];
  const claim = (value: number) =>
    buildClaim({
      text: `up to ${value} years`,
      kind: 'duration',
      value,
      unit: 'year',
      qualifier: 'at_most',
      significantFigures: 2,
      metric: 'lease_term',
      entities: granted,
      period: null,
      frame: {
        measure: 'level',
        metric: 'lease_term',
        entities: granted,
        period: null,
        sources: { measure: 'clause', metric: 'clause', entities: 'sentence' },
        guessed: [],
      },
    });

  it('compares the term with the reference term, not with time since an event', () => {
    const after = { publishedAt: '2025-10-30' };
    expect(decideVerdict(claim(99), [term], after).verdict).toBe('supported');
    expect(decideVerdict({ ...claim(120), qualifier: 'exact' }, [term], after).verdict).toBe('contradicted');
  });
});
