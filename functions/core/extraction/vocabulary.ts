/**
 * The extractor's vocabulary, loaded from the JSON tables in ./data and compiled once at module
 * load: phrase matchers for countries, metrics, named things and events, and lookup tables for
 * currencies, units and qualifiers.
 */

import type { MetricAlias, Qualifier } from '../model.ts';
import boilerplate from './data/boilerplate.json' with { type: 'json' };
import countries from './data/countries.json' with { type: 'json' };
import currencies from './data/currencies.json' with { type: 'json' };
import events from './data/events.json' with { type: 'json' };
import metrics from './data/metrics.json' with { type: 'json' };
import namedThings from './data/named-things.json' with { type: 'json' };
import products from './data/products.json' with { type: 'json' };
import qualifiers from './data/qualifiers.json' with { type: 'json' };
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
  | { type: 'country'; id: string }
  | { type: 'metric'; info: MetricInfo }
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
const metricEntries = entriesOf<Mention>(
  (metrics as Array<MetricInfo & { aliases: string[] }>).map((m) => {
    const { aliases, ...info } = m;
    return [aliases, { type: 'metric', info }];
  }),
);
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

const documentsAbout = new Map<string, NamedThing[]>();
for (const [, mention] of thingEntries) {
  if (mention.type !== 'thing') continue;
  for (const id of mention.thing.about ?? []) {
    const list = documentsAbout.get(id) ?? [];
    if (!list.includes(mention.thing)) list.push(mention.thing);
    documentsAbout.set(id, list);
  }
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
  ...metricEntries,
  ...eventEntries,
  ...mutualEntries,
  ...productEntries,
];

/** All context phrases in one matcher; the mention type is the layer. */
export const MENTIONS: PhraseMatcher<Mention> = buildPhraseMatcher(mentionEntries);

const metricInfoById = new Map(
  (metrics as Array<MetricInfo & { aliases: string[] }>).map(({ aliases: _aliases, ...info }) => [
    info.metric,
    info,
  ]),
);

/** The behaviour of a known metric by name. */
export function metricInfo(metric: string): MetricInfo | undefined {
  return metricInfoById.get(metric);
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
export const DECLINE_WORDS: ReadonlySet<string> = new Set(qualifiers.decline);
export const DECLINE_AFTER: ReadonlySet<string> = new Set(qualifiers.declineAfter);
export const NOT_CHECKABLE_PERCENT: ReadonlySet<string> = new Set(qualifiers.notCheckablePercent);

export const TAIL_MARKERS: ReadonlyArray<string> = boilerplate.tailMarkers;
export const LINE_MARKERS: ReadonlyArray<string> = boilerplate.lineMarkers;
