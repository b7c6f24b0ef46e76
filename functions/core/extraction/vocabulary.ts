/**
 * The extractor's vocabulary, loaded from the JSON tables in ./data and compiled once at module
 * load: phrase matchers for countries, metrics, named things and events, and lookup tables for
 * currencies, units and qualifiers.
 */

import type { MetricAlias, Qualifier } from '../model.ts';
import { changeVerbBase } from './change-words.ts';
import boilerplate from './data/boilerplate.json' with { type: 'json' };
import countries from './data/countries.json' with { type: 'json' };
import currencies from './data/currencies.json' with { type: 'json' };
import events from './data/events.json' with { type: 'json' };
import leaders from './data/leaders.json' with { type: 'json' };
import metrics from './data/metrics.json' with { type: 'json' };
import namedThings from './data/named-things.json' with { type: 'json' };
import products from './data/products.json' with { type: 'json' };
import qualifiers from './data/qualifiers.json' with { type: 'json' };
import regions from './data/regions.json' with { type: 'json' };
import units from './data/units.json' with { type: 'json' };
import { buildPhraseMatcher, type PhraseMatcher } from './phrase-matcher.ts';
import { lw, tokenize, WORD } from './tokenize.ts';

export type PeriodKind = 'flow' | 'stock' | 'attribute';

export interface MetricInfo {
  metric: string;
  period: PeriodKind;
  symmetric?: boolean;
  directed?: 'exports' | 'imports' | 'investment';
  percentMetric?: string;
  /** The share metric a percentage "of" this metric states ("37% of exports" -> export_share). */
  shareMetric?: string;
  targetMetric?: string;
  /** The metric an expectation of this one is stored under ("GDP is expected to total ..."). */
  forecastMetric?: string;
  percentOnly?: boolean;
  /** A rate stated as a percentage level (inflation, the refinancing rate), not a percent change. */
  rate?: boolean;
  /** For a share metric, the metric it is a share of (export_share -> exports). */
  shareOf?: string;
  /** Stated as a bare count ("population reached 2.3 million"). */
  countable?: boolean;
  /**
   * Metrics whose one-word name, right after a figure of this metric, means this one: "trade"
   * after "foreign trade turnover" is the foreign trade.
   */
  /** The one country's total of a bilateral metric: "Azerbaijan's trade turnover" is its foreign trade. */
  ownTotal?: string;
  shortFor?: string[];
  /** An amount fixed when agreed (a loan): "will provide a loan of" states it, it does not forecast it. */
  fixed?: boolean;
}

export interface NamedThing {
  id: string;
  type: string;
  eventMetric: string;
  parties: string[];
  /** Named from the text itself (name-documents.ts), not from the vocabulary. */
  derived?: boolean;
  /** For a document, the things it is about: the TANAP agreement is about TANAP. */
  about?: string[];
}

export type Mention =
  /** `loose`: a region that stands for the entity only roughly ("Europe" for the EU): a frame that reads it guesses. */
  | { type: 'country'; id: string; loose?: boolean; person?: boolean }
  /** `moneyOnly`: a verb that names the flow of a sum only ("shipped crude oil worth $1.8 billion"). */
  | { type: 'metric'; info: MetricInfo; moneyOnly?: boolean }
  | { type: 'thing'; thing: NamedThing }
  | { type: 'event'; metric: string }
  | { type: 'mutual' }
  /** What a flow or sector is of ("crude oil exports", "non-oil GDP"): a narrower quantity than the total. */
  | { type: 'product'; id: string };

function keysOf(phrase: string): string[] {
  const t = tokenize(phrase);
  const keys: string[] = [];
  for (let i = 0; i < t.count; i++)
    keys.push(t.kind[i] === WORD ? lw(t, i) : phrase.slice(t.start[i]!, t.end[i]!));
  return keys;
}

function entriesOf<T>(pairs: Array<[string[], T]>): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  for (const [aliases, value] of pairs) for (const a of aliases) out.push([a, value]);
  return out;
}

