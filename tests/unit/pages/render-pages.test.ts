import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CheckedClaim, Claim, Evidence, VerdictLabel } from '../../../functions/core/model.ts';
import type { ClaimReview, QueueRow, QueueView, ReportView } from '../../../functions/core/review/model.ts';
import { escapeHtml, html, raw, safeUrl } from '../../../functions/pages/html.ts';
import { contentSecurityPolicy } from '../../../functions/pages/layout.ts';
import { renderQueue } from '../../../functions/pages/render-queue.ts';
import { renderReport } from '../../../functions/pages/render-report.ts';
import { buildClaim } from '../../support/build-claim.ts';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';
const ARTICLE_ID = 'art-7';
const SCRIPT_TAG = '<script>alert(1)</script>';
const IMG_TAG = '<img src=x onerror="alert(1)">';
const JS_URL = 'javascript:alert(1)';
const HOSTILE_TITLE = 'Trade talks " onmouseover="x';

const TEXT = [
  `Trade ${SCRIPT_TAG} reached $4.4 billion in 2023, the ministry said.`,
  `Investors ${IMG_TAG} put in $5 billion last year.`,
  `Officials counted 300 firms at the fair.`,
].join('\n\n');

function placeClaim(
  id: string,
  text: string,
  value: number,
  verdict: VerdictLabel,
  evidence: Evidence[],
  explanation: string,
  overrides: Partial<Claim> = {},
): CheckedClaim {
  const start = TEXT.indexOf(text);
  const sentence = TEXT.split('\n\n').find((paragraph) => paragraph.includes(text)) ?? text;
  const claim = buildClaim({ id, text, value, start, end: start + text.length, sentence, ...overrides });
  return { ...claim, verdict: { claimId: id, verdict, explanation, evidence } };
}

const SUPPORTED = placeClaim(
  'c1',
  '$4.4 billion',
  4_400_000_000,
  'supported',
  [
    {
      factId: 'ru-az-trade-2023',
      value: 4_400_000_000,
      unit: 'USD',
      period: '2023',
      sourceName: 'State Statistics Committee',
      sourceUrl: 'https://stat.example/trade',
      asOf: '2024-02-12',
    },
  ],
  'Reference: $4.4 billion in 2023 (State Statistics Committee, 2024-02-12).',
  {
    frame: {
      measure: 'level',
      metric: 'trade_turnover',
      entities: [
        { id: 'RU', role: 'party' },
        { id: 'AZ', role: 'party' },
      ],
      period: { value: '2023', basis: 'inferred', granularity: 'year' },
      comparison: { role: 'base', with: 'c2' },
      sources: { measure: 'clause', metric: 'clause', entities: 'clause', period: 'default' },
      guessed: ['period'],
    },
  },
);
const CONTRADICTED = placeClaim(
  'c2',
  '$5 billion',
  5_000_000_000,
  'contradicted',
  [
    {
      factId: 'ru-az-investment-2023',
      value: 6_000_000_000,
      unit: 'USD',
      period: '2023',
      sourceName: 'Central <b>Bank</b>',
      sourceUrl: JS_URL,
      asOf: '2024-03-01',
      deviation: { absolute: -1_000_000_000, relative: -1 / 6 },
    },
  ],
  `The reference says $6 billion ${SCRIPT_TAG}.`,
);
const UNVERIFIABLE = placeClaim(
  'c3',
  '300 firms',
  300,
  'unverifiable',
  [],
  'figcheck has no fact for this figure.',
  { kind: 'count', unit: null, metric: null, period: null },
);
const CLAIMS = [SUPPORTED, CONTRADICTED, UNVERIFIABLE];

function buildReportView(overrides: Partial<ReportView> = {}): ReportView {
  return {
    article: {
      articleId: ARTICLE_ID,
      title: HOSTILE_TITLE,
      url: JS_URL,
      publishedAt: '2024-04-22',
      checkedAt: '2024-04-22T10:15:30.000Z',
      text: TEXT,
      source: 'ghost',
      cmsStatus: 'unpublished',
    },
    result: {
      publishedAt: '2024-04-22',
      claims: CLAIMS,
      summary: { supported: 1, contradicted: 1, outdated: 0, unverifiable: 1, ambiguous: 0 },
    },
    reviews: {},
    revisions: [],
    reviewer: { name: 'desk <editor>', canReview: true },
    ...overrides,
  };
}

