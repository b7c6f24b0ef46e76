/**
 * Frames of figures that count from or date an event: dates ("signed in February 2022"),
 * anniversaries ("the 50th anniversary of the Baikal-Amur Mainline") and durations ("for more
 * than two years now ... the Declaration"). The event is the named document or thing and its
 * parties; a date is only about a document named in its own clause (or the clause a ", which ..."
 * clause is about), and an anniversary falls in the year its clause names ("next year"), else
 * in the publication year.
 */
import type { ClaimEntity, ClaimEvent, FramePart, FrameSource, Period } from '../model.ts';
import { granularityOf } from '../period-notation.ts';
import { isDocumentHead } from './name-documents.ts';
import { matchPhraseAt } from './phrase-matcher.ts';
import {
  BUILT_KINDS,
  clausesJoined,
  DOCUMENT_KINDS,
  type Hit,
  lowerBound,
  namedWithDate,
  nearestThing,
  partiesFrom,
  pushEntity,
  REFERRING_NOUNS,
  type ReadingContext,
  restatesDate,
  sentenceStartBefore,
  thingEntities,
  thingNamedBefore,
  WINDOW,
  windowHits,
  wordAt,
} from './reading-context.ts';
import type { Figure } from './recognise-figures.ts';
import { isMark, OPENING_QUOTES } from './tokenize.ts';
import { ANNIVERSARY_OF, documentAbout, isDocument, type NamedThing, onlyDocumentOf } from './vocabulary.ts';

export interface EventReading {
  metric: string | null;
  entities: ClaimEntity[];
  period: Period | null;
  event?: ClaimEvent;
  sources: Partial<Record<'metric' | 'entities' | 'period' | 'event', FrameSource>>;
  guessed: FramePart[];
  checkable: boolean;
}

/** A ratification or accession is one country's act: "Türkiye's parliament ratified the Shusha Declaration". */
const RATIFYING_EVENTS = new Set(['agreement_ratified', 'agreement_accession']);

function ratifyingEntities(thingId: string, hits: readonly Hit[]): ClaimEntity[] | null {
  const out: ClaimEntity[] = [];
  for (const h of hits) if (h.value.type === 'country') pushEntity(out, h.value.id, 'party');
  if (out.length === 0) return null;
  pushEntity(out, thingId, 'subject');
  return out;
}

/** Event metrics of documents: a date of one means nothing until the document is named. */
const DOCUMENT_EVENTS = new Set([
  'agreement_signed',
  'agreement_ratified',
  'declaration_adopted',
  'agreement_accession',
]);
/** Events that open a thing to use: "opened", "inaugurated", "commissioned", "put into operation". */
const OPENING_EVENTS: ReadonlySet<string> = new Set(['opened', 'commissioned']);
/** Words that put a duration up to the present: "for two years now", "has been in force for". */
const PRESENT_MARKERS = new Set([
  'now',
  'already',
  'has',
  'have',
  'since',
  'past',
  'last',
  'continue',
  'continues',
  'is',
  'are',
]);

function partyEntities(ids: readonly string[]): ClaimEntity[] {
  return ids.map((id) => ({ id, role: 'party' as const }));
}

/** The position in ctx.dateIndex of the first date figure at or after figure index fi. */
function firstDateFrom(ctx: ReadingContext, fi: number): number {
  let lo = 0;
  let hi = ctx.dateIndex.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.dateIndex[mid]! < fi) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Date figures of the same sentence within a bounded distance of figure index fi. */
function nearbyDates(ctx: ReadingContext, fi: number, radius: number): Figure[] {
  const f = ctx.figures[fi]!;
  const s = ctx.passages.sentence[f.numTok];
  const dates = ctx.dateIndex;
  const lo = firstDateFrom(ctx, fi);
  const out: Figure[] = [];
  for (let k = lo - 1; k >= 0; k--) {
    const d = ctx.figures[dates[k]!]!;
    if (d.tokEnd < f.tokStart - radius || ctx.passages.sentence[d.numTok] !== s) break;
    out.push(d);
  }
  for (let k = lo; k < dates.length; k++) {
    if (dates[k] === fi) continue;
    const d = ctx.figures[dates[k]!]!;
    if (d.tokStart > f.tokEnd + radius || ctx.passages.sentence[d.numTok] !== s) break;
    out.push(d);
  }
  return out;
}

