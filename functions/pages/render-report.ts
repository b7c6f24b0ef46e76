/**
 * The report page of one checked article: a summary, the article text with every claim
 * highlighted at its offsets, a panel with each claim's reading, reference data, explanation and
 * review trail, the review forms for reviewers who may record reviews, and the revision history.
 * Everything from the article, the CMS and the reference data is untrusted and escaped.
 */
import { type CheckedClaim, describeFrame, type Evidence, type VerdictLabel } from '../core/index.ts';
import {
  type ClaimReview,
  claimKeyOf,
  type ReportView,
  type ReviewEntry,
  type ReviewState,
  type RevisionView,
  type VerdictChange,
} from '../core/review/index.ts';
import { html, raw, type SafeHtml, safeUrl } from './html.ts';
import {
  formatDate,
  formatDateTime,
  page,
  statusLabel,
  VERDICT_ORDER,
  verdictBadge,
  verdictLabel,
} from './layout.ts';

const NO_REFERENCE = 'No reference data: figcheck has no fact for this claim.';

const QUALIFIER_WORDS: Record<string, string> = {
  exact: 'exact',
  approx: 'approximate',
  more_than: 'more than',
  less_than: 'less than',
  at_least: 'at least',
  at_most: 'at most',
  range: 'range',
};

const ACTION_WORDS: Record<ReviewEntry['action'], string> = {
  confirm: 'confirmed',
  dismiss: 'dismissed',
  correct: 'corrected',
  recheck: 're-checked',
};

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

// Opens the claim named in the fragment (a highlight, a form's return address, a shared link) and
// moves focus to its summary so keyboard users land on it. A link to the current fragment fires
// no hashchange, so clicks on such links are handled too.
const SCRIPT = `
(function () {
  function openClaim() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (id.indexOf('claim-') !== 0) return;
    var details = document.getElementById(id);
    if (!details || details.tagName !== 'DETAILS') return;
    details.open = true;
    var summary = details.querySelector('summary');
    if (summary) summary.focus();
  }
  window.addEventListener('hashchange', openClaim);
  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target instanceof Element ? target.closest('a[href^="#claim-"]') : null;
    if (link && link.getAttribute('href') === location.hash) setTimeout(openClaim, 0);
  });
  openClaim();
})();
`;

interface ShownVerdict {
  verdict: VerdictLabel;
  corrected: boolean;
}

/** The verdict that stands: a reviewer's correction wins over the machine's. */
function shownVerdict(claim: CheckedClaim, review: ClaimReview | undefined): ShownVerdict {
  if (review?.state.status === 'corrected') return { verdict: review.state.verdict, corrected: true };
  return { verdict: claim.verdict.verdict, corrected: false };
}

function labelOf({ verdict, corrected }: ShownVerdict): string {
  return corrected ? `${verdictLabel(verdict)} (corrected)` : verdictLabel(verdict);
}

