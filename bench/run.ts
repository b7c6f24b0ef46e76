/**
 * `npm run bench`: measures figcheck and its peers on this machine and writes BENCHMARKS.md.
 * Figures are medians of several runs; peers run in the same process on the same inputs.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { type ExtractorFigures, runExtractionBench } from './extraction-bench.ts';
import { round } from './measure.ts';

const OUTPUT = new URL('../BENCHMARKS.md', import.meta.url);

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${round(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${round(a / b, 1)}x`;
}

function accuracyRow(f: ExtractorFigures): string {
  const a = f.accuracy;
  return `| ${f.name} | ${a.valueF1} | ${a.valueUnitF1} | ${a.valueRecall} | ${a.valueUnitRecall} | ${a.precision} |`;
}

async function main(): Promise<void> {
  const started = new Date();
  console.log(`figcheck benchmarks on ${machine()}`);
  console.log('Extraction: accuracy on the labelled corpus, throughput on article-like text ...');
  const extraction = runExtractionBench({ corpusBytes: 2_000_000, sharedBytes: 50_000 });
  const fastestPeer = extraction.peers.reduce((a, b) =>
    a.throughput.mbPerSecond > b.throughput.mbPerSecond ? a : b,
  );
  const own = extraction.figcheck.throughput;

  const lines = [
    '# Benchmarks',
    '',
    `Measured ${started.toISOString().slice(0, 10)} on ${machine()}, by \`npm run bench\`.`,
    'Every figure is a median of several runs in one process; peers ran in the same run on the same inputs.',
    '',
    '## Extraction',
    '',
    `Accuracy on figcheck's labelled phrase corpus (tests/unit/extraction/corpus: ${extraction.figcheck.accuracy.positives} phrases with a figure, ${extraction.figcheck.accuracy.negatives} that must yield none), every extractor in its "every quantity" mode.`,
    'A figure counts when an extracted value is within 0.5% of the labelled one (dates: the same ISO value); "value+unit" also needs the currency or unit.',
    "Precision counts anything extracted from a negative phrase as a false positive. The corpus is figcheck's own development set, so figcheck's score on it is a regression check, not an unbiased estimate.",
    '',
    '| extractor | value F1 | value+unit F1 | value recall | value+unit recall | precision |',
    '| --- | --- | --- | --- | --- | --- |',
    accuracyRow(extraction.figcheck),
    ...extraction.peers.map(accuracyRow),
    '',
    `Throughput on the same ${round(extraction.sharedSampleBytes / 1e3, 0)} KB of generated article text (bench/article-corpus.ts: economic and diplomatic news paragraphs with money, percentages, dates, durations and counts), one core:`,
    '',
    '| extractor | MB/s | articles/s | figcheck is faster by |',
    '| --- | --- | --- | --- |',
    `| figcheck | ${own.mbPerSecond} | ${own.articlesPerSecond} | |`,
    ...extraction.peers.map(
      (p) =>
        `| ${p.name} | ${p.throughput.mbPerSecond} | ${p.throughput.articlesPerSecond} | ${ratio(own.mbPerSecond, p.throughput.mbPerSecond)} |`,
    ),
    '',
    `figcheck on the whole ${round(extraction.figcheckFullCorpus.bytes / 1e6, 1)} MB corpus (${extraction.figcheckFullCorpus.articles} articles): **${extraction.figcheckFullCorpus.mbPerSecond} MB/s**, ${extraction.figcheckFullCorpus.articlesPerSecond} articles/s (goal: 20 MB/s). Fastest peer: ${fastestPeer.name}, ${ratio(own.mbPerSecond, fastestPeer.throughput.mbPerSecond)} slower than figcheck.`,
    '',
    'Peers: @microsoft/recognizers-text-suite with its number, ordinal, percentage, currency and date-time recognisers; compromise with its numbers, money and percentages views (it has no dates without a plugin).',
    '',
  ];
  writeFileSync(OUTPUT, lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