const countryEntries = entriesOf<Mention>(
  Object.entries(countries as Record<string, string[]>).map(([id, names]) => [
    names,
    { type: 'country', id },
  ]),
);
/** Heads of state and government and foreign ministers stand for their country ("Pashinyan and Aliyev signed ..."). */
const leaderEntries = entriesOf<Mention>(
  Object.entries(leaders as Record<string, string[]>).map(([id, names]) => [
    names,
    { type: 'country', id, person: true },
  ]),
);
const regionEntries = entriesOf<Mention>(
  Object.entries(regions as Record<string, string[]>).map(([id, names]) => [
    names,
    { type: 'country', id, loose: true },
  ]),
);
type MetricEntry = MetricInfo & { aliases: string[]; moneyAliases?: string[] };
const metricEntries = [
  ...entriesOf<Mention>(
    (metrics as MetricEntry[]).map((m) => {
      const { aliases, moneyAliases: _money, ...info } = m;
      return [aliases, { type: 'metric', info }];
    }),
  ),
  ...entriesOf<Mention>(
    (metrics as MetricEntry[]).map((m) => {
      const { aliases: _aliases, moneyAliases, ...info } = m;
      return [moneyAliases ?? [], { type: 'metric', info, moneyOnly: true }];
    }),
  ),
];
const thingEntries = entriesOf<Mention>(
  (namedThings as Array<NamedThing & { aliases: string[] }>).map((n) => {
    const { aliases, ...thing } = n;
    return [aliases, { type: 'thing', thing }];
  }),
);
const DOCUMENT_TYPES = new Set(['agreement', 'declaration', 'document', 'act']);

export function isDocument(thing: NamedThing): boolean {
  return DOCUMENT_TYPES.has(thing.type);
}

const thingsById = new Map<string, NamedThing>();
const documentsAbout = new Map<string, NamedThing[]>();
for (const [, mention] of thingEntries) {
  if (mention.type !== 'thing') continue;
  thingsById.set(mention.thing.id, mention.thing);
  for (const id of mention.thing.about ?? []) {
    const list = documentsAbout.get(id) ?? [];
    if (!list.includes(mention.thing)) list.push(mention.thing);
    documentsAbout.set(id, list);
  }
}

/** The known thing with this slug: a name written otherwise but with the same words is that thing. */
export function thingWithId(id: string): NamedThing | undefined {
  return thingsById.get(id);
}

/**
 * The one known document of `type` ("declaration") whose parties are exactly `parties`, or null
 * when none or several are: "Azerbaijan, Russia and Iran adopted a trilateral declaration".
 */
export function onlyDocumentOf(type: string, parties: readonly string[]): NamedThing | null {
  let found: NamedThing | null = null;
  for (const thing of thingsById.values()) {
    if (thing.type !== type || thing.parties.length !== parties.length) continue;
    if (!parties.every((id) => thing.parties.includes(id))) continue;
    if (found) return null;
    found = thing;
  }
  return found;
}

/** Words a document's name is not told apart by. */
const NAME_FILLER = new Set([
  'the',
  'of',
  'on',
  'and',
  'between',
  'in',
  'for',
  'to',
  'a',
  'an',
  'field',
  'area',
]);
const countryWords = new Set(
  Object.values(countries as Record<string, string[]>).flatMap((names) => names.map((n) => n.toLowerCase())),
);
/** A word without its ending, so "establishing" is the word of "the Establishment of ...". */
function stem(word: string): string {
  const single = word.length > 4 ? word.replace(/s$/, '') : word;
  const bare = single.replace(/(ment|ing|ed)$/, '');
  return bare.length >= 4 ? bare : single;
}

