/**
 * The figcheck command line: check and extract claims from article files, and load reference
 * facts. Run from the repository as `npx figcheck <command>`.
 */
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { recheckArticle } from '../functions/adapters/recheck-article.ts';
import { DEFAULT_SCOPES, isClientName, isScope, SCOPES } from '../functions/core/access/index.ts';
import { extractArticleText } from '../functions/core/html/index.ts';
import {
  checkArticle,
  extractClaims,
  isIsoDate,
  KNOWN_METRICS,
  readMetricAliasesCsv,
  readReferenceFactsFile,
} from '../functions/core/index.ts';
import { extractJsonl } from './extract-jsonl.ts';
import { formatCheckTable } from './format-check-table.ts';
import { type OpenedDatabase, openDatabase } from './open-database.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP = `figcheck: checks the numeric claims of news articles against sourced reference facts

Usage:
  figcheck check FILE --published YYYY-MM-DD [--html] [--json]
      Extract the claims of FILE, look up their reference facts and print a verdict per claim
      (a table, or JSON with --json). --html reads FILE as a web page and checks its main text.
  figcheck extract FILE --published YYYY-MM-DD [--html] [--json] [--all]
      Print the claims found in FILE as {"claims":[...]} (offsets into the file's text; with
      --html into the extracted article text, printed as "text").
      --all also lists quantities not judged checkable.
  figcheck extract --jsonl [--published YYYY-MM-DD] [--all] < in.jsonl > out.jsonl
      One JSON object a line in ({"id", "text" or "html", "publishedAt"?}), one line out per
      input ({"id", "claims"}), streaming.
  figcheck facts import FILE [--skip-invalid]
      Validate a file of reference facts (CSV, or JSON lines for .jsonl) and load it into the
      reference table. Re-importing the same file changes nothing. A file with an invalid row
      is not imported at all unless --skip-invalid, which imports the valid rows.

  figcheck keys create NAME [--scopes checks:write,articles:read,facts:read,facts:write]
      Create an API key for a client (printed once; only its hash is stored). Default scopes:
      checks:write, articles:read, facts:read.
  figcheck keys revoke NAME
      Revoke every key of a client.
  figcheck dlq redrive [--dlq-arn ARN]
      Move the articles that failed three times back to the article queue (deployed stack;
      the ARN is the data stack's DeadLetterQueueArn output, or FIGCHECK_DEAD_LETTER_QUEUE_ARN).
  figcheck aliases import FILE
      Add wordings for known metrics (CSV: metric,alias, e.g. trade_turnover,commerce between)
      to the vocabulary the checks use; they are kept in the reference table beside the facts.

Where the facts come from: FIGCHECK_DYNAMODB_ENDPOINT (+ FIGCHECK_FACTS_TABLE), a deployed
table named by FIGCHECK_FACTS_TABLE, the running \`npm start\` stack, or else a temporary
DynamoDB Local loaded with data/facts.csv.
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  stdin: Readable;
  stdout: Writable;
}

function readArticle(file: string | undefined): string {
  if (!file) throw new UsageError('missing FILE: the article to read');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The text to check: the file itself, or the main article text of an HTML page. */
function readArticleText(file: string | undefined, html: boolean): { text: string; fromHtml: boolean } {
  const content = readArticle(file);
  return html
    ? { text: extractArticleText(content).text, fromHtml: true }
    : { text: content, fromHtml: false };
}

function publishedDate(value: string | undefined): string {
  if (value === undefined)
    throw new UsageError("missing --published YYYY-MM-DD: the article's publication date");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isIsoDate(value)) {
    throw new UsageError(`--published must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      scopes: { type: 'string' },
      'dlq-arn': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(HELP);
    return 0;
  }
  switch (command) {
    case 'extract': {
      if (values.jsonl) {
        const defaultPublishedAt =
          values.published === undefined
            ? new Date().toISOString().slice(0, 10)
            : publishedDate(values.published);
        const report = await extractJsonl(io.stdin, io.stdout, { defaultPublishedAt, all: values.all });
        if (report.errors > 0)
          io.err(`${report.errors} of ${report.lines} lines could not be read (see their "error").\n`);
        return report.errors > 0 ? 1 : 0;
      }
      const { text, fromHtml } = readArticleText(rest[0], values.html);
      const claims = extractClaims(text, { publishedAt: publishedDate(values.published), all: values.all });
      const output = fromHtml ? { text, claims } : { claims };
      io.out(`${JSON.stringify(output, null, values.json ? undefined : 2)}\n`);
      return 0;
    }
    case 'check': {
      const { text } = readArticleText(rest[0], values.html);
      const publishedAt = publishedDate(values.published);
      const opened = await openDatabase();
      try {
        const metricAliases = await opened.store.listMetricAliases();
        const result = await checkArticle({ text, publishedAt }, opened.store, { metricAliases });
        if (values.json) io.out(`${JSON.stringify(result)}\n`);
        else io.out(`${formatCheckTable(result, { colour: io.isTty })}\nFacts from ${opened.description}.\n`);
      } finally {
        await opened.close();
      }
      return 0;
    }
    case 'dlq': {
      if (rest[0] !== 'redrive') throw new UsageError('usage: figcheck dlq redrive [--dlq-arn ARN]');
      return redriveDeadLetters(values['dlq-arn'] ?? process.env.FIGCHECK_DEAD_LETTER_QUEUE_ARN, io);
    }
    case 'keys': {
      return manageKeys(rest, values.scopes, io);
    }
    case 'aliases': {
      if (rest[0] !== 'import') throw new UsageError('usage: figcheck aliases import FILE');
      return importAliases(rest[1], io);
    }
    case 'facts': {
      if (rest[0] !== 'import') throw new UsageError('usage: figcheck facts import FILE');
      return importFacts(rest[1], values['skip-invalid'], io);
    }
    default:
      throw new UsageError(`unknown command "${command}"; run figcheck --help`);
  }
}

