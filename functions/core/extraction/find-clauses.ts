/**
 * Splits sentences into clauses, so that a figure's frame is read from its own clause first:
 * "Turkish investors have put $2 billion into the zone, and unemployment fell to 5.6%" is two
 * clauses, and the second figure's country is not Turkey. Clause kinds say how a clause relates
 * to the one before it:
 *
 * - `main`, `coordinate`: independent statements (", and ...", "; ...", "while ...", ", but ...");
 * - `comparison`: a figure compared with the previous one (", compared with $38 billion in 2018",
 *   "against $2.5 billion a year earlier", ", up from ...");
 * - `appendix`: more about the previous figure (", up 17%", ", or 8.1 percent", "($1.5 billion)",
 *   ", an increase of 12%", ", with exports accounting for ...");
 * - `relative`: ", which ..." about something in the previous clause;
 * - `attribution`: who said it (", the ministry said", "according to ...", "X said that ...").
 *
 * One pass over the tokens, each boundary decided from a few tokens around it.
 */
import { CHANGE_NOUNS } from './read-measure.ts';
import type { Passages } from './split-passages.ts';
import { DIGITS, isCapitalisedWord, isMark, lw, PUNCT, type Tokens, WORD } from './tokenize.ts';

export type ClauseKind = 'main' | 'coordinate' | 'comparison' | 'appendix' | 'relative' | 'attribution';

export interface Clauses {
  /** Clause id of each token. */
  of: Int32Array;
  kind: ClauseKind[];
  /** First token and one past the last token of each clause. */
  start: number[];
  end: number[];
  /** The clause a comparison, appendix or relative clause is about; -1 for the others. */
  anchor: number[];
}

/** Token masks the splitter needs from the rest of extraction. */
export interface ClauseMarks {
  /** 1 where a figure (or its unit) stands. */
  figure: Uint8Array;
  /** 1 where the figure is a date: "said last month" still only says when it was said. */
  date: Uint8Array;
  /** 1 where a country name starts. */
  country: Uint8Array;
  /** 1 where a metric alias starts. */
  metric: Uint8Array;
  /** 1 inside a named thing after its first token: "Friendship, Cooperation and Mutual Security". */
  inside: Uint8Array;
}

const COORDINATORS = new Set(['but', 'while', 'whereas', 'whilst', 'although', 'though', 'yet']);
const COMPARERS = new Set(['compared', 'comparing', 'against', 'versus', 'vs']);
const APPENDIX_WORDS = new Set([
  'or',
  'followed',
  'marking',
  'representing',
  'accounting',
  'exceeding',
  'surpassing',
  'increasing',
  'decreasing',
  'growing',
  'rising',
  'falling',
  'reaching',
  'totalling',
  'totaling',
  'amounting',
  'with',
  'making',
  'bringing',
  'equal',
  'equivalent',
]);
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'noted',
  'stated',
  'stressed',
  'emphasized',
  'emphasised',
  'added',
  'announced',
  'reported',
  'declared',
  'underlined',
  'explained',
  'recalled',
  'informed',
  'wrote',
  'writes',
  'quoted',
  'cited',
]);
const PRONOUNS = new Set(['it', 'they', 'this', 'these', 'we', 'he', 'she']);
const DETERMINERS = new Set(['the', 'its', 'their', 'a', 'an', 'this', 'that', 'these', 'those', 'total']);
/** Finite verbs that open a clause after "and": "and imports fell 3%". */
const VERBS = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'rose',
  'rises',
  'fell',
  'falls',
  'grew',
  'grows',
  'stood',
  'stands',
  'made',
  'makes',
  'came',
  'comes',
  'hit',
  'hits',
  'shrank',
  'shrinks',
  'totalled',
  'totals',
  'amounts',
  'reaches',
  'exceeds',
  'accounts',
  'sank',
  'slid',
  'stayed',
  'remained',
  'remains',
  'kept',
  'keeps',
  'topped',
  'tops',
  'cost',
  'costs',
  'recorded',
  'received',
  'runs',
  'became',
  'becomes',
  'ranked',
  'ranks',
]);

/** Whether token i ends a country name (a name of up to three tokens). */
function isCountryEnd(t: Tokens, i: number, marks: ClauseMarks): boolean {
  for (let k = i; k >= Math.max(0, i - 2); k--) if (marks.country[k] === 1) return t.kind[i] === WORD;
  return false;
}