/** Known documents by the words of their names, for documents described rather than named. */
const documentWords: Array<{ thing: NamedThing; words: ReadonlySet<string> }> = [];
for (const n of namedThings as Array<NamedThing & { aliases: string[] }>) {
  if (!DOCUMENT_TYPES.has(n.type)) continue;
  const { aliases, ...thing } = n;
  for (const alias of aliases) {
    const words = alias
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '' && !NAME_FILLER.has(w) && !countryWords.has(w));
    if (words.length >= 3) documentWords.push({ thing, words: new Set(words.map(stem)) });
  }
}

/**
 * The known document that a description in lower case names ("the memorandum on a strategic
 * partnership in energy" for the Memorandum of Understanding on a Strategic Partnership in the
 * Field of Energy; "a joint declaration on ..." with its one modifier): the head word and at
 * least three of the words after it, in a row and at least
 * half of the rest of the name, are in one known name, and in no other document's. `words` are the
 * description's words after the head, in lower case; `used` is how many of them the name took.
 */
export function describedDocument(
  head: string,
  words: readonly string[],
  modifier?: string,
): { thing: NamedThing; used: number } | null {
  let best: { thing: NamedThing; used: number; matched: number } | null = null;
  let tied = false;
  for (const d of documentWords) {
    if (!d.words.has(stem(head)) || (modifier !== undefined && !d.words.has(stem(modifier)))) continue;
    let used = 0;
    let matched = modifier === undefined ? 0 : 1;
    for (const w of words) {
      if (NAME_FILLER.has(w)) {
        used++;
        continue;
      }
      if (!d.words.has(stem(w))) break;
      used++;
      matched++;
    }
    while (used > 0 && NAME_FILLER.has(words[used - 1]!)) used--;
    if (matched < 3 || matched * 2 < d.words.size - 1) continue;
    if (best && best.thing.id !== d.thing.id && matched === best.matched) tied = true;
    else if (!best || matched > best.matched) {
      best = { thing: d.thing, used, matched };
      tied = false;
    }
  }
  return best && !tied ? { thing: best.thing, used: best.used } : null;
}

/** The things a document is about ("the agreement on the Rasht-Astara railway": the railway). */
export function thingsAbout(document: NamedThing): NamedThing[] {
  return (document.about ?? []).flatMap((id) => thingsById.get(id) ?? []);
}

/** The one known document about a thing ("the agreement on TANAP"), or null when none or several. */
export function documentAbout(thingId: string): NamedThing | null {
  const list = documentsAbout.get(thingId);
  return list?.length === 1 ? list[0]! : null;
}

const eventEntries: Array<[string, Mention]> = Object.entries(events.verbs as Record<string, string>).map(
  ([w, metric]) => [w, { type: 'event', metric }],
);
const mutualEntries: Array<[string, Mention]> = events.mutualMarkers.map((w) => [w, { type: 'mutual' }]);
const productEntries = entriesOf<Mention>(
  (products as Array<{ id: string; aliases: string[] }>).map((p) => [
    p.aliases,
    { type: 'product', id: p.id },
  ]),
);

const mentionEntries = [
  ...thingEntries,
  ...countryEntries,
  ...leaderEntries,
  ...regionEntries,
  ...metricEntries,
  ...eventEntries,
  ...mutualEntries,
  ...productEntries,
];

/** All context phrases in one matcher; the mention type is the layer. */
export const MENTIONS: PhraseMatcher<Mention> = buildPhraseMatcher(mentionEntries);

const metricInfoById = new Map(
  (metrics as MetricEntry[]).map(({ aliases: _aliases, moneyAliases: _money, ...info }) => [
    info.metric,
    info,
  ]),
);

/** The behaviour of a known metric by name. */
export function metricInfo(metric: string): MetricInfo | undefined {
  return metricInfoById.get(metric);
}

/** The level a percentage-only metric is the growth of: "GDP increased by 4.3%" is growth of GDP. */
const levelByGrowth = new Map<string, MetricInfo>();
for (const info of metricInfoById.values())
  if (info.percentMetric && !levelByGrowth.has(info.percentMetric))
    levelByGrowth.set(info.percentMetric, info);

