/**
 * Folds the figures of a text into the characters the extractor reads, keeping a way back to the
 * original offsets: decimal digits of any script ("٤", "４") become ASCII digits; the Arabic
 * decimal separator, thousands separator and percent sign, and the full-width figure marks, become
 * ".", ",", "%" and "$"; and invisible format characters (zero-width spaces and joiners, direction
 * marks, bidi embeddings and isolates, soft hyphens) inside a figure are dropped, so that
 * "$4\u200B.4 billion" reads as the "$4.4 billion" a reader sees.
 */

export interface FoldedText {
  /** The folded text; the same as the input when it holds nothing to fold. */
  text: string;
  /** The offset in the original text of the folded text's character at `offset`. */
  toSource(offset: number): number;
}

/** Anything foldText() may change; a text without any is returned as it is, after one scan. */
const FOLDABLE =
  /[^\P{Nd}0-9]|[\u00ad\u061c\u066a-\u066c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\uff04\uff05\uff0c\uff0e]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

const SAME_LENGTH: Record<number, string> = {
  1642: '%',
  1643: '.',
  1644: ',',
  65284: '$',
  65285: '%',
};
/** Full-width comma and full stop are figure marks only between digits. */
const BETWEEN_DIGITS: Record<number, string> = { 65292: ',', 65294: '.' };

function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script in the Basic Multilingual Plane, or -1. Unicode
 * encodes each script's digits as one run of ten, zero first.
 */
function digitValue(code: number): number {
  if (isAsciiDigit(code)) return code - 48;
  if (code < 0x660 || code > 0xffff) return -1;
  const known = digitValues.get(code);
  if (known !== undefined) return known;
  let value = -1;
  if (DECIMAL_DIGIT.test(String.fromCharCode(code))) {
    value = 0;
    while (value < 9 && DECIMAL_DIGIT.test(String.fromCharCode(code - value - 1))) value++;
  }
  digitValues.set(code, value);
  return value;
}

const CURRENCY_SIGN = /\p{Sc}/u;

/** Digits of any script, currency signs and percent signs: what a figure is written with. */
function isFigureMark(code: number): boolean {
  if (code < 0) return false;
  if (code < 128) return isAsciiDigit(code) || code === 36 || code === 37;
  return (
    digitValue(code) >= 0 || SAME_LENGTH[code] !== undefined || CURRENCY_SIGN.test(String.fromCharCode(code))
  );
}

const identity = (offset: number) => offset;

export function foldText(text: string): FoldedText {
  if (!FOLDABLE.test(text)) return { text, toSource: identity };
  const parts: string[] = [];
  // Where characters were dropped: before folded offset dropAt[k], dropped[k] characters in all.
  const dropAt: number[] = [];
  const dropped: number[] = [];
  let removed = 0;
  let copiedTo = 0;
  let last = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // ASCII, most of any text, is neither invisible nor folded.
    if (code < 128) {
      last = code;
      continue;
    }
    let replacement: string | undefined;
    if (isInvisible(code)) {
      let j = i + 1;
      while (j < n && isInvisible(text.charCodeAt(j))) j++;
      // Next to a figure they are dropped; elsewhere (between words) they stay, read as before.
      if (isFigureMark(last) || isFigureMark(j < n ? text.charCodeAt(j) : -1)) {
        parts.push(text.slice(copiedTo, i));
        copiedTo = j;
        removed += j - i;
        dropAt.push(i - removed + (j - i));
        dropped.push(removed);
      } else last = text.charCodeAt(j - 1);
      i = j - 1;
      continue;
    }
    const value = digitValue(code);
    if (value >= 0) replacement = String(value);
    else if (SAME_LENGTH[code] !== undefined) replacement = SAME_LENGTH[code];
    else if (BETWEEN_DIGITS[code] !== undefined && isAsciiDigit(last) && i + 1 < n) {
      if (digitValue(text.charCodeAt(i + 1)) >= 0) replacement = BETWEEN_DIGITS[code];
    }
    if (replacement !== undefined) {
      parts.push(text.slice(copiedTo, i), replacement);
      copiedTo = i + 1;
      last = replacement.charCodeAt(0);
    } else last = code;
  }
  parts.push(text.slice(copiedTo));
  const folded = parts.join('');
  if (dropAt.length === 0) return { text: folded, toSource: identity };
  return {
    text: folded,
    toSource(offset: number): number {
      // The last drop at or before this offset tells how many characters precede it unseen.
      let lo = 0;
      let hi = dropAt.length - 1;
      let shift = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (dropAt[mid]! <= offset) {
          shift = dropped[mid]!;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return offset + shift;
    },
  };
}