function anniversaryEvent(
  ctx: ReadingContext,
  f: Figure,
  hits: readonly Hit[],
  viaVerb = true,
): { metric: string; entities: ClaimEntity[]; viaArticle: boolean; guessed: boolean } | null {
  // "the 50th anniversary of the Baikal-Amur Mainline", "BAM's 50th anniversary".
  const t = ctx.t;
  let thingHit: Hit | null = null;
  const known = hits.some((h) => h.value.type === 'thing' && h.value.thing.derived !== true);
  for (const h of hits) {
    if (h.value.type !== 'thing' || (known && h.value.thing.derived === true)) continue;
    const after = h.tokStart >= f.tokEnd && h.tokStart <= f.tokEnd + 8;
    const before = h.tokEnd <= f.tokStart && h.tokEnd >= f.tokStart - 4;
    if ((after || before) && (thingHit === null || after)) {
      thingHit = h;
      if (after) break;
    }
  }
  // "The Baku-Tbilisi-Kars railway, which has been operating for ten years, ...": the thing the
  // ", which" clause is about.
  const antecedent = eventThing(ctx, f, hits);
  if (ctx.clauses.kind[ctx.clauses.of[f.numTok]!] === 'relative' && antecedent) thingHit = antecedent;
  for (let k = f.tokEnd; k < Math.min(t.count, f.tokEnd + 6); k++) {
    const cue = matchPhraseAt(ANNIVERSARY_OF, t, k);
    // "The 100th anniversary of his birth": the person named before.
    if (cue && PERSONAL_EVENTS.has(cue.value) && POSSESSIVES.has(wordAt(t, k - 1)) && thingHit === null) {
      const person = thingNamedBefore(ctx, f, f.tokStart, PERSONS);
      if (person && person.value.type === 'thing')
        return {
          metric: cue.value,
          entities: [{ id: person.value.thing.id, role: 'subject' as const }],
          viaArticle: false,
          guessed: true,
        };
    }
    if (
      cue &&
      (thingHit === null || (thingHit.value.type === 'thing' && thingHit.value.thing.type === 'relations'))
    ) {
      const parties = relationsParties(ctx, hits, { tokStart: k, tokEnd: cue.tokEnd });
      return {
        metric: cue.value,
        entities: partyEntities(parties.ids),
        viaArticle: parties.viaArticle,
        guessed: parties.guessed,
      };
    }
  }
  const withThing = (thing: Hit) => {
    const value = thing.value.type === 'thing' ? thing.value.thing : null;
    if (!value) return null;
    const parties = value.type === 'relations' ? relationsParties(ctx, hits) : null;
    return {
      metric: value.eventMetric,
      entities: parties ? partyEntities(parties.ids) : thingEntities(value, ctx, hits),
      viaArticle: parties?.viaArticle ?? false,
      guessed: parties?.guessed ?? false,
    };
  };
  if (thingHit) return withThing(thingHit);
  // A named thing elsewhere in the clause ("Diplomatic relations ... ; the 30th anniversary ...").
  const anyThing = viaVerb ? nearestThing(hits, f) : null;
  if (anyThing) return withThing(anyThing);
  // "The treaty, signed on 3 July 1997, marks its 25th anniversary": the event word names it.
  const verb = viaVerb ? hits.find((h) => h.value.type === 'event') : undefined;
  // "for almost six years since its opening": the thing named before, as a guess.
  const kinds =
    verb && wordAt(t, verb.tokStart - 1) === 'its' ? EVENT_NOUNS.get(wordAt(t, verb.tokStart)) : undefined;
  const owner = kinds ? thingNamedBefore(ctx, f, ctx.clauses.start[ctx.clauses.of[f.numTok]!]!, kinds) : null;
  if (owner && verb?.value.type === 'event') {
    const event = withThing(owner);
    if (event) return { ...event, metric: verb.value.metric, guessed: true };
  }
  if (verb && verb.value.type === 'event') {
    const parties = partiesFrom(ctx, hits);
    return {
      metric: verb.value.metric,
      entities: partyEntities(parties.ids),
      viaArticle: parties.viaArticle,
      guessed: parties.guessed,
    };
  }
  // "The organisation celebrates its 15th anniversary": the organisation named before, as a guess.
  const pointed = viaVerb ? earlierThing(ctx, f) : null;
  const event = pointed ? withThing(pointed) : null;
  return event ? { ...event, guessed: true } : null;
}

/** Events of a person's life, and the words that give them to someone named before. */
const PERSONAL_EVENTS = new Set(['birth_date', 'death_date']);
const LIFE_EVENTS = new Set([...PERSONAL_EVENTS, 'office_term_start']);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);

/** The person named before whom "he" or "she" in date f's clause, near it, stands for. */
function pronounPerson(ctx: ReadingContext, f: Figure): Hit | null {
  const clause = ctx.clauses.of[f.numTok]!;
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - 12);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 6);
  for (let k = from; k < to; k++)
    if (SUBJECT_PRONOUNS.has(wordAt(ctx.t, k))) return thingNamedBefore(ctx, f, from, PERSONS);
  return null;
}
const POSSESSIVES = new Set(['his', 'her']);
const PERSONS: ReadonlySet<string> = new Set(['person']);

/**
 * The two countries whose relations `hits` speak of; where they name none, the story's two, as a
 * guess: "The declaration was timed to the 30th anniversary of diplomatic relations".
 */
function relationsParties(
  ctx: ReadingContext,
  hits: readonly Hit[],
  anchor?: { tokStart: number; tokEnd: number },
): { ids: string[]; viaArticle: boolean; guessed: boolean } {
  const parties = partiesFrom(ctx, hits, 2, anchor);
  if (parties.ids.length > 0 || ctx.parties.length !== 2) return parties;
  return { ids: [...ctx.parties], viaArticle: true, guessed: true };
}

/** The mentions a figure's event may come from: its clause and the clauses joined to it. */
function joinedHits(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): Hit[] {
  const clause = ctx.clauses.of[f.numTok]!;
  return hits.filter((h) => clausesJoined(ctx, ctx.clauses.of[h.tokStart]!, clause));
}

/** The year a clause's own period words give an anniversary ("next year", "in 2027"), or null. */
function anniversaryYear(ctx: ReadingContext, fi: number): Period | null {
  const f = ctx.figures[fi]!;
  const clause = ctx.clauses.of[f.numTok]!;
  for (const d of nearbyDates(ctx, fi, WINDOW)) {
    if (ctx.dateMetrics.get(d) || !clausesJoined(ctx, ctx.clauses.of[d.numTok]!, clause)) continue;
    const match = /^(\d{4})/.exec(String(d.value));
    if (!match || String(d.value).includes('/')) continue;
    return { value: match[1]!, basis: d.relative ? 'relative' : 'stated', granularity: 'year' };
  }
  return null;
}

/**
 * "Today marks the fifth anniversary of ...": the anniversary falls on the day of publication. Without
 * "today" ("are celebrating the 30th anniversary") the year is figcheck's inference, since
 * celebrations run on into the next year.
 */
