/**
 * Finds the structure extraction needs around each token: sentence and paragraph boundaries, and
 * which tokens to ignore (site boilerplate after a tail marker such as "Leave a review", URLs,
 * e-mail addresses). One linear pass over the text and one over the tokens.
 */
import { isMark, isSpace, lw, PUNCT, type Tokens, WORD } from './tokenize.ts';
import { LINE_MARKERS, TAIL_MARKERS } from './vocabulary.ts';

export interface Passages {
  /** 1 when the token is boilerplate, inside a URL or an e-mail address. */
  excluded: Uint8Array;
  /** Sentence number of each token. */
  sentence: Int32Array;
  /** Paragraph (line) number of each token. */
  paragraph: Int32Array;
  /** Character span of each sentence. */
  sentenceStart: number[];
  sentenceEnd: number[];
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'nr',
  'vs',
  'etc',
  'e',
  'i',
  'g',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'est',
  'inc',
  'ltd',
  'co',
  'corp',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'jr',
  'sr',
  'p',
  'pp',
  'vol',
  'fig',
  'art',
  'u',
  's',
  'c',
  'mln',
  'bln',
]);

const CLOSERS = '"”’\')»';
const URL_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S/i;

function markUrlsAndEmails(text: string, mask: Uint8Array): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    let hasAt = false;
    let hasSlash = false;
    let hasDot = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || isSpace(c)) break;
      if (c === 64) hasAt = true;
      else if (c === 47) hasSlash = true;
      else if (c === 46) hasDot = true;
      i++;
    }
    if (i === s || !(hasAt || hasSlash || hasDot)) continue;
    const chunk = i - s > 4096 ? text.slice(s, s + 4096) : text.slice(s, i);
    const lower = chunk.slice(0, 12).toLowerCase();
    const isUrl =
      chunk.includes('://') ||
      lower.startsWith('www.') ||
      (hasAt && /[A-Za-z]/.test(chunk)) ||
      (chunk.includes('/') && URL_DOMAIN.test(chunk.slice(0, 256)));
    if (isUrl) mask.fill(1, s, i);
  }
}

function markBoilerplate(text: string, mask: Uint8Array): void {
  let lineStart = 0;
  const n = text.length;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const len = lineEnd - lineStart;
    if (len > 0 && len < 120) {
      const line = text.slice(lineStart, lineEnd).trim().toLowerCase();
      if (line.length > 0) {
        for (const marker of TAIL_MARKERS) {
          // A tail marker alone on its line starts the site furniture that follows an article.
          if (line === marker || (line.startsWith(marker) && line.length < marker.length + 20)) {
            mask.fill(1, lineStart, n);
            return;
          }
        }
        for (const marker of LINE_MARKERS) {
          if (line.includes(marker)) {
            mask.fill(1, lineStart, lineEnd);
            break;
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}

function gapHasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

export function splitPassages(t: Tokens): Passages {
  const text = t.text;
  const mask = new Uint8Array(text.length);
  markUrlsAndEmails(text, mask);
  markBoilerplate(text, mask);
  const excluded = new Uint8Array(t.count);
  const sentence = new Int32Array(t.count);
  const paragraph = new Int32Array(t.count);
  const sentenceStart: number[] = [];
  const sentenceEnd: number[] = [];
  let sIdx = 0;
  let pIdx = 0;
  let open = false;
  for (let i = 0; i < t.count; i++) {
    excluded[i] = mask[t.start[i]!]!;
    if (i > 0 && gapHasNewline(text, t.end[i - 1]!, t.start[i]!)) {
      pIdx++;
      if (open) {
        sentenceEnd.push(t.end[i - 1]!);
        sIdx++;
        open = false;
      }
    }
    if (!open) {
      sentenceStart.push(t.start[i]!);
      open = true;
    }
    sentence[i] = sIdx;
    paragraph[i] = pIdx;
    if (t.kind[i] === PUNCT && isSentenceEnd(t, i)) {
      let last = i;
      while (
        last + 1 < t.count &&
        t.kind[last + 1] === PUNCT &&
        CLOSERS.includes(text[t.start[last + 1]!]!) &&
        t.start[last + 1] === t.end[last]
      ) {
        last++;
        sentence[last] = sIdx;
        paragraph[last] = pIdx;
        excluded[last] = mask[t.start[last]!]!;
      }
      sentenceEnd.push(t.end[last]!);
      sIdx++;
      open = false;
      i = last;
    }
  }
  if (open) sentenceEnd.push(t.end[t.count - 1]!);
  return { excluded, sentence, paragraph, sentenceStart, sentenceEnd };
}

function isSentenceEnd(t: Tokens, i: number): boolean {
  const code = t.text.charCodeAt(t.start[i]!);
  if (code !== 46 && code !== 33 && code !== 63) return false;
  const c = t.text[t.start[i]!]!;
  let next = i + 1;
  while (isMark(t, next, CLOSERS)) next++;
  if (next >= t.count) return true;
  if (t.start[next] === t.end[next - 1]) return false;
  if (c !== '.') return true;
  const prev = i - 1;
  if (prev >= 0 && t.kind[prev] === WORD && t.end[prev] === t.start[i]) {
    const w = lw(t, prev);
    if (ABBREVIATIONS.has(w) || w.length === 1) return false;
  }
  const first = t.text.charCodeAt(t.start[next]!);
  // A sentence starts with a capital, a digit or an opening quote.
  return (
    (first >= 65 && first <= 90) ||
    (first >= 48 && first <= 57) ||
    '"“‘(«'.includes(t.text[t.start[next]!]!) ||
    first > 127
  );
}
