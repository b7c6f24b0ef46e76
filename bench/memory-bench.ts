/**
 * Memory: the peak resident set of a process that checks one article of 1 MB (extraction and
 * verdicts, facts in memory), and of processes that only extract articles of growing size, each
 * against a process that loads the same code and extracts nothing. Extraction memory should
 * grow linearly with the input.
 */
import { execFileSync } from 'node:child_process';
import { round } from './measure.ts';

const WORKER = new URL('./memory-probe.ts', import.meta.url).pathname;

function peakRssMb(mode: string, bytes: number): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', WORKER, mode, String(bytes)], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.trim().split('\n').pop());
}

export interface MemoryFigures {
  baselineMb: number;
  checkOneMbPeakMb: number;
  extraction: { inputMb: number; peakMb: number; aboveBaselineMb: number }[];
}

export function measureMemory(): MemoryFigures {
  const baselineMb = peakRssMb('baseline', 0);
  const extraction = [256_000, 512_000, 1_000_000, 2_000_000].map((bytes) => {
    const peakMb = peakRssMb('extract', bytes);
    return { inputMb: round(bytes / 1e6, 2), peakMb, aboveBaselineMb: round(peakMb - baselineMb, 1) };
  });
  return { baselineMb, checkOneMbPeakMb: peakRssMb('check', 1_000_000), extraction };
}