function markedToday(ctx: ReadingContext, fi: number): Period | null {
  const f = ctx.figures[fi]!;
  const clause = ctx.clauses.of[f.numTok]!;
  // "Today marks the fifth anniversary", "celebrates its 15th anniversary today".
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 2);
  for (let k = Math.max(ctx.clauses.start[clause]!, f.tokStart - 6); k < to; k++)
    if (wordAt(ctx.t, k) === 'today')
      return { value: String(ctx.pub.year), basis: 'relative', granularity: 'year' };
  return null;
}

/**
 * The thing a duration counts from: one figcheck knows before one named only by the shape of
 * its name, and in a ", which ..." clause the thing the clause is about.
 */
function eventThing(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): Hit | null {
  const things = hits.filter((h) => h.value.type === 'thing');
  const known = things.filter((h) => h.value.type === 'thing' && h.value.thing.derived !== true);
  const pool = known.length > 0 ? known : things;
  const clause = ctx.clauses.of[f.numTok]!;
  if (ctx.clauses.kind[clause] === 'relative') {
    const before = pool.filter((h) => h.tokEnd <= ctx.clauses.start[clause]!);
    if (before.length > 0) return before[before.length - 1]!;
  }
  return nearestThing(pool, f);
}

function hasPresentMarker(ctx: ReadingContext, f: Figure): boolean {
  const clause = ctx.clauses.of[f.numTok]!;
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - 12);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 12);
  for (let k = from; k < to; k++) if (PRESENT_MARKERS.has(wordAt(ctx.t, k))) return true;
  return false;
}

/**
 * The thing a date is about: the nearest one before it ("the Treaty ..., signed in July 1997",
 * "signed the Agreement ... in Tashkent on 22 August 2024"), else the nearest after it ("In 1994,
 * the Treaty ... was signed").
 */
function datedThing(
  hits: readonly Hit[],
  f: Figure,
  documents = false,
  skip?: (h: Hit) => boolean,
): Hit | null {
  let before: Hit | null = null;
  let after: Hit | null = null;
  let document: Hit | null = null;
  for (const h of hits) {
    if (h.value.type !== 'thing' || skip?.(h)) continue;
    // "signed in Ankara on Feb. 9, 1994, during Heydar Aliyev's official visit": a person signs a
    // document; the signing is not a date of the person's.
    if (documents && h.value.thing.type === 'person') continue;
    if (h.tokEnd <= f.tokStart) {
      if (f.tokStart - h.tokEnd <= 20 && (before === null || h.tokStart > before.tokStart)) before = h;
      if (f.tokStart - h.tokEnd <= 20 && isDocument(h.value.thing)) document = h;
    } else if (h.tokStart >= f.tokEnd && after === null) after = h;
  }
  // "a joint declaration ..., which they signed at the SCO summit in Astana on 3 July 2024": what
  // is signed is the document, not the organisation whose summit it was.
  // "Trend spoke with ..., head of the Centre for Asian Studies. Q: How significant is the document
  // signed in Beijing on 23 April?": nor is an organisation signed, unless a document figcheck
  // knows founded it ("the Organization of Turkic States, created under the agreement signed in 2009").
  if (documents && before?.value.type === 'thing' && before.value.thing.type === 'organisation') {
    if (document) return document;
    if (documentAbout(before.value.thing.id)) return before;
    return after?.value.type === 'thing' && isDocument(after.value.thing) ? after : null;
  }
  // "The Agreement on X, signed ... on 25 February 2020, was ratified with the Y Agreement".
  return before ?? after;
}

/** How far after "and" the head noun of another document may stand: "and the subsequent statements". */
const ANOTHER_HEAD_REACH = 3;

/** Whether "and" with a document noun of its own stands between tokens from and to. */
function anotherDocumentBetween(ctx: ReadingContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (wordAt(ctx.t, k) !== 'and') continue;
    for (let j = k + 1; j <= k + ANOTHER_HEAD_REACH && j < to; j++) {
      if (isDocumentHead(wordAt(ctx.t, j))) return true;
    }
  }
  return false;
}

/** Words for one country's part of a line: "the Georgian section", "the Turkish part". */
const SECTION_WORDS = new Set(['section', 'part', 'stretch', 'leg', 'segment']);

/** How far before a date a pointing noun may stand: "ratified the declaration on 1 February 2022". */
const POINTER_REACH = 14;

/**
 * "The document was signed in Moscow on 22 February 2022": the document of the sentence before;
 * "..., and the line was opened on 30 October 2017", "Construction of the Georgian section of the
 * railway began in November 2007": the railway named last before the clause.
 */
/** Nouns of what happens to a thing, after "its", and the kinds of thing it happens to. */
const EVENT_NOUNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['construction', BUILT_KINDS],
  ['opening', BUILT_KINDS],
  ['commissioning', BUILT_KINDS],
  ['completion', BUILT_KINDS],
  ['inauguration', BUILT_KINDS],
  ['launch', BUILT_KINDS],
  ['signing', DOCUMENT_KINDS],
  ['adoption', DOCUMENT_KINDS],
  ['ratification', DOCUMENT_KINDS],
  ['foundation', new Set(['organisation'])],
  ['founding', new Set(['organisation'])],
  ['establishment', new Set(['organisation'])],
]);

function earlierThing(ctx: ReadingContext, f: Figure): Hit | null {
  const clause = ctx.clauses.of[f.numTok]!;
  const from = ctx.clauses.start[clause]!;
  let refers = false;
  let kinds: ReadonlySet<string> | null = null;
  for (let k = Math.max(from, f.tokStart - POINTER_REACH); k < f.tokStart; k++) {
    const w = wordAt(ctx.t, k);
    // "Its construction was launched on 8 July 1974": the event of the thing named before.
    // "The railway, whose construction began ...": the same.
    const happening = w === 'its' || w === 'whose' ? EVENT_NOUNS.get(wordAt(ctx.t, k + 1)) : undefined;
    if (happening) {
      refers = true;
      kinds = happening;
      continue;
    }
    const named = REFERRING_NOUNS.get(w);
    if (named === undefined) continue;
    // "the railway", "the Georgian section".
    if (named !== null && wordAt(ctx.t, k - 1) !== 'the' && wordAt(ctx.t, k - 2) !== 'the') continue;
    refers = true;
    kinds = named;
  }
  if (!refers) return null;
  return thingNamedBefore(ctx, f, kinds ? from : f.tokStart, kinds);
}

