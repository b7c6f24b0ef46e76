/**
 * Turns a reference-fact file (CSV with the columns of data/README.md) into validated
 * ReferenceFact records. Every problem is reported with its line and column, so a data
 * editor can fix the file; nothing is half-accepted here: the caller decides what to import.
 */
import { MEASURES } from '../measures.ts';
import type { Measure, ReferenceFact } from '../model.ts';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';

export const FACT_COLUMNS = [
  'id',
  'metric',
  'entities',
  'period',
  'value',
  'unit',
  'qualifier',
  'as_of',
  'source_name',
  'source_url',
  'notes',
  'measure',
] as const;

/** Columns figcheck reads but does not keep (the upstream collection's verbatim quotes). */
const IGNORED_COLUMNS = new Set(['quote']);
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['notes', 'measure']);
const REQUIRED_COLUMNS = FACT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

export interface FactRowError {
  line: number;
  column: string | null;
  message: string;
}

export interface ReadFactsResult {
  facts: ReferenceFact[];
  errors: FactRowError[];
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const QUALIFIERS = new Set(['exact', 'approx', 'more_than', 'less_than', 'at_least', 'at_most', '']);
/** What a value measures, when its metric's name does not say it (docs/claim-frames.md). */
const MEASURE_NAMES: ReadonlySet<string> = new Set(MEASURES);
const QUARTER_OR_HALF = /^\d{4}-(?:Q[1-4]|H[12])$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function isPeriod(value: string): boolean {
  if (value === '' || QUARTER_OR_HALF.test(value)) return true;
  const parts = value.split('/');
  return parts.length <= 2 && parts.every(isIsoDate);
}

export function readReferenceFactsCsv(text: string): ReadFactsResult {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { facts: [], errors: [{ line: error.line, column: null, message: error.message }] };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { facts: [], errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const names = header.fields.map((f) => f.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter(
    (n) => !(FACT_COLUMNS as readonly string[]).includes(n) && !IGNORED_COLUMNS.has(n),
  );
  const errors: FactRowError[] = [];
  for (const column of missing) errors.push({ line: 1, column, message: `missing column "${column}"` });
  for (const column of unknown) errors.push({ line: 1, column, message: `unknown column "${column}"` });
  if (errors.length > 0) return { facts: [], errors };

  const collector = new FactCollector();
  for (const record of rows) {
    if (record.fields.length !== names.length) {
      collector.add(
        {
          errors: [
            {
              line: record.line,
              column: null,
              message: `expected ${names.length} fields, found ${record.fields.length}`,
            },
          ],
        },
        record.line,
      );
      continue;
    }
    const row: Record<string, string> = {};
    names.forEach((name, i) => {
      row[name] = (record.fields[i] ?? '').trim();
    });
    collector.add(toReferenceFact(row, record.line), record.line);
  }
  return collector.result();
}

/** Validates one row given as column -> text; shared by the CSV and JSON-lines readers. */
export function toReferenceFact(
  row: Record<string, string | undefined>,
  line: number,
): { fact: ReferenceFact } | { errors: FactRowError[] } {
  const errors: FactRowError[] = [];
  const get = (column: string) => (row[column] ?? '').trim();
  const fail = (column: string, message: string) => errors.push({ line, column, message });

  const id = get('id');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) fail('id', `id "${id}" must be 1-64 letters, digits, _ . or -`);
  const metric = get('metric');
  if (!/^[a-z0-9_]{1,64}$/.test(metric)) fail('metric', `metric "${metric}" must be snake_case`);
  const entities = get('entities')
    .split('|')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entities.length === 0) fail('entities', 'entities must name at least one ISO code or slug');
  for (const e of entities) {
    if (!/^(?:[A-Z]{2}|[a-z0-9_]{2,80})$/.test(e)) {
      fail('entities', `entity "${e}" is neither an ISO 3166 alpha-2 code nor a snake_case slug`);
    }
  }
  const period = get('period');
  if (!isPeriod(period))
    fail('period', `period "${period}" must be YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or A/B`);
  const unit = get('unit');
  const rawValue = get('value');
  let value: number | string | null = null;
  if (rawValue === '') {
    if (metric !== 'role') fail('value', 'value is empty (allowed only for metric "role")');
  } else if (unit === 'date') {
    if (isIsoDate(rawValue)) value = rawValue;
    else fail('value', `value "${rawValue}" is not an ISO date (unit is "date")`);
  } else if (NUMBER.test(rawValue)) {
    value = Number(rawValue);
  } else {
    fail('value', `value "${rawValue}" is not a number`);
  }
  if (rawValue !== '' && unit === '') fail('unit', 'unit is empty');
  const qualifier = get('qualifier');
  if (!QUALIFIERS.has(qualifier))
    fail(
      'qualifier',
      `qualifier "${qualifier}" must be exact, approx, more_than, less_than, at_least or at_most`,
    );
  const measure = get('measure');
  if (measure !== '' && !MEASURE_NAMES.has(measure))
    fail('measure', `measure "${measure}" must be empty or one of ${MEASURES.join(', ')}`);
  const asOf = get('as_of');
  if (asOf !== '' && !isIsoDate(asOf)) fail('as_of', `as_of "${asOf}" is not an ISO date`);
  const sourceName = get('source_name');
  if (sourceName === '') fail('source_name', 'source_name is empty: every fact needs its source');
  const sourceUrl = get('source_url');
  if (!/^https?:\/\/\S+$/.test(sourceUrl))
    fail('source_url', `source_url "${sourceUrl}" is not an http(s) URL`);

  if (errors.length > 0) return { errors };
  const fact: ReferenceFact = {
    id,
    metric,
    entities,
    period,
    value,
    unit,
    qualifier: qualifier as ReferenceFact['qualifier'],
    asOf,
    sourceName,
    sourceUrl,
    notes: get('notes'),
  };
  // Only a stated measure is kept, so that facts loaded before the column existed keep their revision.
  if (measure !== '') fact.measure = measure as Measure;
  return { fact };
}

/** Stringifies one JSON value the way the CSV would carry it, or reports its type. */
function asCell(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('|');
  return undefined;
}

/**
 * Validates one fact given as a JSON object with the CSV's column names (`entities` may also be
 * an array, `value` a number); `line` is what errors report as its position.
 */
export function readFactObject(
  parsed: unknown,
  line: number,
): { fact: ReferenceFact } | { errors: FactRowError[] } {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { errors: [{ line, column: null, message: 'each fact must be a JSON object' }] };
  }
  const row: Record<string, string> = {};
  const errors: FactRowError[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (IGNORED_COLUMNS.has(key)) continue;
    if (!(FACT_COLUMNS as readonly string[]).includes(key)) {
      errors.push({ line, column: key, message: `unknown field "${key}"` });
      continue;
    }
    const cell = asCell(value);
    if (cell === undefined) {
      errors.push({
        line,
        column: key,
        message: `${key} must be a string${key === 'value' ? ' or a number' : ''}`,
      });
    } else {
      row[key] = cell;
    }
  }
  return errors.length > 0 ? { errors } : toReferenceFact(row, line);
}

