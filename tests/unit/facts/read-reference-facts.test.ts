import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseCsv,
  readMetricAliasesCsv,
  readReferenceFactsCsv,
  readReferenceFactsFile,
  readReferenceFactsJsonl,
} from '../../../functions/core/facts/index.ts';

const HEADER = 'id,metric,entities,period,value,unit,qualifier,as_of,source_name,source_url,notes';
const GOOD =
  'F1,trade_turnover,RU|AZ,2023,4400000000,USD,approx,2024-02-12,News.Az,https://news.az/a,rounded';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
    ]);
  });
});

describe('readReferenceFactsCsv', () => {
  it('reads every row of data/facts.csv without an error', () => {
    const { facts, errors } = readReferenceFactsCsv(
      readFileSync(new URL('../../../data/facts.csv', import.meta.url), 'utf8'),
    );
    expect(errors).toEqual([]);
    expect(facts).toHaveLength(249);
    expect(facts[0]).toEqual({
      id: 'F001',
      metric: 'trade_turnover',
      entities: ['RU', 'AZ'],
      period: '2023',
      value: 4400000000,
      unit: 'USD',
      qualifier: 'approx',
      asOf: '2024-02-12',
      sourceName: 'News.Az (citing Izvestia interview with Russian Ambassador M. Yevdokimov)',
      sourceUrl: 'https://news.az/news/azerbaijan-russia-report-growth-in-trade-turnover',
      notes: 'Russian side statement; rounded to $4.4 bn',
    });
    expect(facts.find((f) => f.id === 'F220')?.value).toBe('2022-02-22');
    // A change is stated as such; every other fact's measure follows from its metric.
    expect(facts.find((f) => f.id === 'F242')).toMatchObject({
      metric: 'foreign_trade_turnover',
      measure: 'change',
      value: -1.5e9,
    });
    expect(facts.filter((f) => f.measure !== undefined).every((f) => f.measure === 'change')).toBe(true);
    expect(facts.find((f) => f.id === 'F180')?.qualifier).toBe('at_least');
  });

  it('reads quarters and halves as periods and a stated measure, and rejects an unknown measure', () => {
    const withMeasure = `${HEADER},measure\n${GOOD.replace(',2023,', ',2023-Q2,')},change\n${GOOD.replace('F1,', 'F2,').replace(',2023,', ',2023-H1,')},\n${GOOD.replace('F1,', 'F3,')},rise`;
    const { facts, errors } = readReferenceFactsCsv(withMeasure);
    expect(facts.map((f) => [f.period, f.measure])).toEqual([
      ['2023-Q2', 'change'],
      ['2023-H1', undefined],
    ]);
    expect(errors).toEqual([
      {
        line: 4,
        column: 'measure',
        message:
          'measure "rise" must be empty or one of level, change, growth, share, rate, target, forecast, count, event_date, anniversary, duration',
      },
    ]);
  });

  it('accepts the upstream file with its quote column and drops the quotes', () => {
    const { facts, errors } = readReferenceFactsCsv(
      `${HEADER.replace(',notes', ',quote,notes')}\n${GOOD.replace(',rounded', ',"a quoted sentence",rounded')}`,
    );
    expect(errors).toEqual([]);
    expect(facts[0]).not.toHaveProperty('quote');
  });

  it.each([
    ['value', GOOD.replace('4400000000', '4.4bn'), 'value "4.4bn" is not a number'],
    [
      'period',
      GOOD.replace(',2023,', ',2023-13,'),
      'period "2023-13" must be YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or A/B',
    ],
    [
      'entities',
      GOOD.replace('RU|AZ', 'Russia'),
      'entity "Russia" is neither an ISO 3166 alpha-2 code nor a snake_case slug',
    ],
    [
      'qualifier',
      GOOD.replace('approx', 'roughly'),
      'qualifier "roughly" must be exact, approx, more_than, less_than, at_least or at_most',
    ],
    ['as_of', GOOD.replace('2024-02-12', '12/02/2024'), 'as_of "12/02/2024" is not an ISO date'],
    [
      'source_url',
      GOOD.replace('https://news.az/a', 'news.az'),
      'source_url "news.az" is not an http(s) URL',
    ],
    ['source_name', GOOD.replace('News.Az', ''), 'source_name is empty: every fact needs its source'],
    [
      'metric',
      GOOD.replace('trade_turnover', 'Trade Turnover'),
      'metric "Trade Turnover" must be snake_case',
    ],
  ])('names the row and the column %s when it is invalid', (column, row, message) => {
    const { facts, errors } = readReferenceFactsCsv(`${HEADER}\n${GOOD.replace('F1', 'F0')}\n${row}`);
    expect(facts.map((f) => f.id)).toEqual(['F0']);
    expect(errors).toEqual([{ line: 3, column, message }]);
  });

  it('rejects a date value that is not a calendar date when the unit is date', () => {
    const row = 'F9,agreement_signed,AZ|RU,2022-02-30,2022-02-30,date,exact,,Src,https://x.org,';
    const { errors } = readReferenceFactsCsv(`${HEADER}\n${row}`);
    expect(errors.map((e) => e.column)).toEqual(['period', 'value']);
  });

  it('reports a duplicate id with the line of its first occurrence', () => {
    const { errors } = readReferenceFactsCsv(`${HEADER}\n${GOOD}\n${GOOD}`);
    expect(errors).toEqual([{ line: 3, column: 'id', message: 'duplicate id F1 (first on line 2)' }]);
  });

  it('reports missing and unknown columns in the header', () => {
    const { errors } = readReferenceFactsCsv('id,metric,colour\nF1,gdp,red');
    expect(errors.map((e) => e.message)).toContain('missing column "entities"');
    expect(errors.map((e) => e.message)).toContain('unknown column "colour"');
  });

  it('reports an unterminated quote with its line', () => {
    const { errors } = readReferenceFactsCsv(`${HEADER}\n${GOOD}\nF2,"gdp`);
    expect(errors).toEqual([
      { line: 3, column: null, message: 'unterminated quoted field starting on line 3' },
    ]);
  });

  it('reports a row with the wrong number of fields', () => {
    const { errors } = readReferenceFactsCsv(`${HEADER}\nF1,gdp,AZ`);
    expect(errors).toEqual([{ line: 2, column: null, message: 'expected 11 fields, found 3' }]);
  });
});

