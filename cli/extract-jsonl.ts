/**
 * Batch extraction for data teams: reads one JSON object a line ({"id", "text" or "html",
 * "publishedAt"?}) and writes one line per input ({"id", "claims"}, or {"id", "line", "error"}
 * for a bad line), streaming, so memory stays that of one line however long the input is.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isIsoDate } from '../functions/core/facts/index.ts';
import { extractArticleText } from '../functions/core/html/index.ts';
import { extractClaims } from '../functions/core/index.ts';

export interface JsonlOptions {
  /** Publication date for lines that carry none. */
  defaultPublishedAt: string;
  all: boolean;
}

export interface JsonlReport {
  lines: number;
  errors: number;
}

function describe(line: unknown, lineNumber: number, options: JsonlOptions): object {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) {
    return { line: lineNumber, error: 'each line must be a JSON object' };
  }
  const { id, text, html, publishedAt } = line as Record<string, unknown>;
  const base = { id: id ?? null };
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    return { ...base, line: lineNumber, error: 'id must be a string or a number' };
  }
  if ((text === undefined) === (html === undefined)) {
    return { ...base, line: lineNumber, error: 'each line needs exactly one of text or html' };
  }
  if ((text !== undefined && typeof text !== 'string') || (html !== undefined && typeof html !== 'string')) {
    return { ...base, line: lineNumber, error: `${text !== undefined ? 'text' : 'html'} must be a string` };
  }
  const date = publishedAt ?? options.defaultPublishedAt;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isIsoDate(date)) {
    return { ...base, line: lineNumber, error: 'publishedAt must be a date written YYYY-MM-DD' };
  }
  const body = typeof html === 'string' ? extractArticleText(html).text : (text as string);
  const claims = extractClaims(body, { publishedAt: date, all: options.all });
  return typeof html === 'string' ? { ...base, text: body, claims } : { ...base, claims };
}

export async function extractJsonl(
  input: Readable,
  output: Writable,
  options: JsonlOptions,
): Promise<JsonlReport> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let errors = 0;
  for await (const raw of lines) {
    lineNumber++;
    if (raw.trim() === '') continue;
    let result: object;
    try {
      result = describe(JSON.parse(raw), lineNumber, options);
    } catch (error) {
      result = { line: lineNumber, error: `invalid JSON: ${(error as Error).message}` };
    }
    if ('error' in result) errors++;
    // Respect back-pressure so a slow consumer does not make the output buffer grow.
    if (!output.write(`${JSON.stringify(result)}\n`))
      await new Promise((resolve) => output.once('drain', resolve));
  }
  return { lines: lineNumber, errors };
}