/** The kind of document a noun of date f's clause names: "a trilateral declaration" -> declaration. */
function documentKindIn(ctx: ReadingContext, f: Figure): string | null {
  const clause = ctx.clauses.of[f.numTok]!;
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - 20);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 12);
  for (let k = from; k < to; k++) {
    const kind = DOCUMENT_KIND_OF.get(wordAt(ctx.t, k));
    if (kind) return kind;
  }
  return null;
}
const DOCUMENT_KIND_OF: ReadonlyMap<string, string> = new Map([
  ['declaration', 'declaration'],
  ['agreement', 'agreement'],
  ['treaty', 'agreement'],
  ['memorandum', 'agreement'],
]);

/** Nouns a document is pointed back to by: "the memorandum", "the treaty". */
const DOCUMENT_NOUNS = new Set([
  'memorandum',
  'agreement',
  'treaty',
  'declaration',
  'document',
  'accord',
  'deal',
  'protocol',
  'convention',
  'charter',
  'statement',
]);

/** The document "the memorandum" opening date f's clause points back to. */
function pointedDocument(ctx: ReadingContext, f: Figure, clause = ctx.clauses.of[f.numTok]!): Hit | null {
  const from = ctx.clauses.start[clause]!;
  // "It was ratified by the Milli Majlis on 1 February 2022": the document named before.
  if (wordAt(ctx.t, from) === 'it' && PASSIVE_AUXILIARIES.has(wordAt(ctx.t, from + 1)))
    return thingNamedBefore(ctx, f, from, DOCUMENT_KINDS);
  for (let k = from; k < Math.min(f.tokStart, from + 4); k++) {
    if (wordAt(ctx.t, k) !== 'the' || !DOCUMENT_NOUNS.has(wordAt(ctx.t, k + 1))) continue;
    // "The memorandum on energy" is named by what follows; only a bare pointing noun points back.
    if (ctx.hits.some((h) => h.tokStart === k + 1 || h.tokStart === k)) return null;
    return thingNamedBefore(ctx, f, from, DOCUMENT_KINDS);
  }
  return null;
}

const PASSIVE_AUXILIARIES = new Set(['was', 'is', 'had', 'has', 'were']);

/**
 * "the 31st anniversary of the friendship treaty, signed in Ankara on Feb. 9, 1994": a document
 * named before by one of its words, "the <word> treaty" shortly before the date, when exactly one
 * document named before has that word in its name.
 */
function shortenedDocument(ctx: ReadingContext, f: Figure): Hit | null {
  const sentence = ctx.passages.sentence[f.numTok];
  for (let k = f.tokStart - 1; k >= Math.max(1, f.tokStart - 10); k--) {
    if (ctx.passages.sentence[k] !== sentence) return null;
    if (!DOCUMENT_HEADS.has(wordAt(ctx.t, k)) && wordAt(ctx.t, k) !== 'declaration') continue;
    const word = wordAt(ctx.t, k - 1);
    if (
      word === '' ||
      wordAt(ctx.t, k - 2) !== 'the' ||
      ctx.hits.some((h) => h.tokStart <= k && k < h.tokEnd)
    )
      return null;
    let found: Hit | null = null;
    for (let n = lowerBound(ctx.hits, k - 1) - 1; n >= 0 && k - ctx.hits[n]!.tokStart <= 400; n--) {
      const h = ctx.hits[n]!;
      if (h.value.type !== 'thing' || !isDocument(h.value.thing)) continue;
      if (!h.value.thing.id.split('_').includes(word)) continue;
      if (found && found.value.type === 'thing' && found.value.thing.id !== h.value.thing.id) return null;
      found ??= h;
    }
    return found;
  }
  return null;
}

/** Head words of a document that is named by what it is about: "the agreement on building the railway". */
const DOCUMENT_HEADS = new Set([
  'agreement',
  'treaty',
  'contract',
  'deal',
  'memorandum',
  'accord',
  'convention',
]);
const ABOUT_WORDS = new Set(['on', 'for', 'about', 'establishing', 'creating', 'to', 'of']);

/**
 * What the document dated in the figure's clause is about, where the clause names the document
 * by it ("The agreement on the Trans-Anatolian pipeline (TANAP) was signed", "the contract for
 * building the 162-kilometre railway, the missing link of the corridor, was signed"): the thing
 * named right after the head word, or the thing a pointing noun there stands for. Things named
 * further on (an aside about the corridor) are not what the document is about.
 */
function documentObject(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): Hit | null {
  // The subject may stand apart from the date behind a long aside, so the whole sentence before it counts.
  const from = sentenceStartBefore(ctx, f.tokStart, 40);
  for (let k = from; k < f.tokStart; k++) {
    if (!DOCUMENT_HEADS.has(wordAt(ctx.t, k)) || !ABOUT_WORDS.has(wordAt(ctx.t, k + 1))) continue;
    let derived: Hit | null = null;
    for (let m = k + 2; m < Math.min(f.tokStart, k + 14); m++) {
      // A comma ends what the document is about; a bracket does not: "the agreement on the
      // Trans-Anatolian Natural Gas Pipeline (TANAP)".
      if (isMark(ctx.t, m, ',;')) break;
      const named = hits.find((h) => h.tokStart === m && h.value.type === 'thing');
      if (named && named.value.type === 'thing') {
        if (named.value.thing.derived !== true) return named;
        derived ??= named;
        continue;
      }
      const kinds = REFERRING_NOUNS.get(wordAt(ctx.t, m));
      if (kinds && !derived) return thingNamedBefore(ctx, f, from, kinds);
    }
    return derived;
  }
  return null;
}

