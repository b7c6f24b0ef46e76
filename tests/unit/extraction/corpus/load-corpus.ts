/**
 * Loads the extraction corpus: one JSON row per phrase, grouped by claim kind in *.jsonl files,
 * plus negative.jsonl (phrases that must yield no claim at all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimKind, DatePrecision, Qualifier } from '../../../../functions/core/model.ts';

export interface PositiveRow {
  phrase: string;
  text: string;
  value: number | string;
  unit: string | null;
  kind: ClaimKind;
  qualifier: Qualifier;
  low?: number | string;
  high?: number | string;
  sig?: number;
  datePrecision?: DatePrecision;
  metric?: string;
  carriedUnit?: boolean;
  checkable?: boolean;
}

export interface NegativeRow {
  phrase: string;
  none: true;
  why: string;
}

export type CorpusRow = PositiveRow | NegativeRow;

const here = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(): { file: string; row: CorpusRow }[] {
  const rows: { file: string; row: CorpusRow }[] = [];
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
      if (line.trim() !== '') rows.push({ file, row: JSON.parse(line) as CorpusRow });
    }
  }
  return rows;
}
