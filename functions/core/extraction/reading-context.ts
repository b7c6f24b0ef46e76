/**
 * What every reader of a figure's frame shares: the tokens, sentences, clauses, the mentions found
 * in the text (countries, metrics, named things, event words), the figures, and lookups over them
 * that stay within a bounded window, so that extraction stays linear in the text.
 */
import type { ClaimEntity } from '../model.ts';
import type { Clauses } from './find-clauses.ts';
import type { FoldedText } from './fold-text.ts';
import type { PhraseHit } from './phrase-matcher.ts';
import type { Figure, PublicationDate } from './recognise-figures.ts';
import type { Passages } from './split-passages.ts';
import { isMark, lw, type Tokens, WORD } from './tokenize.ts';
import {
  documentAbout,
  isDocument,
  type Mention,
  type MetricInfo,
  type NamedThing,
  thingsAbout,
} from './vocabulary.ts';

export type Hit = PhraseHit<Mention>;

export interface ReadingContext {
  /** Tokens of the folded text (see fold-text.ts); claims point into the original, `source`. */
  t: Tokens;
  source: FoldedText & { original: string };
  passages: Passages;
  clauses: Clauses;
  hits: Hit[];
  pub: PublicationDate;
  /** The first two countries the article names: what "mutual" and "the two countries" mean. */
  parties: string[];
  /** How many countries the article names in all. */
  countryCount: number;
  figures: Figure[];
  /** Index in `figures` of the figure each token belongs to, or -1. */
  figureAt: Int32Array;
  dateMetrics: Map<Figure, string | null>;
  /** The event word that dates each date figure, from assignDateEvents(). */
  dateVerbs: Map<Figure, Hit>;
  /** windowHits() of each date figure, kept from assignDateEvents(). */
  dateWindows: Map<Figure, Hit[]>;
  /** Indices of date figures in `figures`, ascending, without the dateline's. */
  dateIndex: number[];
}

export const WINDOW = 30;
/** How far back a clause's mentions are read past the asides inside it. */
const ASIDE_REACH = WINDOW * 3;
/**
 * How many sentences back a figure may read what its own sentence lacks (metric, countries,
 * period), across paragraph breaks: wire copy puts every sentence in a paragraph of its own.
 */
export const LOOKBACK_SENTENCES = 3;
const NO_HITS: Hit[] = [];

/** The first token of token `tok`'s sentence, at most `reach` tokens back: a run-on "sentence" may be the whole text. */
export function sentenceStartBefore(
  ctx: ReadingContext,
  tok: number,
  reach = Number.POSITIVE_INFINITY,
): number {
  const sentence = ctx.passages.sentence[tok];
  let first = tok;
  while (first > 0 && tok - first < reach && ctx.passages.sentence[first - 1] === sentence) first--;
  return first;
}

