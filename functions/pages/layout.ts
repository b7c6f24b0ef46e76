/**
 * The frame every reviewer page shares: the HTML document, the app's one stylesheet (inline,
 * allowed by a per-response nonce), the header, the Content-Security-Policy that goes with it,
 * and the wording pages use for verdicts, review statuses and times.
 */

import type { VerdictLabel } from '../core/index.ts';
import type { ReviewStatus } from '../core/review/index.ts';
import { html, raw, type SafeHtml } from './html.ts';

export const VERDICT_ORDER: readonly VerdictLabel[] = [
  'supported',
  'contradicted',
  'outdated',
  'ambiguous',
  'unverifiable',
];

const VERDICT_LABELS: Record<VerdictLabel, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  outdated: 'Outdated',
  ambiguous: 'Ambiguous',
  unverifiable: 'Unverifiable',
};

const STATUS_LABELS: Record<ReviewStatus, string> = {
  open: 'Open',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  corrected: 'Corrected',
};

/** "Contradicted" for `contradicted`; an unknown value is shown as given. */
export function verdictLabel(verdict: string): string {
  return VERDICT_LABELS[verdict as VerdictLabel] ?? verdict;
}

/** "Open" for `open`; an unknown value is shown as given. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ReviewStatus] ?? status;
}

/** A verdict as a coloured badge that always carries its name, never colour alone. */
export function verdictBadge(verdict: string, suffix = ''): SafeHtml {
  return html`<span class="badge verdict-${verdict}">${verdictLabel(verdict)}${suffix}</span>`;
}

/** An ISO timestamp as "2024-04-22 10:15 UTC" in a `<time>`; other strings are shown as given. */
export function formatDateTime(iso: string): SafeHtml {
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) return html`<time datetime="${iso}">${iso}</time>`;
  const shown = `${parsed.toISOString().slice(0, 10)} ${parsed.toISOString().slice(11, 16)} UTC`;
  return html`<time datetime="${parsed.toISOString()}">${shown}</time>`;
}

/** The calendar day of an ISO date or timestamp, in a `<time>`. */
export function formatDate(iso: string): SafeHtml {
  const day = /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
  return html`<time datetime="${day}">${day}</time>`;
}