/**
 * "The completion of construction was proclaimed on October 27, 1984, although the State
 * Commission ...": a construction's date is of the line named before, not of a body named after.
 */
function builtBefore(ctx: ReadingContext, f: Figure, metric: string): Hit | null {
  if (!metric.startsWith('construction_')) return null;
  return thingNamedBefore(ctx, f, ctx.clauses.start[ctx.clauses.of[f.numTok]!]!, BUILT_KINDS);
}

export function readDate(ctx: ReadingContext, fi: number): EventReading {
  const f = ctx.figures[fi]!;
  const hits = ctx.dateWindows.get(f) ?? [];
  const metric = ctx.dateMetrics.get(f) ?? null;
  const period: Period = {
    value: String(f.value),
    basis: f.yearInferred || f.relative ? 'relative' : 'stated',
    granularity: granularityOf(String(f.value)) ?? 'year',
  };
  const reading: EventReading = {
    metric,
    entities: [],
    period,
    sources: { period: 'figure' },
    guessed: [],
    checkable: false,
  };
  if (!metric) return reading;
  const clause = ctx.clauses.of[f.numTok]!;
  const verb = ctx.dateVerbs.get(f);
  const verbJoined = verb !== undefined && clausesJoined(ctx, ctx.clauses.of[verb.tokStart]!, clause);
  // "the Treaty of Kars of 13 October 1921": the document's own date, whatever the verb.
  const namedWith = verb === undefined ? namedWithDate(ctx, f, hits) : null;
  reading.sources.metric = verbJoined || namedWith ? 'clause' : 'sentence';
  if (!verbJoined && !namedWith) reading.guessed.push('metric');
  const joined = joinedHits(ctx, f, hits);
  const isDocumentEvent = DOCUMENT_EVENTS.has(metric);
  // "ratified the declaration on 1 February, and the Turkish assembly on 3 February": the date
  // that shares the verb of the date before shares what that date is of.
  const first = verb
    ? (nearbyDates(ctx, fi, WINDOW * 2)
        .filter((d) => d.tokEnd <= f.tokStart && ctx.dateVerbs.get(d) === verb)
        .at(-1) ?? f)
    : f;
  const object = namedWith ?? (isDocumentEvent ? documentObject(ctx, first, hits) : null);
  // A happening ("the golden link at Balbukhta") is only what its own event dates: "... and
  // accepted into permanent operation in 1989" is not of it.
  const ofOther = (h: Hit) =>
    h.value.type === 'thing' && h.value.thing.type === 'event' && h.value.thing.eventMetric !== metric;
  const near =
    (isDocumentEvent ? shortenedDocument(ctx, f) : null) ??
    datedThing(joined, f, isDocumentEvent, ofOther) ??
    datedThing(hits, f, isDocumentEvent, ofOther) ??
    // "ratified by the Milli Majlis on 1 February 2022 and by the Turkish parliament two days
    // later": the date that shares the verb of the date before is of what that date is of.
    (first !== f ? datedThing(ctx.dateWindows.get(first) ?? [], first, isDocumentEvent, ofOther) : null);
  // "The railway was inaugurated on 30 October 2017 at a ceremony at the new Baku International
  // Sea Trade Port": a name after the date is where it happened; the railway named before is dated.
  const placeAfter =
    near?.value.type === 'thing' && near.value.thing.derived === true && near.tokStart > f.tokStart;
  // "The memorandum was signed in Baku on 18 July 2022 by ... European Commission President ...":
  // the document the clause's subject points to, not an organisation that signed it.
  // "The statement, signed in Beijing on April 23, comes ... after they signed a joint declaration":
  // a document named after the date, in another clause, does not outweigh the one pointed to.
  const nearBefore = near !== null && near.tokEnd <= f.tokStart;
  const pointed =
    isDocumentEvent &&
    !object &&
    !(nearBefore && near?.value.type === 'thing' && isDocument(near.value.thing))
      ? // "It was ratified by ... on 1 February, and by ... two days later": the verb's clause says what.
        pointedDocument(ctx, f, verb && !verbJoined ? ctx.clauses.of[verb.tokStart]! : clause)
      : null;
  // "He became President on 10 October 1993": the person the story named before, as a guess.
  // "After graduating from the Azerbaijan State University, ... on 14 July 1969 he was elected":
  // "he" of the date's clause comes before an institution named on the way.
  const nearPerson = near?.value.type === 'thing' && near.value.thing.type === 'person';
  const person = !object && !nearPerson && LIFE_EVENTS.has(metric) ? pronounPerson(ctx, f) : null;
  if (person) reading.guessed.push('entities');
  // "brokering the trilateral statement of 10 November 2020 and the subsequent statements of the
  // leaders ... adopted in Moscow on 11 January 2021": another document is dated, not a known one.
  const another =
    !object && nearBefore && near !== null && anotherDocumentBetween(ctx, near.tokEnd, f.tokStart);
  const thing = another
    ? null
    : (object ??
      person ??
      pointed ??
      (placeAfter ? (earlierThing(ctx, f) ?? builtBefore(ctx, f, metric) ?? near) : near) ??
      earlierThing(ctx, first));
  if (thing && thing.value.type === 'thing') {
    const thingClause = ctx.clauses.of[thing.tokStart]!;
    const sameSentence = ctx.passages.sentence[thing.tokStart] === ctx.passages.sentence[f.numTok];
    const thingJoined = sameSentence && clausesJoined(ctx, thingClause, clause);
    const around = thingJoined ? joined : sameSentence ? hits : [thing, ...joined];
    // "The agreement on TANAP was signed in 2012", "Azerbaijan joined the corridor in 2005": a
    // project is not signed or joined, the document about it is.
    const named = thing.value.thing;
    const about = isDocumentEvent && !isDocument(named) ? documentAbout(named.id) : null;
    const dated = about ?? named;
    // Without "the agreement on ..." a project dated by a signing may be named in an aside only.
    if (about && !object) reading.guessed.push('event');
    // A declaration is adopted when it is signed: "adopted the Baku Declaration on 9 September 2022".
    if (metric === 'declaration_adopted' && isDocument(dated) && dated.eventMetric === 'agreement_signed')
      reading.metric = 'agreement_signed';
    // A line or tunnel "opened" on the day it was "put into operation": news uses the two alike,
    // so the thing's own opening event is the one dated.
    if (OPENING_EVENTS.has(metric) && OPENING_EVENTS.has(dated.eventMetric))
      reading.metric = dated.eventMetric;
    // "The Azerbaijani parliament ratified it on 1 February, and the Turkish assembly on 3
    // February": the country of the date's own clause, before the date, ratified on that date.
    // Past the clause's date before this one: "..., and the Turkish assembly on 3 February".
    let after = ctx.clauses.start[clause]!;
    // A date this one restates ("two days later, on February 3") is not one before it.
    for (const d of nearbyDates(ctx, fi, WINDOW * 2))
      if (d.tokEnd <= f.tokStart && ctx.clauses.of[d.numTok] === clause && !restatesDate(ctx, d, f))
        after = Math.max(after, d.tokEnd);
    const own = around.filter(
      (h) => ctx.clauses.of[h.tokStart] === clause && h.tokStart < f.tokStart && h.tokStart >= after,
    );
    const ratifiers = RATIFYING_EVENTS.has(metric)
      ? (ratifyingEntities(dated.id, own) ?? ratifyingEntities(dated.id, around))
      : null;
    // "Construction of the Georgian section began ...": that country's section, not the whole line's.
    const section = joined.find(
      (h) =>
        h.value.type === 'country' && SECTION_WORDS.has(wordAt(ctx.t, h.tokEnd)) && h.tokStart < f.tokStart,
    );
    reading.entities =
      ratifiers ??
      (section?.value.type === 'country'
        ? [
            { id: section.value.id, role: 'party' },
            { id: dated.id, role: 'subject' },
          ]
        : thingEntities(dated, ctx, around));
    // "Diplomatic relations were established on 8 May 1992, and since then Rome and Baku have
    // ...": relations whose own clause names no country are those of the sentence, else the
    // story's two countries, as a guess.
    let relationsOf: FrameSource | undefined;
    if (dated.type === 'relations' && reading.entities.length === 0) {
      const parties = relationsParties(ctx, hits);
      reading.entities = partyEntities(parties.ids);
      if (parties.ids.length > 0) {
        reading.guessed.push('entities');
        relationsOf = parties.viaArticle ? 'article' : 'sentence';
      }
    }
    // "The Milli Majlis ratified the Shusha Declaration": which party ratified is not said.
    if (RATIFYING_EVENTS.has(metric) && !ratifiers) reading.guessed.push('entities');
    reading.sources.entities = thingJoined ? 'clause' : sameSentence ? 'sentence' : 'paragraph';
    reading.sources.event = reading.sources.entities;
    if (relationsOf) reading.sources.entities = relationsOf;
    // "... and recalled that the leaders had signed it on 15 June 2021": the document is the other clause's.
    if (!thingJoined && !reading.guessed.includes('entities')) reading.guessed.push('entities');
  } else {
    const parties = partiesFrom(ctx, joined.length > 0 ? joined : hits, 6);
    reading.entities = partyEntities(parties.ids);
    reading.sources.entities = parties.viaArticle ? 'article' : 'clause';
    if (parties.guessed) reading.guessed.push('entities');
    // "Azerbaijan, Russia and Iran adopted a trilateral declaration on ... on 9 September 2022":
    // the one declaration figcheck knows of those parties, as a guess.
    const kind = DOCUMENT_EVENTS.has(metric) && parties.ids.length >= 2 ? documentKindIn(ctx, f) : null;
    const only = kind && !parties.viaArticle ? onlyDocumentOf(kind, parties.ids) : null;
    if (only) reading.entities.push({ id: only.id, role: 'subject' });
    if (only && metric === 'declaration_adopted' && only.eventMetric === 'agreement_signed')
      reading.metric = 'agreement_signed';
    // "the agreement signed in May 1994" does not say which agreement.
    if (DOCUMENT_EVENTS.has(metric)) reading.guessed.push('event');
  }
  reading.checkable = true;
  return reading;
}

