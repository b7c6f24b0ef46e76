/**
 * Pages built to be slow to read: deep nesting, tens of thousands of tags, character-reference
 * bombs. Each is read in linear time, and a page with too many tags to parse safely is still read
 * for its text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticleText } from '../../../functions/core/html/index.ts';

const SENTENCE = 'Trade turnover between Russia and Azerbaijan reached $4.4 billion in 2023.';

function timed<T>(read: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = read();
  return { value, ms: performance.now() - started };
}

/** Enough tags that the page is read flattened rather than parsed as a tree. */
const FILLER = '<span></span>'.repeat(45_000);

describe('extractArticleText on hostile pages', () => {
  it.each([
    ['330,000 unclosed inline tags', `${'<i>'.repeat(330_000)}${SENTENCE}`],
    ['100,000 nested and closed tags', `${'<b>'.repeat(100_000)}${SENTENCE}${'</b>'.repeat(100_000)}`],
    ['100,000 unclosed block tags', `${'<div>'.repeat(100_000)}${SENTENCE}`],
    [
      '40,000 tags each hiding a close tag in a script',
      `${'<b><script></b></script>'.repeat(40_000)}${SENTENCE}`,
    ],
    ['70,000 tags each hiding a close tag in a comment', `${'<b><!--</b>-->'.repeat(70_000)}${SENTENCE}`],
  ])('reads a page of %s in well under a second', (_, html) => {
    const { value, ms } = timed(() => extractArticleText(html));
    expect(value.text).toBe(SENTENCE);
    expect(value.mainContentFound).toBe(false);
    expect(ms).toBeLessThan(2000);
  });

  it.each([
    ['&amp;', '&'],
    ['&#x41;', 'A'],
    ['&nbsp;', '\u00a0'],
  ])('decodes 150,000 × %s in linear time', (entity, decoded) => {
    const { value, ms } = timed(() => extractArticleText(`<p>${SENTENCE} ${entity.repeat(150_000)}x</p>`));
    expect(value.text).toBe(`${SENTENCE} ${decoded.repeat(150_000)}x`);
    expect(ms).toBeLessThan(3000);
  });

  it('reads a page of too many tags flattened: blocks apart, scripts and styles dropped, entities decoded', () => {
    const html = `<!doctype html><html><head><title>Trade &amp; talks</title><style>p { color: red }</style>
      <script>var figures = "$9 billion";</script></head><body>${FILLER}
      <h1>Putin meets Aliyev</h1><div><p>${SENTENCE}</p><p>Exports rose <b>5&nbsp;%</b> in 2023.</p></div>
      <table><tr><td>2022</td><td>$4.17bn</td></tr></table><!-- $7 billion --><p>a &lt; b, c<br>d</p></body></html>`;
    const { text, title, mainContentFound } = extractArticleText(html);
    expect(mainContentFound).toBe(false);
    expect(title).toBe('Trade & talks');
    expect(text.split('\n\n')).toEqual([
      'Putin meets Aliyev',
      SENTENCE,
      'Exports rose 5\u00a0% in 2023.',
      '2022 $4.17bn',
      'a < b, c\nd',
    ]);
  });

  it('keeps a "<" that opens no tag as text, and makes no tag of it when the tag after it goes', () => {
    const { text } = extractArticleText(`${FILLER}<p>x << 3 and <<b>y>z, 1 <2</p>`);
    expect(text).toBe('x << 3 and <y>z, 1 <2');
  });

  it('reads an attribute value holding ">" as part of its tag', () => {
    const { text } = extractArticleText(`${FILLER}<p title="a > b" data-x='>'>${SENTENCE}</p>`);
    expect(text).toBe(SENTENCE);
  });

  it('ends the text where an unterminated comment, tag or script begins, as a browser would', () => {
    expect(extractArticleText(`${FILLER}<p>${SENTENCE}</p><!-- never closed <p>$9 billion`).text).toBe(
      SENTENCE,
    );
    expect(extractArticleText(`${FILLER}<p>${SENTENCE}</p><p class="never closed`).text).toBe(SENTENCE);
    expect(extractArticleText(`${FILLER}<p>${SENTENCE}</p><script>var x = "$9 billion";`).text).toBe(
      SENTENCE,
    );
  });
});