function buildRow(overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    claimKey: `${ARTICLE_ID}_c2`,
    articleId: ARTICLE_ID,
    claimId: 'c2',
    articleTitle: HOSTILE_TITLE,
    source: 'ghost',
    claimText: `$5 billion ${SCRIPT_TAG}`,
    sentence: `Investors ${IMG_TAG} put in $5 billion last year.`,
    verdict: 'contradicted',
    status: 'open',
    explanation: `The reference says $6 billion ${IMG_TAG}.`,
    flaggedAt: '2024-04-22T10:15:30.000Z',
    ...overrides,
  };
}

function buildQueueView(overrides: Partial<QueueView> = {}): QueueView {
  return {
    rows: [
      buildRow(),
      buildRow({
        claimKey: `${ARTICLE_ID}_c3`,
        claimId: 'c3',
        claimText: '300 firms',
        verdict: 'unverifiable',
        status: 'dismissed',
        verdictChange: {
          from: 'supported',
          to: 'unverifiable',
          at: '2024-05-02T08:00:00.000Z',
          factIds: ['f9'],
        },
      }),
    ],
    filters: {
      verdict: 'contradicted',
      status: 'open',
      source: 'ghost',
      since: '2024-04-01',
      until: '2024-04-30',
    },
    next: 'page+2/=',
    reviewer: { name: 'desk' },
    ...overrides,
  };
}

// The parts of the DOM the assertions use; the project compiles without the DOM library.
interface DomNode {
  textContent: string | null;
}

interface DomQueries {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
}

interface DomElement extends DomNode, DomQueries {
  tagName: string;
  firstChild: DomNode | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  hasAttribute(name: string): boolean;
}

interface DomDocument extends DomQueries {
  documentElement: DomElement;
  getElementById(id: string): DomElement | null;
}

function parse(markup: string): DomDocument {
  return parseHTML(markup).document;
}

