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
]);

const CLOSERS = '"”’\')»';
const URL_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S/i;

const WWW = /www\./gi;

/** Index of the next whitespace-delimited chunk at or after `from` that starts with "www.", or -1. */
function nextWwwChunk(text: string, from: number): number {
  WWW.lastIndex = from;
  for (;;) {
    const m = WWW.exec(text);
    if (m === null) return -1;
    if (m.index === 0 || isSpace(text.charCodeAt(m.index - 1))) return m.index;
    WWW.lastIndex = m.index + 1;
  }
}

/** Whether text[s, e) starts with "www." in any case (no other character lower-cases to these). */
function startsWithWww(text: string, s: number, e: number): boolean {
  return (
    e - s >= 4 &&
    (text.charCodeAt(s) | 32) === 119 &&
    (text.charCodeAt(s + 1) | 32) === 119 &&
    (text.charCodeAt(s + 2) | 32) === 119 &&
    text.charCodeAt(s + 3) === 46
  );
}

/**
 * Marks whitespace-delimited chunks that are URLs or e-mail addresses. Only a chunk with "@" or
 * "/", or one starting with "www.", can be one, so the scan jumps between those with indexOf
 * rather than walking every character.
 */
function markUrlsAndEmails(text: string, spans: number[]): void {
  const n = text.length;
  let nextAt = text.indexOf('@');
  let nextSlash = text.indexOf('/');
  let nextWww = nextWwwChunk(text, 0);
  let pos = 0;
  for (;;) {
    if (nextAt >= 0 && nextAt < pos) nextAt = text.indexOf('@', pos);
    if (nextSlash >= 0 && nextSlash < pos) nextSlash = text.indexOf('/', pos);
    if (nextWww >= 0 && nextWww < pos) nextWww = nextWwwChunk(text, pos);
    let p = nextAt;
    if (nextSlash >= 0 && (p < 0 || nextSlash < p)) p = nextSlash;
    if (nextWww >= 0 && (p < 0 || nextWww < p)) p = nextWww;
    if (p < 0) return;
    // The chunk around p; it starts after `pos`, which is whitespace or the text start.
    let s = p;
    while (s > pos && !isSpace(text.charCodeAt(s - 1))) s--;
    let i = s;
    let hasAt = false;
    let hasSlash = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || isSpace(c)) break;
      if (c === 64) hasAt = true;
      else if (c === 47) hasSlash = true;
      i++;
    }
    pos = i;
    if (startsWithWww(text, s, i)) {
      spans.push(s, i);
      continue;
    }
    if (!(hasAt || hasSlash)) continue;
    const chunk = i - s > 4096 ? text.slice(s, s + 4096) : text.slice(s, i);
    const isUrl =
      chunk.includes('://') ||
      (hasAt && /[A-Za-z]/.test(chunk)) ||
      (chunk.includes('/') && URL_DOMAIN.test(chunk.slice(0, 256)));
    if (isUrl) spans.push(s, i);
  }
}

function markBoilerplate(text: string, spans: number[]): void {
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
            spans.push(lineStart, n);
            return;
          }
        }
        for (const marker of LINE_MARKERS) {
          if (line.includes(marker)) {
            spans.push(lineStart, lineEnd);
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

/**
 * Excluded character spans as flat [start, end) pairs sorted by start. Most articles have none,
 * so spans beat a mask the length of the text.
 */
function excludedSpans(text: string): number[] {
  const urls: number[] = [];
  markUrlsAndEmails(text, urls);
  const lines: number[] = [];
  markBoilerplate(text, lines);
  if (lines.length === 0) return urls;
  if (urls.length === 0) return lines;
  const pairs: Array<[number, number]> = [];
  for (const list of [urls, lines])
    for (let k = 0; k < list.length; k += 2) pairs.push([list[k]!, list[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}

export function splitPassages(t: Tokens): Passages {
  const text = t.text;
  const spans = excludedSpans(text);
  let span = 0;
  // Furthest end of the spans starting at or before the current token: inside one iff beyond it.
  let spanEnd = 0;
  // One buffer backs the three per-token arrays: one allocation instead of three.
  const buffer = new ArrayBuffer(t.count * 9);
  const sentence = new Int32Array(buffer, 0, t.count);
  const paragraph = new Int32Array(buffer, t.count * 4, t.count);
  const excluded = new Uint8Array(buffer, t.count * 8, t.count);
  const sentenceStart: number[] = [];
  const sentenceEnd: number[] = [];
  let sIdx = 0;
  let pIdx = 0;
  let open = false;
  for (let i = 0; i < t.count; i++) {
    const pos = t.start[i]!;
    while (span < spans.length && spans[span]! <= pos) {
      if (spans[span + 1]! > spanEnd) spanEnd = spans[span + 1]!;
      span += 2;
    }
    if (pos < spanEnd) excluded[i] = 1;
    if (i > 0 && gapHasNewline(text, t.end[i - 1]!, pos)) {
      pIdx++;
      if (open) {
        sentenceEnd.push(t.end[i - 1]!);
        sIdx++;
        open = false;
      }
    }
    if (!open) {
      sentenceStart.push(pos);
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
        const lastPos = t.start[last]!;
        while (span < spans.length && spans[span]! <= lastPos) {
          if (spans[span + 1]! > spanEnd) spanEnd = spans[span + 1]!;
          span += 2;
        }
        sentence[last] = sIdx;
        paragraph[last] = pIdx;
        if (lastPos < spanEnd) excluded[last] = 1;
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
  // Closing quotes and brackets stick to the full stop; a straight quote after a space opens the next sentence.
  while (isMark(t, next, CLOSERS) && t.start[next] === t.end[next - 1]) next++;
  if (next >= t.count) return true;
  if (t.start[next] === t.end[next - 1]) return false;
  if (c !== '.') return true;
  const first = t.text.charCodeAt(t.start[next]!);
  const opening = '"“‘(«'.includes(t.text[t.start[next]!]!);
  const prev = i - 1;
  if (prev >= 0 && t.kind[prev] === WORD && t.end[prev] === t.start[i]) {
    const w = lw(t, prev);
    // An initial ("J. Smith") is no sentence end; a one-letter word before an opening quote is:
    // "... said in a post on X. \"On 4 April 1992, ...".
    if (ABBREVIATIONS.has(w) || (w.length === 1 && !opening)) return false;
  }
  // A sentence starts with a capital, a digit or an opening quote.
  return (first >= 65 && first <= 90) || (first >= 48 && first <= 57) || opening || first > 127;
}