describe('readReferenceFactsJsonl', () => {
  const line = (fields: Record<string, unknown>) =>
    JSON.stringify({
      id: 'J1',
      metric: 'exports',
      entities: ['AZ', 'IT'],
      period: '2023',
      value: 12500000000,
      unit: 'USD',
      qualifier: 'approx',
      as_of: '2024-02-01',
      source_name: 'Example Agency',
      source_url: 'https://example.org/exports',
      ...fields,
    });

  it('reads facts with entities as an array and value as a number', () => {
    const { facts, errors } = readReferenceFactsJsonl(
      `${line({})}\n\n${line({ id: 'J2', entities: 'AZ|TR' })}\n`,
    );
    expect(errors).toEqual([]);
    expect(facts.map((f) => [f.id, f.entities, f.value])).toEqual([
      ['J1', ['AZ', 'IT'], 12500000000],
      ['J2', ['AZ', 'TR'], 12500000000],
    ]);
  });

  it('names the line and the field of each problem', () => {
    const { facts, errors } = readReferenceFactsJsonl(
      [
        line({}),
        '{"id": ',
        line({ id: 'J3', value: { amount: 1 } }),
        line({ id: 'J4', colour: 'red' }),
        '[1]',
      ].join('\n'),
    );
    expect(facts.map((f) => f.id)).toEqual(['J1']);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, null],
      [3, 'value'],
      [4, 'colour'],
      [5, null],
    ]);
    expect(errors[1]!.message).toBe('value must be a string or a number');
  });

  it('is chosen for .jsonl files by readReferenceFactsFile', () => {
    expect(readReferenceFactsFile('facts.jsonl', line({})).facts).toHaveLength(1);
    expect(readReferenceFactsFile('facts.csv', `${HEADER}\n${GOOD}`).facts).toHaveLength(1);
  });
});

describe('readMetricAliasesCsv', () => {
  const known = new Set(['trade_turnover', 'exports']);

  it('reads metric,alias rows, folding case and white space and dropping repeats', () => {
    const { aliases, errors } = readMetricAliasesCsv(
      'metric,alias\ntrade_turnover,Commerce  Between\nexports,sales abroad\ntrade_turnover,commerce between\n',
      known,
    );
    expect(errors).toEqual([]);
    expect(aliases).toEqual([
      { metric: 'trade_turnover', alias: 'commerce between' },
      { metric: 'exports', alias: 'sales abroad' },
    ]);
  });

  it('names the line and column of an unknown metric or an unusable alias', () => {
    const { aliases, errors } = readMetricAliasesCsv(
      'metric,alias\ngdp_per_goat,output\nexports,$$\n',
      known,
    );
    expect(aliases).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'metric', message: 'unknown metric "gdp_per_goat"' },
      { line: 3, column: 'alias', message: 'alias "$$" must be 2-80 letters, digits, spaces, \' or -' },
    ]);
  });
});
