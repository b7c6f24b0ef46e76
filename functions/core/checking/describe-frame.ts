/**
 * A claim's frame as a reviewer reads it on the report page: what the figure measures, of what,
 * for whom, over which period (and how figcheck found it), what it is compared with, and what was
 * guessed. Plain strings; the page escapes them.
 */
import type { Claim, ClaimEntity, FrameSource } from '../model.ts';
import { describeGuesses, describeMeasure, describePeriodPhrase } from './explain.ts';
import { frameOfClaim } from './match-frame.ts';

export interface FrameDescription {
  measure: string;
  metric: string | null;
  entities: string | null;
  period: string | null;
  comparison: { role: string; claimId: string } | null;
  guesses: string[];
}

const BASIS_WORDS: Record<string, string> = {
  stated: 'stated in the text',
  relative: 'from the publication date',
  inferred: 'not in the text',
};

const SOURCE_WORDS: Record<FrameSource, string> = {
  figure: "in the figure's own words",
  clause: "in the figure's clause",
  comparison: 'from the figure it is compared with',
  parallel: 'from the figure set beside it in the sentence',
  sentence: 'from another clause of the sentence',
  paragraph: 'from an earlier sentence',
  article: "the article's two countries",
  default: "figcheck's default for this kind of figure",
};

/** "RU (source) to AZ (target)", "RU and AZ (parties)", "AZ". */
function describeEntities(entities: readonly ClaimEntity[]): string | null {
  if (entities.length === 0) return null;
  const source = entities.find((e) => e.role === 'source');
  const target = entities.find((e) => e.role === 'target');
  const rest = entities.filter((e) => e !== source && e !== target);
  const parts: string[] = [];
  if (source || target) parts.push(`${source?.id ?? '?'} (source) to ${target?.id ?? '?'} (target)`);
  const parties = rest.filter((e) => e.role === 'party').map((e) => e.id);
  const subjects = rest.filter((e) => e.role === 'subject').map((e) => e.id.replaceAll('_', ' '));
  if (parties.length > 0)
    parts.push(`${parties.join(' and ')} (${parties.length > 1 ? 'parties' : 'party'})`);
  if (subjects.length > 0) parts.push(subjects.join(', '));
  return parts.join('; ');
}

export function describeFrame(claim: Claim): FrameDescription {
  const frame = frameOfClaim(claim);
  const period = frame.period
    ? `${describePeriodPhrase(frame.period.value)} (${(frame.period.granularity ?? '').replaceAll('_', ' ')}, ${BASIS_WORDS[frame.period.basis] ?? frame.period.basis}${frame.sources.period ? `; ${SOURCE_WORDS[frame.sources.period]}` : ''})`
    : null;
  return {
    measure: describeMeasure(frame.measure),
    metric: frame.metric ? frame.metric.replaceAll('_', ' ') : null,
    entities: describeEntities(frame.entities),
    period,
    comparison: frame.comparison
      ? {
          role: frame.comparison.role === 'base' ? 'compared with' : 'the figure compared with',
          claimId: frame.comparison.with,
        }
      : null,
    guesses: describeGuesses(frame),
  };
}
