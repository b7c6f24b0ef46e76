/**
 * Extraction benchmark: accuracy on the labelled phrase corpus and throughput on article-like
 * text, for figcheck and, in the same run on the same inputs, the peer extractors.
 */
import { extractClaims } from '../functions/core/index.ts';
import { loadCorpus } from '../tests/unit/extraction/corpus/load-corpus.ts';
import { generateCorpus } from './article-corpus.ts';
import { median, round, timeRuns } from './measure.ts';
import { compromise, type Extractor, type FoundValue, recognizersText } from './peers.ts';

export interface AccuracyFigures {
  positives: number;
  negatives: number;
  valueF1: number;
  valueUnitF1: number;
  valueRecall: number;
  valueUnitRecall: number;
  precision: number;
}

export interface ThroughputFigures {
  bytes: number;
  articles: number;
  mbPerSecond: number;
  articlesPerSecond: number;
}

export interface ExtractorFigures {
  name: string;
  accuracy: AccuracyFigures;
  /** On the shared sample every extractor runs. */
  throughput: ThroughputFigures;
}

export interface ExtractionBenchResult {
  figcheck: ExtractorFigures;
  /** figcheck on the full corpus (peers are too slow to run it whole). */
  figcheckFullCorpus: ThroughputFigures;
  peers: ExtractorFigures[];
  sharedSampleBytes: number;
}

const figcheck: Extractor = {
  name: 'figcheck',
  extract(text) {
    return extractClaims(text, { publishedAt: '2024-04-22', all: true }).map((c) => ({
      text: c.text,
      value: c.value,
      unit: c.unit,
      low: c.low,
      high: c.high,
    }));
  },
};

const CURRENCY_NAMES: Record<string, string> = {
  dollar: 'USD',
  'united states dollar': 'USD',
  euro: 'EUR',
  pound: 'GBP',
  'british pound': 'GBP',
  ruble: 'RUB',
  rouble: 'RUB',
  'russian ruble': 'RUB',
  manat: 'AZN',
  'azerbaijani manat': 'AZN',
  yuan: 'CNY',
  'chinese yuan': 'CNY',
  lira: 'TRY',
  'turkish lira': 'TRY',
};

function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  return CURRENCY_NAMES[unit.toLowerCase()] ?? unit;
}

function sameValue(found: FoundValue['value'], expected: number | string): boolean {
  if (typeof expected === 'number') {
    const n = typeof found === 'number' ? found : Number(found);
    if (!Number.isFinite(n)) return false;
    // The scoring rule of the held-out evaluation: within 0.5% of the gold value.
    return expected === 0 ? n === 0 : Math.abs(n - expected) <= Math.abs(expected) * 0.005;
  }
  return found === expected;
}

type Found = FoundValue & { low?: number | string; high?: number | string };

function matches(
  found: Found,
  row: { value: number | string; low?: number | string; high?: number | string },
) {
  if (sameValue(found.value, row.value)) return true;
  // A range is found when its bounds are (peers report the two ends as separate numbers).
  return row.low !== undefined && found.low !== undefined && sameValue(found.low, row.low);
}

export function measureAccuracy(extractor: Extractor): AccuracyFigures {
  let positives = 0;
  let negatives = 0;
  let valueHits = 0;
  let valueUnitHits = 0;
  let falsePositives = 0;
  for (const { row } of loadCorpus()) {
    const found = extractor.extract(row.phrase) as Found[];
    if ('none' in row) {
      negatives++;
      falsePositives += found.length;
      continue;
    }
    positives++;
    const valueMatches = found.filter((f) => matches(f, row));
    if (valueMatches.length > 0) valueHits++;
    if (valueMatches.some((f) => normaliseUnit(f.unit) === row.unit)) valueUnitHits++;
  }
  const f1 = (hits: number) => {
    const precision = hits + falsePositives === 0 ? 0 : hits / (hits + falsePositives);
    const recall = hits / positives;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  };
  return {
    positives,
    negatives,
    valueF1: round(f1(valueHits), 3),
    valueUnitF1: round(f1(valueUnitHits), 3),
    valueRecall: round(valueHits / positives, 3),
    valueUnitRecall: round(valueUnitHits / positives, 3),
    precision: round(valueHits / (valueHits + falsePositives), 3),
  };
}

function measureThroughput(
  extractor: Extractor,
  articles: readonly string[],
  runs: number,
  warmupMs: number,
): ThroughputFigures {
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0);
  const pass = () => {
    for (const article of articles) extractor.extract(article);
  };
  const ms = median(timeRuns(runs, pass, warmupMs));
  return {
    bytes,
    articles: articles.length,
    mbPerSecond: round(bytes / 1e6 / (ms / 1000), 3),
    articlesPerSecond: round(articles.length / (ms / 1000), 1),
  };
}

export function runExtractionBench(options: {
  corpusBytes: number;
  sharedBytes: number;
}): ExtractionBenchResult {
  const corpus = generateCorpus(options.corpusBytes);
  const shared: string[] = [];
  let sharedBytes = 0;
  for (const article of corpus) {
    if (sharedBytes >= options.sharedBytes) break;
    shared.push(article);
    sharedBytes += Buffer.byteLength(article);
  }
  // Every extractor is warmed up for a second first (the slowest peer manages one pass in that time).
  const measure = (extractor: Extractor, runs: number): ExtractorFigures => ({
    name: extractor.name,
    accuracy: measureAccuracy(extractor),
    throughput: measureThroughput(extractor, shared, runs, 1000),
  });
  return {
    figcheck: measure(figcheck, 21),
    figcheckFullCorpus: measureThroughput(figcheck, corpus, 7, 1000),
    peers: [measure(recognizersText, 1), measure(compromise, 5)],
    sharedSampleBytes: sharedBytes,
  };
}
