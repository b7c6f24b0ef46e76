/**
 * How often figcheck cries wolf, and how often it catches a wrong figure: the false-alarm suites
 * of tests/fixtures/verdict-suites (accurate articles, and articles with one wrong figure), and
 * the frame corpus of tests/unit/extraction/frames. Each is measured as figcheck runs, with its
 * guess rule switched off (guessed frame parts treated as stated), and with the checker as it was
 * before claim frames (commit BEFORE_FRAMES, checked out into a temporary git worktree and run in
 * this process on the same facts): the same work done the plainest way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkClaims, extractClaims } from '../functions/core/index.ts';
import type { CheckedClaim, ClaimFrame, ReferenceFact } from '../functions/core/model.ts';
import { InMemoryReferenceStore } from '../tests/support/in-memory-reference-store.ts';
import { readFactsCsv } from '../tests/support/read-facts-csv.ts';
import { round } from './measure.ts';

interface SuiteArticle {
  id: string;
  publishedAt: string;
  text: string;
  wrong?: string;
}

export interface VerdictFigures {
  mode: string;
  accurate: { articles: number; claims: number; flagged: number; articlesFlagged: number };
  /** Each labelled set, in the order they were written: a set was written once the one before had been used up. */
  labelled: Array<{ file: string; figures: LabelledFigures }>;
  oneWrong: {
    articles: number;
    claims: number;
    wrongCaught: number;
    otherFlags: number;
    precision: number;
    recall: number;
  };
}

/** The labelled sets in tests/fixtures/verdict-suites, in the order they were written. */
export const LABELLED_SETS = [
  'labelled.jsonl',
  'labelled-second.jsonl',
  'labelled-third.jsonl',
  'labelled-fourth.jsonl',
  'labelled-fifth.jsonl',
  'labelled-sixth.jsonl',
  'labelled-seventh.jsonl',
  'labelled-eighth.jsonl',
  'labelled-ninth.jsonl',
  'labelled-tenth.jsonl',
  'labelled-eleventh.jsonl',
  'labelled-twelfth.jsonl',
  'labelled-thirteenth.jsonl',
  'labelled-fourteenth.jsonl',
  'labelled-fifteenth.jsonl',
  'labelled-sixteenth.jsonl',
  'labelled-seventeenth.jsonl',
  'labelled-eighteenth.jsonl',
];

/** The labelled set: every checkable figure of each article with the verdict a fact-checker expects. */
export interface LabelledFigures {
  articles: number;
  figures: number;
  /** Labelled figures the checker made a claim of. */
  found: number;
  right: number;
  /** Flags (contradicted, outdated, ambiguous) on figures labelled supported or unverifiable. */
  falseAlarms: number;
  /** Figures whose label rests on a reference in the table (supported, contradicted, outdated, ambiguous). */
  tableHolds: number;
  tableRight: number;
}

export interface FrameFigures {
  rows: number;
  exact: number;
  byPart: Record<string, number>;
}

const FLAGS = new Set(['contradicted', 'outdated', 'ambiguous']);
const root = new URL('../', import.meta.url);