function formatNumber(value: number): string {
  // toPrecision drops float noise such as 0.30000000000000004 before grouping.
  return Number(value.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A figure as a reviewer reads it: "$4,400,000,000", "300,000,000 RUB", "17%", "4,324 km". */
function formatValue(value: number | string | null | undefined, unit: string | null): string {
  if (value === null || value === undefined) return 'no value';
  if (typeof value === 'string') return value;
  const plain = formatNumber(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  if (unit === null || unit === '' || unit === 'count' || unit === 'date') return `${sign}${plain}`;
  if (/^[A-Z]{3}$/.test(unit)) {
    const symbol = CURRENCY_SYMBOLS[unit];
    return symbol ? `${sign}${symbol}${plain}` : `${sign}${plain} ${unit}`;
  }
  if (unit === 'percent') return `${sign}${plain}%`;
  if (unit === 'percentage_point')
    return `${sign}${plain} percentage point${Math.abs(value) === 1 ? '' : 's'}`;
  return `${sign}${plain} ${unit.replaceAll('_', ' ')}`;
}

function formatSigned(value: number, unit: string | null): string {
  return value > 0 ? `+${formatValue(value, unit)}` : formatValue(value, unit);
}

function formatPercent(relative: number): string {
  if (!Number.isFinite(relative)) return '';
  const percent = Number((relative * 100).toFixed(1));
  return `${percent > 0 ? '+' : ''}${formatNumber(percent)}%`;
}

function understoodValue(claim: CheckedClaim): string {
  if (claim.qualifier === 'range' && claim.low !== undefined && claim.high !== undefined) {
    return `${formatValue(claim.low, claim.unit)} to ${formatValue(claim.high, claim.unit)}`;
  }
  return formatValue(claim.value, claim.unit);
}

/** The frame rows of a claim: what the figure is about, and what figcheck had to guess. */
function renderFrame(claim: CheckedClaim): SafeHtml {
  const frame = describeFrame(claim);
  return html`<dt>Measure</dt><dd>${frame.measure}</dd>
${frame.metric && html`<dt>Metric</dt><dd>${frame.metric}</dd>`}
${frame.entities && html`<dt>About</dt><dd>${frame.entities}</dd>`}
<dt>Period</dt><dd>${frame.period ?? 'none'}</dd>
${frame.comparison && html`<dt>Comparison</dt><dd>${frame.comparison.role} <a href="#claim-${frame.comparison.claimId}">another figure of the sentence</a></dd>`}
${
  frame.guesses.length > 0
    ? html`<dt>Guessed</dt><dd class="guessed"><ul>${frame.guesses.map((g) => html`<li>${g}</li>`)}</ul>figcheck marks no claim contradicted on a guess.</dd>`
    : html`<dt>Guessed</dt><dd>nothing</dd>`
}`;
}

function describeState(state: ReviewState): string {
  const value = state.correctedValue ? `, value ${state.correctedValue}` : '';
  return `${statusLabel(state.status)}, ${verdictLabel(state.verdict)}${value}`;
}

function describeChange(change: VerdictChange): SafeHtml {
  const facts = change.factIds.join(', ');
  const revised = change.factIds.length === 1 ? `fact ${facts} was revised` : `facts ${facts} were revised`;
  return html`Verdict changed from ${verdictLabel(change.from)} to ${verdictLabel(change.to)} on ${formatDate(change.at)} after ${revised}.`;
}

function articleHref(articleId: string): string {
  return `/v1/articles/${encodeURIComponent(articleId)}`;
}

function renderSummary(view: ReportView): SafeHtml {
  const { article, result } = view;
  const summary: Partial<Record<string, number>> = result.summary;
  const counts = VERDICT_ORDER.map(
    (verdict) =>
      html`<li class="count" data-verdict="${verdict}">${verdictBadge(verdict)} <span class="count-value">${summary[verdict] ?? 0}</span></li>`,
  );
  const total = result.claims.length;
  return html`<section class="report-summary" aria-labelledby="report-title">
<h1 id="report-title">${article.title?.trim() ? article.title : 'Untitled article'}</h1>
<dl class="facts">
${article.url ? html`<dt>Article</dt><dd><a href="${safeUrl(article.url)}" rel="noopener noreferrer">${article.url}</a></dd>` : ''}
<dt>Published</dt><dd>${formatDate(article.publishedAt)}</dd>
<dt>Checked</dt><dd>${formatDateTime(article.checkedAt)}</dd>
${article.source ? html`<dt>CMS source</dt><dd>${article.source}</dd>` : ''}
</dl>
${article.cmsStatus === 'unpublished' && html`<p class="notice">This article is unpublished in the CMS.</p>`}
<p>${total} ${total === 1 ? 'claim' : 'claims'} checked.</p>
<ul class="counts" aria-label="Claims by verdict">${counts}</ul>
<p class="formats">Also as <a href="${articleHref(article.articleId)}/claimreview" type="application/ld+json">ClaimReview JSON-LD</a> · <a href="${articleHref(article.articleId)}" type="application/json">JSON</a></p>
</section>`;
}

interface ArticleText {
  markup: SafeHtml;
  highlighted: Set<string>;
}

/** Paragraph ranges of the text (split on blank lines), with surrounding white space left out. */
function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    const breakAt = text.indexOf('\n\n', start);
    let end = breakAt === -1 ? text.length : breakAt;
    let from = start;
    while (from < end && /\s/.test(text.charAt(from))) from += 1;
    while (end > from && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (end > from) ranges.push([from, end]);
    if (breakAt === -1) break;
    start = breakAt + 2;
  }
  return ranges;
}

function renderArticleText(view: ReportView, claims: readonly CheckedClaim[]): ArticleText {
  const text = view.article.text;
  const highlighted = new Set<string>();
  let next = 0;
  const paragraphs = paragraphRanges(text).map(([from, to]) => {
    const parts: SafeHtml[] = [];
    let cursor = from;
    for (; next < claims.length; next += 1) {
      const claim = claims[next]!;
      if (claim.start >= to) break;
      // A claim that overlaps the previous highlight, spans a paragraph break or whose offsets do not
      // point at its text stays unmarked in the text; the claims panel still lists it.
      const placeable =
        claim.start >= cursor &&
        claim.end <= to &&
        claim.end > claim.start &&
        text.slice(claim.start, claim.end) === claim.text;
      if (!placeable) continue;
      const shown = shownVerdict(claim, view.reviews[claim.id]);
      parts.push(
        html`${text.slice(cursor, claim.start)}<a class="claim verdict-${shown.verdict}" id="mark-${claim.id}" href="#claim-${claim.id}" data-claim-id="${claim.id}" data-verdict="${shown.verdict}">${claim.text}<span class="verdict-label"> [${labelOf(shown)}]</span></a>`,
      );
      highlighted.add(claim.id);
      cursor = claim.end;
    }
    parts.push(html`${text.slice(cursor, to)}`);
    return html`<p>${parts}</p>\n`;
  });
  return {
    markup: html`<section class="article" aria-labelledby="article-heading">
<h2 id="article-heading">Article text</h2>
<div class="article-text">
${paragraphs.length > 0 ? paragraphs : html`<p class="muted">The article has no text.</p>`}
</div>
</section>`,
    highlighted,
  };
}

function renderEvidence(evidence: Evidence): SafeHtml {
  const deviation = evidence.deviation;
  const percent = deviation ? formatPercent(deviation.relative) : '';
  return html`<li><dl class="facts">
<dt>Value</dt><dd>${formatValue(evidence.value, evidence.unit)}</dd>
${evidence.period && html`<dt>Period</dt><dd>${evidence.period.replace('/', ' to ')}</dd>`}
${deviation && html`<dt>Deviation</dt><dd>${formatSigned(deviation.absolute, evidence.unit)}${percent && ` (${percent})`}</dd>`}
<dt>Source</dt><dd><a href="${safeUrl(evidence.sourceUrl)}" rel="noopener noreferrer">${evidence.sourceName || evidence.sourceUrl}</a></dd>
${evidence.asOf && html`<dt>As of</dt><dd>${formatDate(evidence.asOf)}</dd>`}
</dl></li>`;
}

function renderHistory(history: readonly ReviewEntry[]): SafeHtml {
  if (history.length === 0) return html`<p class="muted">No review actions yet.</p>`;
  const items = history.map(
    (entry) =>
      html`<li><strong>${entry.reviewer}</strong>, ${formatDateTime(entry.at)}: ${ACTION_WORDS[entry.action] ?? entry.action}; ${describeState(entry.before)} → ${describeState(entry.after)}${entry.note && html`. Note: <q>${entry.note}</q>`}</li>`,
  );
  return html`<ol class="history">${items}</ol>`;
}

function renderReviewState(claim: CheckedClaim, review: ClaimReview | undefined): SafeHtml {
  const status = review
    ? statusLabel(review.state.status)
    : claim.verdict.verdict === 'supported'
      ? 'Not flagged'
      : 'Open';
  const corrected = review?.state.status === 'corrected';
  return html`<h3>Review</h3>
<dl class="facts">
<dt>Status</dt><dd>${status}</dd>
${corrected && html`<dt>Machine verdict</dt><dd>${verdictBadge(claim.verdict.verdict)}</dd>`}
${review?.state.correctedValue && html`<dt>Corrected value</dt><dd>${review.state.correctedValue}</dd>`}
</dl>
${review?.verdictChange && html`<p class="notice">${describeChange(review.verdictChange)}</p>`}
<h4>History</h4>
${renderHistory(review?.history ?? [])}`;
}

function renderForms(view: ReportView, claim: CheckedClaim, shown: ShownVerdict): SafeHtml {
  const articleId = view.article.articleId;
  const action = `/v1/claims/${encodeURIComponent(claimKeyOf(articleId, claim.id))}/reviews`;
  const back = `${articleHref(articleId)}/report#claim-${claim.id}`;
  const hidden = (reviewAction: string) =>
    html`<input type="hidden" name="action" value="${reviewAction}"><input type="hidden" name="return" value="${back}">`;
  const fieldId = (form: string, field: string) => `${form}-${field}-${claim.id}`;
  const options = VERDICT_ORDER.map(
    (verdict) =>
      html`<option value="${verdict}"${verdict === shown.verdict ? raw(' selected') : ''}>${verdictLabel(verdict)}</option>`,
  );
  return html`<h4>Record a review</h4>
<div class="review-forms">
<form method="post" action="${action}" class="review-form" data-action="confirm">
<fieldset><legend>Confirm the verdict</legend>
${hidden('confirm')}
<label for="${fieldId('confirm', 'note')}">Note (optional)</label>
<textarea id="${fieldId('confirm', 'note')}" name="note" rows="2"></textarea>
<button type="submit">Confirm</button>
</fieldset>
</form>
<form method="post" action="${action}" class="review-form" data-action="dismiss">
<fieldset><legend>Dismiss the flag</legend>
${hidden('dismiss')}
<label for="${fieldId('dismiss', 'note')}">Reason</label>
<textarea id="${fieldId('dismiss', 'note')}" name="note" rows="2" required></textarea>
<button type="submit">Dismiss</button>
</fieldset>
</form>
<form method="post" action="${action}" class="review-form" data-action="correct">
<fieldset><legend>Correct the verdict</legend>
${hidden('correct')}
<label for="${fieldId('correct', 'verdict')}">Verdict</label>
<select id="${fieldId('correct', 'verdict')}" name="verdict">${options}</select>
<label for="${fieldId('correct', 'value')}">Right value</label>
<input type="text" id="${fieldId('correct', 'value')}" name="value">
<label for="${fieldId('correct', 'note')}">Reason</label>
<textarea id="${fieldId('correct', 'note')}" name="note" rows="2" required></textarea>
<button type="submit">Correct</button>
</fieldset>
</form>
</div>`;
}

function renderClaim(view: ReportView, claim: CheckedClaim, highlighted: boolean): SafeHtml {
  const review = view.reviews[claim.id];
  const shown = shownVerdict(claim, review);
  const evidence = claim.verdict.evidence;
  return html`<details class="claim-detail verdict-${shown.verdict}" id="claim-${claim.id}" data-claim-id="${claim.id}">
<summary>${verdictBadge(shown.verdict, shown.corrected ? ' (corrected)' : '')} <span class="claim-text">${claim.text}</span></summary>
<div class="claim-body">
${
  highlighted
    ? html`<p><a href="#mark-${claim.id}">Show in the article text</a></p>`
    : html`<p class="muted">This claim is not marked in the article text.</p>`
}
<h3>Claimed</h3>
<dl class="facts">
<dt>As written</dt><dd>${claim.text}</dd>
<dt>In the sentence</dt><dd>${claim.sentence}</dd>
<dt>As understood</dt><dd>${understoodValue(claim)}</dd>
<dt>Qualifier</dt><dd>${QUALIFIER_WORDS[claim.qualifier] ?? claim.qualifier}</dd>
${renderFrame(claim)}
</dl>
<h3>Reference</h3>
${evidence.length > 0 ? html`<ul class="evidence">${evidence.map(renderEvidence)}</ul>` : html`<p>${NO_REFERENCE}</p>`}
<h3>Explanation</h3>
<p class="explanation">${claim.verdict.explanation}</p>
${renderReviewState(claim, review)}
${view.reviewer.canReview && renderForms(view, claim, shown)}
</div>
</details>`;
}

function formatCounts(summary: Record<string, number> | undefined): string {
  if (!summary) return '';
  const known = VERDICT_ORDER.filter((verdict) => verdict in summary);
  const others = Object.keys(summary).filter((key) => !VERDICT_ORDER.includes(key as VerdictLabel));
  return [...known, ...others].map((key) => `${verdictLabel(key)} ${summary[key]}`).join(', ');
}

function renderRevisions(revisions: readonly RevisionView[]): SafeHtml {
  if (revisions.length === 0) return html``;
  const rows = revisions.map(
    (revision) => html`<tr data-revision-key="${revision.revisionKey}">
<td>${formatDateTime(revision.receivedAt)}</td>
<td>${revision.eventType}</td>
<td>${revision.status}</td>
<td>${revision.checkedAt && formatDateTime(revision.checkedAt)}</td>
<td>${formatCounts(revision.summary)}</td>
<td>${revision.sameAs && `same content as ${revision.sameAs}`}</td>
</tr>`,
  );
  return html`<section class="revisions" aria-labelledby="revisions-heading">
<h2 id="revisions-heading">Revisions</h2>
<table>
<thead><tr><th scope="col">Received</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Checked</th><th scope="col">Claims by verdict</th><th scope="col">Notes</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

/** The full report page of one article. `nonce` must be the one in the response's CSP header. */
export function renderReport(view: ReportView, nonce: string): string {
  const claims = [...view.result.claims].sort((a, b) => a.start - b.start);
  const article = renderArticleText(view, claims);
  const panel = html`<section class="claims" aria-label="Claims">
<h2>Claims</h2>
${claims.length > 0 ? claims.map((claim) => renderClaim(view, claim, article.highlighted.has(claim.id))) : html`<p class="muted">figcheck found no figures to check in this article.</p>`}
</section>`;
  const body = html`${renderSummary(view)}
${article.markup}
${panel}
${renderRevisions(view.revisions)}
<script nonce="${nonce}">${raw(SCRIPT)}</script>`;
  const title = view.article.title?.trim() ? view.article.title : 'Untitled article';
  return page({ title: `${title}: report`, nonce, body, reviewer: view.reviewer });
}
