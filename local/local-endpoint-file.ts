/**
 * While `npm start` runs it records its DynamoDB Local endpoint in .data/local-stack.json, so
 * the CLI can use the running local stack instead of starting a database of its own.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));
const FILE = `${DATA_DIR}local-stack.json`;

export interface LocalStackRecord {
  pid: number;
  apiUrl: string;
  dynamoDbEndpoint: string;
  tables: Record<string, string>;
}

export function writeLocalStackRecord(record: LocalStackRecord): void {
  writeFileSync(FILE, `${JSON.stringify(record, null, 2)}\n`);
}

export function removeLocalStackRecord(): void {
  rmSync(FILE, { force: true });
}

/** The record of a local stack whose process is still alive, if any. */
export function readLiveLocalStackRecord(): LocalStackRecord | undefined {
  let record: LocalStackRecord;
  try {
    record = JSON.parse(readFileSync(FILE, 'utf8')) as LocalStackRecord;
  } catch {
    return undefined;
  }
  try {
    process.kill(record.pid, 0);
    return record;
  } catch {
    return undefined;
  }
}