function textOf(element: DomElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A definition list as "term: description" lines, in document order. */
function definitions(list: DomElement | null | undefined): string[] {
  return [...(list?.querySelectorAll('dt, dd') ?? [])].reduce<string[]>((lines, item) => {
    if (item.tagName === 'DT') lines.push(`${textOf(item)}:`);
    else lines.push(`${lines.pop() ?? ''} ${textOf(item)}`);
    return lines;
  }, []);
}

const PAGES: Array<[string, () => string]> = [
  ['the report for a reviewer who may review', () => renderReport(buildReportView(), NONCE)],
  [
    'the report for a read-only reviewer',
    () => renderReport(buildReportView({ reviewer: { name: 'reader', canReview: false } }), NONCE),
  ],
  ['the review queue', () => renderQueue(buildQueueView(), NONCE, 'verdict=contradicted&status=open')],
];

describe('escaping helpers', () => {
  it('escapes &, <, >, double and single quotes and backticks', () => {
    expect(escapeHtml(`a&b<c>d"e'f\`g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f&#96;g');
  });

  it('escapes interpolated values, joins arrays, keeps raw markup and drops undefined, null and false', () => {
    const items = ['<i>', 'x'].map((item) => html`<li>${item}</li>`);
    const out = html`<ul>${items}</ul>${undefined}${null}${false}${raw('<hr>')}${0}`;
    expect(out.value).toBe('<ul><li>&lt;i&gt;</li><li>x</li></ul><hr>0');
  });

  it.each([
    ['https://stat.example/trade?a=1', 'https://stat.example/trade?a=1'],
    ['http://stat.example/', 'http://stat.example/'],
    ['/v1/review', '/v1/review'],
    ['#claim-c1', '#claim-c1'],
    ['?cursor=2', '?cursor=2'],
    ['javascript:alert(1)', '#'],
    [' \u0001JavaScript:alert(1)', '#'],
    ['java\tscript:alert(1)', '#'],
    ['data:text/html,<script>alert(1)</script>', '#'],
    ['vbscript:msgbox(1)', '#'],
    ['stat.example/trade', '#'],
    ['', '#'],
  ])('safeUrl(%j) is %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  it('builds the Content-Security-Policy around the nonce', () => {
    expect(contentSecurityPolicy('abc123')).toBe(
      "default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});

describe.each(PAGES)('%s', (_name, render) => {
  const output = render();
  const document = parse(output);

  it.each([
    ['a script tag', '<script>alert'],
    ['an img tag', '<img'],
    ['an onerror handler', 'onerror="'],
    ['an attribute break-out from the title', '" onmouseover="x'],
  ])('contains no raw %s', (_what, dangerous) => {
    expect(output).not.toContain(dangerous);
  });

  it('puts no javascript: URL in any href', () => {
    expect(output).not.toMatch(/href="\s*javascript:/i);
    for (const link of document.querySelectorAll('[href]')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }
  });

  it('shows the untrusted text in its escaped form', () => {
    expect(output).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(output).toContain('Trade talks &quot; onmouseover=&quot;x');
  });

  it('has no inline style or event handler attributes', () => {
    expect(output).not.toContain('style="');
    expect(output).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    for (const element of document.querySelectorAll('*')) {
      const names = element.getAttributeNames();
      expect(names.filter((name) => name === 'style' || name.startsWith('on'))).toEqual([]);
    }
  });

  it('carries the nonce on its one stylesheet and on every script', () => {
    expect(output.match(/<style\b[^>]*>/g)).toEqual([`<style nonce="${NONCE}">`]);
    for (const tag of output.match(/<script\b[^>]*>/g) ?? []) expect(tag).toBe(`<script nonce="${NONCE}">`);
  });

  it('declares English and a viewport, and names the signed-in reviewer', () => {
    expect(output.startsWith('<!doctype html>')).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(textOf(document.querySelector('.site-header a[href="/v1/review"]'))).toBe('figcheck');
    expect(textOf(document.querySelector('.site-header nav a'))).toBe('Review queue');
  });
});

describe('renderReport', () => {
  const output = renderReport(buildReportView(), NONCE);
  const document = parse(output);

  it('has exactly one script, and it carries the nonce', () => {
    expect(output.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="${NONCE}">`]);
  });

  it('summarises the article: title, disabled javascript: link, dates, CMS source and unpublished notice', () => {
    expect(textOf(document.querySelector('h1'))).toBe(HOSTILE_TITLE);
    expect(textOf(document.querySelector('title'))).toBe(`${HOSTILE_TITLE}: report · figcheck`);
    const link = document.querySelector('.report-summary a[rel="noopener noreferrer"]');
    expect(link?.getAttribute('href')).toBe('#');
    expect(textOf(link)).toBe(JS_URL);
    expect(definitions(document.querySelector('.report-summary dl'))).toEqual([
      `Article: ${JS_URL}`,
      'Published: 2024-04-22',
      'Checked: 2024-04-22 10:15 UTC',
      'CMS source: ghost',
    ]);
    expect(textOf(document.querySelector('.report-summary .notice'))).toBe(
      'This article is unpublished in the CMS.',
    );
    expect(textOf(document.querySelector('.site-header .reviewer'))).toBe('Signed in as desk <editor>');
  });

  it('falls back to "Untitled article" and leaves out the notice for a published article', () => {
    const view = buildReportView();
    const other = parse(
      renderReport(
        { ...view, article: { ...view.article, title: undefined, cmsStatus: 'published' } },
        NONCE,
      ),
    );
    expect(textOf(other.querySelector('h1'))).toBe('Untitled article');
    expect(other.querySelector('.report-summary .notice')).toBeNull();
  });

  it.each([
    ['supported', 'Supported 1'],
    ['contradicted', 'Contradicted 1'],
    ['outdated', 'Outdated 0'],
    ['ambiguous', 'Ambiguous 0'],
    ['unverifiable', 'Unverifiable 1'],
  ])('counts %s claims with their label: "%s"', (verdict, expected) => {
    expect(textOf(document.querySelector(`.counts li[data-verdict="${verdict}"]`))).toBe(expected);
  });

  it('links the ClaimReview JSON-LD and JSON forms of the article', () => {
    expect(textOf(document.querySelector(`a[href="/v1/articles/${ARTICLE_ID}/claimreview"]`))).toBe(
      'ClaimReview JSON-LD',
    );
    expect(textOf(document.querySelector(`a[href="/v1/articles/${ARTICLE_ID}"]`))).toBe('JSON');
  });

  it('splits the article into its three paragraphs', () => {
    const paragraphs = [...document.querySelectorAll('.article-text p')].map((p) => p.textContent ?? '');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(
      `Trade ${SCRIPT_TAG} reached $4.4 billion [Supported] in 2023, the ministry said.`,
    );
    expect(paragraphs[1]).toBe(`Investors ${IMG_TAG} put in $5 billion [Contradicted] last year.`);
  });

  it.each(CLAIMS.map((claim) => [claim.id, claim.verdict.verdict, claim] as const))(
    'highlights claim %s (%s) with exactly its text at its offsets',
    (id, verdict, claim) => {
      const mark = document.getElementById(`mark-${id}`);
      expect(mark?.tagName).toBe('A');
      expect(mark?.getAttribute('href')).toBe(`#claim-${id}`);
      expect(mark?.getAttribute('data-claim-id')).toBe(id);
      expect(mark?.getAttribute('data-verdict')).toBe(verdict);
      expect(mark?.getAttribute('class')).toBe(`claim verdict-${verdict}`);
      expect(mark?.firstChild?.textContent).toBe(claim.text);
      expect(mark?.firstChild?.textContent).toBe(TEXT.slice(claim.start, claim.end));
      const label = verdict.charAt(0).toUpperCase() + verdict.slice(1);
      expect(mark?.querySelector('.verdict-label')?.textContent).toBe(` [${label}]`);
    },
  );

  it('skips a highlight that overlaps the previous one but still lists the claim', () => {
    const overlapping = placeClaim('c4', '4 billion', 4_000_000_000, 'ambiguous', [], 'Overlaps c1.');
    const view = buildReportView();
    const other = parse(
      renderReport({ ...view, result: { ...view.result, claims: [...CLAIMS, overlapping] } }, NONCE),
    );
    expect(other.getElementById('mark-c4')).toBeNull();
    expect(other.getElementById('mark-c1')?.firstChild?.textContent).toBe('$4.4 billion');
    expect(textOf(other.querySelector('#claim-c4 summary'))).toBe('Ambiguous 4 billion');
  });

  it('lists one claim-detail per claim with the verdict label and claim text in the summary', () => {
    const details = [...document.querySelectorAll('section[aria-label="Claims"] details.claim-detail')];
    expect(details.map((d) => d.getAttribute('id'))).toEqual(['claim-c1', 'claim-c2', 'claim-c3']);
    expect(details.map((d) => textOf(d.querySelector('summary')))).toEqual([
      'Supported $4.4 billion',
      'Contradicted $5 billion',
      'Unverifiable 300 firms',
    ]);
  });

  it('shows the claim as written and as understood', () => {
    expect(definitions(document.querySelector('#claim-c2 dl'))).toEqual([
      'As written: $5 billion',
      `In the sentence: Investors ${IMG_TAG} put in $5 billion last year.`,
      'As understood: $5,000,000,000',
      'Qualifier: exact',
      'Measure: a level',
      'Metric: trade turnover',
      'About: RU and AZ (parties)',
      'Period: 2023 (year, stated in the text)',
      'Guessed: nothing',
    ]);
  });

  it('shows the frame: what was read where, what it is compared with, and what was guessed', () => {
    const rows = definitions(document.querySelector('#claim-c1 dl'));
    expect(rows.slice(4)).toEqual([
      'Measure: a level',
      'Metric: trade turnover',
      'About: RU and AZ (parties)',
      "Period: 2023 (year, not in the text; figcheck's default for this kind of figure)",
      'Comparison: compared with another figure of the sentence',
      'Guessed: the period (2023: the article states none for this figure)figcheck marks no claim contradicted on a guess.',
    ]);
    expect(document.querySelector('#claim-c1 dl a')?.getAttribute('href')).toBe('#claim-c2');
  });

  it('shows the reference value, period, deviation, source and as-of date', () => {
    expect(definitions(document.querySelector('#claim-c2 .evidence dl'))).toEqual([
      'Value: $6,000,000,000',
      'Period: 2023',
      'Deviation: -$1,000,000,000 (-16.7%)',
      'Source: Central <b>Bank</b>',
      'As of: 2024-03-01',
    ]);
    expect(definitions(document.querySelector('#claim-c1 .evidence dl'))).toEqual([
      'Value: $4,400,000,000',
      'Period: 2023',
      'Source: State Statistics Committee',
      'As of: 2024-02-12',
    ]);
    expect(document.querySelector('#claim-c2 .evidence a')?.getAttribute('href')).toBe('#');
    expect(document.querySelector('#claim-c1 .evidence a')?.getAttribute('href')).toBe(
      'https://stat.example/trade',
    );
    expect(textOf(document.querySelector('#claim-c2 .explanation'))).toBe(
      `The reference says $6 billion ${SCRIPT_TAG}.`,
    );
  });

  it('reads a count without a period', () => {
    expect(definitions(document.querySelector('#claim-c3 dl'))).toEqual([
      'As written: 300 firms',
      'In the sentence: Officials counted 300 firms at the fair.',
      'As understood: 300',
      'Qualifier: exact',
      'Measure: a count',
      'About: RU and AZ (parties)',
      'Period: none',
      'Guessed: nothing',
    ]);
  });

  it('says "No reference data" only for the claim without evidence', () => {
    const withNoData = CLAIMS.filter((claim) =>
      textOf(document.getElementById(`claim-${claim.id}`)).includes(
        'No reference data: figcheck has no fact for this claim.',
      ),
    ).map((claim) => claim.id);
    expect(withNoData).toEqual(['c3']);
  });

  it('posts three review forms per claim to the claim key, returning to the claim', () => {
    const forms = [...document.querySelectorAll('#claim-c2 form')];
    expect(forms.map((form) => form.getAttribute('method'))).toEqual(['post', 'post', 'post']);
    expect(new Set(forms.map((form) => form.getAttribute('action')))).toEqual(
      new Set([`/v1/claims/${ARTICLE_ID}_c2/reviews`]),
    );
    expect(forms.map((form) => form.querySelector('input[name="action"]')?.getAttribute('value'))).toEqual([
      'confirm',
      'dismiss',
      'correct',
    ]);
    for (const form of forms) {
      expect(form.querySelector('input[name="return"]')?.getAttribute('value')).toBe(
        `/v1/articles/${ARTICLE_ID}/report#claim-c2`,
      );
    }
    expect(forms.map((form) => textOf(form.querySelector('button[type="submit"]')))).toEqual([
      'Confirm',
      'Dismiss',
      'Correct',
    ]);
    expect(document.querySelectorAll('form')).toHaveLength(9);
  });

  it('requires a reason to dismiss or correct and offers the five verdicts', () => {
    const [confirm, dismiss, correct] = [...document.querySelectorAll('#claim-c1 form')];
    expect(confirm?.querySelector('textarea[name="note"]')?.hasAttribute('required')).toBe(false);
    expect(dismiss?.querySelector('textarea[name="note"]')?.hasAttribute('required')).toBe(true);
    expect(correct?.querySelector('textarea[name="note"]')?.hasAttribute('required')).toBe(true);
    const options = [...(correct?.querySelectorAll('select[name="verdict"] option') ?? [])];
    expect(options.map((o) => o.getAttribute('value'))).toEqual([
      'supported',
      'contradicted',
      'outdated',
      'ambiguous',
      'unverifiable',
    ]);
    expect(correct?.querySelector('input[name="value"]')).not.toBeNull();
  });

  it('labels every visible form control', () => {
    const controls = [
      ...document.querySelectorAll('form textarea, form select, form input:not([type="hidden"])'),
    ];
    expect(controls).toHaveLength(15);
    const labels = controls.map((control) =>
      textOf(document.querySelector(`label[for="${control.getAttribute('id')}"]`)),
    );
    expect(labels.slice(0, 5)).toEqual(['Note (optional)', 'Reason', 'Verdict', 'Right value', 'Reason']);
  });

  it('shows no review forms to a reviewer who may not review', () => {
    const readOnly = renderReport(buildReportView({ reviewer: { name: 'reader', canReview: false } }), NONCE);
    expect(readOnly).not.toContain('<form');
    expect(readOnly).not.toContain('<button');
    expect(parse(readOnly).querySelectorAll('details.claim-detail')).toHaveLength(3);
  });

  it('shows a correction, the verdict change and the review history', () => {
    const review: ClaimReview = {
      claimKey: `${ARTICLE_ID}_c2`,
      articleId: ARTICLE_ID,
      claimId: 'c2',
      machineVerdict: 'contradicted',
      state: { status: 'corrected', verdict: 'outdated', correctedValue: '$6 <em>billion</em>' },
      history: [
        {
          action: 'recheck',
          reviewer: 'figcheck',
          at: '2024-05-01T09:00:00.000Z',
          before: { status: 'open', verdict: 'supported' },
          after: { status: 'open', verdict: 'contradicted' },
        },
        {
          action: 'correct',
          reviewer: 'ana',
          at: '2024-05-02T12:30:00.000Z',
          before: { status: 'open', verdict: 'contradicted' },
          after: { status: 'corrected', verdict: 'outdated', correctedValue: '$6 <em>billion</em>' },
          note: 'Figure was for 2022 <script>',
        },
      ],
      verdictChange: {
        from: 'supported',
        to: 'contradicted',
        at: '2024-05-01T09:00:00.000Z',
        factIds: ['f1', 'f2'],
      },
    };
    const corrected = parse(renderReport(buildReportView({ reviews: { c2: review } }), NONCE));
    const mark = corrected.getElementById('mark-c2');
    expect(mark?.getAttribute('data-verdict')).toBe('outdated');
    expect(mark?.firstChild?.textContent).toBe('$5 billion');
    expect(mark?.querySelector('.verdict-label')?.textContent).toBe(' [Outdated (corrected)]');
    const reviewState = [...corrected.querySelectorAll('#claim-c2 dl')].at(-1);
    expect(definitions(reviewState)).toEqual([
      'Status: Corrected',
      'Machine verdict: Contradicted',
      'Corrected value: $6 <em>billion</em>',
    ]);
    expect(textOf(corrected.querySelector('#claim-c2 .notice'))).toBe(
      'Verdict changed from Supported to Contradicted on 2024-05-01 after facts f1, f2 were revised.',
    );
    const history = [...corrected.querySelectorAll('#claim-c2 ol.history li')].map(textOf);
    expect(history).toEqual([
      'figcheck, 2024-05-01 09:00 UTC: re-checked; Open, Supported → Open, Contradicted',
      'ana, 2024-05-02 12:30 UTC: corrected; Open, Contradicted → Corrected, Outdated, value $6 <em>billion</em>. Note: Figure was for 2022 <script>',
    ]);
  });

  it('shows the revision history only when there are revisions', () => {
    expect(document.querySelector('.revisions')).toBeNull();
    const withRevisions = parse(
      renderReport(
        buildReportView({
          revisions: [
            {
              revisionKey: 'rev-1',
              eventType: 'post.published',
              receivedAt: '2024-04-22T10:00:00.000Z',
              status: 'checked',
              checkedAt: '2024-04-22T10:15:30.000Z',
              summary: { supported: 1, contradicted: 1, unverifiable: 1 },
            },
            {
              revisionKey: 'rev-2',
              eventType: 'post.edited',
              receivedAt: '2024-04-22T11:00:00.000Z',
              status: 'unchanged',
              sameAs: 'rev-1',
            },
          ],
        }),
        NONCE,
      ),
    );
    const rows = [...withRevisions.querySelectorAll('.revisions tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map(textOf),
    );
    expect(rows).toEqual([
      [
        '2024-04-22 10:00 UTC',
        'post.published',
        'checked',
        '2024-04-22 10:15 UTC',
        'Supported 1, Contradicted 1, Unverifiable 1',
        '',
      ],
      ['2024-04-22 11:00 UTC', 'post.edited', 'unchanged', '', '', 'same content as rev-1'],
    ]);
  });
});

describe('renderQueue', () => {
  const query = 'verdict=contradicted&status=open&source=ghost&since=2024-04-01&until=2024-04-30';
  const output = renderQueue(buildQueueView(), NONCE, query);
  const document = parse(output);

  it('pre-fills the filter form from the current filters', () => {
    const form = document.querySelector('form.filters');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe('/v1/review');
    expect(form?.querySelector('select[name="verdict"] option[selected]')?.getAttribute('value')).toBe(
      'contradicted',
    );
    expect(form?.querySelector('select[name="status"] option[selected]')?.getAttribute('value')).toBe('open');
    expect(form?.querySelector('input[name="source"]')?.getAttribute('value')).toBe('ghost');
    expect(form?.querySelector('input[name="since"]')?.getAttribute('value')).toBe('2024-04-01');
    expect(form?.querySelector('input[name="until"]')?.getAttribute('value')).toBe('2024-04-30');
    expect(textOf(form?.querySelector('button[type="submit"]'))).toBe('Filter');
  });

  it('offers All plus the flagged verdicts and the four statuses', () => {
    const values = (name: string) =>
      [...document.querySelectorAll(`select[name="${name}"] option`)].map((o) => o.getAttribute('value'));
    expect(values('verdict')).toEqual(['', 'contradicted', 'outdated', 'ambiguous', 'unverifiable']);
    expect(values('status')).toEqual(['', 'open', 'confirmed', 'dismissed', 'corrected']);
    const blank = parse(renderQueue(buildQueueView({ filters: {} }), NONCE, ''));
    expect(blank.querySelector('select[name="verdict"] option[selected]')?.textContent).toBe('All');
    expect(blank.querySelector('input[name="source"]')?.getAttribute('value')).toBe('');
  });

  it('links the CSV download with the same query string', () => {
    const csv = [...document.querySelectorAll('a')].find((a) => textOf(a) === 'Download CSV');
    expect(csv?.getAttribute('href')).toBe(`/v1/review.csv?${query}`);
    const unfiltered = parse(renderQueue(buildQueueView(), NONCE, ''));
    const plain = [...unfiltered.querySelectorAll('a')].find((a) => textOf(a) === 'Download CSV');
    expect(plain?.getAttribute('href')).toBe('/v1/review.csv');
  });

  it('renders one row per flagged claim with its report link, verdict, status and change note', () => {
    const rows = [...document.querySelectorAll('table[aria-label="Flagged claims"] tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-claim-key'))).toEqual([
      `${ARTICLE_ID}_c2`,
      `${ARTICLE_ID}_c3`,
    ]);
    const cells = rows.map((row) => [...row.querySelectorAll('td')].map(textOf));
    expect(cells[0]).toEqual([
      '2024-04-22 10:15 UTC',
      HOSTILE_TITLE,
      `$5 billion ${SCRIPT_TAG}`,
      'Contradicted',
      'Open',
      'ghost',
      `The reference says $6 billion ${IMG_TAG}.`,
    ]);
    expect(cells[1]?.[3]).toBe('Unverifiable changed from Supported on 2024-05-02');
    expect(cells[1]?.[4]).toBe('Dismissed');
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(
      `/v1/articles/${ARTICLE_ID}/report#claim-c2`,
    );
    expect(rows[0]?.querySelector('.badge')?.getAttribute('class')).toBe('badge verdict-contradicted');
  });

  it('links the next page with the query and the encoded cursor', () => {
    const next = [...document.querySelectorAll('a')].find((a) => textOf(a) === 'Next page');
    expect(next?.getAttribute('href')).toBe(`/v1/review?${query}&cursor=page%2B2%2F%3D`);
    const firstPage = parse(renderQueue(buildQueueView(), NONCE, ''));
    const bare = [...firstPage.querySelectorAll('a')].find((a) => textOf(a) === 'Next page');
    expect(bare?.getAttribute('href')).toBe('/v1/review?cursor=page%2B2%2F%3D');
  });

  it('shows the empty state and no next link when nothing matches', () => {
    const empty = renderQueue(buildQueueView({ rows: [], next: undefined }), NONCE, query);
    expect(textOf(parse(empty).querySelector('.empty'))).toBe('No flagged claims match these filters.');
    expect(empty).not.toContain('<table');
    expect(empty).not.toContain('Next page');
    expect(output).not.toContain('No flagged claims match these filters.');
  });
});
