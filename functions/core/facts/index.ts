export { CsvSyntaxError, parseCsv } from './parse-csv.ts';
export { readMetricAliasesCsv } from './read-metric-aliases.ts';
export type { FactRowError, ReadFactsResult } from './read-reference-facts.ts';
export {
  FACT_COLUMNS,
  isIsoDate,
  readFactObject,
  readReferenceFactList,
  readReferenceFactsCsv,
  readReferenceFactsFile,
  readReferenceFactsJsonl,
  toReferenceFact,
} from './read-reference-facts.ts';