export function wordAt(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

/** Index of the first hit starting at or after token `tok`. */
export function lowerBound(hits: readonly Hit[], tok: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.tokStart < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions starting in [from, to) that `keep` accepts, except countries inside the figure itself. */
function hitsWithin(
  ctx: ReadingContext,
  f: Figure,
  from: number,
  to: number,
  keep: (h: Hit) => boolean,
): Hit[] {
  let out: Hit[] | null = null;
  for (let k = lowerBound(ctx.hits, from); k < ctx.hits.length; k++) {
    const h = ctx.hits[k]!;
    if (h.tokStart >= to) break;
    if (!keep(h)) continue;
    // "5 billion US dollars" names a currency; "20 bcm of Azerbaijani gas a year" the gas's country.
    const inside = h.tokStart >= f.tokStart && h.tokStart < f.tokEnd;
    if (inside && h.value.type === 'country' && wordAt(ctx.t, h.tokStart - 1) !== 'of') continue;
    if (out === null) out = [];
    out.push(h);
  }
  return out ?? NO_HITS;
}

/** Whether metric words start at token k. */
export function startsMetric(ctx: ReadingContext, k: number): boolean {
  for (let n = lowerBound(ctx.hits, k); n < ctx.hits.length && ctx.hits[n]!.tokStart === k; n++)
    if (ctx.hits[n]!.value.type === 'metric') return true;
  return false;
}

/** Mentions in the figure's sentence within a bounded window of tokens. */
export function windowHits(ctx: ReadingContext, f: Figure, before = WINDOW, after = WINDOW): Hit[] {
  const s = ctx.passages.sentence[f.numTok]!;
  return hitsWithin(
    ctx,
    f,
    f.tokStart - before,
    f.tokEnd + after,
    (h) => ctx.passages.sentence[h.tokStart] === s,
  );
}

/**
 * Mentions of one clause, at most WINDOW of its own tokens before the figure and WINDOW tokens
 * after it: an aside inside the clause ("stood at $9.5 billion in 2011, according to the then
 * ambassador, Vagif Sadykhov, fell to $1.8 billion") does not push its subject out of reach.
 */
export function clauseHits(ctx: ReadingContext, clause: number, f: Figure): Hit[] {
  const start = ctx.clauses.start[clause]!;
  let from = Math.max(start, f.tokStart - WINDOW);
  if (from > start) {
    const floor = Math.max(start, f.tokStart - ASIDE_REACH);
    let own = 0;
    let k = f.tokStart;
    while (k > floor && own < WINDOW) {
      k--;
      if (ctx.clauses.of[k] === clause) own++;
    }
    from = k;
  }
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + WINDOW);
  return hitsWithin(ctx, f, from, to, (h) => ctx.clauses.of[h.tokStart] === clause);
}

/** Mentions of the figure's sentence outside its clause and outside attributions ("the ministry said"). */
export function otherClauseHits(ctx: ReadingContext, clause: number, f: Figure): Hit[] {
  return windowHits(ctx, f).filter((h) => {
    const c = ctx.clauses.of[h.tokStart]!;
    return c !== clause && ctx.clauses.kind[c] !== 'attribution';
  });
}

export function nearestMetric(
  hits: readonly Hit[],
  f: Figure,
  accept: (m: MetricInfo) => boolean,
): Hit | null {
  let best: Hit | null = null;
  let bestDist = Infinity;
  for (const h of hits) {
    if (h.value.type !== 'metric' || !accept(h.value.info)) continue;
    // Metric words before the figure are the usual pattern ("trade turnover reached $4bn");
    // after it they need to be closer ("Six billion are Russian investments").
    const dist =
      h.tokEnd <= f.tokStart
        ? f.tokStart - h.tokEnd
        : h.tokStart >= f.tokEnd
          ? (h.tokStart - f.tokEnd) * 1.5 + 1
          : 0;
    if (dist < bestDist) {
      bestDist = dist;
      best = h;
    }
  }
  return best;
}

export function nearestThing(hits: readonly Hit[], f: Figure): Hit | null {
  let best: Hit | null = null;
  let bestDist = Infinity;
  for (const h of hits) {
    if (h.value.type !== 'thing') continue;
    const dist = h.tokEnd <= f.tokStart ? f.tokStart - h.tokEnd : h.tokStart - f.tokEnd;
    if (dist < bestDist) {
      bestDist = dist;
      best = h;
    }
  }
  return best;
}

export function countriesIn(hits: readonly Hit[]): string[] {
  const out: string[] = [];
  for (const h of hits) if (h.value.type === 'country' && !out.includes(h.value.id)) out.push(h.value.id);
  return out;
}

export function hasMutualMarker(hits: readonly Hit[]): boolean {
  return hits.some((h) => h.value.type === 'mutual');
}

export function pushEntity(list: ClaimEntity[], id: string, role: ClaimEntity['role']): void {
  if (!list.some((e) => e.id === id)) list.push({ id, role });
}

/**
 * Countries a bilateral statement is about, from the mentions given: two named, else one named
 * and the article's other party, else the article's parties when "mutual", "bilateral" or "the
 * two countries" says so. `viaArticle` tells whether the article's parties were used.
 */
export function partiesFrom(
  ctx: ReadingContext,
  hits: readonly Hit[],
  max = 2,
  anchor?: { tokStart: number; tokEnd: number },
): { ids: string[]; viaArticle: boolean; guessed: boolean } {
  const parties = namedParties(ctx, hits, max, anchor);
  // "Europe" for the EU is close, but not what the words say.
  const loose = hits.some(
    (h) => h.value.type === 'country' && h.value.loose && parties.ids.includes(h.value.id),
  );
  return loose ? { ...parties, guessed: true } : parties;
}

/** The country that opens the sentence ending at token `last` ("Italy has long been ..."), or null. */
export function sentenceOpener(ctx: ReadingContext, last: number): { id: string } | null {
  const first = sentenceStartBefore(ctx, last, 400);
  const k = lowerBound(ctx.hits, first);
  const h = ctx.hits[k];
  return h && h.tokStart === first && h.value.type === 'country' ? { id: h.value.id } : null;
}

/**
 * The country a possessive "its" or "their" in tokens [from, to) stands for: the country that
 * opens the sentence ("Yerevan has since frozen its participation ..., although Russia remains its
 * leading trade partner"), when it is not `other`.
 */
function possessiveOwner(ctx: ReadingContext, from: number, to: number, other: string): string | null {
  let says = false;
  for (let k = Math.max(0, from); k < to && !says; k++)
    says = wordAt(ctx.t, k) === 'its' || wordAt(ctx.t, k) === 'their';
  if (!says) return null;
  const opener = sentenceOpener(ctx, from);
  return opener && opener.id !== other ? opener.id : null;
}

function namedParties(
  ctx: ReadingContext,
  hits: readonly Hit[],
  max: number,
  anchor?: { tokStart: number; tokEnd: number },
): { ids: string[]; viaArticle: boolean; guessed: boolean } {
  const named = countriesIn(hits);
  if (named.length > max && max === 2) {
    // "relations between Azerbaijan and Hungary", "Kazakhstan's trade with China": the two tied
    // to the words; a third country elsewhere in the clause is not a party.
    const tied = tiedParties(ctx, hits, anchor);
    if (tied) return { ids: tied, viaArticle: false, guessed: false };
  }
  // Three countries named around "trade" leave open which two it is between.
  if (named.length >= 2) return { ids: named.slice(0, max), viaArticle: false, guessed: named.length > max };
  const mutual = hasMutualMarker(hits);
  // "In 2021, before the war in Ukraine, turnover between the two countries was ...": the two are
  // the pair named before, of which the one country of the clause is not one, as a guess.
  // "Kazakhstan's statistics put bilateral trade at ...": a country whose figures they are is one
  // of the two, not a circumstance.
  const pair =
    mutual && named.length === 1 && !reportsFigures(ctx, hits) ? mutualPair(ctx, hits, true) : null;
  if (pair && !pair.ids.includes(named[0]!)) return { ...pair, guessed: true };
  if (named.length === 1 && hits.length > 0) {
    // "..., although Russia remains its leading trade partner, with trade worth $7.3 billion".
    const span = {
      from: Math.min(...hits.map((h) => h.tokStart)),
      to: Math.max(...hits.map((h) => h.tokEnd)),
    };
    const owner = possessiveOwner(ctx, span.from - 3, span.to, named[0]!);
    if (owner) return { ids: [owner, named[0]!], viaArticle: false, guessed: true };
  }
  if (named.length === 1) {
    const other = ctx.parties.find((p) => p !== named[0]);
    // "trade with Georgia" in an article about Azerbaijan and Georgia: the other side is the
    // article's, which only "mutual" or "bilateral" would say outright.
    return ctx.parties.includes(named[0]!) && other
      ? {
          ids: [ctx.parties[0]!, ctx.parties[1]!],
          viaArticle: true,
          guessed: !mutual || ctx.countryCount > 2,
        }
      : ctx.parties[0] && ctx.parties[0] !== named[0]
        ? // "Trade turnover with Russia reached ..." in a release about Georgia's trade.
          { ids: [ctx.parties[0], named[0]!], viaArticle: true, guessed: true }
        : { ids: named, viaArticle: false, guessed: false };
  }
  if (!mutual) return { ids: [], viaArticle: false, guessed: false };
  return (
    mutualPair(ctx, hits, false) ?? {
      ids: ctx.parties.slice(0, 2),
      viaArticle: true,
      guessed: ctx.countryCount > 2,
    }
  );
}

/**
 * The two countries "the two countries" (or "mutual") in `hits` stands for, named before it;
 * `beforeSentence` when its own sentence names one country that is not of the pair.
 */
function mutualPair(
  ctx: ReadingContext,
  hits: readonly Hit[],
  beforeSentence: boolean,
): { ids: string[]; viaArticle: boolean; guessed: boolean } | null {
  const marker = hits.find((h) => h.value.type === 'mutual')!;
  const recent = beforeSentence ? null : countriesBefore(ctx, marker);
  if (recent) return recent;
  // "According to Azerbaijan's State Customs Committee, bilateral turnover reached ...": the
  // country whose figures they are is one of the two, and the article's parties are the pair.
  const reporter = attributedCountry(ctx, marker.tokStart);
  if (reporter && ctx.parties.length === 2 && ctx.parties.includes(reporter))
    return { ids: ctx.parties.slice(0, 2), viaArticle: true, guessed: ctx.countryCount > 2 };
  // "the two countries" after sentences that name two countries and no third: those two, even in
  // an article that names others elsewhere.
  const from = beforeSentence ? sentenceStartBefore(ctx, marker.tokStart, 80) : marker.tokStart;
  const lately = countriesNamedLately(ctx, from);
  return lately ? { ids: lately, viaArticle: true, guessed: false } : null;
}

/** The one country the attributions of token `tok`'s sentence name ("According to Azerbaijan's customs, ..."), or null. */
export function attributedCountry(ctx: ReadingContext, tok: number): string | null {
  const first = sentenceStartBefore(ctx, tok, 60);
  let found: string | null = null;
  for (let k = lowerBound(ctx.hits, first); k < ctx.hits.length; k++) {
    const h = ctx.hits[k]!;
    if (h.tokStart >= tok) break;
    if (h.value.type !== 'country' || h.value.loose) continue;
    if (ctx.clauses.kind[ctx.clauses.of[h.tokStart]!] !== 'attribution') continue;
    if (found !== null && found !== h.value.id) return null;
    found = h.value.id;
  }
  return found;
}

/**
 * The last two countries named before token `tok`, sentence by sentence back from its own (at most
 * LOOKBACK_SENTENCES back), when the sentences that name them name no third; in the article's
 * order of the parties when they are its parties.
 */
function countriesNamedLately(ctx: ReadingContext, tok: number): string[] | null {
  const sentence = ctx.passages.sentence[tok]!;
  const ids: string[] = [];
  for (let k = lowerBound(ctx.hits, tok) - 1; k >= 0; k--) {
    const h = ctx.hits[k]!;
    const at = ctx.passages.sentence[h.tokStart]!;
    if (sentence - at > LOOKBACK_SENTENCES || tok - h.tokStart > 400) break;
    // Two countries named by the sentences after this one are the pair.
    if (ids.length === 2 && at !== ctx.passages.sentence[ctx.hits[k + 1]!.tokStart]) break;
    if (h.value.type !== 'country' || ids.includes(h.value.id)) continue;
    ids.push(h.value.id);
    if (ids.length > 2) return null;
  }
  if (ids.length !== 2) return null;
  return ctx.parties.every((p) => ids.includes(p)) ? ctx.parties.slice(0, 2) : ids.reverse();
}

/**
 * "Türkiye recognised Azerbaijan's independence ..., and the two countries established relations":
 * exactly two countries named earlier in the same sentence are the two. Across sentences the
 * article's own parties are the better reading ("Aliyev met Mattarella a day after talks with
 * Erdogan. ... the two countries would mark ...").
 */
function countriesBefore(
  ctx: ReadingContext,
  marker: Hit,
): { ids: string[]; viaArticle: boolean; guessed: boolean } | null {
  const sentence = ctx.passages.sentence[marker.tokStart]!;
  const ids: string[] = [];
  for (let k = lowerBound(ctx.hits, marker.tokStart) - 1; k >= 0; k--) {
    const h = ctx.hits[k]!;
    // A sentence may run on without punctuation: look no further than a long sentence's reach.
    if (ctx.passages.sentence[h.tokStart] !== sentence || marker.tokStart - h.tokStart > 80) break;
    if (h.value.type === 'country' && !ids.includes(h.value.id)) ids.push(h.value.id);
  }
  if (ids.length !== 2) return null;
  ids.reverse();
  return { ids, viaArticle: false, guessed: false };
}

/** Two countries joined by "between A and B", or owning and following the anchor words ("A's trade with B"). */
function tiedParties(
  ctx: ReadingContext,
  hits: readonly Hit[],
  anchor: { tokStart: number; tokEnd: number } | undefined,
): string[] | null {
  const countries = hits.filter((h) => h.value.type === 'country');
  for (let k = 0; k + 1 < countries.length; k++) {
    const a = countries[k]!;
    const b = countries[k + 1]!;
    if (
      wordAt(ctx.t, a.tokStart - 1) === 'between' &&
      wordAt(ctx.t, b.tokStart - 1) === 'and' &&
      b.tokStart - a.tokEnd <= 2
    )
      return [(a.value as { id: string }).id, (b.value as { id: string }).id];
  }
  if (!anchor) return null;
  const tied: string[] = [];
  for (const h of countries) {
    const id = (h.value as { id: string }).id;
    const owns = h.tokEnd <= anchor.tokStart && anchor.tokStart - h.tokEnd <= 3;
    const follows =
      h.tokStart >= anchor.tokEnd &&
      h.tokStart - anchor.tokEnd <= 3 &&
      ['with', 'between', 'and', 'of'].includes(wordAt(ctx.t, h.tokStart - 1));
    if ((owns || follows) && !tied.includes(id)) tied.push(id);
  }
  return tied.length === 2 ? tied : null;
}

/** Entities of a named thing: its parties and itself, or for diplomatic relations the parties around it. */
export function thingEntities(thing: NamedThing, ctx: ReadingContext, hits: readonly Hit[]): ClaimEntity[] {
  const entities: ClaimEntity[] = [];
  if (thing.type === 'relations') {
    for (const id of partiesFrom(ctx, hits).ids) pushEntity(entities, id, 'party');
    return entities;
  }
  // A region that stands for a party only roughly ("Europe") does not make it a party of a document.
  const parties =
    thing.parties.length > 0 || thing.type !== 'document'
      ? thing.parties
      : countriesIn(hits.filter((h) => h.value.type !== 'country' || !h.value.loose));
  for (const p of parties) pushEntity(entities, p, 'party');
  pushEntity(entities, thing.id, 'subject');
  return entities;
}

/** Whether clause `a` is clause `b`, or one of them is a comparison, appendix or relative clause of the other. */
export function clausesJoined(ctx: ReadingContext, a: number, b: number): boolean {
  return a === b || ctx.clauses.anchor[a] === b || ctx.clauses.anchor[b] === a;
}

/** Kinds of thing that are built, and have a length, a capacity, a cost and a start of construction. */
export const BUILT_KINDS: ReadonlySet<string> = new Set(['railway', 'road', 'plant', 'project']);
/** Kinds of named thing that are documents signed, adopted or ratified. */
export const DOCUMENT_KINDS: ReadonlySet<string> = new Set(['agreement', 'declaration', 'act', 'document']);

/**
 * Nouns that point back to a thing named before, with the kinds of thing they can name: "the
 * document" is never the research centre named in between.
 */
export const REFERRING_NOUNS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['document', DOCUMENT_KINDS],
  ['declaration', DOCUMENT_KINDS],
  ['treaty', DOCUMENT_KINDS],
  ['agreement', DOCUMENT_KINDS],
  ['it', null],
  ['railway', new Set(['railway'])],
  ['railroad', new Set(['railway'])],
  ['line', new Set(['railway'])],
  ['mainline', new Set(['railway'])],
  ['section', new Set(['railway', 'road'])],
  ['part', new Set(['railway', 'road'])],
  ['route', new Set(['project', 'railway', 'road'])],
  ['corridor', new Set(['project'])],
  ['pipeline', new Set(['project'])],
  ['tunnel', new Set(['project'])],
  ['project', new Set(['project', 'railway', 'road', 'plant'])],
  ['road', new Set(['road'])],
  ['highway', new Set(['road'])],
  ['motorway', new Set(['road'])],
  ['plant', new Set(['plant'])],
  ['station', new Set(['plant'])],
  ['dam', new Set(['plant'])],
  ['organization', new Set(['organisation'])],
  ['organisation', new Set(['organisation'])],
  ['bloc', new Set(['organisation'])],
  ['alliance', new Set(['organisation'])],
]);