function word(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

function isVerbAt(t: Tokens, i: number): boolean {
  const w = word(t, i);
  if (w === '') return false;
  return VERBS.has(w) || (w.length > 4 && w.endsWith('ed'));
}

/** Whether "and" at token i opens a new clause with its own subject: "and imports fell 3%". */
function andOpensClause(t: Tokens, i: number, marks: ClauseMarks, sentenceEnd: number): boolean {
  let k = i + 1;
  while (k < sentenceEnd && DETERMINERS.has(word(t, k))) k++;
  if (k >= sentenceEnd || marks.figure[k] === 1 || t.kind[k] !== WORD) return false;
  // "between Russia and Azerbaijan reached ...": a country joined to a country is one subject,
  // unless it owns what follows ("and Azerbaijan's imports ...") or a metric follows it.
  if (marks.country[k] === 1) {
    const next = k + 1;
    const possessive = isMark(t, next, "'’");
    // "... in 2023 and Turkey ranked second" opens a clause; "Russia and Azerbaijan reached" does not.
    const joinsCountries = marks.country[i - 1] === 1 || isCountryEnd(t, i - 1, marks);
    if (
      !possessive &&
      marks.metric[next] !== 1 &&
      marks.metric[next + 1] !== 1 &&
      (joinsCountries || !isVerbAt(t, next))
    )
      return false;
  }
  // A verb right after "and" shares the first clause's subject: "rose 5% and reached $2 billion";
  // a new clause has a subject figcheck can read: a metric ("and imports fell"), a country or a pronoun.
  if (isVerbAt(t, k)) return false;
  if (marks.country[k] !== 1 && marks.metric[k] !== 1 && !PRONOUNS.has(word(t, k))) return false;
  for (let j = k + 1; j < Math.min(sentenceEnd, k + 7); j++) {
    if (marks.figure[j] === 1) return false;
    if (isVerbAt(t, j)) return true;
  }
  return false;
}

/**
 * ", and" joins clauses unless it ends a list ("Russia, Turkey, and Iran") or a run of figures
 * ("$2 billion, and $3 billion").
 */
function commaAndOpensClause(t: Tokens, i: number, marks: ClauseMarks): boolean {
  if (marks.figure[i + 1] === 1) return false;
  let k = i + 1;
  while (DETERMINERS.has(word(t, k))) k++;
  // "..., and the two countries established ...": a count after a determiner names, it opens a clause.
  if (k > i + 1 && marks.figure[k] === 1) return true;
  if (k >= t.count || marks.figure[k] === 1 || t.kind[k] !== WORD) return false;
  if (marks.country[k] === 1) {
    const possessive = isMark(t, k + 1, "'’");
    // "..., down from $65 billion in 2022, and Belarus with about $55 billion": the next item of a list.
    const listed = word(t, k + 1) === 'with' && figureWithin(t, k + 2, 4, marks);
    return possessive || listed || marks.metric[k + 1] === 1 || isVerbAt(t, k + 1) || isVerbAt(t, k + 2);
  }
  return true;
}

const GAPPED_PREPOSITIONS = new Set(['to', 'by']);
const RATIOS = new Set(['half', 'double', 'twice', 'triple', 'a', 'one']);

/** Whether a figure starts within `reach` tokens from token i. */
function figureWithin(t: Tokens, i: number, reach: number, marks: ClauseMarks): boolean {
  for (let k = i; k < Math.min(t.count, i + reach); k++) if (marks.figure[k] === 1) return true;
  return false;
}

function isFigureLike(t: Tokens, i: number, marks: ClauseMarks): boolean {
  return marks.figure[i] === 1 || (i < t.count && t.kind[i] === DIGITS);
}

/** The kind of clause a comma (or dash, or bracket) at token i opens, or null for no split. */
function kindAfterComma(t: Tokens, i: number, marks: ClauseMarks, sentenceEnd: number): ClauseKind | null {
  if (isMark(t, i, '(')) return 'appendix';
  const w = word(t, i + 1);
  // "Growth slowed to 0.8% in January-September, and to just 0.5% in January-October": the
  // verb and the metric left to the clause before.
  if (w === 'and' && GAPPED_PREPOSITIONS.has(word(t, i + 2)) && figureWithin(t, i + 3, 3, marks))
    return 'appendix';
  if (w === 'and') return commaAndOpensClause(t, i + 1, marks) ? 'coordinate' : null;
  if (COORDINATORS.has(w)) return 'coordinate';
  if (COMPARERS.has(w)) return 'comparison';
  // ", less than half of the record $337.2 billion", ", more than double the ...".
  if ((w === 'less' || w === 'more') && word(t, i + 2) === 'than' && RATIOS.has(word(t, i + 3)))
    return 'comparison';
  if (w === 'as' && word(t, i + 2) === 'against') return 'comparison';
  if (w === 'from' && isFigureLike(t, i + 2, marks)) return 'comparison';
  if ((w === 'up' || w === 'down') && word(t, i + 2) === 'from') return 'comparison';
  if (w === 'up' || w === 'down') return 'appendix';
  if (w === 'which' || w === 'whose' || w === 'who' || w === 'where') return 'relative';
  if (w === 'according') return 'attribution';
  // ", an increase of 12%", ", a year-on-year rise of ...".
  const noun = (k: number) => CHANGE_NOUNS.has(word(t, k)) || word(t, k) === 'year';
  if ((w === 'a' || w === 'an') && (noun(i + 2) || noun(i + 3))) return 'appendix';
  if (APPENDIX_WORDS.has(w)) return 'appendix';
  // ", the ministry said.": a trailing clause without figures that ends in a reporting verb;
  // ", the minister said last month.": a date after the verb says when it was said.
  let reporting = false;
  for (let k = i + 1; k < sentenceEnd; k++) {
    if (k - i > 12 || (marks.figure[k] === 1 && !(reporting && marks.date[k] === 1))) return null;
    if (REPORTING.has(word(t, k))) reporting = true;
  }
  return reporting ? 'attribution' : null;
}

/** The kind of clause a word opens without a comma before it, or null. */
function kindAtWord(t: Tokens, i: number, marks: ClauseMarks, sentenceEnd: number): ClauseKind | null {
  const w = word(t, i);
  if (w === '') return null;
  if (w === 'while' || w === 'whereas' || w === 'whilst' || w === 'but') return 'coordinate';
  if (w === 'and') return andOpensClause(t, i, marks, sentenceEnd) ? 'coordinate' : null;
  if (w === 'compared' && (word(t, i + 1) === 'with' || word(t, i + 1) === 'to')) return 'comparison';
  if ((w === 'versus' || w === 'vs') && isFigureLike(t, i + 1, marks)) return 'comparison';
  if (w === 'against' && (isFigureLike(t, i + 1, marks) || isMark(t, i + 1, '$€£₽₼'))) return 'comparison';
  if ((w === 'up' || w === 'down') && word(t, i + 1) === 'from') return 'comparison';
  return null;
}

/** A leading "X said (that)" or "According to X," before the first figure of a sentence. */
function leadingAttributionEnd(t: Tokens, from: number, to: number, marks: ClauseMarks): number {
  if (word(t, from) === 'according' && word(t, from + 1) === 'to') {
    for (let k = from + 2; k < Math.min(to, from + 16); k++) {
      if (marks.figure[k] === 1) return -1;
      if (isMark(t, k, ',')) return k + 1;
    }
    return -1;
  }
  for (let k = from; k < Math.min(to, from + 20); k++) {
    if (marks.figure[k] === 1) return -1;
    if (REPORTING.has(word(t, k))) return word(t, k + 1) === 'that' ? k + 2 : k + 1;
  }
  return -1;
}

export function findClauses(t: Tokens, passages: Passages, marks: ClauseMarks): Clauses {
  const of = new Int32Array(t.count);
  const clauses: Clauses = { of, kind: [], start: [], end: [], anchor: [] };
  let current = -1;
  const open = (at: number, kind: ClauseKind, anchor: number) => {
    if (current >= 0) clauses.end[current] = at;
    current = clauses.kind.length;
    clauses.kind.push(kind);
    clauses.start.push(at);
    clauses.end.push(at);
    clauses.anchor.push(anchor);
  };
  let i = 0;
  while (i < t.count) {
    const s = passages.sentence[i]!;
    let sentenceEnd = i;
    while (sentenceEnd < t.count && passages.sentence[sentenceEnd] === s) sentenceEnd++;
    // Clauses only matter around figures; a sentence without any is one clause.
    let hasFigure = false;
    for (let k = i; k < sentenceEnd && !hasFigure; k++) if (marks.figure[k] === 1) hasFigure = true;
    if (!hasFigure) {
      open(i, 'main', -1);
      for (let k = i; k < sentenceEnd; k++) of[k] = current;
      clauses.end[current] = sentenceEnd;
      i = sentenceEnd;
      continue;
    }
    const lead = leadingAttributionEnd(t, i, sentenceEnd, marks);
    open(i, lead > i ? 'attribution' : 'main', -1);
    let mainOfSentence = current;
    if (lead > i) {
      for (let k = i; k < lead; k++) of[k] = current;
      open(lead, 'main', -1);
      mainOfSentence = current;
      i = lead;
    }
    // A ", which ..." or ", whose ..." clause inside another ends at a comma before the verb of the
    // clause it interrupts: "Uzbekistan, whose exports rose 12%, recorded growth of 6%".
    let resume = -1;
    // ", or 14.9 percent,", "($1.5 billion)" and ", according to ...," are asides: the clause they
    // interrupt goes on after them.
    let asideEnd = '';
    let attributionAside = false;
    for (let k = i; k < sentenceEnd; k++) {
      let kind: ClauseKind | null = null;
      let at = k;
      if (marks.inside[k] === 1) {
        of[k] = current;
        continue;
      }
      // "according to Azerbaijan's then ambassador in Rome, Vagif Sadykhov, fell to ...": a name
      // after the comma still says who.
      const namesWho =
        attributionAside &&
        t.kind[k + 1] === WORD &&
        isCapitalisedWord(t, k + 1) &&
        marks.country[k + 1] !== 1;
      if (resume >= 0 && asideEnd !== '' && isMark(t, k, asideEnd) && !namesWho) {
        of[k] = current;
        clauses.end[current] = k + 1;
        current = resume;
        resume = -1;
        // "fell by 2.85%, or $1.5 billion, compared with 2022": the comma that closes the aside
        // may open the next clause of the one it interrupted.
        const closesAtComma = asideEnd === ',';
        asideEnd = '';
        if (!closesAtComma || kindAfterComma(t, k, marks, sentenceEnd) === null) continue;
      }
      if (resume >= 0 && asideEnd === '' && isMark(t, k, ',') && isVerbAt(t, k + 1)) {
        of[k] = current;
        clauses.end[current] = k + 1;
        current = resume;
        resume = -1;
        continue;
      }
      if (t.kind[k] === PUNCT && k > i) {
        if (isMark(t, k, ';')) kind = 'coordinate';
        else if (isMark(t, k, ',(') || (isMark(t, k, '–—') && t.start[k]! > t.end[k - 1]!)) {
          kind = kindAfterComma(t, k, marks, sentenceEnd);
        }
        at = k + 1;
      } else if (k > i && t.kind[k] === WORD && !isMark(t, k - 1, ',(;')) {
        kind = kindAtWord(t, k, marks, sentenceEnd);
        // "grew by 4.5% compared to 2022 and reached $9.9 billion": the verb after "and" goes
        // on with the clause the comparison hangs on, not with the comparison.
        if (
          kind === null &&
          word(t, k) === 'and' &&
          clauses.kind[current] === 'comparison' &&
          isVerbAt(t, k + 1)
        )
          kind = 'appendix';
      }
      if (kind !== null && at < sentenceEnd) {
        // Comparisons and appendices are about the last independent clause before them.
        const anchor =
          kind === 'comparison' || kind === 'appendix' || kind === 'relative'
            ? independentBefore(clauses, current, mainOfSentence)
            : -1;
        for (let j = k; j < at; j++) of[j] = current;
        const interrupted = current;
        open(at, kind, anchor);
        // "In 2022, according to the Russian side, mutual trade amounted to ...": who said it is an
        // aside too, and the clause it interrupts goes on after its closing comma.
        attributionAside = kind === 'attribution' && isMark(t, k, ',') && word(t, k + 1) === 'according';
        const aside =
          (kind === 'appendix' && (isMark(t, k, '(') || word(t, k + 1) === 'or')) || attributionAside;
        resume = (kind === 'relative' && isMark(t, k, ',')) || aside ? interrupted : -1;
        asideEnd = aside ? (isMark(t, k, '(') ? ')' : ',') : '';
        if (at === k) of[k] = current;
        else k = at - 1;
        continue;
      }
      of[k] = current;
    }
    if (current >= 0) clauses.end[current] = Math.max(clauses.end[current]!, sentenceEnd);
    i = sentenceEnd;
  }
  return clauses;
}

function independentBefore(clauses: Clauses, current: number, floor: number): number {
  for (let c = current; c >= floor; c--) {
    const kind = clauses.kind[c];
    if (kind === 'main' || kind === 'coordinate') return c;
  }
  return current;
}