async function importFacts(file: string | undefined, skipInvalid: boolean, io: Io): Promise<number> {
  const { facts, errors } = readReferenceFactsFile(file ?? '', readArticle(file));
  for (const e of errors)
    io.err(`${file}: line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}\n`);
  if (errors.length > 0 && !skipInvalid) {
    io.err(
      `${errors.length} invalid rows; nothing was imported (use --skip-invalid to import the valid rows).\n`,
    );
    return 1;
  }
  const opened = await openDatabase(process.env, { temporary: false });
  try {
    const progress = io.isTty && facts.length > PROGRESS_BAR_MIN_ROWS ? drawProgress(io) : undefined;
    const report = await opened.store.putFacts(facts, progress);
    if (progress) io.err('\n');
    const skipped = errors.length > 0 ? `; skipped ${errors.length} invalid rows` : '';
    io.out(`Imported ${report.facts} facts (${report.items} items) into ${opened.description}${skipped}.\n`);
    if (report.revised.length > 0) await recheckAfterRevision(opened, report.revised, io);
  } finally {
    await opened.close();
  }
  return 0;
}

/** Re-checks, in this process, the articles whose checks relied on the revised facts. */
async function recheckAfterRevision(opened: OpenedDatabase, factIds: string[], io: Io): Promise<void> {
  const articleIds = await opened.reviews.articlesUsingFacts(factIds);
  let changed = 0;
  for (const articleId of articleIds) {
    changed +=
      (await recheckArticle(articleId, factIds, {
        articles: opened.articles,
        reviews: opened.reviews,
        facts: opened.store,
        metricAliases: () => opened.store.listMetricAliases(),
      })) ?? 0;
  }
  io.out(
    `Revised ${factIds.length} ${factIds.length === 1 ? 'fact' : 'facts'} (${factIds.join(', ')}): ` +
      `re-checked ${articleIds.length} ${articleIds.length === 1 ? 'article' : 'articles'}, ${changed} ${changed === 1 ? 'verdict' : 'verdicts'} changed.\n`,
  );
}

/** Moves the dead-lettered articles back to the article queue (SQS message move task). */
async function redriveDeadLetters(dlqArn: string | undefined, io: Io): Promise<number> {
  if (!dlqArn) {
    throw new UsageError(
      'name the dead-letter queue: --dlq-arn ARN or FIGCHECK_DEAD_LETTER_QUEUE_ARN (the data stack output DeadLetterQueueArn)',
    );
  }
  const sqs = new SQSClient({});
  try {
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    io.out(`Started moving dead letters back to the article queue (task ${TaskHandle}).\n`);
  } finally {
    sqs.destroy();
  }
  return 0;
}

async function manageKeys(args: string[], scopes: string | undefined, io: Io): Promise<number> {
  const [action, name] = args;
  if ((action !== 'create' && action !== 'revoke') || !name) {
    throw new UsageError('usage: figcheck keys create NAME [--scopes a,b] | figcheck keys revoke NAME');
  }
  if (!isClientName(name)) {
    throw new UsageError(`NAME must be 1-63 letters, digits, . _ or - (got "${name}")`);
  }
  const wanted = scopes === undefined ? [...DEFAULT_SCOPES] : scopes.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !isScope(s));
  if (unknown.length > 0)
    throw new UsageError(`unknown scope ${unknown.join(', ')}; scopes are ${SCOPES.join(', ')}`);
  const opened = await openDatabase(process.env, { temporary: false });
  try {
    if (action === 'create') {
      const { key, client } = await opened.apiKeys.create(name, wanted.filter(isScope));
      io.out(`${key}\n`);
      io.err(
        `Created a key for ${client.name} with scopes ${client.scopes.join(', ')} in ${opened.description}.\n`,
      );
      io.err('Store it now: only its hash is kept, so it cannot be shown again.\n');
    } else {
      const revoked = await opened.apiKeys.revoke(name);
      io.out(`Revoked ${revoked} key${revoked === 1 ? '' : 's'} of ${name} in ${opened.description}.\n`);
    }
  } finally {
    await opened.close();
  }
  return 0;
}

async function importAliases(file: string | undefined, io: Io): Promise<number> {
  const { aliases, errors } = readMetricAliasesCsv(readArticle(file), KNOWN_METRICS);
  for (const e of errors)
    io.err(`${file}: line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}\n`);
  if (errors.length > 0) {
    io.err(`${errors.length} invalid rows; nothing was imported.\n`);
    return 1;
  }
  const opened = await openDatabase(process.env, { temporary: false });
  try {
    const count = await opened.store.putMetricAliases(aliases);
    io.out(`Imported ${count} metric aliases into ${opened.description}.\n`);
  } finally {
    await opened.close();
  }
  return 0;
}

const PROGRESS_BAR_MIN_ROWS = 300;

function drawProgress(io: Io): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} facts`);
  };
}