/** Accumulates validated facts and errors, rejecting a second fact with an id already seen. */
class FactCollector {
  readonly facts: ReferenceFact[] = [];
  readonly errors: FactRowError[] = [];
  private readonly seen = new Map<string, number>();

  add(result: { fact: ReferenceFact } | { errors: FactRowError[] }, line: number): void {
    if ('errors' in result) {
      this.errors.push(...result.errors);
      return;
    }
    const first = this.seen.get(result.fact.id);
    if (first !== undefined) {
      this.errors.push({
        line,
        column: 'id',
        message: `duplicate id ${result.fact.id} (first on line ${first})`,
      });
      return;
    }
    this.seen.set(result.fact.id, line);
    this.facts.push(result.fact);
  }

  result(): ReadFactsResult {
    return { facts: this.facts, errors: this.errors };
  }
}

/** Reads JSON lines, one fact an object; line numbers in errors are the file's lines. */
export function readReferenceFactsJsonl(text: string): ReadFactsResult {
  const collector = new FactCollector();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      collector.add(
        { errors: [{ line, column: null, message: `invalid JSON: ${(error as Error).message}` }] },
        line,
      );
      return;
    }
    collector.add(readFactObject(parsed, line), line);
  });
  return collector.result();
}

/** Reads a list of fact objects (the API's body); errors give the 0-based index as `line`. */
export function readReferenceFactList(items: readonly unknown[]): ReadFactsResult {
  const collector = new FactCollector();
  items.forEach((item, index) => {
    collector.add(readFactObject(item, index), index);
  });
  return collector.result();
}

/** Reads a fact file by its format: JSON lines for .jsonl/.ndjson names, CSV otherwise. */
export function readReferenceFactsFile(name: string, text: string): ReadFactsResult {
  return /\.(?:jsonl|ndjson)$/i.test(name) ? readReferenceFactsJsonl(text) : readReferenceFactsCsv(text);
}
