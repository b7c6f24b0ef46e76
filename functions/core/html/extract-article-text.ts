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
    // linkedom builds a new list on every read of childNodes: read it once per node.
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
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
 * Readability's scoring walks ancestors for every candidate, which grows with depth times size,
 * and reads the text of its candidates over and over, which grows with their number of text nodes
 * (linkedom makes one per character reference); real article pages stay far below these limits,
 * hostile ones are read without it.
 */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 50_000;
const READABILITY_MAX_NODES = 100_000;

function fitsReadability(root: DomNode): boolean {
  let elements = 0;
  let nodes = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > READABILITY_MAX_NODES) return false;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    elements++;
    if (depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return true;
}

/**
 * htmlparser2, linkedom's parser, keeps its open elements in an array it shifts and unshifts, so
 * parsing costs grow with the square of the nesting depth (330,000 unclosed tags: over a minute).
 * A page nests at most as deep as it has opening tags; one with more than this many is read
 * flattened instead. Real article pages have a few thousand.
 */
const MAX_PARSED_TAGS = 40_000;

function hasMoreTagsThan(html: string, limit: number): boolean {
  const tag = /<[A-Za-z]/g;
  let count = 0;
  while (tag.test(html)) if (++count > limit) return true;
  return false;
}

/** Elements whose content is never article text; a flattened page drops them whole. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'svg',
  'math',
]);

/** Index of the '>' that ends the tag opened before `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    if ((c === 34 || c === 39) && afterEquals) {
      const close = html.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1) return html.indexOf('>', i + 1);
      i = close;
    }
    if (c === 61) afterEquals = true;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) afterEquals = false;
  }
  return -1;
}

function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

/**
 * Rewrites a page, in one pass, as its text with a <p> at every block boundary and a <br> for each
 * line break; every other tag, comment and declaration goes, and so do the elements above with
 * their content. The result has no nesting, so the parser reads it in linear time and still
 * decodes its character references. Also returns the raw text of the page's first <title>.
 */
function flattenTags(html: string): { html: string; title: string | null } {
  const parts: string[] = [];
  let title: string | null = null;
  // One <p> per boundary: "</p><p>" makes one, not two empty paragraphs.
  let atBoundary = true;
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) {
      parts.push(html.slice(pos));
      break;
    }
    if (lt > pos) {
      parts.push(html.slice(pos, lt));
      atBoundary = false;
    }
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close === -1) break;
      pos = close + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    const isClose = next === 47;
    const nameStart = isClose ? lt + 2 : lt + 1;
    const named = isAsciiLetter(html.charCodeAt(nameStart));
    if (!named && !isClose && next !== 33 && next !== 63) {
      // A '<' that opens nothing is text; escaped, so that no tag forms where others were removed.
      parts.push('&lt;');
      atBoundary = false;
      pos = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + 1);
    if (end === -1) break;
    pos = end + 1;
    if (!named) continue;
    let nameEnd = nameStart;
    while (nameEnd < end && !/[\s/>]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!isClose && DROPPED_WITH_CONTENT.has(name)) {
      const closing = new RegExp(`</${name}[\\s/>]`, 'gi');
      closing.lastIndex = pos;
      const found = closing.exec(html);
      if (name === 'title' && title === null) title = html.slice(pos, found?.index ?? html.length);
      if (!found) break;
      const closeEnd = tagEnd(html, found.index + 1);
      if (closeEnd === -1) break;
      pos = closeEnd + 1;
      continue;
    }
    const upper = name.toUpperCase();
    if (upper === 'BR') parts.push('<br>');
    else if (BLOCKS.has(upper) && !atBoundary) {
      parts.push('<p>');
      atBoundary = true;
    } else if (CELLS.has(upper)) parts.push(' ');
  }
  return { html: parts.join(''), title };
}

function readFlattened(html: string): ExtractedArticle {
  const flat = flattenTags(html);
  const body = parseHTML(`<!doctype html><html><body>${flat.html}</body></html>`).document.body;
  let title: string | null = null;
  if (flat.title !== null) {
    const head = parseHTML(`<!doctype html><html><head><title>${flat.title}</title></head></html>`);
    title = head.document.querySelector('title')?.textContent?.trim() || null;
  }
  return { text: renderText(body as unknown as DomNode), title, mainContentFound: false };
}

export function extractArticleText(html: string): ExtractedArticle {
  if (hasMoreTagsThan(html, MAX_PARSED_TAGS)) return readFlattened(html);
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
