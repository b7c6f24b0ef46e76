/**
 * Turns an article page's HTML into the plain text figcheck checks: the main article content
 * (Mozilla Readability over a linkedom DOM), without navigation, scripts and site boilerplate,
 * with block elements separated by blank lines so that sentences and offsets are stable.
 * Claim offsets then point into this text, which the API returns alongside the claims.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedArticle {
  text: string;
  title: string | null;
  /** Whether Readability found an article body; false means the whole page body was used. */
  mainContentFound: boolean;
}

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'NAV',
  'FOOTER',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'OBJECT',
  'EMBED',
  'HEAD',
]);
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'HR',
  'ADDRESS',
]);
const CELLS = new Set(['TD', 'TH']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Serialises a DOM subtree to text without recursion (pages can nest tags deeply): text nodes
 * with collapsed white space, blocks separated by a blank line, table cells by a tab.
 */
export function renderText(root: DomNode): string {
  const parts: string[] = [];
  const breakBlock = () => parts.push('\n\n');
  const stack: (DomNode | 'block-end')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'block-end') {
      breakBlock();
      continue;
    }
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/[\t\n\r\f ]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      parts.push('\n');
      continue;
    }
    if (CELLS.has(name)) parts.push('\t');
    const isBlock = BLOCKS.has(name);
    if (isBlock) {
      breakBlock();
      stack.push('block-end');
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return parts
    .join('')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
}

/** linkedom builds a broken tree from a bare fragment, so fragments get a document around them. */
function parseDocument(html: string) {
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(whole).document;
}

/**
 * Readability's scoring walks ancestors for every candidate, which grows with depth times size;
 * real article pages stay far below these limits, hostile ones are read without it.
 */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 50_000;

function fitsReadability(root: DomNode): boolean {
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    elements++;
    if (depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS) return false;
    for (let i = 0; i < node.childNodes.length; i++) stack.push([node.childNodes[i]!, depth + 1]);
  }
  return true;
}

export function extractArticleText(html: string): ExtractedArticle {
  const document = parseDocument(html);
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  let article: { title?: string | null; content?: string | null } | null = null;
  const useReadability = fitsReadability(document as unknown as DomNode);
  if (useReadability) {
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
        charThreshold: 200,
      }).parse();
    } catch {
      // Readability gives up on some malformed pages; the whole body is the fallback below.
      article = null;
    }
  }
  if (article?.content) {
    const content = parseDocument(article.content);
    const text = renderText(content.body as unknown as DomNode);
    if (text !== '') return { text, title: article.title?.trim() || pageTitle, mainContentFound: true };
  }
  // Readability rearranges the document it reads; the fallback needs the page as sent.
  const page = useReadability ? parseDocument(html) : document;
  const body = (page.body ?? page.documentElement) as unknown as DomNode | null;
  return { text: body ? renderText(body) : '', title: pageTitle, mainContentFound: false };
}
