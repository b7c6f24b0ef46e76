/**
 * The claim extractor: finds every figure in an article, reads the frame of each (what it
 * measures, of what, for whom, over which period: see docs/claim-frames.md) and decides which
 * are checkable.
 *
 * A figure is checkable when a reference fact could confirm it:
 *  - money amounts and percentages, always (except idioms such as "100 percent sure");
 *  - dates tied to an event by a verb or noun nearby ("signed ... in February 2022");
 *  - anniversaries ("the 50th anniversary of ..."), always;
 *  - durations counted from an event the sentence names ("for two years now ... the Declaration");
 *  - counts of notable things (companies, documents, visits, people, jobs ...) or of a known metric;
 *  - measures (km, tonnes ...) attached to a known metric such as length or capacity.
 * Everything else (bare numbers, ordinals, fractions, "hundreds of", dates that only set the period of
 * another figure) is returned only with `all: true`, marked `checkable: false`.
 *
 * The frame is read from the figure's own clause first (find-clauses.ts), then from the figure it
 * is compared with, then from the rest of the sentence and the paragraph; what does not come from
 * the figure's own clause is listed in `frame.guessed`. "Mutual", "bilateral" and "our countries"
 * mean the article's two parties (the first two countries it names).
 *
 * Values are fully scaled. A range's value is its midpoint, with `low`/`high`; one-sided qualifiers
 * also set a bound (more_than/at_least -> low; less_than/at_most and "nearly"/"almost" -> high).
 * Dates are ISO at their precision; spans of dates ("2012-13", "January-March 2024") are "A/B".
 */
import type { Claim, ClaimFrame, FramePart, FrameSource, MetricAlias, Period, Qualifier } from '../model.ts';
import { assignPeriods } from './assign-periods.ts';
import { pointDatesAhead } from './date-tense.ts';
import { findClauses } from './find-clauses.ts';
import { datelineDate } from './find-dateline.ts';
import { foldText } from './fold-text.ts';
import { adoptLedeFrames, opensWithHeadline } from './headline-frames.ts';
import { findDocumentNames, isDocumentHead, unknownDocument } from './name-documents.ts';
import { findLayeredPhrases, type PhraseMatcher } from './phrase-matcher.ts';
import { type EventReading, readAnniversary, readDate, readDuration } from './read-events.ts';
import { termFrame } from './read-terms.ts';
import { readValue, type ValueReading } from './read-values.ts';
import {
  BUILT_KINDS,
  clausesJoined,
  type Hit,
  isReference,
  lowerBound,
  namedWithDate,
  nearestThing,
  REFERRING_NOUNS,
  type ReadingContext,
  restatesDate,
  sentenceStartBefore,
  windowHits,
  wordAt,
} from './reading-context.ts';
import {
  type Figure,
  MIRRORED_QUALIFIER,
  type PublicationDate,
  recogniseFigures,
} from './recognise-figures.ts';
import { type Passages, splitPassages } from './split-passages.ts';
import { isCapitalisedWord, isMark, lw, OPENING_QUOTES, type Tokens, tokenize } from './tokenize.ts';
import {
  COUNT_METRICS,
  documentAbout,
  isDocument,
  type Mention,
  mentionsWith,
  type NamedThing,
  NOT_CHECKABLE_PERCENT,
  NOTABLE_COUNTS,
  thingWithId,
} from './vocabulary.ts';

export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD; anchors relative dates and inferred periods. */
  publishedAt: string;
  /** Also return figures judged not checkable. */
  all?: boolean;
  /** Extra wordings for known metrics, kept as data beside the reference facts. */
  metricAliases?: readonly MetricAlias[];
}

const CARRY_DISTANCE = 800;
const MAX_SENTENCE_SIDE = 400;