function readJsonl<T>(path: string): T[] {
  return readFileSync(new URL(path, root), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The last commit before claim frames. */
export const BEFORE_FRAMES = '804d1a1';

interface Engine {
  mode: string;
  check(article: SuiteArticle, store: InMemoryReferenceStore): Promise<CheckedClaim[]>;
}

const current: Engine = {
  mode: 'figcheck',
  async check(article, store) {
    const claims = extractClaims(article.text, { publishedAt: article.publishedAt });
    return (await checkClaims(claims, { publishedAt: article.publishedAt }, store)).claims;
  },
};

const trustingGuesses: Engine = {
  mode: 'figcheck, guesses treated as stated',
  async check(article, store) {
    const claims = extractClaims(article.text, { publishedAt: article.publishedAt }).map((claim) =>
      claim.frame ? { ...claim, frame: { ...claim.frame, guessed: [] } } : claim,
    );
    return (await checkClaims(claims, { publishedAt: article.publishedAt }, store)).claims;
  },
};

/** The checker of BEFORE_FRAMES, from a worktree that `cleanup` removes; null when git cannot make one. */
async function engineBeforeFrames(): Promise<{ engine: Engine; cleanup: () => void } | null> {
  const dir = join(mkdtempSync(join(tmpdir(), 'figcheck-before-')), 'tree');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: new URL('.', root).pathname, stdio: 'pipe' });
  try {
    git('worktree', 'add', '--detach', dir, BEFORE_FRAMES);
  } catch {
    return null;
  }
  const cleanup = () => {
    git('worktree', 'remove', '--force', dir);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  };
  const old = (await import(join(dir, 'functions/core/index.ts'))) as {
    checkArticle: (
      a: { text: string; publishedAt: string },
      s: InMemoryReferenceStore,
    ) => Promise<{ claims: CheckedClaim[] }>;
  };
  return {
    engine: {
      mode: `figcheck before frames (${BEFORE_FRAMES})`,
      async check(article, store) {
        return (await old.checkArticle({ text: article.text, publishedAt: article.publishedAt }, store))
          .claims;
      },
    },
    cleanup,
  };
}

function suite(name: string, shipped: readonly ReferenceFact[]) {
  const facts = [
    ...shipped,
    ...readFactsCsv(new URL(`tests/fixtures/verdict-suites/${name}-facts.csv`, root).pathname),
  ];
  return {
    articles: readJsonl<SuiteArticle>(`tests/fixtures/verdict-suites/${name}.jsonl`),
    store: new InMemoryReferenceStore(facts),
  };
}

async function measureEngine(engine: Engine, shipped: readonly ReferenceFact[]): Promise<VerdictFigures> {
  const accurate = suite('accurate', shipped);
  const a = { articles: accurate.articles.length, claims: 0, flagged: 0, articlesFlagged: 0 };
  for (const article of accurate.articles) {
    const claims = await engine.check(article, accurate.store);
    const flagged = claims.filter((c) => FLAGS.has(c.verdict.verdict)).length;
    a.claims += claims.length;
    a.flagged += flagged;
    if (flagged > 0) a.articlesFlagged += 1;
  }
  const wrong = suite('one-wrong', shipped);
  let claimsSeen = 0;
  let caught = 0;
  let contradicted = 0;
  let otherFlags = 0;
  for (const article of wrong.articles) {
    const claims = await engine.check(article, wrong.store);
    claimsSeen += claims.length;
    const at = article.text.indexOf(article.wrong ?? '');
    for (const claim of claims) {
      const isWrong = claim.start <= at && at < claim.end;
      if (claim.verdict.verdict === 'contradicted') contradicted += 1;
      if (isWrong && claim.verdict.verdict === 'contradicted') caught += 1;
      if (!isWrong && FLAGS.has(claim.verdict.verdict)) otherFlags += 1;
    }
  }
  return {
    mode: engine.mode,
    accurate: a,
    labelled: await Promise.all(
      LABELLED_SETS.map(async (file) => ({ file, figures: await measureLabelled(engine, shipped, file) })),
    ),
    oneWrong: {
      articles: wrong.articles.length,
      claims: claimsSeen,
      wrongCaught: caught,
      otherFlags,
      precision: contradicted === 0 ? 0 : round(caught / contradicted, 3),
      recall: round(caught / wrong.articles.length, 3),
    },
  };
}

interface LabelledArticle extends SuiteArticle {
  figures: { text: string; sentence_hint: string; expected: string }[];
}

/** The occurrence of `text` nearest to the hint's sentence: the same figure can appear twice. */
function locate(article: LabelledArticle, text: string, hint: string): number {
  const near = article.text.indexOf(hint);
  let best = -1;
  for (let i = article.text.indexOf(text); i >= 0; i = article.text.indexOf(text, i + 1))
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  return best;
}

