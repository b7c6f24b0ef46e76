/**
 * Plain text from the structured rich-text formats CMSs send instead of HTML: Contentful Rich
 * Text documents, Sanity Portable Text and Strapi Blocks. Block nodes become paragraphs separated
 * by blank lines; inline nodes are joined as written.
 */

const MAX_DEPTH = 64;

function inlineText(node: unknown, depth: number): string {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return '';
  const record = node as Record<string, unknown>;
  // Contentful text nodes carry `value`; Portable Text spans and Strapi text nodes carry `text`.
  if (typeof record.value === 'string' && record.nodeType === 'text') return record.value;
  if (typeof record.text === 'string') return record.text;
  const children = (record.content ?? record.children) as unknown;
  if (!Array.isArray(children)) return '';
  if (children.some((child) => isBlock(child))) return blocksText(children, depth + 1);
  return children.map((child) => inlineText(child, depth + 1)).join('');
}

function isBlock(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  const type = String(record.nodeType ?? record._type ?? record.type ?? '');
  return /^(paragraph|heading(-\d)?|block|blockquote|list(-item)?|(un)?ordered-list|quote|table(-row|-cell|-header-cell)?|hr)$/.test(
    type,
  );
}

function blocksText(nodes: readonly unknown[], depth: number): string {
  return nodes
    .map((node) => inlineText(node, depth).trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

/** The text of a rich-text value: a document node, an array of blocks, or undefined if neither. */
export function structuredText(value: unknown): string | undefined {
  if (Array.isArray(value)) return blocksText(value, 0);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.content) || Array.isArray(record.children)) return inlineText(record, 0);
  }
  return undefined;
}