export function readAnniversary(ctx: ReadingContext, fi: number): EventReading {
  const f = ctx.figures[fi]!;
  const hits = windowHits(ctx, f);
  const joined = joinedHits(ctx, f, hits);
  const ev = anniversaryEvent(ctx, f, joined) ?? anniversaryEvent(ctx, f, hits);
  const stated = anniversaryYear(ctx, fi) ?? markedToday(ctx, fi);
  // "The document ... was timed to the 30th anniversary": the year of what the sentence, or the one
  // before, dates.
  const past = stated ? null : pastAnniversary(ctx, fi, ev?.metric ?? null);
  const reading: EventReading = {
    metric: null,
    entities: [],
    period: stated ?? past?.period ?? { value: String(ctx.pub.year), basis: 'inferred', granularity: 'year' },
    sources: { period: stated ? 'clause' : (past?.source ?? 'default') },
    guessed: past?.guessed ? ['period'] : [],
    checkable: true,
  };
  if (ev) {
    reading.metric = ev.metric;
    reading.entities = ev.entities;
    reading.event = { metrics: [ev.metric], entities: ev.entities.map((e) => e.id) };
    reading.sources.metric = 'clause';
    reading.sources.entities = ev.viaArticle ? 'article' : 'clause';
    reading.sources.event = 'clause';
    if (ev.guessed) reading.guessed.push('entities');
  }
  return reading;
}