function parsePublished(iso: string): PublicationDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`publishedAt must be YYYY-MM-DD, got "${iso}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Share aliases ("of exports") overlap plain ones ("exports"), so they form their own layer. */
function layerOf(m: Mention): string {
  return m.type === 'metric' && m.info.percentOnly ? 'share' : m.type;
}

function byPosition(a: Hit, b: Hit): number {
  return a.tokStart - b.tokStart || b.tokEnd - a.tokEnd;
}

/** Words that make "relations" or "ties" other than diplomatic: "trade ties", "economic relations". */
const NOT_DIPLOMATIC = new Set([
  'trade',
  'economic',
  'business',
  'commercial',
  'cultural',
  'family',
  'public',
  'investment',
  'energy',
  'military',
  'labour',
  'labor',
  'industrial',
]);
const ESTABLISHING = new Set([
  'established',
  'establish',
  'establishing',
  'establishment',
  'formalised',
  'formalized',
]);
/** Words that may stand between "ties" and "established": "ties that were formally established". */
const ESTABLISHED_GAP = new Set([
  'that',
  'which',
  'were',
  'was',
  'had',
  'have',
  'been',
  'first',
  'formally',
  'officially',
]);

/**
 * "ties that were formally established 33 years ago", "relations were established in 1992",
 * "since they established relations": the two countries' diplomatic relations, which the text
 * names without the word "diplomatic".
 */
function establishedRelations(t: Tokens, passages: Passages, things: readonly Hit[]): Hit[] {
  const relations = thingWithId('diplomatic_relations');
  if (!relations) return [];
  const out: Hit[] = [];
  let n = 0;
  for (let k = 0; k < t.count; k++) {
    const w = wordAt(t, k);
    if ((w !== 'relations' && w !== 'ties') || passages.excluded[k] === 1) continue;
    while (n < things.length && things[n]!.tokEnd <= k) n++;
    if (n < things.length && things[n]!.tokStart <= k) continue;
    if (NOT_DIPLOMATIC.has(wordAt(t, k - 1)) || NOT_DIPLOMATIC.has(wordAt(t, k - 2))) continue;
    let after = k + 1;
    while (after < k + 5 && ESTABLISHED_GAP.has(wordAt(t, after))) after++;
    const before =
      ESTABLISHING.has(wordAt(t, k - 1)) || (wordAt(t, k - 1) === 'of' && ESTABLISHING.has(wordAt(t, k - 2)));
    // "Diplomatic relations followed on 14 January 1992": were established next, on that date.
    const followed = wordAt(t, after) === 'followed' && FRONTING.has(wordAt(t, after + 1));
    if (before || followed || ESTABLISHING.has(wordAt(t, after)))
      out.push({ tokStart: k, tokEnd: k + 1, value: { type: 'thing', thing: relations } });
  }
  return out;
}

/**
 * "an agreement on the International North-South Transport Corridor": a document named after a
 * known project is the known document about it, when there is one.
 */
function documentOnKnown(things: readonly Hit[], d: { tokStart: number; tokEnd: number }): NamedThing | null {
  for (let n = lowerBound(things, d.tokStart); n < things.length && things[n]!.tokStart < d.tokEnd; n++) {
    const h = things[n]!;
    if (h.tokEnd > d.tokEnd || h.value.type !== 'thing' || isDocument(h.value.thing)) continue;
    const about = documentAbout(h.value.thing.id);
    if (about) return about;
  }
  return null;
}

/** How far from a document's name its sentence's countries are read. */
const DOCUMENT_PARTY_REACH = 40;

/**
 * Whether a known document's name stands in a sentence that names, as a party rather than a
 * place, a country the document is not between, and not all the countries it is between.
 */
function othersDocument(
  t: Tokens,
  passages: Passages,
  all: readonly Hit[],
  things: readonly Hit[],
  h: Hit,
): boolean {
  if (h.value.type !== 'thing' || !isDocument(h.value.thing) || h.value.thing.parties.length < 2)
    return false;
  const parties = h.value.thing.parties;
  const sentence = passages.sentence[h.tokStart];
  const named = new Set<string>();
  let stranger = false;
  // The countries of the sentence within a bounded reach: a run-on "sentence" may be the whole text.
  for (let n = lowerBound(all, h.tokStart - DOCUMENT_PARTY_REACH); n < all.length; n++) {
    const c = all[n]!;
    if (c.tokStart > h.tokEnd + DOCUMENT_PARTY_REACH) break;
    if (c.value.type !== 'country' || c.value.loose || passages.sentence[c.tokStart] !== sentence) continue;
    if (c.tokStart >= h.tokStart && c.tokEnd <= h.tokEnd) return false;
    // "as has the Baku-Tbilisi-Kars railway": a city in another thing's name is no party.
    const around = things[lowerBound(things, c.tokStart + 1) - 1];
    if (around && around !== h && around.tokEnd >= c.tokEnd) continue;
    // "in Budapest", "in the Kazakh capital": a place, not a party.
    const before =
      wordAt(t, c.tokStart - 1) === 'the' ? wordAt(t, c.tokStart - 2) : wordAt(t, c.tokStart - 1);
    const after = wordAt(t, c.tokEnd);
    if (before === 'in' || before === 'at' || after === 'capital' || after === 'city') continue;
    // "as Europe sought to replace Russian pipeline gas": the goods' country, not a party; nor is
    // the place of a dateline ("ANKARA (AA) - Exactly two years ago, ...").
    if (GOODS_AFTER_COUNTRY.has(after) || isDatelinePlace(t, passages, c)) continue;
    named.add(c.value.id);
    if (!parties.includes(c.value.id)) stranger = true;
  }
  return stranger && parties.some((p) => !named.has(p));
}

/** Whether mention h is a dateline's place: a name in capitals opening its paragraph ("ANKARA (AA) -"). */
function isDatelinePlace(t: Tokens, passages: Passages, h: Hit): boolean {
  if (h.tokStart > 0 && passages.paragraph[h.tokStart - 1] === passages.paragraph[h.tokStart]) return false;
  const name = t.text.slice(t.start[h.tokStart]!, t.end[h.tokEnd - 1]!);
  return name.length > 2 && name === name.toUpperCase() && name !== name.toLowerCase();
}

/** Words after a country's adjective that make it the country of goods: "Russian pipeline gas". */
const GOODS_AFTER_COUNTRY = new Set([
  'gas',
  'oil',
  'crude',
  'pipeline',
  'grain',
  'wheat',
  'goods',
  'products',
  'coal',
  'electricity',
]);

function collectHits(t: Tokens, passages: Passages, mentions: PhraseMatcher<Mention>): Hit[] {
  const all = findLayeredPhrases(mentions, t, layerOf);
  // Country names inside named things ("Azerbaijan Democratic Republic") belong to the thing.
  // Hits come in token order and things never overlap one another, so one pointer over the
  // things tells whether a country starts inside one.
  const things: Hit[] = [];
  for (const h of all) if (h.value.type === 'thing' && passages.excluded[h.tokStart] !== 1) things.push(h);
  // Documents figcheck has no alias for are named things too ("the Treaty on Good-Neighbourliness").
  const places = new Set<number>();
  for (const h of all) if (h.value.type === 'country') places.add(h.tokStart);
  const documents: Hit[] = findDocumentNames(t, passages, things, places).map((d) => ({
    tokStart: d.tokStart,
    tokEnd: d.tokEnd,
    value: { type: 'thing', thing: d.thing.derived ? (documentOnKnown(things, d) ?? d.thing) : d.thing },
  }));
  documents.push(...establishedRelations(t, passages, things));
  // "Azerbaijan and Hungary signed the Declaration on the Establishment of Strategic Partnership":
  // a known document of other countries, whose name many countries' documents share.
  const replaced = new Map<Hit, Hit>();
  for (const h of [...things, ...documents])
    if (othersDocument(t, passages, all, things, h))
      replaced.set(h, { ...h, value: { type: 'thing', thing: unknownDocument(t, h.tokStart, h.tokEnd) } });
  // Only known things own the country names inside them; "the Central Bank of Azerbaijan" is Azerbaijan's.
  const allThings = things;
  const kept: Hit[] = [];
  let k = 0;
  let sorted = true;
  for (const found of documents.length > 0 ? [...all, ...documents] : all) {
    const h = replaced.get(found) ?? found;
    if (passages.excluded[h.tokStart] === 1) continue;
    if (h.value.type === 'country') {
      while (k < allThings.length && allThings[k]!.tokEnd <= h.tokStart) k++;
      if (k < allThings.length && allThings[k]!.tokStart <= h.tokStart) continue;
      // "240.1 billion U.S. dollars", "Hong Kong dollars": a currency's name, not a party.
      if (CURRENCY_NOUNS.has(wordAt(t, h.tokEnd))) continue;
    }
    if (h.value.type === 'metric' && vagueFlowWord(t, h, all)) continue;
    const prev = kept[kept.length - 1];
    if (prev && (prev.tokStart > h.tokStart || (prev.tokStart === h.tokStart && prev.tokEnd < h.tokEnd)))
      sorted = false;
    kept.push(h);
  }
  if (!sorted) kept.sort(byPosition);
  return kept;
}

/**
 * The article's countries in the order its text names them, and its two parties. The place of a
 * dateline ("ASTANA, July 3 (Xinhua) -- China and Azerbaijan signed ...") is where the story was
 * filed, so it counts after the countries the story names.
 */
function articleCountries(hits: readonly Hit[], datelineAt: number): { parties: string[]; count: number } {
  const seen: string[] = [];
  const filedIn: string[] = [];
  for (const h of hits) {
    if (h.value.type !== 'country' || h.value.loose) continue;
    const list = h.tokStart < datelineAt ? filedIn : seen;
    if (!list.includes(h.value.id)) list.push(h.value.id);
  }
  for (const id of filedIn) if (!seen.includes(id)) seen.push(id);
  return { parties: seen.slice(0, 2), count: seen.length };
}

const CURRENCY_NOUNS = new Set(['dollar', 'dollars', 'cents', 'yuan', 'rupees', 'rubles', 'roubles']);

const GUESSED_SOURCES: ReadonlySet<FrameSource> = new Set(['sentence', 'paragraph', 'default']);

/** The frame of a value figure, with what of it is a guess. */
function valueFrame(
  reading: ValueReading,
  period: Period | null,
  periodSource: FrameSource | undefined,
  claimIdOf: (fi: number) => string,
): ClaimFrame {
  const guessed: FramePart[] = [];
  const sources: ClaimFrame['sources'] = {};
  if (reading.metric !== null) {
    sources.measure = reading.measureMarked ? 'clause' : 'default';
    if (!reading.measureMarked) guessed.push('measure');
  }
  if (reading.metricSource) {
    sources.metric = reading.metricSource;
    if (reading.metricSource === 'sentence' || reading.metricSource === 'paragraph') guessed.push('metric');
  }
  if (reading.entitiesSource) {
    sources.entities = reading.entitiesSource;
    if (GUESSED_SOURCES.has(reading.entitiesSource) || reading.entitiesGuessed) guessed.push('entities');
  }
  if (period && periodSource) {
    sources.period = periodSource;
    const inferredComparison = periodSource === 'comparison' && period.basis === 'inferred';
    if (GUESSED_SOURCES.has(periodSource) || inferredComparison) guessed.push('period');
  }
  // A loan with no year may be any of the loans agreed before: checked against the latest, as a guess.
  if (!period && reading.info?.fixed) guessed.push('period');
  const frame: ClaimFrame = {
    measure: reading.measure,
    metric: reading.metric,
    entities: reading.entities,
    period,
    sources,
    guessed,
  };
  if (reading.comparison)
    frame.comparison = { role: reading.comparison.role, with: claimIdOf(reading.comparison.with) };
  if (reading.direction) frame.direction = reading.direction;
  return frame;
}

function eventFrame(kind: Figure['kind'], reading: EventReading): ClaimFrame {
  const frame: ClaimFrame = {
    measure: kind === 'date' ? 'event_date' : kind === 'anniversary' ? 'anniversary' : 'duration',
    metric: reading.metric,
    entities: reading.entities,
    period: reading.period,
    sources: reading.sources,
    guessed: reading.guessed,
  };
  if (reading.event) frame.event = reading.event;
  return frame;
}

function isValueKind(f: Figure): boolean {
  return f.kind === 'money' || f.kind === 'percent' || f.kind === 'count' || f.kind === 'quantity';
}

/** Whether a value figure with this reading is one a reference could confirm. */
function valueCheckable(ctx: ReadingContext, f: Figure, reading: ValueReading): boolean {
  if (f.kind === 'money') return true;
  if (f.kind === 'percent') return !NOT_CHECKABLE_PERCENT.has(wordAt(ctx.t, f.tokEnd));
  // A count of a document's parts ("43 points", "25 paragraphs") is checkable with its document only.
  if (f.kind === 'count' && reading.info?.period === 'attribute' && reading.entities.length === 0)
    return false;
  if (f.kind === 'count')
    return (
      !f.vague &&
      !isReference(ctx.t, f) &&
      (reading.metric !== null || (f.noun !== undefined && NOTABLE_COUNTS.has(f.noun)))
    );
  return reading.metric !== null;
}

/**
 * "reached $2.15 billion in 2022, up 20.7% on the previous year, when it stood at $1.87 billion":
 * "the previous (preceding, prior) year" is the year before the one the sentence, or the sentence
 * before, has just named, where "last year" counts from publication; "that year", "the same
 * year" are that year, and "the following year" the one after. "Ratified on 1 February 2022, and
 * by the Turkish parliament two days later": a date that long after the date named before.
 * Those name nothing without a date before them (but "the previous year" still counts from
 * publication), and are dropped then.
 */
function anchorRelativeDates(t: Tokens, figures: Figure[], passages: Passages): Figure[] {
  let lastDate: Figure | null = null;
  let lastValue: Figure | null = null;
  const kept: Figure[] = [];
  const near = (f: Figure) =>
    lastDate !== null && passages.sentence[f.numTok]! - passages.sentence[lastDate.numTok]! <= 1;
  for (const f of figures) {
    if (f.kind !== 'date') lastValue = f;
    if (f.kind === 'duration' && f.later === true) {
      const date = near(f) ? dateAfter(String(lastDate!.value), f) : null;
      if (date) {
        Object.assign(f, { kind: 'date', value: date, unit: null, sig: null, relative: true });
        f.datePrecision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
        lastDate = f;
        kept.push(f);
      }
      continue;
    }
    const shift = f.kind === 'date' && f.relative === true ? YEAR_SHIFTS.get(lw(t, f.tokStart)) : undefined;
    if (shift === undefined || lw(t, f.tokStart + 1) !== 'year') {
      // "up 55.36 percent from $33.9 billion in 2021. Exports that year ...": the year of a base
      // compared with is not the year the story goes on about.
      if (
        f.kind === 'date' &&
        /^\d{4}(-\d\d){0,2}$/.test(String(f.value)) &&
        !datesBaseFigure(t, f, lastValue)
      )
        lastDate = f;
      kept.push(f);
      continue;
    }
    const anchored = near(f);
    if (anchored) {
      f.value = String(Number(String(lastDate!.value).slice(0, 4)) + shift);
      lastDate = f;
    }
    if (anchored || shift === -1) kept.push(f);
  }
  return kept;
}

/** Words before an amount that make it the base a figure is compared with. */
const BASE_LEADS = new Set(['from', 'against', 'than', 'versus', 'vs', 'with']);

/** Whether date d dates the amount right before it, a base compared with: "from $33.9 billion in 2021". */
function datesBaseFigure(t: Tokens, d: Figure, before: Figure | null): boolean {
  if (!before || lw(t, d.tokStart - 1) !== 'in' || before.tokEnd !== d.tokStart - 1) return false;
  const lead = lw(t, before.tokStart - 1);
  return BASE_LEADS.has(lead) && (lead !== 'with' || lw(t, before.tokStart - 2) === 'compared');
}

/**
 * The date `later` (a duration in days, months or years) after ISO date `from`, at the precision
 * both allow, or null: two days after "November 1982" is no day figcheck can name.
 */
function dateAfter(from: string, later: Figure): string | null {
  const n = typeof later.value === 'number' ? later.value : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 1000) return null;
  const [y, m, d] = from.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (later.unit === 'year') return [String(y + n), ...from.split('-').slice(1)].join('-');
  if (later.unit === 'month' && m !== undefined) {
    const at = new Date(Date.UTC(y, m - 1 + n, d ?? 1));
    return at.toISOString().slice(0, d === undefined ? 7 : 10);
  }
  if ((later.unit === 'day' || later.unit === 'week') && d !== undefined && m !== undefined) {
    const at = new Date(Date.UTC(y, m - 1, d + (later.unit === 'week' ? 7 * n : n)));
    return at.toISOString().slice(0, 10);
  }
  return null;
}
/** How many years after the year named before each anaphoric year phrase is. */
const YEAR_SHIFTS: ReadonlyMap<string, number> = new Map([
  ['previous', -1],
  ['preceding', -1],
  ['prior', -1],
  ['that', 0],
  ['same', 0],
  ['following', 1],
]);

/** Money figures given without a currency take the currency of the nearest earlier money figure in the same paragraph. */
function carryCurrency(figures: Figure[], passages: Passages): void {
  let last: Figure | null = null;
  for (const f of figures) {
    if (f.kind === 'money' && f.unit !== null) {
      last = f;
      continue;
    }
    if (
      !last ||
      passages.paragraph[last.numTok] !== passages.paragraph[f.numTok] ||
      f.start - last.end > CARRY_DISTANCE
    )
      continue;
    if (f.kind === 'count' && f.unit === null && !f.vague && f.scaled) {
      f.kind = 'money';
      f.unit = last.unit;
      f.carriedUnit = true;
    } else if (f.kind === 'quantity' && f.ambiguousSuffix && typeof f.value === 'number') {
      f.value *= f.ambiguousSuffix === 'm' ? 1e6 : 1e9;
      f.kind = 'money';
      f.unit = last.unit;
      f.carriedUnit = true;
    }
  }
}

/** The event word a date most likely belongs to: shortly before it ("signed on ..."), or right after. */
function eventWordFor(
  ctx: ReadingContext,
  f: Figure,
  hits: readonly Hit[],
): { hit: Hit; dist: number } | null {
  let best: { hit: Hit; dist: number } | null = null;
  // "On 3 July 2009, Presidents Ilham Aliyev and Dmitry Medvedev signed ...": a date put first
  // dates the verb of its sentence, past the subject.
  // "A new stage began on 22 February 2022, when the presidents signed ...": so does a date
  // that a "when" clause explains.
  const fronted =
    isFronted(ctx, f) || (isMark(ctx.t, f.tokEnd, ',') && wordAt(ctx.t, f.tokEnd + 1) === 'when');
  // The best event word of all, and the best not past a comma after the date (see below).
  let bestAll: { hit: Hit; dist: number } | null = null;
  let bestNear: { hit: Hit; dist: number } | null = null;
  let ownStretch = false;
  for (const h of hits) {
    if (h.value.type !== 'event') continue;
    // "A new stage began on 22 February 2022, when the presidents signed ...": a start of
    // something that is not being built counts for less than any other event word.
    const vague = isBareStart(h) && !startsBuilding(ctx, h, hits);
    // "In 2023, Azerbaijan and Uzbekistan signed 25 documents": a number of signings has a period, not a date.
    // "marked the 30th anniversary of the establishment of diplomatic relations last month": the
    // date is when the anniversary was marked, not when relations were established.
    if (namesAnniversary(ctx, h) && !happenedOn(ctx, h, f)) continue;
    // "In 2023, 15 schools were commissioned": nor has one whose subject is a count.
    if (governsCount(ctx, h) || (h.tokStart > f.tokEnd && countBetween(ctx, f.tokEnd, h.tokStart))) continue;
    // "Trade between the two founding members amounted to $463 million last year": a period right
    // after an amount is the amount's, not the date of an event word before it.
    if (h.tokEnd <= f.tokStart && amountJustBefore(ctx, h.tokEnd, f.tokStart)) continue;
    const before = h.tokEnd <= f.tokStart;
    const after = h.tokStart - f.tokEnd;
    const sameSentence = ctx.passages.sentence[h.tokStart] === ctx.passages.sentence[f.numTok];
    // "signed the Joint Declaration on Establishing a Strategic Partnership ... on 3 July 2024":
    // a name between the verb and the date counts as one word.
    const named = before ? namedBetween(hits, h.tokEnd, f.tokStart) : 0;
    const dist =
      (before
        ? f.tokStart - h.tokEnd - named
        : fronted && sameSentence && after <= FRONTED_REACH
          ? after
          : after * 3) + (vague ? VAGUE_PENALTY : 0);
    // "We signed the Declaration on Allied Cooperation here in the Kremlin in February 2022":
    // the object of the verb, often a long name, stands between the verb and its date.
    // "On October 3, 2009, the leaders of Azerbaijan, Kazakhstan, Kyrgyzstan and Türkiye signed
    // ...": a date put first reaches past a long subject to its verb.
    const frontedReach = fronted && sameSentence && !before ? FRONTED_REACH : 9;
    const reach = (before ? 18 : frontedReach) + (vague ? VAGUE_PENALTY : 0);
    if (dist > reach) continue;
    const comma = commaBetween(ctx, h, f);
    if (before && !comma && !vague) ownStretch = true;
    if (bestAll === null || dist < bestAll.dist) bestAll = { hit: h, dist };
    if ((before || !comma) && (bestNear === null || dist < bestNear.dist)) bestNear = { hit: h, dist };
  }
  // "The Shusha Declaration, signed by the presidents on 15 June 2021, was ratified ...": a verb
  // of the date's own stretch between commas dates it, not one past the comma after it ("A new
  // stage began on 22 February 2022, when the presidents signed ..." is the signing's).
  best = !fronted && ownStretch ? bestNear : bestAll;
  // "Türkiye recognised Azerbaijan's restored independence on 9 November 1991": what is
  // recognised is itself an event word, and the date is the recognition's.
  if (best && best.hit.tokEnd <= f.tokStart) {
    const object = best.hit;
    for (const h of hits) {
      if (h.value.type !== 'event' || !GOVERNING_EVENTS.has(h.value.metric)) continue;
      if (h.tokEnd > object.tokStart || object.tokStart - h.tokEnd > 5) continue;
      // Not "the Agreement on Mutual Recognition of Driving Licences, signed ...": a word of a name.
      if (hits.some((n) => n.value.type === 'thing' && n.tokStart <= h.tokStart && h.tokEnd <= n.tokEnd))
        continue;
      return { hit: h, dist: f.tokStart - h.tokEnd };
    }
  }
  return best;
}

/** Whether a comma stands between event word h and date f, on either side. */
function commaBetween(ctx: ReadingContext, h: Hit, f: Figure): boolean {
  const [from, to] = h.tokEnd <= f.tokStart ? [h.tokEnd, f.tokStart] : [f.tokEnd, h.tokStart];
  for (let k = from; k < to; k++) if (isMark(ctx.t, k, ',;')) return true;
  return false;
}

/**
 * How far after a date put first its sentence's verb may stand: "Three years ago today, in the
 * city of Shusha, Presidents Ilham Aliyev and Recep Tayyip Erdogan signed ...".
 */
const FRONTED_REACH = 18;

/** How many tokens of names of things, past their first word, lie between tokens a and b. */
function namedBetween(hits: readonly Hit[], a: number, b: number): number {
  let n = 0;
  for (const h of hits)
    if (h.value.type === 'thing' && h.tokStart >= a && h.tokEnd <= b) n += h.tokEnd - h.tokStart - 1;
  return n;
}

/** True when date f opens its sentence behind a preposition and a comma: "On 3 July 2009, ...". */
function isFronted(ctx: ReadingContext, f: Figure): boolean {
  let start = sentenceStartBefore(ctx, f.tokStart, 4);
  // A quotation that opens with the date: "\"On 4 April 1992, the Republic of Azerbaijan ...".
  while (start < f.tokStart && isMark(ctx.t, start, OPENING_QUOTES)) start++;
  const lead = f.tokStart - start;
  // "Less than a year ago, on 3 July 2024 in Astana, the two presidents signed ...": the place
  // the date is given with goes with it.
  let end = f.tokEnd;
  if (wordAt(ctx.t, end) === 'in' && isCapitalisedWord(ctx.t, end + 1)) {
    end += 2;
    while (
      end < f.tokEnd + PLACE_REACH &&
      (isCapitalisedWord(ctx.t, end) || (isMark(ctx.t, end, '-') && isCapitalisedWord(ctx.t, end + 1)))
    )
      end++;
  }
  if (!isMark(ctx.t, end, ',')) return false;
  // "..., and less than a year later, on May 17, 2023, Moscow and Tehran signed ...": a date set
  // off by commas before the subject of its clause.
  // Not "... independence, on 9 November 1991, and the two established ...": there the date ends a clause.
  const setOff =
    FRONTING.has(wordAt(ctx.t, f.tokStart - 1)) &&
    isMark(ctx.t, f.tokStart - 2, ',') &&
    !CLAUSE_LINKS.has(wordAt(ctx.t, end + 1));
  return (
    (lead === 0 || (lead === 1 && FRONTING.has(wordAt(ctx.t, start))) || setOff) &&
    ctx.passages.sentence[start] === ctx.passages.sentence[f.numTok]
  );
}
const FRONTING = new Set(['on', 'in', 'since', 'by']);
/** How many tokens a place after a fronted date may take: "in Astana", "in Nur-Sultan". */
const PLACE_REACH = 6;
const CLAUSE_LINKS = new Set(['and', 'but', 'while', 'when', 'which', 'where', 'who']);

/** Events whose object may be another event: a recognition of independence. */
const GOVERNING_EVENTS = new Set(['recognition']);

/** Verbs that set work going: "construction was launched", "launched the construction of". */
const LAUNCH_WORDS = new Set(['launched', 'launch', 'launching', 'kicked', 'began', 'begun', 'started']);

/** True when a launch verb has "construction" (or "building") beside it in its clause. */
function launchesConstruction(ctx: ReadingContext, verb: Hit): boolean {
  if (!LAUNCH_WORDS.has(wordAt(ctx.t, verb.tokStart))) return false;
  const clause = ctx.clauses.of[verb.tokStart];
  const from = Math.max(0, verb.tokStart - 6);
  const to = Math.min(ctx.t.count, verb.tokEnd + 4);
  for (let k = from; k < to; k++) {
    if (ctx.clauses.of[k] !== clause) continue;
    const w = wordAt(ctx.t, k);
    if (CONSTRUCTION_WORDS.has(w)) return true;
  }
  return false;
}

/** True when the figure right after event word h, its object, is a count: "signed 25 documents". */
function governsCount(ctx: ReadingContext, h: Hit): boolean {
  for (let k = h.tokEnd; k < Math.min(ctx.t.count, h.tokEnd + 4); k++) {
    if (isMark(ctx.t, k, ',;:.')) return false;
    const at = ctx.figureAt[k]!;
    if (at >= 0) return isCountOfThings(ctx.figures[at]!);
  }
  return false;
}

/** A count of things with a metric of their own ("25 documents", "15 schools"), not "the two leaders". */
function isCountOfThings(f: Figure): boolean {
  return f.kind === 'count' && f.noun !== undefined && COUNT_METRICS.has(f.noun);
}

/** True when event word h is what an anniversary is of: "the 30th anniversary of the establishment of ...". */
function namesAnniversary(ctx: ReadingContext, h: Hit): boolean {
  let k = h.tokStart - 1;
  if (DETERMINERS_OF_EVENT.has(wordAt(ctx.t, k))) k--;
  return wordAt(ctx.t, k) === 'of' && ANNIVERSARY_WORDS.has(wordAt(ctx.t, k - 1));
}
const ANNIVERSARY_WORDS = new Set(['anniversary', 'jubilee', 'centenary', 'centennial']);

/**
 * "the 30th anniversary of the establishment of diplomatic relations, which took place on 8 May
 * 1992": the event of an anniversary that ", which took place on" dates.
 */
function happenedOn(ctx: ReadingContext, h: Hit, f: Figure): boolean {
  for (let k = h.tokEnd; k < Math.min(f.tokStart, h.tokEnd + 8); k++) {
    if (!isMark(ctx.t, k, ',') || wordAt(ctx.t, k + 1) !== 'which') continue;
    const verb = wordAt(ctx.t, k + 2);
    const took = verb === 'took' && wordAt(ctx.t, k + 3) === 'place';
    if (!took && !HAPPENED.has(verb)) return false;
    const after = took ? k + 4 : k + 3;
    const on = wordAt(ctx.t, after) === 'on' || wordAt(ctx.t, after) === 'in';
    return (on ? after + 1 : after) === f.tokStart;
  }
  return false;
}
const HAPPENED = new Set(['happened', 'occurred']);
/** Words that name a country's exports only when the country owns them. */
const VAGUE_FLOW_WORDS = new Set(['shipments']);
const OWNING_WORDS = new Set(['its', 'their', 's']);

/**
 * "Chinese shipments to Kazakhstan", "Azerbaijan's shipments" are exports; "container shipments
 * between the ports of Aktau and Baku" are cargo, which no trade figure measures.
 */
function vagueFlowWord(t: Tokens, h: Hit, all: readonly Hit[]): boolean {
  if (h.tokEnd - h.tokStart !== 1 || !VAGUE_FLOW_WORDS.has(wordAt(t, h.tokStart))) return false;
  if (OWNING_WORDS.has(wordAt(t, h.tokStart - 1))) return false;
  const country = (at: number) => all.some((c) => c.value.type === 'country' && c.tokEnd === at);
  if (country(h.tokStart)) return false;
  const next = wordAt(t, h.tokEnd);
  if (
    (next === 'to' || next === 'from') &&
    all.some((c) => c.value.type === 'country' && c.tokStart === h.tokEnd + 1)
  )
    return false;
  return true;
}

const DETERMINERS_OF_EVENT = new Set(['the', 'his', 'her', 'its', 'their']);

/** True when a count figure lies in tokens [from, to). */
function countBetween(ctx: ReadingContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const at = ctx.figureAt[k]!;
    if (at >= 0 && isCountOfThings(ctx.figures[at]!)) return true;
  }
  return false;
}

/** Whether a money, percentage or quantity figure ends right before token `to` (at most two words), after token `from`. */
function amountJustBefore(ctx: ReadingContext, from: number, to: number): boolean {
  for (let k = to - 1; k >= Math.max(from, to - 3); k--) {
    const at = ctx.figureAt[k]!;
    if (at < 0) continue;
    const kind = ctx.figures[at]!.kind;
    return kind === 'money' || kind === 'percent' || kind === 'quantity';
  }
  return false;
}

/** A start that says nothing of what starts counts for less than any other event word near the date. */
const VAGUE_PENALTY = 12;

/** "began", "started": one word of a start, whose metric the words around it decide. */
function isBareStart(h: Hit): boolean {
  return h.value.type === 'event' && h.value.metric === 'construction_started' && h.tokEnd - h.tokStart === 1;
}

const CONSTRUCTION_WORDS = new Set(['construction', 'building', 'work', 'laying']);

/**
 * True when a one-word start ("began") starts construction: of a built thing of its clause, or
 * with "construction" before it in its clause ("Construction of the Georgian section of the
 * railway began in November 2007").
 */
function startsBuilding(ctx: ReadingContext, verb: Hit, hits: readonly Hit[]): boolean {
  if (launchesConstruction(ctx, verb)) return true;
  const clause = ctx.clauses.of[verb.tokStart];
  for (let k = Math.max(0, verb.tokStart - 12); k < verb.tokStart; k++) {
    if (ctx.clauses.of[k] !== clause) continue;
    const w = wordAt(ctx.t, k);
    const kinds = REFERRING_NOUNS.get(w);
    if (CONSTRUCTION_WORDS.has(w) || (kinds && [...kinds].some((kind) => BUILT_KINDS.has(kind)))) return true;
  }
  return hits.some(
    (h) =>
      h.value.type === 'thing' &&
      BUILT_KINDS.has(h.value.thing.type) &&
      ctx.clauses.of[h.tokStart] === clause,
  );
}

/**
 * "... met at Balbukhta on 29 September 1984": a happening named right before the date dates it;
 * so does a document named with its date (namedWithDate()).
 */
function happeningBeside(ctx: ReadingContext, f: Figure, hits: readonly Hit[]): string | null {
  const clause = ctx.clauses.of[f.numTok];
  for (const h of hits)
    if (
      h.value.type === 'thing' &&
      h.value.thing.type === 'event' &&
      ctx.clauses.of[h.tokStart] === clause &&
      h.tokEnd <= f.tokStart &&
      f.tokStart - h.tokEnd <= 2
    )
      return h.value.thing.eventMetric;
  // "Diplomatic relations followed on 14 January 1992": the relations' own event.
  for (const h of hits)
    if (
      h.value.type === 'thing' &&
      h.value.thing.type === 'relations' &&
      f.tokStart - h.tokEnd === 2 &&
      wordAt(ctx.t, h.tokEnd) === 'followed' &&
      FRONTING.has(wordAt(ctx.t, h.tokEnd + 1))
    )
      return h.value.thing.eventMetric;
  const document = namedWithDate(ctx, f, hits);
  if (document?.value.type === 'thing') return document.value.thing.eventMetric;
  return documentOfDate(ctx, f) ? 'agreement_signed' : null;
}

/**
 * "the trilateral statements ... of 10 November 2020, of 11 January 2021 in Moscow and of 26
 * November 2021": a document known by its date, whose date is its signing; a date in a run of
 * them after such a noun is another's.
 */
const DOCUMENT_NOUN_REACH = 12;

function documentOfDate(ctx: ReadingContext, f: Figure): boolean {
  if (wordAt(ctx.t, f.tokStart - 1) !== 'of') return false;
  const sentence = ctx.passages.sentence[f.numTok];
  // "the trilateral statements by the leaders of Azerbaijan, Armenia and Russia of 10 November
  // 2020": the noun may stand a few words back, past who made the document, not past a figure.
  for (let k = f.tokStart - 2; k >= Math.max(0, f.tokStart - DOCUMENT_NOUN_REACH); k--) {
    if (ctx.figureAt[k]! >= 0 || ctx.passages.sentence[k] !== sentence) break;
    const noun = wordAt(ctx.t, k);
    if (isDocumentHead(noun)) return true;
  }
  // "..., of 11 January 2021 in Moscow and of 26 November 2021": the run's date before, shortly.
  for (let k = f.tokStart - 2; k >= Math.max(0, f.tokStart - 8); k--) {
    const g = ctx.figureAt[k]!;
    if (g < 0 || ctx.figures[g]!.kind !== 'date') continue;
    const before = ctx.figures[g]!;
    return ctx.dateMetrics.get(before) === 'agreement_signed' && wordAt(ctx.t, before.tokStart - 1) === 'of';
  }
  return false;
}

/** Which event a date belongs to, from an event word near it ("signed", "established"). */
function dateEvent(ctx: ReadingContext, f: Figure, hits: readonly Hit[], verb: Hit | null): string | null {
  const best = verb && verb.value.type === 'event' ? verb.value.metric : null;
  if (best === null || verb === null) return happeningBeside(ctx, f, hits);
  if (launchesConstruction(ctx, verb)) return 'construction_started';
  // "Gas supplies began in October 2023": something started, not a construction.
  if (isBareStart(verb) && !startsBuilding(ctx, verb, hits)) return 'started';
  // Only a thing of the date's own clause says what kind of event it is: "recognised ... on
  // 9 November 1991, and ... established diplomatic relations" dates a recognition.
  const clause = ctx.clauses.of[f.numTok]!;
  const hit = nearestThing(
    hits.filter((h) => h.value.type === 'thing' && clausesJoined(ctx, ctx.clauses.of[h.tokStart]!, clause)),
    f,
  );
  const thing = hit?.value.type === 'thing' ? hit.value.thing : null;
  // "The sections were joined at Balbukhta on 29 September 1984": a happening named as such is
  // what its date dates, whatever the verb.
  // "..., which established diplomatic relations in 1992, raised their ties ... with a joint
  // declaration signed in 2020": relations are established, never signed or ratified.
  const documentVerb = best === 'agreement_signed' || best === 'agreement_ratified';
  if (thing?.type === 'relations' && documentVerb) return best;
  if (thing?.type === 'relations') return thing.eventMetric;
  // "..., was joined at the golden link on 29 September 1984 and accepted into permanent operation
  // in 1989": a happening dates the one date next to it, not one past another date or a comma.
  if (thing?.type === 'event' && hit && nextTo(ctx, hit, f)) return thing.eventMetric;
  if (best === 'founded' && thing && thing.eventMetric !== 'construction_started') return thing.eventMetric;
  return best;
}

/** Whether no comma and no other date stand between thing h and date f. */
function nextTo(ctx: ReadingContext, h: Hit, f: Figure): boolean {
  if (commaBetween(ctx, h, f)) return false;
  const [from, to] = h.tokEnd <= f.tokStart ? [h.tokEnd, f.tokStart] : [f.tokEnd, h.tokStart];
  for (let k = from; k < to; k++) {
    const g = ctx.figureAt[k]!;
    if (g >= 0 && ctx.figures[g]!.kind === 'date') return false;
  }
  return true;
}

/** Words that give a clause a verb or a subject of its own. */
const NOT_GAPPED = new Set([
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'they',
  'it',
  'we',
  'he',
  'she',
  'this',
  'that',
]);

/**
 * "The Azerbaijani parliament ratified it on 1 February, and the Turkish assembly on 3 February":
 * a date after ", and" with no event word of its own shares the verb of the date before it.
 */
function shareGappedVerbs(ctx: ReadingContext): void {
  const dates = ctx.dateIndex;
  for (let n = 1; n < dates.length; n++) {
    const f = ctx.figures[dates[n]!]!;
    const g = ctx.figures[dates[n - 1]!]!;
    const verb = ctx.dateVerbs.get(g);
    if (!verb || ctx.dateVerbs.has(f) || f.tokStart - g.tokEnd > 15) continue;
    if (ctx.passages.sentence[f.numTok] !== ctx.passages.sentence[g.numTok]) continue;
    // Only a clause with no verb of its own, which the date ends: not "..., and the golden link
    // was laid at Kuanda on 1 October", nor "..., and this month they mark 33 years".
    let gapped = false;
    let ownVerb = false;
    // "..., and the Grand National Assembly did so two days later, on February 3": a verb that
    // stands for the one before.
    let proVerb = false;
    for (let k = g.tokEnd; k < f.tokStart; k++) {
      const w = wordAt(ctx.t, k);
      // "ratified by the Milli Majlis on 1 February and by the Turkish parliament two days later":
      // a second "by" of the same passive verb.
      if (w === 'and' && (isMark(ctx.t, k - 1, ',') || wordAt(ctx.t, k + 1) === 'by')) gapped = true;
      if ((w === 'did' && wordAt(ctx.t, k + 1) === 'so') || w === 'followed') proVerb = true;
      if (ctx.figureAt[k]! >= 0 || NOT_GAPPED.has(w)) ownVerb = true;
    }
    for (const h of ctx.dateWindows.get(f) ?? [])
      if (h.value.type === 'event' && h.tokStart >= g.tokEnd && h.tokStart < f.tokEnd + 3) ownVerb = true;
    // "..., and two days later, on October 1, the golden link was laid": a comma may go on, but
    // not after a verb that stands for the one before.
    const endsClause =
      f.tokEnd >= ctx.t.count ||
      isMark(ctx.t, f.tokEnd, proVerb ? '.;,' : '.;') ||
      ctx.passages.sentence[f.tokEnd] !== ctx.passages.sentence[f.numTok];
    if (gapped && !ownVerb && endsClause) {
      ctx.dateVerbs.set(f, verb);
      // "two days later, on February 3": the date that restates it shares it too.
      const next = ctx.figures[dates[n + 1] ?? -1];
      if (next && restatesDate(ctx, f, next) && !ctx.dateVerbs.has(next)) ctx.dateVerbs.set(next, verb);
    }
  }
}

/** Gives each event word to the nearest date it can belong to, so one "signed" dates one figure. */
function assignDateEvents(ctx: ReadingContext): void {
  const claimed = new Map<Hit, { f: Figure; dist: number }>();
  const windows = ctx.dateWindows;
  for (const i of ctx.dateIndex) {
    const f = ctx.figures[i]!;
    const hits = windowHits(ctx, f);
    windows.set(f, hits);
    const w = eventWordFor(ctx, f, hits);
    if (!w) continue;
    const prev = claimed.get(w.hit);
    if (!prev || w.dist < prev.dist) claimed.set(w.hit, { f, dist: w.dist });
  }
  for (const [hit, { f }] of claimed) ctx.dateVerbs.set(f, hit);
  shareGappedVerbs(ctx);
  for (const [f, hits] of windows)
    ctx.dateMetrics.set(f, dateEvent(ctx, f, hits, ctx.dateVerbs.get(f) ?? null));
}

/** Date figures by index; the dateline's date ("MOSCOW, April 8 (RIA Novosti) -") dates no figure and no event. */
function indicesOfDates(figures: Figure[], dateline: Figure | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < figures.length; i++)
    if (figures[i]!.kind === 'date' && figures[i] !== dateline) out.push(i);
  return out;
}

/** Figures that can never be checkable are not worth resolving unless every figure is wanted. */
function mayBeCheckable(f: Figure): boolean {
  if (f.kind === 'ordinal') return false;
  if (f.kind === 'count') return (f.noun !== undefined || f.scaled === true) && !f.vague;
  if (f.kind === 'quantity') return f.unit !== null;
  return true;
}

/** The span of the original text that folded text [start, end) came from. */
function sourceSpan(ctx: ReadingContext, start: number, end: number): [number, number] {
  const from = ctx.source.toSource(start);
  return [from, end > start ? ctx.source.toSource(end - 1) + 1 : from];
}

function figureIndexByToken(t: Tokens, figures: readonly Figure[]): Int32Array {
  const at = new Int32Array(t.count).fill(-1);
  figures.forEach((f, i) => {
    for (let k = f.tokStart; k < f.tokEnd; k++) at[k] = i;
  });
  return at;
}

function buildContext(text: string, options: ExtractOptions): ReadingContext {
  const pub = parsePublished(options.publishedAt);
  const folded = foldText(text);
  const t = tokenize(folded.text);
  const passages = splitPassages(t);
  const recognised = recogniseFigures(t, passages, pub, options.all === true);
  carryCurrency(recognised, passages);
  pointDatesAhead(t, recognised, passages, pub);
  const figures = anchorRelativeDates(t, recognised, passages);
  const hits = collectHits(t, passages, mentionsWith(options.metricAliases));
  const figureAt = figureIndexByToken(t, figures);
  const figureMask = new Uint8Array(t.count);
  const dateMask = new Uint8Array(t.count);
  const countryMask = new Uint8Array(t.count);
  const metricMask = new Uint8Array(t.count);
  const insideMask = new Uint8Array(t.count);
  for (let k = 0; k < t.count; k++) {
    if (figureAt[k]! < 0) continue;
    figureMask[k] = 1;
    if (figures[figureAt[k]!]!.kind === 'date') dateMask[k] = 1;
  }
  for (const h of hits) {
    if (h.value.type === 'country') countryMask[h.tokStart] = 1;
    else if (h.value.type === 'metric') metricMask[h.tokStart] = 1;
    else if (h.value.type === 'thing') for (let k = h.tokStart + 1; k < h.tokEnd; k++) insideMask[k] = 1;
  }
  const clauses = findClauses(t, passages, {
    figure: figureMask,
    date: dateMask,
    country: countryMask,
    metric: metricMask,
    inside: insideMask,
  });
  const dateline = datelineDate(t, figures);
  const countries = articleCountries(hits, dateline?.tokStart ?? 0);
  const ctx: ReadingContext = {
    t,
    source: { ...folded, original: text },
    passages,
    clauses,
    hits,
    pub,
    parties: countries.parties,
    countryCount: countries.count,
    figures,
    figureAt,
    dateMetrics: new Map(),
    dateVerbs: new Map(),
    dateWindows: new Map(),
    dateIndex: indicesOfDates(figures, dateline),
  };
  assignDateEvents(ctx);
  return ctx;
}

export function extractClaims(text: string, options: ExtractOptions): Claim[] {
  const ctx = buildContext(text, options);
  const all = options.all === true;
  const { figures } = ctx;
  const wanted = (f: Figure) => all || mayBeCheckable(f);

  // Value figures first, in text order: a compared figure reads what it lacks from the one before.
  const readings: (ValueReading | undefined)[] = new Array(figures.length);
  for (let fi = 0; fi < figures.length; fi++) {
    const f = figures[fi]!;
    if (isValueKind(f) && wanted(f)) readings[fi] = readValue(ctx, fi, readings);
  }
  for (const reading of readings) {
    const other = reading?.comparison?.role === 'base' ? readings[reading.comparison.with] : undefined;
    if (reading && other && !other.comparison) other.comparison = { role: 'result', with: reading.fi };
  }
  const periods = assignPeriods(ctx, readings);

  const spans: ([number, number] | undefined)[] = new Array(figures.length);
  const spanOf = (fi: number): [number, number] => {
    let span = spans[fi];
    if (!span) {
      const f = figures[fi]!;
      span = sourceSpan(ctx, f.start, f.end);
      spans[fi] = span;
    }
    return span;
  };
  const claimIdOf = (fi: number) => {
    const [start, end] = spanOf(fi);
    return `c${start}-${end}`;
  };

  const claims: Claim[] = [];
  const paragraphs = new Map<Claim, number>();
  const headline = opensWithHeadline(ctx.t, ctx.passages);
  for (let fi = 0; fi < figures.length; fi++) {
    const f = figures[fi]!;
    if (!wanted(f)) continue;
    let frame: ClaimFrame;
    let checkable: boolean;
    const reading = readings[fi];
    // "development rights for up to 99 years": a term, checked as the quantity it is.
    const term = f.kind === 'duration' ? termFrame(ctx, f) : null;
    if (reading) {
      const period = periods[fi];
      // A figure with no metric keeps the period its clause states, but gets no default.
      const shown = reading.metric !== null || period?.source !== 'default' ? (period?.period ?? null) : null;
      frame = valueFrame(reading, shown, period?.source, claimIdOf);
      checkable = valueCheckable(ctx, f, reading);
    } else if (f.kind === 'date' && !all && !ctx.dateMetrics.get(f)) {
      // A date that dates no event only sets the period of other figures.
      continue;
    } else if (term) {
      frame = term;
      checkable = frame.entities.length > 0;
    } else if (f.kind === 'date' || f.kind === 'anniversary' || f.kind === 'duration') {
      const event =
        f.kind === 'date'
          ? readDate(ctx, fi)
          : f.kind === 'anniversary'
            ? readAnniversary(ctx, fi)
            : readDuration(ctx, fi);
      frame = eventFrame(f.kind, event);
      checkable = event.checkable;
    } else {
      frame = { measure: 'level', metric: null, entities: [], period: null, sources: {}, guessed: [] };
      checkable = false;
    }
    // A headline figure may take its frame from the lede below: kept until then.
    const paragraph = ctx.passages.paragraph[f.numTok]!;
    if (!checkable && !all && !(headline && paragraph === 0)) continue;
    const claim = buildClaim(ctx, fi, frame, checkable, spanOf(fi), reading?.deficit === true);
    if (headline) paragraphs.set(claim, paragraph);
    claims.push(claim);
  }
  if (!headline) return claims;
  adoptLedeFrames(claims, (c) => paragraphs.get(c)!);
  return all ? claims : claims.filter((c) => c.checkable);
}

function buildClaim(
  ctx: ReadingContext,
  fi: number,
  frame: ClaimFrame,
  checkable: boolean,
  [start, end]: [number, number],
  deficit = false,
): Claim {
  const f = ctx.figures[fi]!;
  const s = ctx.passages.sentence[f.numTok]!;
  // Text without sentence punctuation can make one huge "sentence"; keep a readable window of it.
  const [sStart, sEnd] = sourceSpan(
    ctx,
    Math.max(ctx.passages.sentenceStart[s]!, f.start - MAX_SENTENCE_SIDE),
    Math.min(ctx.passages.sentenceEnd[s]!, f.end + MAX_SENTENCE_SIDE),
  );
  const claim: Claim = {
    id: `c${start}-${end}`,
    text: ctx.source.original.slice(start, end),
    start,
    end,
    sentence: ctx.source.original.slice(sStart, sEnd).trim(),
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    significantFigures: f.kind === 'date' ? null : f.sig,
    metric: frame.metric,
    entities: frame.entities,
    period: frame.period,
    checkable,
    frame,
  };
  if (f.low !== undefined) claim.low = f.low;
  if (f.high !== undefined) claim.high = f.high;
  // "fell 3%", "a decline of $1.5 billion": a change downwards is negative, as statistics offices
  // publish it; so is a balance in deficit ("a trade deficit of $7.2 billion" is a balance of -$7.2 billion).
  if ((frame.direction === 'fall' || deficit) && typeof f.value === 'number' && f.value > 0) {
    claim.value = -f.value;
    if (typeof f.high === 'number') claim.low = -f.high;
    else delete claim.low;
    if (typeof f.low === 'number') claim.high = -f.low;
    else delete claim.high;
    // "fell by more than 3%" is a change below -3%.
    claim.qualifier = MIRRORED_QUALIFIER[f.qualifier] ?? f.qualifier;
  }
  if (f.datePrecision) claim.datePrecision = f.datePrecision;
  if (frame.event) claim.event = frame.event;
  if (f.carriedUnit) claim.carriedUnit = true;
  return claim;
}