async function measureLabelled(
  engine: Engine,
  shipped: readonly ReferenceFact[],
  file: string,
): Promise<LabelledFigures> {
  const articles = readJsonl<LabelledArticle>(`tests/fixtures/verdict-suites/${file}`);
  const store = new InMemoryReferenceStore(shipped);
  const out: LabelledFigures = {
    articles: articles.length,
    figures: 0,
    found: 0,
    right: 0,
    falseAlarms: 0,
    tableHolds: 0,
    tableRight: 0,
  };
  for (const article of articles) {
    const claims = await engine.check(article, store);
    const used = new Set<CheckedClaim>();
    for (const figure of article.figures) {
      out.figures += 1;
      const at = locate(article, figure.text, figure.sentence_hint);
      const claim = claims.find((c) => !used.has(c) && c.start < at + figure.text.length && at < c.end);
      const holds = figure.expected !== 'unverifiable';
      if (holds) out.tableHolds += 1;
      if (!claim) continue;
      used.add(claim);
      out.found += 1;
      const got = claim.verdict.verdict;
      if (got === figure.expected) {
        out.right += 1;
        if (holds) out.tableRight += 1;
      }
      if (FLAGS.has(got) && !FLAGS.has(figure.expected)) out.falseAlarms += 1;
    }
  }
  return out;
}

interface FrameRow {
  sentence: string;
  before?: string;
  separate?: boolean;
  publishedAt: string;
  figure: string;
  frame: Pick<ClaimFrame, 'measure' | 'metric' | 'entities' | 'period' | 'guessed'>;
}

function partsOf(frame: FrameRow['frame']): Record<string, string> {
  return {
    measure: frame.measure,
    metric: String(frame.metric),
    entities: frame.entities
      .map((e) => `${e.id}:${e.role}`)
      .sort()
      .join(','),
    period: frame.period ? `${frame.period.value}|${frame.period.granularity}|${frame.period.basis}` : 'none',
    guessed: [...frame.guessed].sort().join(','),
  };
}

export function measureFrames(): FrameFigures {
  const dir = new URL('tests/unit/extraction/frames/', root);
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl<FrameRow>(`tests/unit/extraction/frames/${f}`));
  const byPart: Record<string, number> = { measure: 0, metric: 0, entities: 0, period: 0, guessed: 0 };
  let exact = 0;
  for (const row of rows) {
    const gap = row.separate ? '\n\n' : ' ';
    const text = row.before ? `${row.before}${gap}${row.sentence}` : row.sentence;
    const at = (row.before ? row.before.length + gap.length : 0) + row.sentence.indexOf(row.figure);
    const claim = extractClaims(text, { publishedAt: row.publishedAt, all: true }).find(
      (c) => c.start <= at && at < c.end,
    );
    const want = partsOf(row.frame);
    const got = claim?.frame ? partsOf(claim.frame) : {};
    let all = true;
    for (const part of Object.keys(byPart)) {
      if (got[part] === want[part]) byPart[part]! += 1;
      else all = false;
    }
    if (all) exact += 1;
  }
  return { rows: rows.length, exact, byPart };
}

export async function measureVerdicts(): Promise<VerdictFigures[]> {
  const sets = readdirSync(new URL('tests/fixtures/verdict-suites/', root)).filter((f) =>
    f.startsWith('labelled'),
  );
  const unlisted = sets.filter((file) => !LABELLED_SETS.includes(file));
  if (unlisted.length > 0)
    throw new Error(`labelled sets missing from LABELLED_SETS: ${unlisted.join(', ')}`);
  const shipped = readFactsCsv(new URL('data/facts.csv', root).pathname);
  const figures = [await measureEngine(current, shipped), await measureEngine(trustingGuesses, shipped)];
  const before = await engineBeforeFrames();
  if (before) {
    try {
      figures.push(await measureEngine(before.engine, shipped));
    } finally {
      before.cleanup();
    }
  }
  return figures;
}
