/**
 * Reads a metric-alias file (CSV with columns metric, alias): extra wordings data editors add
 * for metrics figcheck knows. Errors name the line and column, like the fact readers.
 */
import type { MetricAlias } from '../model.ts';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';
import type { FactRowError } from './read-reference-facts.ts';

export interface ReadAliasesResult {
  aliases: MetricAlias[];
  errors: FactRowError[];
}

export function readMetricAliasesCsv(text: string, knownMetrics: ReadonlySet<string>): ReadAliasesResult {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { aliases: [], errors: [{ line: error.line, column: null, message: error.message }] };
    throw error;
  }
  const [header, ...rows] = records;
  const names = header?.fields.map((f) => f.trim()) ?? [];
  if (names[0] !== 'metric' || names[1] !== 'alias' || names.length !== 2) {
    return { aliases: [], errors: [{ line: 1, column: null, message: 'the header must be "metric,alias"' }] };
  }
  const aliases: MetricAlias[] = [];
  const errors: FactRowError[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of rows) {
    const metric = (fields[0] ?? '').trim();
    const alias = (fields[1] ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
    if (fields.length !== 2)
      errors.push({ line, column: null, message: `expected 2 fields, found ${fields.length}` });
    else if (!knownMetrics.has(metric))
      errors.push({ line, column: 'metric', message: `unknown metric "${metric}"` });
    else if (!/^[\p{L}\p{N}][\p{L}\p{N}' -]{1,79}$/u.test(alias)) {
      errors.push({
        line,
        column: 'alias',
        message: `alias "${alias}" must be 2-80 letters, digits, spaces, ' or -`,
      });
    } else if (!seen.has(`${metric}\u0000${alias}`)) {
      seen.add(`${metric}\u0000${alias}`);
      aliases.push({ metric, alias });
    }
  }
  return { aliases, errors };
}