/**
 * The thing of one of `kinds` (any kind when null, then outside the figure's sentence) named last
 * before token `from`, in the figure's paragraph or the one before it, or at most
 * LOOKBACK_SENTENCES sentences back.
 */
export function thingNamedBefore(
  ctx: ReadingContext,
  f: Figure,
  from: number,
  kinds: ReadonlySet<string> | null,
): Hit | null {
  const paragraph = ctx.passages.paragraph[f.numTok]!;
  const sentence = ctx.passages.sentence[f.numTok]!;
  for (let k = lowerBound(ctx.hits, from) - 1; k >= 0; k--) {
    const h = ctx.hits[k]!;
    // "the railway" points further back than "the document": a story has few railways.
    const far =
      ctx.passages.paragraph[h.tokStart]! < paragraph - 1 &&
      sentence - ctx.passages.sentence[h.tokStart]! > (kinds ? 2 * LOOKBACK_SENTENCES : LOOKBACK_SENTENCES);
    if (f.tokStart - h.tokStart > 400 || far) break;
    if (h.value.type !== 'thing') continue;
    if (kinds) {
      if (kinds.has(h.value.thing.type)) return h;
      // "signed an agreement on the Rasht-Astara railway. The line will ...": what the document is about.
      const about = thingsAbout(h.value.thing).find((a) => kinds.has(a.type));
      if (about) return { ...h, value: { type: 'thing', thing: about } };
      // "The intergovernmental agreement on the corridor was signed ... Azerbaijan acceded to the
      // agreement in 2005": the one document about the project named before.
      const document = kinds === DOCUMENT_KINDS ? documentAbout(h.value.thing.id) : null;
      if (document) return { ...h, value: { type: 'thing', thing: document } };
    } else if (ctx.passages.sentence[h.tokStart] !== sentence) return h;
  }
  return null;
}

