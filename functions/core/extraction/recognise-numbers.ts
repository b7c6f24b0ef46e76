/**
 * Lower-level number recognition: every number expression in a text with its resolved value,
 * without claim context. Used by tools that only need numbers, and to run the peer number specs.
 */
import { parseNumberAt } from './parse-number.ts';
import { DIGITS, glued, lw, PUNCT, tokenize, WORD } from './tokenize.ts';

export interface NumberMention {
  text: string;
  start: number;
  end: number;
  value: number;
  kind: 'number' | 'ordinal' | 'fraction';
  significantFigures: number | null;
}

const PRONOUN_ONE_BEFORE = new Set([
  'the',
  'this',
  'that',
  'which',
  'each',
  'every',
  'any',
  'no',
  'some',
  'another',
]);
const NEGATORS = new Set(['minus', 'negative']);

export function recogniseNumbers(text: string): NumberMention[] {
  const t = tokenize(text);
  const out: NumberMention[] = [];
  let i = 0;
  while (i < t.count) {
    let start = i;
    let sign = 1;
    let at = i;
    if (t.kind[i] === WORD && NEGATORS.has(lw(t, i)) && i + 1 < t.count) {
      sign = -1;
      at = i + 1;
    } else if (
      t.kind[i] === PUNCT &&
      '-−'.includes(text[t.start[i]!]!) &&
      i + 1 < t.count &&
      t.kind[i + 1] === DIGITS
    ) {
      const joinsWords = i > 0 && glued(t, i - 1, i) && t.kind[i - 1] !== PUNCT;
      if (!joinsWords && glued(t, i, i + 1)) {
        sign = -1;
        at = i + 1;
      }
    }
    let leadingDot = false;
    if (
      t.kind[at] === PUNCT &&
      text[t.start[at]!] === '.' &&
      at + 1 < t.count &&
      t.kind[at + 1] === DIGITS &&
      glued(t, at, at + 1)
    ) {
      const prevDigit = at > 0 && t.kind[at - 1] === DIGITS && glued(t, at - 1, at);
      if (!prevDigit) {
        leadingDot = true;
        at += 1;
      }
    }
    const m = parseNumberAt(t, at);
    if (!m) {
      i++;
      continue;
    }
    if (!leadingDot) start = sign === -1 ? i : m.tokStart;
    let value = m.value;
    if (leadingDot) {
      const digits = text.slice(t.start[at]!, t.end[at]!);
      value = Number(`0.${digits}`);
      start = at - 1;
      if (sign === -1) start = i;
    }
    if (m.words && m.value === 1 && m.tokEnd === m.tokStart + 1 && !m.ordinal) {
      const prev = m.tokStart > 0 && t.kind[m.tokStart - 1] === WORD ? lw(t, m.tokStart - 1) : '';
      const next = m.tokEnd < t.count && t.kind[m.tokEnd] === WORD ? lw(t, m.tokEnd) : '';
      if (PRONOUN_ONE_BEFORE.has(prev) || next === 'of' || next === 'you' || next === 'do' || next === 'is') {
        i = m.tokEnd;
        continue;
      }
    }
    const s = t.start[start]!;
    const e = leadingDot ? t.end[at]! : m.end;
    out.push({
      text: text.slice(s, e),
      start: s,
      end: e,
      value: sign * value,
      kind: m.ordinal ? 'ordinal' : m.fraction ? 'fraction' : 'number',
      significantFigures: m.sig,
    });
    i = Math.max(i + 1, leadingDot ? at + 1 : m.tokEnd);
  }
  return out;
}
