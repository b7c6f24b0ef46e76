/**
 * The review queue as CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
 * apostrophe: article text is untrusted, and "=HYPERLINK(...)" in a claim must stay text.
 */
import type { QueueRow } from './model.ts';

const COLUMNS = [
  'flagged_at',
  'article_id',
  'article_title',
  'source',
  'claim',
  'verdict',
  'status',
  'explanation',
  'verdict_changed_from',
  'report_url',
] as const;

export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function queueCsv(rows: readonly QueueRow[], reportUrlOf: (row: QueueRow) => string): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.flaggedAt,
        row.articleId,
        row.articleTitle,
        row.source,
        row.claimText,
        row.verdict,
        row.status,
        row.explanation,
        row.verdictChange?.from,
        reportUrlOf(row),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
