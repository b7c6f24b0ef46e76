/**
 * The review queue page: flagged claims across articles, a filter form that round-trips the
 * current filters, a CSV download of the same selection, and cursor paging.
 * Titles, claim text, sources and explanations come from articles and are escaped.
 */
import { FLAGGED_VERDICTS, type QueueRow, type QueueView, REVIEW_STATUSES } from '../core/review/index.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { formatDate, formatDateTime, page, statusLabel, verdictBadge, verdictLabel } from './layout.ts';

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? '') ? raw(' selected') : ''}>${label}</option>`;
}

function renderFilters(view: QueueView): SafeHtml {
  const { filters } = view;
  const verdicts = [
    option('', 'All', filters.verdict),
    ...FLAGGED_VERDICTS.map((v) => option(v, verdictLabel(v), filters.verdict)),
  ];
  const statuses = [
    option('', 'All', filters.status),
    ...REVIEW_STATUSES.map((s) => option(s, statusLabel(s), filters.status)),
  ];
  return html`<form method="get" action="/v1/review" class="filters" aria-label="Filter flagged claims">
<div><label for="filter-verdict">Verdict</label><select id="filter-verdict" name="verdict">${verdicts}</select></div>
<div><label for="filter-status">Status</label><select id="filter-status" name="status">${statuses}</select></div>
<div><label for="filter-source">Source</label><input type="text" id="filter-source" name="source" value="${filters.source ?? ''}"></div>
<div><label for="filter-since">Flagged since</label><input type="date" id="filter-since" name="since" value="${filters.since ?? ''}"></div>
<div><label for="filter-until">Flagged until</label><input type="date" id="filter-until" name="until" value="${filters.until ?? ''}"></div>
<div><button type="submit">Filter</button></div>
</form>`;
}

function renderRow(row: QueueRow): SafeHtml {
  const report = `/v1/articles/${encodeURIComponent(row.articleId)}/report#claim-${row.claimId}`;
  const title = row.articleTitle?.trim() ? row.articleTitle : 'Untitled article';
  return html`<tr data-claim-key="${row.claimKey}">
<td>${formatDateTime(row.flaggedAt)}</td>
<td><a href="${report}">${title}</a></td>
<td>${row.claimText}</td>
<td>${verdictBadge(row.verdict)}${row.verdictChange && html` <span class="change-note">changed from ${verdictLabel(row.verdictChange.from)} on ${formatDate(row.verdictChange.at)}</span>`}</td>
<td>${statusLabel(row.status)}</td>
<td>${row.source ?? ''}</td>
<td>${row.explanation}</td>
</tr>`;
}

function renderTable(rows: readonly QueueRow[]): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">No flagged claims match these filters.</p>`;
  return html`<table aria-label="Flagged claims">
<thead><tr><th scope="col">Flagged</th><th scope="col">Article</th><th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Status</th><th scope="col">Source</th><th scope="col">Explanation</th></tr></thead>
<tbody>
${rows.map(renderRow)}
</tbody>
</table>`;
}

/**
 * The review queue page. `query` is the current query string without `cursor` (already
 * URL-encoded, no leading "?", may be empty); the CSV and next-page links carry it.
 */
export function renderQueue(view: QueueView, nonce: string, query: string): string {
  const search = query.replace(/^\?/, '');
  const csv = search ? `/v1/review.csv?${search}` : '/v1/review.csv';
  const nextPage = view.next
    ? `/v1/review?${search ? `${search}&` : ''}cursor=${encodeURIComponent(view.next)}`
    : undefined;
  const body = html`<h1>Review queue</h1>
${renderFilters(view)}
<p class="queue-actions"><a href="${csv}">Download CSV</a><a href="/v1/review">Clear filters</a></p>
${renderTable(view.rows)}
${nextPage && html`<nav aria-label="Pages"><a href="${nextPage}" rel="next">Next page</a></nav>`}`;
  return page({ title: 'Review queue', nonce, body, reviewer: view.reviewer });
}