const DETERMINERS = new Set([
  'the',
  'these',
  'those',
  'both',
  'our',
  'their',
  'its',
  'his',
  'her',
  'your',
  'my',
]);

/**
 * "the two countries", "our three nations": a small count after a determiner names, it does not
 * claim; "the 6.8 percent recorded in the first quarter" does.
 */
export function isReference(t: Tokens, f: Figure): boolean {
  return (
    f.kind === 'count' &&
    typeof f.value === 'number' &&
    f.value < 10 &&
    DETERMINERS.has(wordAt(t, f.tokStart - 1))
  );
}

/**
 * The document date figure f is written with, of `hits` in its clause: "the Treaty of Kars of 13
 * October 1921", "the statement of 10 November 2020", "the 1994 Treaty on Friendship and
 * Comprehensive Cooperation". Such a date is the document's own (its signing), whatever verb the
 * sentence has.
 */
export function namedWithDate(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): Hit | null {
  const clause = ctx.clauses.of[f.numTok];
  for (const h of hits) {
    if (h.value.type !== 'thing' || !isDocument(h.value.thing) || ctx.clauses.of[h.tokStart] !== clause)
      continue;
    if (h.tokEnd === f.tokStart - 1 && wordAt(ctx.t, h.tokEnd) === 'of') return h;
    // "the trilateral statement of 10 November 2020" as one name.
    if (h.tokStart < f.tokStart && f.tokEnd <= h.tokEnd) return h;
    if (h.tokStart === f.tokEnd && wordAt(ctx.t, f.tokStart - 1) === 'the' && /^\d{4}$/.test(String(f.value)))
      return h;
  }
  return null;
}

