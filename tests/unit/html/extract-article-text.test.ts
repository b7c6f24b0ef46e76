import { describe, expect, it } from 'vitest';
import { extractArticleText } from '../../../functions/core/html/index.ts';
import { extractClaims } from '../../../functions/core/index.ts';

const PAGE = `<!doctype html><html><head><title>Putin meets Aliyev | Example News</title>
<script>window.figures = "$9 billion";</script><style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> <a href="/economy">Economy 2024</a> <a href="/top-10">Top 10</a></nav>
<header><div class="logo">Example News</div></header>
<article>
  <h1>Putin meets with Ilham Aliyev in the Kremlin</h1>
  <p>On Monday afternoon, Russian and Azerbaijani Presidents Vladimir Putin and Ilham Aliyev held talks in the
  Kremlin. Mutual trade turnover has reached <b>more than $ 4 billion</b>, Putin said.</p>
  <p>Six billion are Russian investments in the economy of Azerbaijan, he added, and the two leaders discussed the
  North-South transport corridor, regional security and cooperation in energy at length.</p>
  <p>"We signed the Declaration on Allied Cooperation here in the Kremlin in February 2022," Aliyev said, adding
  that the document determines the development of relations between the two countries.</p>
</article>
<aside>Most read: Oil price up 3%</aside>
<footer>© 2024 Example News. Call +994 12 555 12 34.</footer>
</body></html>`;

describe('extractArticleText', () => {
  it('keeps the article paragraphs and drops navigation, scripts, asides and the footer', () => {
    const { text, title, mainContentFound } = extractArticleText(PAGE);
    expect(mainContentFound).toBe(true);
    expect(title).toBe('Putin meets Aliyev | Example News');
    expect(text).toContain('Mutual trade turnover has reached more than $ 4 billion, Putin said.');
    expect(text).toContain('in February 2022,');
    for (const boilerplate of ['Home', 'Economy 2024', 'window.figures', 'Most read', '+994', 'color: red']) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('separates paragraphs by a blank line and folds white space inside them', () => {
    const { text } = extractArticleText(PAGE);
    const paragraphs = text.split('\n\n');
    expect(
      paragraphs.some((p) => p.startsWith('On Monday afternoon, Russian and Azerbaijani Presidents')),
    ).toBe(true);
    expect(text).not.toMatch(/ {2}|\n{3}/);
  });

  it('gives claim offsets that slice the extracted text to the claim text', () => {
    const { text } = extractArticleText(PAGE);
    const claims = extractClaims(text, { publishedAt: '2024-04-22' });
    expect(claims.map((c) => c.text)).toEqual(
      expect.arrayContaining(['more than $ 4 billion', 'February 2022']),
    );
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('reads a bare HTML fragment', () => {
    expect(extractArticleText('<p>Trade reached <b>€1.3 billion</b>.</p>').text).toBe(
      'Trade reached €1.3 billion.',
    );
  });

  it('decodes entities and keeps table cells apart', () => {
    const { text } = extractArticleText(
      '<p>Growth of 5&nbsp;% &amp; more</p><table><tr><td>2022</td><td>$4.17bn</td></tr></table>',
    );
    expect(text).toBe('Growth of 5\u00a0% & more\n\n2022\t$4.17bn');
  });

  it('survives 20,000 nested tags without overflowing the stack', () => {
    const depth = 20_000;
    const html = `${'<div>'.repeat(depth)}Exports rose 4%.${'</div>'.repeat(depth)}`;
    expect(extractArticleText(html).text).toBe('Exports rose 4%.');
  });
});