export function levelOfGrowth(metric: string): MetricInfo | undefined {
  return levelByGrowth.get(metric);
}

/** The metrics figcheck's extractor knows; data editors may add wordings for these. */
export const KNOWN_METRICS: ReadonlySet<string> = new Set(metricInfoById.keys());

const extendedMentions = new WeakMap<readonly MetricAlias[], PhraseMatcher<Mention>>();

/**
 * The mention matcher with a data editor's extra metric aliases added. Built once per alias list
 * (callers keep the list they loaded), so articles pay nothing for it after the first.
 */
export function mentionsWith(aliases: readonly MetricAlias[] | undefined): PhraseMatcher<Mention> {
  if (!aliases || aliases.length === 0) return MENTIONS;
  let matcher = extendedMentions.get(aliases);
  if (!matcher) {
    const extra: Array<[string, Mention]> = [];
    for (const { metric, alias } of aliases) {
      const info = metricInfoById.get(metric);
      if (info) extra.push([alias, { type: 'metric', info }]);
    }
    matcher = buildPhraseMatcher([...mentionEntries, ...extra]);
    extendedMentions.set(aliases, matcher);
  }
  return matcher;
}

export const ANNIVERSARY_OF: PhraseMatcher<string> = buildPhraseMatcher(
  Object.entries(events.anniversaryOf as Record<string, string>),
);

export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map(Object.entries(currencies.symbols));
export const CURRENCY_CODES: ReadonlyMap<string, string> = new Map([
  ...currencies.codes.map((c): [string, string] => [c, c]),
  ...Object.entries(currencies.codeAliases),
]);
export const CURRENCY_NAMES: PhraseMatcher<string> = buildPhraseMatcher(Object.entries(currencies.names));

export const MEASURE_UNITS: PhraseMatcher<string> = buildPhraseMatcher(Object.entries(units.measures));
export const DURATION_UNITS: ReadonlyMap<string, string> = new Map(Object.entries(units.durations));
export const COUNT_METRICS: ReadonlyMap<string, string> = new Map(Object.entries(units.countMetrics));
export const NOTABLE_COUNTS: ReadonlySet<string> = new Set(units.notableCounts);
export const NOT_COUNT_NOUNS: ReadonlySet<string> = new Set(units.notCountNouns);

/** Qualifier phrases by their last word, for matching backwards from a number. */
export const QUALIFIER_PHRASES: ReadonlyArray<{ words: string[]; qualifier: Qualifier; below: boolean }> =
  Object.entries(qualifiers.before as Record<string, Qualifier>)
    .map(([phrase, qualifier]) => ({
      words: keysOf(phrase),
      qualifier,
      below: qualifiers.belowValue.includes(phrase),
    }))
    .sort((a, b) => b.words.length - a.words.length);
export const QUALIFIERS_AFTER: ReadonlyMap<string, Qualifier> = new Map(
  Object.entries(qualifiers.after as Record<string, Qualifier>),
);
const DECLINE_LISTED: ReadonlySet<string> = new Set(qualifiers.decline);
const DECLINE_BASES: ReadonlySet<string | undefined> = new Set(
  qualifiers.decline.map(changeVerbBase).filter((b) => b !== undefined),
);
/** A word that signs the change after it: "fell 3%", and any other form of a listed verb ("shrinking by 29.6%"). */
export function isDeclineWord(w: string): boolean {
  return DECLINE_LISTED.has(w) || DECLINE_BASES.has(changeVerbBase(w));
}
export const DECLINE_AFTER: ReadonlySet<string> = new Set(qualifiers.declineAfter);
export const NOT_CHECKABLE_PERCENT: ReadonlySet<string> = new Set(qualifiers.notCheckablePercent);

export const TAIL_MARKERS: ReadonlyArray<string> = boilerplate.tailMarkers;
export const LINE_MARKERS: ReadonlyArray<string> = boilerplate.lineMarkers;