/** Nouns for the figures a country's own office publishes: "Kazakhstan's statistics", "Chinese customs". */
const REPORTING_SOURCES = new Set(['statistics', 'data', 'customs', 'figures', 'estimates', 'calculations']);

/** Whether a country of `hits` is named as the source of figures: "Kazakhstan's statistics", "Chinese customs data". */
function reportsFigures(ctx: ReadingContext, hits: readonly Hit[]): boolean {
  for (const h of hits) {
    if (h.value.type !== 'country') continue;
    if (REPORTING_SOURCES.has(wordAfterMention(ctx.t, h))) return true;
  }
  return false;
}

/** Words before a figure that make it the base of a change: "from $23.6 billion", "after $190.3 billion". */
const BASE_BEFORE: ReadonlySet<string> = new Set(['from', 'after', 'against', 'versus', 'vs']);

/** Whether figure reading `reading` is a base compared with: "from $23.6 billion", "after $190.3 billion". */
export function isBaseFigure(
  ctx: ReadingContext,
  reading: { fi: number; comparison?: { role: string } },
): boolean {
  return (
    reading.comparison?.role === 'base' ||
    BASE_BEFORE.has(wordAt(ctx.t, ctx.figures[reading.fi]!.tokStart - 1))
  );
}

/** Whether mention h is followed by "'s": "Russia's". */
export function isPossessive(t: Tokens, h: { tokEnd: number }): boolean {
  return isMark(t, h.tokEnd, "'’") && wordAt(t, h.tokEnd + 1) === 's';
}

/** The word after mention h, past its "'s": "Kazakhstan's statistics" -> "statistics". */
export function wordAfterMention(t: Tokens, h: { tokEnd: number }): string {
  return wordAt(t, isPossessive(t, h) ? h.tokEnd + 2 : h.tokEnd);
}

/** Whether "had" stands in tokens [from, to): a look back from the story's time, "had reached". */
export function looksBack(ctx: ReadingContext, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (wordAt(ctx.t, k) === 'had') return true;
  return false;
}

/** Whether date `next` restates date d right after it: "two days later, on February 3". */
export function restatesDate(ctx: ReadingContext, d: Figure, next: Figure): boolean {
  if (!isMark(ctx.t, d.tokEnd, ',')) return false;
  if (next.tokStart === d.tokEnd + 1) return true;
  const on = wordAt(ctx.t, d.tokEnd + 1);
  return next.tokStart === d.tokEnd + 2 && (on === 'on' || on === 'in');
}
