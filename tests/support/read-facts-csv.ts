/** Reads a reference-fact CSV file for tests through the project's own validating reader. */
import { readFileSync } from 'node:fs';
import { readReferenceFactsCsv } from '../../functions/core/facts/index.ts';
import type { ReferenceFact } from '../../functions/core/model.ts';

export function readFactsCsv(path: string): ReferenceFact[] {
  const { facts, errors } = readReferenceFactsCsv(readFileSync(path, 'utf8'));
  if (errors.length > 0)
    throw new Error(`${path}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  return facts;
}