/** The policy the pages are built for: only the nonce'd style and script run, nothing loads. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
}

// Colour pairs are checked for WCAG AA: white on each strong colour is at least 5:1, each strong
// colour on its tint at least 5:1, and body text on every tint above 13:1.
const CSS = `
:root {
  --text: #1f2328;
  --muted: #57606a;
  --bg: #ffffff;
  --panel: #f6f8fa;
  --line: #d0d7de;
  --link: #0550ae;
  --focus: #0969da;
  --supported: #116329;
  --supported-tint: #dafbe1;
  --contradicted: #b42318;
  --contradicted-tint: #fee4e2;
  --outdated: #8a4b00;
  --outdated-tint: #fff1d6;
  --ambiguous: #6e40c9;
  --ambiguous-tint: #efe6ff;
  --unverifiable: #57606a;
  --unverifiable-tint: #eaeef2;
  --notice: #6b3d00;
  --notice-tint: #fff8e5;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0;
  color: var(--text);
  background: var(--bg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible,
select:focus-visible, textarea:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}
.skip-link { position: absolute; left: -10000px; top: 0; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.site-header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 1rem 2rem;
  padding: 0.75rem 1.5rem;
  border-bottom: 1px solid var(--line);
  background: var(--panel);
}
.site-header .brand { font-weight: 700; font-size: 1.25rem; color: var(--text); text-decoration: none; }
.site-header nav ul { display: flex; gap: 1.5rem; list-style: none; margin: 0; padding: 0; }
.site-header .reviewer { margin: 0 0 0 auto; color: var(--muted); }
.site-header .reviewer strong { color: var(--text); }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
.muted { color: var(--muted); }
.notice {
  border-left: 4px solid var(--notice);
  background: var(--notice-tint);
  color: var(--notice);
  padding: 0.5rem 0.75rem;
  margin: 0.75rem 0;
}
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge {
  display: inline-block;
  padding: 0 0.5rem;
  border-radius: 0.75rem;
  font-size: 0.875rem;
  font-weight: 600;
  color: #ffffff;
  white-space: nowrap;
}
.badge.verdict-supported { background: var(--supported); }
.badge.verdict-contradicted { background: var(--contradicted); }
.badge.verdict-outdated { background: var(--outdated); }
.badge.verdict-ambiguous { background: var(--ambiguous); }
.badge.verdict-unverifiable { background: var(--unverifiable); }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; margin: 0.75rem 0; }
.counts .count-value { font-weight: 700; margin-left: 0.25rem; }
.formats { margin: 0.5rem 0 0; }
.article-text { max-width: 46rem; font-size: 1.0625rem; }
.article-text p { white-space: pre-line; margin: 0 0 1rem; }
a.claim {
  color: var(--text);
  text-decoration: none;
  border-bottom: 3px solid currentColor;
  padding: 0 0.125rem;
  border-radius: 0.125rem;
}
a.claim:hover { text-decoration: underline; }
a.claim .verdict-label { font-size: 0.875em; font-weight: 600; }
a.claim.verdict-supported { background: var(--supported-tint); border-bottom-color: var(--supported); }
a.claim.verdict-supported .verdict-label { color: var(--supported); }
a.claim.verdict-contradicted { background: var(--contradicted-tint); border-bottom-color: var(--contradicted); }
a.claim.verdict-contradicted .verdict-label { color: var(--contradicted); }
a.claim.verdict-outdated { background: var(--outdated-tint); border-bottom-color: var(--outdated); }
a.claim.verdict-outdated .verdict-label { color: var(--outdated); }
a.claim.verdict-ambiguous { background: var(--ambiguous-tint); border-bottom-color: var(--ambiguous); }
a.claim.verdict-ambiguous .verdict-label { color: var(--ambiguous); }
a.claim.verdict-unverifiable { background: var(--unverifiable-tint); border-bottom-color: var(--unverifiable); }
a.claim.verdict-unverifiable .verdict-label { color: var(--unverifiable); }
.claims { margin-top: 2rem; }
details.claim-detail {
  border: 1px solid var(--line);
  border-left-width: 6px;
  border-radius: 0.375rem;
  margin: 0 0 0.75rem;
  background: var(--bg);
}
details.claim-detail.verdict-supported { border-left-color: var(--supported); }
details.claim-detail.verdict-contradicted { border-left-color: var(--contradicted); }
details.claim-detail.verdict-outdated { border-left-color: var(--outdated); }
details.claim-detail.verdict-ambiguous { border-left-color: var(--ambiguous); }
details.claim-detail.verdict-unverifiable { border-left-color: var(--unverifiable); }
details.claim-detail > summary { cursor: pointer; padding: 0.5rem 0.75rem; }
details.claim-detail[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
.claim-body { padding: 0.25rem 1rem 1rem; }
.evidence { margin: 0.25rem 0; padding-left: 1.25rem; }
.evidence li { margin-bottom: 0.25rem; }
.explanation { font-style: italic; }
.history { padding-left: 1.5rem; }
.history li { margin-bottom: 0.25rem; }
.review-forms { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; margin-top: 1rem; }
.review-forms fieldset { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.5rem 0.75rem 0.75rem; margin: 0; }
.review-forms legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.125rem; }
input[type="text"], input[type="date"], input[type="password"], select, textarea {
  width: 100%;
  font: inherit;
  color: var(--text);
  background: var(--bg);
  border: 1px solid var(--muted);
  border-radius: 0.25rem;
  padding: 0.25rem 0.5rem;
}
button {
  margin-top: 0.75rem;
  font: inherit;
  font-weight: 600;
  color: #ffffff;
  background: var(--link);
  border: 1px solid var(--link);
  border-radius: 0.375rem;
  padding: 0.375rem 1rem;
  cursor: pointer;
}
button:hover { background: #033d8b; }
.filters {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  gap: 0.5rem 1rem;
  align-items: end;
  padding: 0.75rem 1rem 1rem;
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 0.375rem;
}
.filters button { margin-top: 0; }
.queue-actions { display: flex; gap: 1.5rem; margin: 1rem 0; }
table { width: 100%; border-collapse: collapse; margin: 0.75rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); border-bottom: 2px solid var(--line); }
.change-note { display: block; color: var(--muted); font-size: 0.875rem; }
.sign-in { max-width: 28rem; }
.error {
  border-left: 4px solid var(--contradicted);
  background: var(--contradicted-tint);
  color: var(--contradicted);
  padding: 0.5rem 0.75rem;
  margin: 0.75rem 0;
}
.empty { padding: 1rem; background: var(--panel); border: 1px dashed var(--line); border-radius: 0.375rem; }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto; } }
`;

export interface PageOptions {
  /** The document title, without the app name. */
  title: string;
  /** The per-response nonce also named in the Content-Security-Policy header. */
  nonce: string;
  body: SafeHtml;
  /** The signed-in reviewer; absent on pages shown before sign-in. */
  reviewer?: { name: string } | undefined;
}

/** The complete HTML document for a reviewer page. */
export function page({ title, nonce, body, reviewer }: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex, nofollow">
<title>${title} · figcheck</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${raw(CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="/v1/review">figcheck</a>
${
  reviewer &&
  html`<nav aria-label="Main"><ul><li><a href="/v1/review">Review queue</a></li></ul></nav>
<p class="reviewer">Signed in as <strong>${reviewer.name}</strong></p>`
}
</header>
<main id="main">
${body}
</main>
</body>
</html>
`.value;
}