/** Verbs that put an anniversary in the past on their own: "coincided with", "fell in". */
const PAST_ANNIVERSARY_VERBS = new Set(['coincided', 'fell']);
/** Verbs that do so unless a word before them makes them present or to come ("will be marked"). */
const MARKING_VERBS = new Set(['marked', 'celebrated', 'commemorated', 'timed', 'dedicated']);
const NOT_PAST = new Set(['will', 'be', 'is', 'are', 'been', 'being', 'to', 'has', 'have', 'am']);
/** How far before an anniversary its verb is read. */
const ANNIVERSARY_VERB_REACH = 8;

/**
 * An anniversary said in the past tense ("The document ... was timed to the 30th anniversary",
 * "the visit coincided with the 25th anniversary"): it fell when the happening the sentence
 * dates took place (a date of no happening there is already the anniversary's stated year), else
 * in the year the sentence before is dated, as a guess; never in the year of the anniversary's own
 * event, which is where it counts from. Null when the clause is not in the past tense or no such
 * date is near: news tells what has just happened in the past tense too ("The visit coincided
 * with ..."), and the publication year stands.
 */
function pastAnniversary(
  ctx: ReadingContext,
  fi: number,
  ownMetric: string | null,
): { period: Period; source: FrameSource; guessed: boolean } | null {
  const f = ctx.figures[fi]!;
  const t = ctx.t;
  const clause = ctx.clauses.of[f.numTok]!;
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - ANNIVERSARY_VERB_REACH);
  let past = false;
  for (let k = f.tokStart - 1; k >= from && !past; k--) {
    const w = wordAt(t, k);
    if (PAST_ANNIVERSARY_VERBS.has(w)) past = true;
    else if (MARKING_VERBS.has(w)) past = !NOT_PAST.has(wordAt(t, k - 1));
  }
  if (!past) return null;
  // A year of the past, not that of the anniversary's own event.
  const yearOf = (d: Figure) => {
    const year = /^(\d{4})/.exec(String(d.value));
    if (!year || String(d.value).includes('/') || Number(year[1]) > ctx.pub.year) return null;
    return ctx.dateMetrics.get(d) === ownMetric && ownMetric !== null ? null : year[1]!;
  };
  for (const d of nearbyDates(ctx, fi, WINDOW)) {
    const year = ctx.dateMetrics.get(d) ? yearOf(d) : null;
    if (year)
      return {
        period: { value: year, basis: 'relative', granularity: 'year' },
        source: 'sentence',
        guessed: false,
      };
  }
  const s = ctx.passages.sentence[f.numTok]!;
  const paragraph = ctx.passages.paragraph[f.numTok];
  for (let k = firstDateFrom(ctx, fi) - 1; k >= 0; k--) {
    const d = ctx.figures[ctx.dateIndex[k]!]!;
    if (ctx.passages.sentence[d.numTok]! < s - 1 || ctx.passages.paragraph[d.numTok] !== paragraph) break;
    if (ctx.passages.sentence[d.numTok] === s) continue;
    const year = yearOf(d);
    if (year)
      return {
        period: { value: year, basis: 'relative', granularity: 'year' },
        source: 'paragraph',
        guessed: true,
      };
  }
  return null;
}

/**
 * Whether a duration in years could count from an event the article dates itself: far more than
 * a slip of a year or a rounding apart (three decades from 2020 in 2023 is no reading of it).
 */
function fitsStatedDate(f: Figure, stated: string, year: number): boolean {
  const from = Number(stated.slice(0, 4));
  if (f.unit !== 'year' || typeof f.value !== 'number' || !Number.isFinite(from)) return true;
  const elapsed = Math.max(1, Math.abs(year - from));
  const claimed = Math.max(1, f.value);
  return claimed <= elapsed * 3 && elapsed <= claimed * 3;
}

/** Nouns a duration's clause may point back with: "the declaration has served", "our organisation has grown". */
const POINTING_BACK: ReadonlySet<string> = new Set([
  'declaration',
  'treaty',
  'agreement',
  'document',
  'organization',
  'organisation',
]);

/** The thing named before that "the declaration", "our organisation" in figure f's clause stands for. */
function referredThing(ctx: ReadingContext, f: Figure): Hit | null {
  const clause = ctx.clauses.of[f.numTok]!;
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 8);
  for (let k = f.tokEnd; k < to; k++) {
    const w = wordAt(ctx.t, k);
    if (!POINTING_BACK.has(w)) continue;
    const det = wordAt(ctx.t, k - 1);
    if (det !== 'the' && det !== 'our' && det !== 'this' && det !== 'their') continue;
    return thingNamedBefore(ctx, f, ctx.clauses.start[clause]!, REFERRING_NOUNS.get(w) ?? null);
  }
  return null;
}

/** Words that open a span of time at the start of a sentence: "Over three decades, ...". */
const SPAN_OPENERS = new Set(['over', 'for', 'during', 'in', 'throughout']);

/**
 * The event a duration with no event of its own counts from, when its words point back: "In the
 * 33 years since then", "in the nearly 31 years since," or a sentence that opens with the span
 * ("Over three decades Italy has become ...") right after a dated event. The event is that of the
 * last dated event of the sentence or the one before; which event is meant is a guess.
 */
