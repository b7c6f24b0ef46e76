/**
 * `npm run bench`: measures figcheck and its peers on this machine and writes BENCHMARKS.md.
 * Figures are medians of several runs; peers run in the same process on the same inputs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { checkArticle } from '../functions/core/index.ts';
import { InMemoryReferenceStore } from '../tests/support/in-memory-reference-store.ts';
import { readFactsCsv } from '../tests/support/read-facts-csv.ts';
import { measureBundles } from './bundle-bench.ts';
import { measureChecks } from './check-bench.ts';
import { costPerMillion, PRICES } from './cost-model.ts';
import { type ExtractorFigures, runExtractionBench } from './extraction-bench.ts';
import { measureLoad } from './load-bench.ts';
import { round } from './measure.ts';
import { measureMemory } from './memory-bench.ts';
import { type LabelledFigures, measureFrames, measureVerdicts } from './verdict-bench.ts';

const OUTPUT = new URL('../BENCHMARKS.md', import.meta.url);

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${round(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function sdkImportMs(): number {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const t = performance.now(); await import('@aws-sdk/client-dynamodb'); process.stdout.write(String(performance.now() - t));",
    ],
    { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  );
  return round(Number(out), 0);
}

function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${round(a / b, 1)}x`;
}

function accuracyRow(f: ExtractorFigures): string {
  const a = f.accuracy;
  return `| ${f.name} | ${a.valueF1} | ${a.valueUnitF1} | ${a.valueRecall} | ${a.valueUnitRecall} | ${a.precision} |`;
}

/** What each labelled set is, and what figcheck scored on it at first contact, before any change it prompted. */
const LABELLED_PROSE: Record<string, (first: LabelledFigures | undefined) => string> = {
  'labelled.jsonl': (first) =>
    `The labelled set (tests/fixtures/verdict-suites/labelled.jsonl): ${first?.articles ?? 0} articles in the styles of Trend, TASS, Xinhua, APA, Reuters, IRNA and a statistics office, written from data/facts.csv by a writer who did not see figcheck's rules, with every checkable figure labelled with the verdict a fact-checker expects (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} of them resting on a reference in the table). It was written during the claim-frames work and then used to find general faults, so it too is now a regression check, and the floor row is the fair comparison. Accuracy counts the figures a checker made a claim of; figures it did not extract are claim detection's shortfall.`,
  'labelled-second.jsonl': (first) =>
    `The second labelled set (tests/fixtures/verdict-suites/labelled-second.jsonl): ${first?.articles ?? 0} more articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written the same way once the first set had been used up. At first contact, before any change it prompted, figcheck found 119 of its 142 figures with 73.1% verdict accuracy, 0 false alarms and 52 of 102 right where the table holds the fact (51.0%): that is the nearest this project has to a measure on unseen news. It has since been used to find faults too.`,
  'labelled-third.jsonl': (first) =>
    `The third labelled set (tests/fixtures/verdict-suites/labelled-third.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written the same way after the second set had been used up. At first contact figcheck found 145 of its 171 figures with 80.7% verdict accuracy, 2 false alarms (a base figure "recorded a year before" read in the main figure's period, a ratification date checked against both parliaments' dates) and 74 of 111 right where the table holds the fact (66.7%; 74 of the 100 such figures it found). It has since been used to find faults too.`,
  'labelled-fourth.jsonl': (first) =>
    `The fourth labelled set (tests/fixtures/verdict-suites/labelled-fourth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the third had been used up, in other phrasings (passive voice, inverted order, figures in brackets, "respectively"). At first contact figcheck found 162 of its 196 figures with 81.5% verdict accuracy, 0 false alarms and 87 of 133 right where the table holds the fact (65.4%; 87 of the 117 such figures it found). It has since been used to find faults too.`,
  'labelled-fifth.jsonl': (first) =>
    `The fifth labelled set (tests/fixtures/verdict-suites/labelled-fifth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the fourth had been used up: wire copy with partner rankings, gapped clauses ("with Armenia it reached ..."), dates put first ("On July 3, 2009, the presidents signed ..."), anniversaries marked "last month" and references that disagree among themselves. At first contact figcheck found 149 of its 181 figures with 83.2% verdict accuracy (124 of 149), 0 false alarms on labelled figures but 1 on a figure the labels left out ("last month", the month an anniversary was marked, checked as the date relations were established), and 75 of 120 right where the table holds the fact (62.5%; 75 of the 99 such figures it found). It has since been used to find faults too.`,
  'labelled-sixth.jsonl': (first) =>
    `The sixth labelled set (tests/fixtures/verdict-suites/labelled-sixth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the fifth had been used up, drawing on as many different rows of the table as the writer could (Kazakh, Chinese, Uzbek, Georgian and Armenian stories, central-bank and statistics releases). At first contact figcheck found 177 of its 220 figures with 78.0% verdict accuracy (138 of 177), 1 false alarm ("container shipments between the ports of Aktau and Baku rose 62%" read as Azerbaijan's exports) and 78 of 133 right where the table holds the fact (58.6%; 78 of the 115 such figures it found). It has since been used to find faults too.`,
  'labelled-seventh.jsonl': (first) =>
    `The seventh labelled set (tests/fixtures/verdict-suites/labelled-seventh.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the sixth had been used up: long sentences with several figures, figures carried over from sentences before, partner rankings with places ("came second at"), documents named with their dates, biographies. At first contact figcheck found 192 of its 340 figures with 68.8% verdict accuracy (132 of 192), 1 false alarm ("for more than three decades" counted from a declaration the same sentence dates in 2020) and 100 of 180 right where the table holds the fact (55.6%; 100 of the 160 such figures it found). It has since been used to find faults too.`,
  'labelled-eighth.jsonl': (first) =>
    `The eighth labelled set (tests/fixtures/verdict-suites/labelled-eighth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the seventh had been used up, by a writer asked to favour rows of the table the other sets left out (biographies, the Baikal-Amur Mainline, the corridor's railway, leaders named without their countries). At first contact figcheck found 199 of its 349 figures with 77.9% verdict accuracy (155 of 199), 2 false alarms (a record of 2023 read in the year of the base it was set against, "after $190.3 billion in 2022"; "two days later, on October 1, the golden link was laid" dated by the verb of the clause before) and 82 of 149 right where the table holds the fact (55.0%; 82 of the 126 such figures it found). It has since been used to find faults too.`,
  'labelled-ninth.jsonl': (first) =>
    `The ninth labelled set (tests/fixtures/verdict-suites/labelled-ninth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the eighth had been used up, in the styles of Xinhua, Anadolu, Kazinform, TASS, APA, AKIpress, Daily Sabah, Eurasianet, UzDaily, Reuters and Caspian News. At first contact figcheck found 137 of its 219 figures with 82.5% verdict accuracy (113 of 137), 1 false alarm ("ties that were formally established 33 years ago" dated by the partnership signed that week) and 80 of 115 right where the table holds the fact (69.6%; 80 of the 104 such figures it found). It has since been used to find faults too.`,
  'labelled-tenth.jsonl': (first) =>
    `The tenth labelled set (tests/fixtures/verdict-suites/labelled-tenth.jsonl): ${first?.articles ?? 0} pieces (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written at the same time as the ninth by another writer, in forms the wire sets lack: statistics and customs releases, interviews as questions and answers, analysis pieces with historical background, and visit reports listing the documents signed. At first contact figcheck found 162 of its 251 figures with 83.3% verdict accuracy (135 of 162), 1 false alarm ("Compared with the same period of the previous year, GDP increased by 4.3 percent" read as growth in the whole of the year before) and 87 of 134 right where the table holds the fact (64.9%; 87 of the 114 such figures it found). It has since been used to find faults too.`,
  'labelled-eleventh.jsonl': (first) =>
    `The eleventh labelled set (tests/fixtures/verdict-suites/labelled-eleventh.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the tenth had been used up, from economic desks (Interfax, RIA Novosti, TASS, Kun.uz, Gazeta.uz, Kazinform, The Astana Times, Trend, Report.az, Xinhua, Anadolu): long sentences with several figures, figures in brackets, partner rankings and year-to-date releases. At first contact figcheck found 191 of its 291 figures with 86.4% verdict accuracy (165 of 191), 1 false alarm ("2.85 percent ($1.5 billion) less than in the previous year": the amount in brackets read as the year's turnover) and 59 of 85 right where the table holds the fact (69.4%; 59 of the 84 such figures it found). It has since been used to find faults too.`,
  'labelled-twelfth.jsonl': (first) =>
    `The twelfth labelled set (tests/fixtures/verdict-suites/labelled-twelfth.jsonl): ${first?.articles ?? 0} pieces (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written at the same time as the eleventh by another writer, on diplomacy and history: state visits with the documents signed, anniversaries, histories of railways and corridors, biographies. At first contact figcheck found 130 of its 235 figures with 74.6% verdict accuracy (97 of 130), 1 false alarm ("a joint declaration signed in 2020", in a sentence that also dates the relations, checked as the year relations were established) and 64 of 135 right where the table holds the fact (47.4%; 64 of the 97 such figures it found). It has since been used to find faults too.`,
  'labelled-thirteenth.jsonl': (first) =>
    `The thirteenth labelled set (tests/fixtures/verdict-suites/labelled-thirteenth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the twelfth had been used up, mixing agency news, a statistics release, an interview and analysis: headlines with figures ("$6.7B"), dates of what is still to come, documents signed and ratified in one sentence, two flows in one clause, meetings in capitals. At first contact figcheck found 219 of its 271 figures with 82.2% verdict accuracy (180 of 219), 4 false alarms (a headline's "$6.7B" read as $6.7; "will mark the 32nd anniversary ... on 4 April" read as last April; a signing date between commas given the ratification after it; "Azerbaijani investment in China stood at $1.7 billion and Chinese investment in Azerbaijan at $800 million" giving the second figure the first flow) and 119 of 178 right where the table holds the fact (66.9%; 119 of the 156 such figures it found). It has since been used to find faults too.`,
  'labelled-fourteenth.jsonl': (first) =>
    `The fourteenth labelled set (tests/fixtures/verdict-suites/labelled-fourteenth.jsonl): ${first?.articles ?? 0} pieces (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the thirteenth had been used up, in forms wire copy rarely takes: translations from Russian-language business dailies, a ministry release with a list of figures, a Q&A interview, three-sentence breaking items, regional outlets, an op-ed quoting figures loosely ("roughly a sixth") and a statistics release with quarters and "percent of the 2022 level". At first contact figcheck found 150 of its 193 figures with 89.3% verdict accuracy (134 of 150), no false alarm and 95 of 127 right where the table holds the fact (74.8%; 95 of the 111 such figures it found). It has since been used to find faults too.`,
  'labelled-fifteenth.jsonl': (first) =>
    `The fifteenth labelled set (tests/fixtures/verdict-suites/labelled-fifteenth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written with the fourteenth, as correspondents write them: meetings of presidents and ministers with the figures they quoted, business forums, customs reports for one partner, year-end reviews, anniversaries, railways and pipelines, with numbers written many ways and sentences carrying two or three figures. At first contact figcheck found 164 of its 211 figures with 84.1% verdict accuracy (138 of 164), 2 false alarms ("whose history formally began with resolution No. 561 of 8 July 1974, was joined at the golden link at Balbukhta ... and accepted into permanent operation in 1989": both dates given the golden link's own event) and 102 of 152 right where the table holds the fact (67.1%; 102 of the 127 such figures it found). It has since been used to find faults too.`,
  'labelled-sixteenth.jsonl': (first) =>
    `The sixteenth labelled set (tests/fixtures/verdict-suites/labelled-sixteenth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the fifteenth had been used up: an ambassador's interview, a deputy minister on payments in national currencies, a signing in the Kremlin, a long piece on the Baikal-Amur Mainline, corridors and railways, customs data from both sides that disagree, a ministry's anniversary post quoted in full. At first contact figcheck found 183 of its 228 figures with 80.9% verdict accuracy (148 of 183), 1 false alarm ("the trilateral statement of 10 November 2020 and the subsequent statements ... adopted in Moscow on 11 January 2021": the later date checked against the first statement) and 108 of 158 right where the table holds the fact (68.4%). Two figures its writer labelled supported are ones the table holds conflicting references for (Russian investment in mid-2024, the mainline's length); they are labelled ambiguous here, as the verdict rules define it. It has since been used to find faults too.`,
  'labelled-seventeenth.jsonl': (first) =>
    `The seventeenth labelled set (tests/fixtures/verdict-suites/labelled-seventeenth.jsonl): ${first?.articles ?? 0} pieces (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written with the sixteenth by another writer: two statistics releases, two wire flashes with datelines, two long histories, two question-and-answer interviews, a ministry release, an op-ed and two regional pieces (Italy, Kazakhstan and the Organization of Turkic States). At first contact figcheck found 207 of its 260 figures with 71.5% verdict accuracy (148 of 207), no false alarm and 105 of 196 right where the table holds the fact (53.6%); its writer counted some 30 anniversaries and durations worked out from a date the table holds as supported. It has since been used to find faults too.`,
  'labelled-eighteenth.jsonl': (first) =>
    `The eighteenth labelled set (tests/fixtures/verdict-suites/labelled-eighteenth.jsonl): ${first?.articles ?? 0} articles (${first?.figures ?? 0} figures, ${first?.tableHolds ?? 0} resting on a reference), written after the seventeenth as ordinary daily news: a visit report, a commission meeting, customs and GDP releases, a business forum, an embassy reception, a railway update, energy wire copy, an ambassador's interview and a year-end review. At first contact figcheck found 186 of its 227 figures with 78.0% verdict accuracy (145 of 186), 4 false alarms ("signed more than a century ago" and "less than four years ago" read as that very year; "on October 3, the Organization of Turkic States will mark the 15th anniversary" read as last October; "22 years since the death of Heydar Aliyev" counted from his birth) and 107 of 167 right where the table holds the fact (64.1%). It has since been used to find faults too.`,
};

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

  console.log('Verdicts: false-alarm suites and the frame corpus ...');
  const verdicts = await measureVerdicts();
  const frames = measureFrames();
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${round((100 * a) / b, 1)}%`);
  lines.push(
    '## Verdicts',
    '',
    `The false-alarm suites (tests/fixtures/verdict-suites), checked end to end against data/facts.csv plus each suite's fixture facts: ${verdicts[0]?.accurate.articles ?? 0} accurate agency-style articles, whose figures are all right or have no applicable fact, full of traps (a half-year figure beside an annual fact, a comparison year, a change beside a level, a share in a growth story, a treaty of the same two countries); and ${verdicts[0]?.oneWrong.articles ?? 0} articles with one deliberately wrong figure in a frame the table holds. A flag is a contradicted, outdated or ambiguous verdict. The rows below run the same suites with figcheck as it is, with its guess rule switched off (guessed frame parts treated as stated), and with the checker before claim frames (the floor).`,
    '',
    '| checker | accurate: claims | false alarms | articles with a false alarm | one wrong: wrong figures contradicted (recall) | contradicted precision | other figures flagged |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...verdicts.map(
      (v) =>
        `| ${v.mode} | ${v.accurate.claims} | ${v.accurate.flagged} | ${v.accurate.articlesFlagged} of ${v.accurate.articles} | ${v.oneWrong.wrongCaught} of ${v.oneWrong.articles} (${v.oneWrong.recall}) | ${v.oneWrong.precision} | ${v.oneWrong.otherFlags} |`,
    ),
    '',
    ...verdicts[0]!.labelled.flatMap(({ file }) => [
      LABELLED_PROSE[file]?.(verdicts[0]!.labelled.find((set) => set.file === file)?.figures) ?? file,
      '',
      '| checker | figures found | verdict accuracy | false alarms | right where the table holds the fact |',
      '| --- | --- | --- | --- | --- |',
      ...verdicts.map((v) => {
        const l = v.labelled.find((set) => set.file === file)!.figures;
        return `| ${v.mode} | ${l.found} of ${l.figures} | ${pct(l.right, l.found)} | ${l.falseAlarms} | ${l.tableRight} of ${l.tableHolds} (${pct(l.tableRight, l.tableHolds)}) |`;
      }),
      '',
    ]),
    `Frame corpus (tests/unit/extraction/frames: customs and statistics releases, central-bank and investment news, meeting reports with anniversaries and treaties): ${frames.exact} of ${frames.rows} sentences (${pct(frames.exact, frames.rows)}) get every part of their expected frame; by part: ${Object.entries(
      frames.byPart,
    )
      .map(([part, n]) => `${part} ${pct(n, frames.rows)}`)
      .join(', ')}.`,
    '',
    "Both the suites and the corpus were written for this work and used while building it, so figcheck's own rows are a regression check, not an estimate of how it does on news it has never seen; the floor row is the fair comparison.",
    '',
  );

  console.log('Whole check in process against DynamoDB Local ...');
  const checks = await measureChecks(200);
  lines.push(
    '## Whole check in process',
    '',
    'Extract + look up + decide, warm, against DynamoDB Local on this machine (200 runs each). "cache off" sends every look-up to the table; "cache warm" is a warm function with the look-ups cached (5 min TTL). A round trip counts requests started before the first one returned as one (goal: at most 1 round trip for the look-ups, 0 when the cache is warm).',
    '',
    '| article | bytes | claims | fact cache | median ms | p99 ms | DynamoDB requests | round trips |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${c.article} | ${c.bytes} | ${c.claims} | ${c.cache} | ${c.medianMs} | ${c.p99Ms} | ${c.requests} | ${c.roundTrips} |`,
    ),
    '',
  );

  console.log('Cold start: bundles and import times ...');
  const bundles = await measureBundles(20);
  lines.push(
    '## Cold start',
    '',
    'Each function bundled as the stack bundles it (esbuild, minified ESM, the AWS SDK v3 left to the Lambda runtime), and the time a fresh Node process takes to import the bundle (median and p90 of 20 processes). Goals: bundle < 300 KB, import < 100 ms.',
    '',
    '| function | bundle KB | import median ms | import p90 ms | largest parts |',
    '| --- | --- | --- | --- | --- |',
    ...bundles.map(
      (b) =>
        `| ${b.name} | ${round(b.bytes / 1024, 0)} | ${b.importMedianMs} | ${b.importP90Ms} | ${b.largest.map((l) => `${l.module} ${round(l.bytes / 1024, 0)} KB`).join(', ')} |`,
    ),
    '',
    `Import time is dominated by the AWS SDK, which every function needs at its first request: importing \`@aws-sdk/client-dynamodb\` alone takes ${sdkImportMs()} ms here. Bundling the SDK into the function (tree-shaken) measured about 10% faster to import but 5x the size (730 KB for facts-api), so the SDK stays with the runtime.`,
    '',
  );

  console.log('API under load (autocannon, 20 s per level) ...');
  const load = await measureLoad(20);
  lines.push(
    '## API under load',
    '',
    'The local server (its own process: API Gateway stand-in, Lambda handlers) with DynamoDB Local on the same 2 cores, `POST /v1/checks` with the sample article, autocannon for 20 s per level after a 3 s warm-up; the last row offers a fixed 100 requests/s. Every request stores the article and its fact uses (2 writes after the rate-limit counter). Goal: p99 < 25 ms at 100 requests/s.',
    '',
    '| connections | offered rate | requests/s | p50 ms | p99 ms | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...load.map(
      (l) =>
        `| ${l.connections} | ${l.rate ? `${l.rate}/s` : 'as fast as possible'} | ${l.requestsPerSecond} | ${l.p50Ms} | ${l.p99Ms} | ${l.errors} | ${l.non2xx} |`,
    ),
    '',
  );

  console.log('Memory ...');
  const memory = measureMemory();
  lines.push(
    '## Memory',
    '',
    `Peak RSS of a fresh process. Loading the code and the facts: ${memory.baselineMb} MB. Checking one 1 MB article (extraction and verdicts, facts in memory): **${memory.checkOneMbPeakMb} MB** peak. Extraction alone, above that baseline:`,
    '',
    '| input MB | peak RSS MB | above baseline MB | MB per input MB |',
    '| --- | --- | --- | --- |',
    ...memory.extraction.map(
      (m) =>
        `| ${m.inputMb} | ${m.peakMb} | ${m.aboveBaselineMb} | ${round(m.aboveBaselineMb / m.inputMb, 1)} |`,
    ),
    '',
  );

  const sample = readFileSync(new URL('../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');
  const facts = readFactsCsv(new URL('../data/facts.csv', import.meta.url).pathname);
  const result = await checkArticle(
    { text: sample, publishedAt: '2024-04-22' },
    new InMemoryReferenceStore(facts),
  );
  const articleKb = Math.ceil(Buffer.byteLength(JSON.stringify({ text: sample, result })) / 1024);
  const evidenceFacts = new Set(result.claims.flatMap((c) => c.verdict.evidence.map((e) => e.factId))).size;
  const coldCheck = checks.find((c) => c.article === 'sample article' && c.cache === 'off')!;
  const serial = load.find((l) => l.connections === 1 && !l.rate)!;
  const syncPath = costPerMillion({
    lambdaMs: [serial.p50Ms],
    memoryMb: 512,
    writeUnits: articleKb + evidenceFacts + 1,
    readUnits: coldCheck.requests,
    sqsRequests: 0,
    apiRequests: 1,
  });
  const webhookPath = costPerMillion({
    lambdaMs: [serial.p50Ms, serial.p50Ms],
    memoryMb: 512,
    // Revision and article written on receipt, both again with the result, delivery and signature records.
    writeUnits: 4 * articleKb + evidenceFacts + 2,
    readUnits: coldCheck.requests + 4,
    sqsRequests: 1.2,
    apiRequests: 1,
  });
  const costTable = (title: string, cost: ReturnType<typeof costPerMillion>) => [
    `**${title}: $${cost.total} per million articles**`,
    '',
    '| item | $ per million articles |',
    '| --- | --- |',
    ...cost.lines.map((line) => `| ${line.item} | ${line.perMillion} |`),
    '',
  ];
  lines.push(
    '## Cost model',
    '',
    `Prices: ${PRICES.asOf}: Lambda arm64 $${PRICES.lambdaGbSecondArm} per GB-s and $${PRICES.lambdaPerMillionRequests} per million requests; DynamoDB on-demand $${PRICES.dynamoPerMillionWriteUnits} per million write and $${PRICES.dynamoPerMillionReadUnits} per million read request units; SQS $${PRICES.sqsPerMillionRequests} per million requests; HTTP API $${PRICES.httpApiPerMillionRequests} per million requests. Free tiers left out.`,
    `Inputs, measured above: the sample article stored with its result is ${articleKb} KB (1 WRU per KB); ${evidenceFacts} fact-use records; the look-ups counted as ${coldCheck.requests} RRU each time (the cache cold: an upper bound); each function billed for the median latency of a serial request to the local server (${serial.p50Ms} ms, DynamoDB Local included; a Lambda with DynamoDB in-region is faster). Goal: under $2 per million articles, all included.`,
    '',
    ...costTable('POST /v1/checks', syncPath),
    ...costTable('CMS webhook -> queue -> worker', webhookPath),
  );

  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const at100 = load.find((l) => l.rate === 100)!;
  const largestBundle = bundles.reduce((a, b) => (a.bytes > b.bytes ? a : b));
  const slowestImport = bundles.reduce((a, b) => (a.importMedianMs > b.importMedianMs ? a : b));
  lines.push(
    '## Against the goals',
    '',
    '| goal | measured | |',
    '| --- | --- | --- |',
    `| extraction >= 20 MB/s | ${extraction.figcheckFullCorpus.mbPerSecond} MB/s | ${met(extraction.figcheckFullCorpus.mbPerSecond >= 20)} |`,
    `| extraction >= 100x the fastest peer | ${ratio(own.mbPerSecond, fastestPeer.throughput.mbPerSecond)} (${fastestPeer.name}) | ${met(own.mbPerSecond >= 100 * fastestPeer.throughput.mbPerSecond)} |`,
    `| look-ups in at most 1 round trip, 0 with a warm cache | ${Math.max(...checks.filter((c) => c.cache === 'off').map((c) => c.roundTrips))} / ${Math.max(...checks.filter((c) => c.cache === 'warm').map((c) => c.roundTrips))} | ${met(checks.every((c) => c.roundTrips <= (c.cache === 'off' ? 1 : 0)))} |`,
    `| every bundle < 300 KB | largest ${largestBundle.name} ${round(largestBundle.bytes / 1024, 0)} KB | ${met(largestBundle.bytes < 300 * 1024)} |`,
    `| import < 100 ms | slowest ${slowestImport.name} ${slowestImport.importMedianMs} ms | ${met(slowestImport.importMedianMs < 100)} |`,
    `| p99 < 25 ms at 100 requests/s | ${at100.p99Ms} ms | ${met(at100.p99Ms < 25)} |`,
    // Linear: doubling the input from 1 MB to 2 MB at most 2.5x the memory (small inputs are noise).
    `| extraction memory linear in input | ${memory.extraction.map((m) => `${m.aboveBaselineMb} MB for ${m.inputMb} MB`).join(', ')} | ${met(memory.extraction.at(-1)!.aboveBaselineMb <= 2.5 * memory.extraction.at(-2)!.aboveBaselineMb)} |`,
    `| under $2 per million articles | $${syncPath.total} (POST /v1/checks), $${webhookPath.total} (webhook path) | ${met(syncPath.total < 2 && webhookPath.total < 2)} |`,
    `| no false alarm on the accurate suite | ${verdicts[0]!.accurate.flagged} flags on ${verdicts[0]!.accurate.articles} articles | ${met(verdicts[0]!.accurate.flagged === 0)} |`,
    `| every wrong figure of the one-wrong suite contradicted | ${verdicts[0]!.oneWrong.wrongCaught} of ${verdicts[0]!.oneWrong.articles} | ${met(verdicts[0]!.oneWrong.wrongCaught === verdicts[0]!.oneWrong.articles)} |`,
    '',
    'What stands in the way where a goal is not met:',
    '',
    '- Import time: the AWS SDK v3, which every function needs for its first request, takes most of it (see Cold start); the rest is Powertools and the bundle itself. Bundling the SDK was measured about 10% faster, at 5x the size.',
    '- Bundle size: api and webhooks read HTML pages (Mozilla Readability on linkedom, with the HTML entity tables); the other two functions are under the goal.',
    '- Latency under load: the load generator, the server and DynamoDB Local (Java) share these 2 cores; every request makes three DynamoDB writes (rate-limit counter, review records, article), each 3-10 ms on DynamoDB Local. The check itself takes under 1 ms with a warm cache (Whole check).',
    '- Cost: DynamoDB writes dominate. The stored article with its full result (claims, sentences, evidence) is billed per KB written; storing the result compressed, and fewer per-request counters, are the next steps.',
    '',
  );

  writeFileSync(OUTPUT, lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
