/**
 * Renders a check result as a table a fact-checker can read in a terminal: one row per claim
 * with its verdict, the figure as written and as understood, then the explanation and source.
 */
import type { CheckedClaim, CheckResult, VerdictLabel } from '../functions/core/index.ts';

const COLOURS: Record<VerdictLabel, string> = {
  supported: '\x1b[32m',
  contradicted: '\x1b[31m',
  outdated: '\x1b[33m',
  ambiguous: '\x1b[35m',
  unverifiable: '\x1b[90m',
};
const RESET = '\x1b[0m';

function pad(text: string, width: number): string {
  const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return clipped + ' '.repeat(Math.max(0, width - clipped.length));
}

export function describeValue(claim: CheckedClaim): string {
  const value = typeof claim.value === 'number' ? claim.value.toLocaleString('en-US') : claim.value;
  const unit = claim.unit ? ` ${claim.unit}` : '';
  const qualifier = claim.qualifier === 'exact' ? '' : `${claim.qualifier.replace('_', ' ')} `;
  return `${qualifier}${value}${unit}`;
}

export function formatCheckTable(result: CheckResult, options: { colour?: boolean } = {}): string {
  const colour = options.colour ?? false;
  const lines: string[] = [];
  const header = `${pad('#', 3)} ${pad('verdict', 13)} ${pad('kind', 12)} ${pad('as written', 26)} ${pad('understood as', 30)} metric`;
  lines.push(header, '-'.repeat(header.length + 10));
  result.claims.forEach((claim, index) => {
    const label = claim.verdict.verdict;
    const verdict = colour ? `${COLOURS[label]}${pad(label, 13)}${RESET}` : pad(label, 13);
    lines.push(
      `${pad(String(index + 1), 3)} ${verdict} ${pad(claim.kind, 12)} ${pad(`"${claim.text}"`, 26)} ${pad(describeValue(claim), 30)} ${claim.metric ?? '-'}`,
    );
    lines.push(`    ${claim.verdict.explanation}`);
    // Several facts often come from one page; list each source once.
    const sources = new Set(
      claim.verdict.evidence.map(
        (e) => `    source: ${e.sourceName} <${e.sourceUrl}>${e.asOf ? `, ${e.asOf}` : ''}`,
      ),
    );
    lines.push(...[...sources].slice(0, 3));
  });
  const counts = Object.entries(result.summary)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  lines.push(
    '',
    `${result.claims.length} claim${result.claims.length === 1 ? '' : 's'} checked${counts.length > 0 ? `: ${counts.join(', ')}` : ''}.`,
  );
  return lines.join('\n');
}