function eventCountedFrom(
  ctx: ReadingContext,
  fi: number,
): { metric: string; entities: ClaimEntity[]; viaArticle: boolean; guessed: boolean; date?: string } | null {
  const f = ctx.figures[fi]!;
  const t = ctx.t;
  const next = wordAt(t, f.tokEnd);
  const since = next === 'since' && (wordAt(t, f.tokEnd + 1) === 'then' || wordAt(t, f.tokEnd + 1) === '');
  let start = sentenceStartBefore(ctx, f.tokStart, 6);
  // A quotation that opens with the span: "\"Over these 15 years, our organisation has grown ...\"".
  while (start < f.tokStart && isMark(t, start, OPENING_QUOTES)) start++;
  const opens = f.tokStart - start <= 3 && SPAN_OPENERS.has(wordAt(t, start));
  if (!since && !opens) return null;
  // "For more than three years now, the declaration has served as a roadmap": the document its
  // clause refers back to.
  const referred = referredThing(ctx, f);
  if (referred && referred.value.type === 'thing') {
    const thing = referred.value.thing;
    const hits = windowHits(ctx, f);
    return { ...thingEvent(ctx, thing, hits), guessed: true };
  }
  const sentence = ctx.passages.sentence[f.numTok]!;
  // The dates before figure fi, the nearest first.
  for (let k = firstDateFrom(ctx, fi) - 1; k >= 0; k--) {
    const g = ctx.dateIndex[k]!;
    const d = ctx.figures[g]!;
    const back = sentence - ctx.passages.sentence[d.numTok]!;
    if (back > 1 || f.tokStart - d.tokEnd > 80) return null;
    const metric = ctx.dateMetrics.get(d);
    if (!metric) continue;
    const hits = windowHits(ctx, d);
    if (metric === 'diplomatic_relations_established') {
      const parties = relationsParties(ctx, hits);
      const entities = partyEntities(parties.ids);
      return {
        metric,
        entities,
        viaArticle: parties.viaArticle,
        guessed: parties.guessed,
        date: String(d.value),
      };
    }
    const thing = datedThing(hits, d);
    if (!thing || thing.value.type !== 'thing') return null;
    const entities = thingEntities(thing.value.thing, ctx, hits);
    return { metric, entities, viaArticle: false, guessed: false, date: String(d.value) };
  }
  return null;
}

/** The event of a thing a duration counts from; for relations, the two countries whose they are. */
function thingEvent(
  ctx: ReadingContext,
  thing: NamedThing,
  hits: readonly Hit[],
): { metric: string; entities: ClaimEntity[]; viaArticle: boolean; guessed: boolean } {
  if (thing.type !== 'relations')
    return {
      metric: thing.eventMetric,
      entities: thingEntities(thing, ctx, hits),
      viaArticle: false,
      guessed: false,
    };
  const parties = relationsParties(ctx, hits);
  return {
    metric: thing.eventMetric,
    entities: partyEntities(parties.ids),
    viaArticle: parties.viaArticle,
    guessed: parties.guessed,
  };
}

/** The metric of the event noun of a duration's "since the ... of": "22 years since the death of". */
function eventSaidSince(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): string | null {
  if (wordAt(ctx.t, f.tokEnd) !== 'since' || wordAt(ctx.t, f.tokEnd + 1) !== 'the') return null;
  for (const h of hits)
    if (h.value.type === 'event' && h.tokStart === f.tokEnd + 2 && wordAt(ctx.t, h.tokEnd) === 'of')
      return h.value.metric;
  return null;
}

export function readDuration(ctx: ReadingContext, fi: number): EventReading {
  const f = ctx.figures[fi]!;
  const hits = windowHits(ctx, f);
  const joined = joinedHits(ctx, f, hits);
  const viaCue = anniversaryEvent(ctx, f, joined, false);
  const thing = viaCue ? null : (eventThing(ctx, f, joined) ?? eventThing(ctx, f, hits));
  const ev =
    viaCue ??
    (thing && thing.value.type === 'thing'
      ? thingEvent(ctx, thing.value.thing, hits)
      : anniversaryEvent(ctx, f, hits, true));
  const reading: EventReading = {
    metric: null,
    entities: [],
    period: null,
    sources: {},
    guessed: [],
    checkable: false,
  };
  const earlier = ev ? null : eventCountedFrom(ctx, fi);
  const event = ev ?? earlier;
  if (!event) return reading;
  // "22 years since the death of Heydar Aliyev": the event of a life said after "since", not
  // the one the person is known by.
  const said = LIFE_EVENTS.has(event.metric) ? eventSaidSince(ctx, f, joined) : null;
  reading.metric = said !== null && LIFE_EVENTS.has(said) ? said : event.metric;
  reading.entities = event.entities;
  reading.event = { metrics: [reading.metric], entities: event.entities.map((e) => e.id) };
  for (const d of nearbyDates(ctx, fi, WINDOW * 2)) {
    if (d.kind === 'date' && ctx.dateMetrics.get(d) === reading.metric) {
      reading.event.statedDate = String(d.value);
      break;
    }
  }
  if (earlier?.date !== undefined) reading.event.statedDate = earlier.date;
  // "Relations were established in 1992, and for more than three decades they have widened
  // their cooperation, culminating in the declaration signed in 2020": the article's own date of
  // the event read says the duration does not count from it, so which event it does is a guess.
  if (reading.event.statedDate !== undefined && !fitsStatedDate(f, reading.event.statedDate, ctx.pub.year))
    reading.guessed.push('event');
  reading.period = { value: ctx.pub.iso, basis: 'inferred', granularity: 'day' };
  reading.sources = {
    metric: earlier ? 'paragraph' : 'clause',
    entities: event.viaArticle ? 'article' : earlier ? 'paragraph' : 'clause',
    event: earlier ? 'paragraph' : 'clause',
    period: 'default',
  };
  if (earlier && !reading.guessed.includes('event')) reading.guessed.push('event');
  if (event.guessed) reading.guessed.push('entities');
  // "For two years, they worked on it" need not run to today; "for two years now" does.
  if (!hasPresentMarker(ctx, f)) reading.guessed.push('period');
  reading.checkable = true;
  return reading;
}
