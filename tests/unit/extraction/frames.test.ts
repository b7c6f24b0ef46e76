/**
 * The frame corpus: sentences in the style of agency economic and diplomatic news, each with the
 * frame its figure must get (measure, metric, entities with roles, period with granularity and
 * basis, and which parts are guesses). One row per sentence, in frames/*.jsonl.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../functions/core/extraction/index.ts';
import type {
  Claim,
  ClaimEntity,
  ClaimFrame,
  FramePart,
  Measure,
  Period,
} from '../../../functions/core/model.ts';

interface FrameRow {
  sentence: string;
  before?: string;
  /** The text before is a paragraph of its own, as in wire copy where every sentence is one. */
  separate?: boolean;
  /** The claim's value where the row states it: a fall is negative ("fell 11.5%" is -11.5). */
  value?: number | string;
  qualifier?: string;
  publishedAt: string;
  figure: string;
  frame: {
    measure: Measure;
    metric: string | null;
    entities: ClaimEntity[];
    period: Required<Period> | null;
    guessed: FramePart[];
  };
  note?: string;
}

const here = join(dirname(fileURLToPath(import.meta.url)), 'frames');

function loadRows(): { file: string; line: number; row: FrameRow }[] {
  const out: { file: string; line: number; row: FrameRow }[] = [];
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(here, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (text.trim() !== '') out.push({ file, line: index + 1, row: JSON.parse(text) as FrameRow });
      });
  }
  return out;
}

/** The parts of a frame the corpus states, in a form that ignores entity order. */
function comparableFrame(frame: Pick<ClaimFrame, 'measure' | 'metric' | 'entities' | 'period' | 'guessed'>) {
  return {
    measure: frame.measure,
    metric: frame.metric,
    entities: frame.entities.map((e) => `${e.id}:${e.role}`).sort(),
    period: frame.period
      ? { value: frame.period.value, granularity: frame.period.granularity, basis: frame.period.basis }
      : null,
    guessed: [...frame.guessed].sort(),
  };
}

function claimOfFigure(row: FrameRow): Claim | undefined {
  const gap = row.separate ? '\n\n' : ' ';
  const paragraph = row.before ? `${row.before}${gap}${row.sentence}` : row.sentence;
  const at = (row.before ? row.before.length + gap.length : 0) + row.sentence.indexOf(row.figure);
  const claims = extractClaims(paragraph, { publishedAt: row.publishedAt, all: true });
  return claims.find((c) => c.start <= at && at < c.end);
}

const rows = loadRows();

describe('claim frames', () => {
  it('has at least 300 rows across its files', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  it.each(rows.map(({ file, line, row }) => [`${file}:${line}`, row.figure, row] as const))(
    '%s reads "%s" as its row says',
    (_where, _figure, row) => {
      const claim = claimOfFigure(row);
      expect(claim?.frame, `no claim covers "${row.figure}"`).toBeDefined();
      if (!claim?.frame) return;
      expect(comparableFrame(claim.frame)).toEqual(comparableFrame(row.frame));
      if (row.value !== undefined) expect(claim.value).toBe(row.value);
      if (row.qualifier !== undefined) expect(claim.qualifier).toBe(row.qualifier);
    },
  );
});
