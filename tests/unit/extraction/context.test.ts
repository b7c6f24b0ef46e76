/**
 * What a figure is about: metric, entities (with direction), period and checkability, read from
 * its sentence and the publication date. One row per sentence.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';
import type { Claim, ClaimEntity } from '../../../functions/core/model.ts';

const PUBLISHED = '2024-04-22';

interface Row {
  sentence: string;
  text: string;
  metric: string | null;
  entities?: ClaimEntity[];
  period?: Claim['period'];
  checkable?: boolean;
  event?: Claim['event'];
}

const party = (id: string): ClaimEntity => ({ id, role: 'party' });
const subject = (id: string): ClaimEntity => ({ id, role: 'subject' });

const rows: Row[] = [
  {
    sentence: 'Trade between Russia and Azerbaijan reached $4.4bn in 2023.',
    text: '$4.4bn',
    metric: 'trade_turnover',
    entities: [party('RU'), party('AZ')],
    period: { value: '2023', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: 'Azerbaijan-Russia trade turnover amounted to $4.4 bln last year.',
    text: '$4.4 bln',
    metric: 'trade_turnover',
    entities: [party('AZ'), party('RU')],
    period: { value: '2023', basis: 'relative', granularity: 'year' },
  },
  {
    sentence: 'Italy invested about €770 million in Azerbaijan.',
    text: 'about €770 million',
    metric: 'investment_stock',
    entities: [
      { id: 'IT', role: 'source' },
      { id: 'AZ', role: 'target' },
    ],
    period: { value: '2024-04', basis: 'inferred', granularity: 'as_of' },
  },
  {
    sentence: "Azerbaijan's overall investment in Italy's economy is estimated at 1.7 billion euros.",
    text: '1.7 billion euros',
    metric: 'investment_stock',
    entities: [
      { id: 'AZ', role: 'source' },
      { id: 'IT', role: 'target' },
    ],
  },
  {
    sentence: "Azerbaijan's GDP grew 4.6% in 2022.",
    text: '4.6%',
    metric: 'gdp_growth',
    entities: [subject('AZ')],
    period: { value: '2022', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: "Russia's economy contracted 2.1% last year.",
    text: '2.1%',
    metric: 'gdp_growth',
    entities: [subject('RU')],
    period: { value: '2023', basis: 'relative', granularity: 'year' },
  },
  {
    sentence: 'In 2023 the trade turnover between Azerbaijan and Russia increased by 17.5%.',
    text: '17.5%',
    metric: 'trade_turnover_growth',
    entities: [party('AZ'), party('RU')],
    period: { value: '2023', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: 'Inflation in Azerbaijan stood at 8.8% in 2023.',
    text: '8.8%',
    metric: 'inflation',
    entities: [subject('AZ')],
  },
  {
    sentence: 'The Declaration on Allied Interaction was signed in Moscow on 22 February 2022.',
    text: '22 February 2022',
    metric: 'agreement_signed',
    entities: [party('AZ'), party('RU'), subject('declaration_allied_interaction')],
    period: { value: '2022-02-22', basis: 'stated', granularity: 'day' },
    checkable: true,
  },
  {
    sentence: 'Diplomatic relations between Azerbaijan and Russia were established on 4 April 1992.',
    text: '4 April 1992',
    metric: 'diplomatic_relations_established',
    entities: [party('AZ'), party('RU')],
  },
  {
    sentence: 'The Shusha Declaration was signed on June 15, 2021.',
    text: 'June 15, 2021',
    metric: 'agreement_signed',
    entities: [party('AZ'), party('TR'), subject('shusha_declaration')],
  },
  {
    sentence:
      'The 30th anniversary of diplomatic relations between Azerbaijan and Russia was marked in 2022.',
    text: '30th anniversary',
    metric: 'diplomatic_relations_established',
    entities: [party('AZ'), party('RU')],
    period: { value: '2022', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: 'The BAM spans a distance of 4,324 kilometers.',
    text: '4,324 kilometers',
    metric: 'length',
    entities: [subject('bam_railway')],
    checkable: true,
  },
  {
    sentence: 'In 2018, Azerbaijan provided Iran with a loan of $500 million.',
    text: '$500 million',
    metric: 'loan_amount',
    period: { value: '2018', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: 'There is a very broad legal framework between us: 245 documents have been signed.',
    text: '245 documents',
    metric: 'bilateral_documents_count',
    checkable: true,
  },
  {
    sentence: 'The parties aim to bring trade to $15 billion by 2030.',
    text: '$15 billion',
    metric: 'trade_turnover_target',
  },
  {
    sentence: 'The company hired 150 people in March.',
    text: '150 people',
    metric: null,
    checkable: true,
  },
  { sentence: 'He has three children and two dogs.', text: 'two dogs', metric: null, checkable: false },
  {
    sentence: 'Relations between the two countries were established on May 8, 1992.',
    text: 'two countries',
    metric: 'countries_count',
    checkable: false,
  },
  {
    sentence:
      'Diplomatic relations between Azerbaijan and Italy were established on May 8, 1992; the 30th anniversary was marked in 2022.',
    text: '30th anniversary',
    metric: 'diplomatic_relations_established',
    entities: [party('AZ'), party('IT')],
  },
  {
    sentence: "Italy accounted for 37% of Azerbaijan's exports in 2023.",
    text: '37%',
    metric: 'export_share',
    period: { value: '2023', basis: 'stated', granularity: 'year' },
  },
  {
    sentence: 'The conference drew hundreds of guests.',
    text: 'hundreds of guests',
    metric: null,
    checkable: false,
  },
  { sentence: 'It is the 17th congress of the party.', text: '17th', metric: null, checkable: false },
  { sentence: 'Growth was slow in 2019.', text: '2019', metric: null, checkable: false },
  {
    sentence: 'We are 100 percent sure of the outcome.',
    text: '100 percent',
    metric: null,
    checkable: false,
  },
  {
    sentence:
      'For more than two years now, we have worked within the Declaration on Allied Interaction, signed in February 2022.',
    text: 'more than two years',
    metric: 'agreement_signed',
    period: { value: '2024-04-22', basis: 'inferred', granularity: 'day' },
    event: {
      metrics: ['agreement_signed'],
      entities: ['AZ', 'RU', 'declaration_allied_interaction'],
      statedDate: '2022-02',
    },
  },
];

describe('claim context', () => {
  it.each(rows.map((r) => [r.text, r.sentence, r] as const))('reads "%s" in "%s"', (_text, sentence, row) => {
    const claim = extractClaims(sentence, { publishedAt: PUBLISHED, all: true }).find(
      (c) => c.text === row.text,
    );
    expect(claim).toBeDefined();
    if (!claim) return;
    expect(claim.metric).toBe(row.metric);
    if (row.entities) expect(claim.entities).toEqual(row.entities);
    if (row.period !== undefined) expect(claim.period).toEqual(row.period);
    if (row.checkable !== undefined) expect(claim.checkable).toBe(row.checkable);
    if (row.event) expect(claim.event).toEqual(row.event);
  });

  it('returns only checkable claims unless every figure is asked for', () => {
    const text = 'He has two dogs. Trade reached $4 billion in 2023.';
    expect(extractClaims(text, { publishedAt: PUBLISHED }).map((c) => c.text)).toEqual(['$4 billion']);
    expect(extractClaims(text, { publishedAt: PUBLISHED, all: true }).map((c) => c.text)).toEqual([
      'two dogs',
      '$4 billion',
      '2023',
    ]);
  });

  it('reads "mutual" and "bilateral" as the two countries the article is about', () => {
    const text =
      'Russian and Azerbaijani leaders met in Moscow.\n\nBilateral trade exceeded $4 billion, the Kremlin said.';
    const claim = extractClaims(text, { publishedAt: PUBLISHED })[0]!;
    expect(claim.entities).toEqual([party('RU'), party('AZ')]);
    expect(claim.qualifier).toBe('more_than');
  });

  it('rejects a publication date that is not YYYY-MM-DD', () => {
    expect(() => extractClaims('Trade reached $4 billion.', { publishedAt: 'April 2024' })).toThrow(
      RangeError,
    );
  });
});
