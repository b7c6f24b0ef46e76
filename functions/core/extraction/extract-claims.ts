/**
 * The claim extractor: finds every figure in an article and decides which are checkable.
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
 * Context comes from a bounded window of the figure's own sentence: the nearest metric alias,
 * countries (direction for investment and trade flows), named agreements and projects, event words,
 * and "mutual"/"bilateral"/"our countries", which mean the article's two parties (the first two
 * countries the article names). Periods are stated dates in the sentence, else inferred from the
 * publication date: flows -> the last full calendar year, stocks -> the publication month,
 * anniversaries -> the publication year, durations -> the publication date. A date written without
 * its year ("on April 3") takes the latest such date not after publication, with basis "inferred".
 *
 * Values are fully scaled. A range's value is its midpoint, with `low`/`high`; one-sided qualifiers
 * also set a bound (more_than/at_least -> low; less_than/at_most and "nearly"/"almost" -> high).
 * Dates are ISO at their precision; spans of dates ("2012-13", "January-March 2024") are "A/B".
 */
import type { Claim, ClaimEntity, ClaimEvent, MetricAlias, Period } from '../model.ts';
import { type FoldedText, foldText } from './fold-text.ts';
import { findLayeredPhrases, matchPhraseAt, type PhraseHit, type PhraseMatcher } from './phrase-matcher.ts';
import { type Figure, type PublicationDate, recogniseFigures } from './recognise-figures.ts';
import { type Passages, splitPassages } from './split-passages.ts';
import { lw, type Tokens, tokenize, WORD } from './tokenize.ts';
import {
  ANNIVERSARY_OF,
  COUNT_METRICS,
  type Mention,
  type MetricInfo,
  mentionsWith,
  type NamedThing,
  NOT_CHECKABLE_PERCENT,
  NOTABLE_COUNTS,
} from './vocabulary.ts';

export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD; anchors relative dates and inferred periods. */
  publishedAt: string;
  /** Also return figures judged not checkable. */
  all?: boolean;
  /** Extra wordings for known metrics, kept as data beside the reference facts. */
  metricAliases?: readonly MetricAlias[];
}

const WINDOW = 30;
const QUANTITY_FLOWS = new Set(['gas_supply', 'exports', 'imports', 'capacity']);
const CARRY_DISTANCE = 800;
const MAX_SENTENCE_SIDE = 400;
const TARGET_CUES = new Set([
  'target',
  'targets',
  'aim',
  'aims',
  'goal',
  'plan',
  'plans',
  'bring',
  'will',
  'expected',
  'forecast',
]);

type Hit = PhraseHit<Mention>;

const NO_HITS: Hit[] = [];
function isCountable(m: MetricInfo): boolean {
  return m.countable === true;
}

function isShareMetric(m: MetricInfo): boolean {
  return m.percentOnly === true || m.shareMetric !== undefined;
}

function hasPercentMetric(m: MetricInfo): boolean {
  return m.percentMetric !== undefined;
}

function isPercentChangeMetric(m: MetricInfo): boolean {
  return m.percentMetric !== undefined || (m.percentOnly === true && !m.metric.endsWith('_share'));
}

function isMoneyMetric(m: MetricInfo): boolean {
  return (!m.percentOnly && m.period !== 'attribute') || m.metric === 'construction_cost';
}

function isQuantityMetric(m: MetricInfo): boolean {
  return (m.period === 'attribute' && m.metric !== 'construction_cost') || QUANTITY_FLOWS.has(m.metric);
}

interface Context {
  /** Tokens of the folded text (see fold-text.ts); claims point into the original, `source`. */
  t: Tokens;
  source: FoldedText & { original: string };
  passages: Passages;
  hits: Hit[];
  pub: PublicationDate;
  parties: string[];
  figures: Figure[];
  dateMetrics: Map<Figure, string | null>;
  /** windowHits() of each date figure, kept from assignDateEvents() for resolveClaim(). */
  dateWindows: Map<Figure, Hit[]>;
  /** Indices of date figures in `figures`, ascending. */
  dateIndex: number[];
}

function parsePublished(iso: string): PublicationDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`publishedAt must be YYYY-MM-DD, got "${iso}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Share aliases ("of exports") overlap plain ones ("exports"), so they form their own layer. */
function layerOf(m: Mention): string {
  return m.type === 'metric' && m.info.percentOnly ? 'share' : m.type;
}

function collectHits(t: Tokens, passages: Passages, mentions: PhraseMatcher<Mention>): Hit[] {
  const all = findLayeredPhrases(mentions, t, layerOf);
  // Country names inside named things ("Azerbaijan Democratic Republic") belong to the thing.
  // Hits come in token order and things never overlap one another, so one pointer over the
  // things tells whether a country starts inside one.
  const things: Hit[] = [];
  for (const h of all) if (h.value.type === 'thing' && passages.excluded[h.tokStart] !== 1) things.push(h);
  const kept: Hit[] = [];
  let k = 0;
  let sorted = true;
  for (const h of all) {
    if (passages.excluded[h.tokStart] === 1) continue;
    if (h.value.type === 'country') {
      while (k < things.length && things[k]!.tokEnd <= h.tokStart) k++;
      if (k < things.length && things[k]!.tokStart <= h.tokStart) continue;
    }
    const prev = kept[kept.length - 1];
    if (prev && (prev.tokStart > h.tokStart || (prev.tokStart === h.tokStart && prev.tokEnd < h.tokEnd)))
      sorted = false;
    kept.push(h);
  }
  if (!sorted) kept.sort(byPosition);
  return kept;
}

function byPosition(a: Hit, b: Hit): number {
  return a.tokStart - b.tokStart || b.tokEnd - a.tokEnd;
}

function lowerBound(hits: Hit[], tok: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.tokStart < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions in the figure's sentence within a bounded window of tokens. */
function windowHits(ctx: Context, f: Figure, before = WINDOW, after = WINDOW): Hit[] {
  const s = ctx.passages.sentence[f.numTok]!;
  let out: Hit[] | null = null;
  for (let k = lowerBound(ctx.hits, f.tokStart - before); k < ctx.hits.length; k++) {
    const h = ctx.hits[k]!;
    if (h.tokStart >= f.tokEnd + after) break;
    if (ctx.passages.sentence[h.tokStart] !== s) continue;
    if (h.tokStart >= f.tokStart && h.tokStart < f.tokEnd && h.value.type === 'country') continue;
    if (out === null) out = [];
    out.push(h);
  }
  return out ?? NO_HITS;
}

function articleParties(hits: Hit[]): string[] {
  const parties: string[] = [];
  for (const h of hits) {
    if (h.value.type === 'country' && !parties.includes(h.value.id)) parties.push(h.value.id);
    if (parties.length === 2) break;
  }
  return parties;
}

function nearestMetric(hits: Hit[], f: Figure, accept: (m: MetricInfo) => boolean): Hit | null {
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

function pushEntity(list: ClaimEntity[], id: string, role: ClaimEntity['role']): void {
  if (!list.some((e) => e.id === id)) list.push({ id, role });
}

function countriesIn(hits: Hit[]): Hit[] {
  return hits.filter((h) => h.value.type === 'country');
}

function nearestThing(hits: Hit[], f: Figure): NamedThing | null {
  let best: NamedThing | null = null;
  let bestDist = Infinity;
  for (const h of hits) {
    if (h.value.type !== 'thing') continue;
    const dist = h.tokEnd <= f.tokStart ? f.tokStart - h.tokEnd : h.tokStart - f.tokEnd;
    if (dist < bestDist) {
      bestDist = dist;
      best = h.value.thing;
    }
  }
  return best;
}

function thingEntities(thing: NamedThing, ctx: Context, hits: Hit[]): ClaimEntity[] {
  const entities: ClaimEntity[] = [];
  if (thing.type === 'relations') {
    for (const id of partiesFrom(ctx, hits)) pushEntity(entities, id, 'party');
    return entities;
  }
  for (const p of thing.parties) pushEntity(entities, p, 'party');
  pushEntity(entities, thing.id, 'subject');
  return entities;
}

/** Countries a bilateral statement is about: those named nearby, else the article's parties. */
function partiesFrom(ctx: Context, hits: Hit[], max = 2): string[] {
  const named: string[] = [];
  for (const h of countriesIn(hits))
    if (h.value.type === 'country' && !named.includes(h.value.id)) named.push(h.value.id);
  const mutual = hits.some((h) => h.value.type === 'mutual');
  if (named.length >= 2) return named.slice(0, max);
  if (named.length === 1) {
    const other = ctx.parties.find((p) => p !== named[0]);
    return ctx.parties.includes(named[0]!) && other ? [ctx.parties[0]!, ctx.parties[1]!] : named;
  }
  return mutual ? ctx.parties.slice(0, 2) : [];
}

function startsNear(h: Hit, from: number): boolean {
  return h.tokStart >= from && h.tokStart <= from + 6;
}

function directedEntities(hits: Hit[], metricHit: Hit, f: Figure, info: MetricInfo): ClaimEntity[] {
  const out: ClaimEntity[] = [];
  let before: string | null = null;
  let after: string | null = null;
  // The target follows the metric words ("investment in Italy") or the figure ("invested $1bn in Italy").
  for (const h of countriesIn(hits)) {
    if (h.value.type !== 'country') continue;
    if (h.tokEnd <= metricHit.tokStart && h.tokEnd >= metricHit.tokStart - 3) before = h.value.id;
    if (
      after === null &&
      (startsNear(h, metricHit.tokEnd) || startsNear(h, f.tokEnd)) &&
      h.value.id !== before
    )
      after = h.value.id;
  }
  const [source, target] = info.directed === 'imports' ? [after, before] : [before, after];
  if (source) pushEntity(out, source, 'source');
  if (target) pushEntity(out, target, 'target');
  if (out.length === 0) {
    const named = countriesIn(hits);
    if (named.length === 1 && named[0]!.value.type === 'country')
      pushEntity(out, named[0]!.value.id, 'subject');
  }
  return out;
}

/** Date figures of the same sentence within a bounded distance of figure index fi. */
function nearbyDates(ctx: Context, fi: number, radius: number): Figure[] {
  const f = ctx.figures[fi]!;
  const s = ctx.passages.sentence[f.numTok];
  const dates = ctx.dateIndex;
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < fi) lo = mid + 1;
    else hi = mid;
  }
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

function statedPeriod(ctx: Context, fi: number): Period | null {
  const f = ctx.figures[fi]!;
  let best: Figure | null = null;
  let bestDist = Infinity;
  for (const d of nearbyDates(ctx, fi, WINDOW)) {
    if (d.kind !== 'date') continue;
    if (ctx.dateMetrics.get(d)) continue;
    const dist = Math.abs(d.tokStart - f.tokStart);
    if (dist < bestDist && dist <= WINDOW) {
      bestDist = dist;
      best = d;
    }
  }
  return best ? { value: String(best.value), basis: best.yearInferred ? 'inferred' : 'stated' } : null;
}

function inferredPeriod(ctx: Context, info: MetricInfo | undefined): Period | null {
  if (!info) return null;
  const { year, month } = ctx.pub;
  if (info.period === 'flow') return { value: String(year - 1), basis: 'inferred' };
  if (info.period === 'stock')
    return { value: `${year}-${month < 10 ? `0${month}` : month}`, basis: 'inferred' };
  return null;
}

/** The event word a date most likely belongs to: shortly before it ("signed on ..."), or right after. */
function eventWordFor(f: Figure, hits: Hit[]): { hit: Hit; dist: number } | null {
  let best: { hit: Hit; dist: number } | null = null;
  for (const h of hits) {
    if (h.value.type !== 'event') continue;
    const before = h.tokEnd <= f.tokStart;
    const dist = before ? f.tokStart - h.tokEnd : (h.tokStart - f.tokEnd) * 3;
    // "We signed the Declaration on Allied Cooperation here in the Kremlin in February 2022":
    // the object of the verb, often a long name, stands between the verb and its date.
    if (dist <= (before ? 12 : 9) && (best === null || dist < best.dist)) best = { hit: h, dist };
  }
  return best;
}

/** Which event a date belongs to, from an event word near it ("signed", "established"). */
function dateEvent(f: Figure, hits: Hit[], verb: Hit | null): string | null {
  const best = verb && verb.value.type === 'event' ? verb.value.metric : null;
  const thing = nearestThing(hits, f);
  if (thing?.type === 'relations' && best !== null) return thing.eventMetric;
  if (best === 'founded' && thing && thing.eventMetric !== 'construction_started') return thing.eventMetric;
  return best;
}

function anniversaryEvent(
  ctx: Context,
  f: Figure,
  hits: Hit[],
  viaVerb = true,
): { metric: string; entities: ClaimEntity[] } | null {
  // "the 50th anniversary of the Baikal-Amur Mainline", "BAM's 50th anniversary".
  const t = ctx.t;
  let thingHit: Hit | null = null;
  for (const h of hits) {
    if (h.value.type !== 'thing') continue;
    const after = h.tokStart >= f.tokEnd && h.tokStart <= f.tokEnd + 8;
    const before = h.tokEnd <= f.tokStart && h.tokEnd >= f.tokStart - 4;
    if ((after || before) && (thingHit === null || after)) {
      thingHit = h;
      if (after) break;
    }
  }
  for (let k = f.tokEnd; k < Math.min(t.count, f.tokEnd + 6); k++) {
    const cue = matchPhraseAt(ANNIVERSARY_OF, t, k);
    if (
      cue &&
      (thingHit === null || (thingHit.value.type === 'thing' && thingHit.value.thing.type === 'relations'))
    ) {
      return {
        metric: cue.value,
        entities: partiesFrom(ctx, hits).map((id) => ({ id, role: 'party' as const })),
      };
    }
  }
  if (thingHit && thingHit.value.type === 'thing') {
    const thing = thingHit.value.thing;
    return { metric: thing.eventMetric, entities: thingEntities(thing, ctx, hits) };
  }
  // A named thing elsewhere in the sentence ("Diplomatic relations ... ; the 30th anniversary ...").
  const anyThing = viaVerb ? nearestThing(hits, f) : null;
  if (anyThing) {
    return { metric: anyThing.eventMetric, entities: thingEntities(anyThing, ctx, hits) };
  }
  // "The treaty, signed on 3 July 1997, marks its 25th anniversary": the event word names it.
  const verb = viaVerb ? hits.find((h) => h.value.type === 'event') : undefined;
  if (verb && verb.value.type === 'event') {
    return {
      metric: verb.value.metric,
      entities: partiesFrom(ctx, hits).map((id) => ({ id, role: 'party' as const })),
    };
  }
  return null;
}

function durationEvent(
  ctx: Context,
  f: Figure,
  hits: Hit[],
): { metric: string; entities: ClaimEntity[] } | null {
  const viaCue = anniversaryEvent(ctx, f, hits, false);
  if (viaCue) return viaCue;
  const thing = nearestThing(hits, f);
  if (thing) return { metric: thing.eventMetric, entities: thingEntities(thing, ctx, hits) };
  return anniversaryEvent(ctx, f, hits, true);
}

function statedEventDate(ctx: Context, fi: number, metric: string): string | undefined {
  for (const d of nearbyDates(ctx, fi, WINDOW * 2)) {
    if (d.kind === 'date' && ctx.dateMetrics.get(d) === metric) {
      return String(d.value);
    }
  }
  return undefined;
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

/** "the two countries", "our three nations": a small count after a determiner names, it does not claim. */
function isReference(t: Tokens, f: Figure): boolean {
  return typeof f.value === 'number' && f.value < 10 && DETERMINERS.has(wordAt(t, f.tokStart - 1));
}

function wordAt(t: Tokens, i: number): string {
  return i >= 0 && i < t.count && t.kind[i] === WORD ? lw(t, i) : '';
}

/** The claim for figure fi, or null when it is not checkable and `all` is not asked for. */
function resolveClaim(ctx: Context, fi: number, all: boolean): Claim | null {
  const t = ctx.t;
  const f = ctx.figures[fi]!;
  const hits = ctx.dateWindows.get(f) ?? windowHits(ctx, f);
  let metric: string | null = null;
  let entities: ClaimEntity[] = [];
  let period: Period | null = null;
  let event: ClaimEvent | undefined;
  let checkable = false;

  if (f.kind === 'date') {
    metric = ctx.dateMetrics.get(f) ?? null;
    if (metric) {
      const thing = nearestThing(hits, f);
      entities = thing
        ? thingEntities(thing, ctx, hits)
        : partiesFrom(ctx, hits, 6).map((id) => ({ id, role: 'party' }));
      checkable = true;
    }
    period = { value: String(f.value), basis: f.yearInferred ? 'inferred' : 'stated' };
  } else if (f.kind === 'anniversary') {
    const ev = anniversaryEvent(ctx, f, hits);
    if (ev) {
      metric = ev.metric;
      entities = ev.entities;
      event = { metrics: [ev.metric], entities: ev.entities.map((e) => e.id) };
    }
    period = { value: String(ctx.pub.year), basis: 'inferred' };
    checkable = true;
  } else if (f.kind === 'duration') {
    const ev = durationEvent(ctx, f, hits);
    if (ev) {
      metric = ev.metric;
      entities = ev.entities;
      event = { metrics: [ev.metric], entities: ev.entities.map((e) => e.id) };
      const statedDate = statedEventDate(ctx, fi, ev.metric);
      if (statedDate !== undefined) event.statedDate = statedDate;
      period = { value: ctx.pub.iso, basis: 'inferred' };
      checkable = true;
    }
  } else if (f.kind !== 'ordinal') {
    let metricHit: Hit | null = null;
    let info: MetricInfo | undefined;
    if (f.kind === 'count' && f.noun && COUNT_METRICS.has(f.noun)) {
      metric = COUNT_METRICS.get(f.noun)!;
      info = { metric, period: 'stock' };
    } else if (f.kind === 'percent') {
      // "12% of exports" is a share; "exports rose 12%" is growth.
      const share = wordAt(t, f.tokEnd) === 'of';
      metricHit = share
        ? (nearestMetric(hits, f, isShareMetric) ?? nearestMetric(hits, f, hasPercentMetric))
        : nearestMetric(hits, f, isPercentChangeMetric);
      if (metricHit && metricHit.value.type === 'metric') {
        info = metricHit.value.info;
        metric = info.percentOnly
          ? info.metric
          : share && info.shareMetric
            ? info.shareMetric
            : (info.percentMetric ?? info.metric);
      }
    } else if (f.kind === 'count' && f.noun === undefined) {
      // "Baku's population reached 2.3 million": a bare count of a countable metric.
      metricHit = nearestMetric(hits, f, isCountable);
      if (metricHit && metricHit.value.type === 'metric') {
        info = metricHit.value.info;
        metric = info.metric;
      }
    } else if (f.kind === 'money') {
      metricHit = nearestMetric(hits, f, isMoneyMetric);
      if (metricHit && metricHit.value.type === 'metric') {
        info = metricHit.value.info;
        metric = info.metric;
        if (info.targetMetric) {
          for (let k = Math.max(0, f.tokStart - 8); k < f.tokStart; k++) {
            if (TARGET_CUES.has(wordAt(t, k))) metric = info.targetMetric;
          }
        }
      }
    } else if (f.kind === 'quantity' && f.unit !== null) {
      metricHit = nearestMetric(hits, f, isQuantityMetric);
      if (metricHit && metricHit.value.type === 'metric') {
        info = metricHit.value.info;
        metric = info.metric;
      }
    }
    if (metricHit && info?.directed) {
      entities = directedEntities(hits, metricHit, f, info);
    } else if (info?.symmetric) {
      entities = partiesFrom(ctx, hits).map((id) => ({ id, role: 'party' }));
    } else if (metric) {
      const named = countriesIn(hits);
      for (const h of named)
        if (h.value.type === 'country')
          pushEntity(entities, h.value.id, named.length === 1 ? 'subject' : 'party');
    }
    const thing = metric ? nearestThing(hits, f) : null;
    if (thing && thing.type !== 'relations') {
      for (const e of thingEntities(thing, ctx, hits)) pushEntity(entities, e.id, e.role);
    }
    // A stated date only matters once there is a metric; finding one costs a search of the sentence.
    const stated = metric ? statedPeriod(ctx, fi) : null;
    if (metric) period = stated ?? inferredPeriod(ctx, info ?? { metric, period: 'flow' });
    if (metric?.endsWith('_target')) period = stated;
    if (f.kind === 'money') checkable = true;
    else if (f.kind === 'percent') checkable = !NOT_CHECKABLE_PERCENT.has(wordAt(t, f.tokEnd));
    else if (f.kind === 'count')
      checkable =
        !f.vague &&
        !isReference(t, f) &&
        (metric !== null || (f.noun !== undefined && NOTABLE_COUNTS.has(f.noun)));
    else if (f.kind === 'quantity') checkable = metric !== null;
  }

  if (!checkable && !all) return null;
  const s = ctx.passages.sentence[f.numTok]!;
  // Text without sentence punctuation can make one huge "sentence"; keep a readable window of it.
  const [sStart, sEnd] = sourceSpan(
    ctx,
    Math.max(ctx.passages.sentenceStart[s]!, f.start - MAX_SENTENCE_SIDE),
    Math.min(ctx.passages.sentenceEnd[s]!, f.end + MAX_SENTENCE_SIDE),
  );
  const [start, end] = sourceSpan(ctx, f.start, f.end);
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
    metric,
    entities,
    period,
    checkable,
  };
  if (f.low !== undefined) claim.low = f.low;
  if (f.high !== undefined) claim.high = f.high;
  if (f.datePrecision) claim.datePrecision = f.datePrecision;
  if (event) claim.event = event;
  if (f.carriedUnit) claim.carriedUnit = true;
  return claim;
}

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

/** Gives each event word to the nearest date it can belong to, so one "signed" dates one figure. */
function assignDateEvents(ctx: Context): void {
  const claimed = new Map<Hit, { f: Figure; dist: number }>();
  const windows = ctx.dateWindows;
  for (const i of ctx.dateIndex) {
    const f = ctx.figures[i]!;
    const hits = windowHits(ctx, f);
    windows.set(f, hits);
    const w = eventWordFor(f, hits);
    if (!w) continue;
    const prev = claimed.get(w.hit);
    if (!prev || w.dist < prev.dist) claimed.set(w.hit, { f, dist: w.dist });
  }
  const verbOf = new Map<Figure, Hit>();
  for (const [hit, { f }] of claimed) verbOf.set(f, hit);
  for (const [f, hits] of windows) ctx.dateMetrics.set(f, dateEvent(f, hits, verbOf.get(f) ?? null));
}

function indicesOfDates(figures: Figure[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < figures.length; i++) if (figures[i]!.kind === 'date') out.push(i);
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
function sourceSpan(ctx: Context, start: number, end: number): [number, number] {
  const from = ctx.source.toSource(start);
  return [from, end > start ? ctx.source.toSource(end - 1) + 1 : from];
}

export function extractClaims(text: string, options: ExtractOptions): Claim[] {
  const pub = parsePublished(options.publishedAt);
  const folded = foldText(text);
  const t = tokenize(folded.text);
  const passages = splitPassages(t);
  const figures = recogniseFigures(t, passages, pub, options.all === true);
  carryCurrency(figures, passages);
  const hits = collectHits(t, passages, mentionsWith(options.metricAliases));
  const ctx: Context = {
    t,
    source: { ...folded, original: text },
    passages,
    hits,
    pub,
    parties: articleParties(hits),
    figures,
    dateMetrics: new Map(),
    dateWindows: new Map(),
    dateIndex: indicesOfDates(figures),
  };
  assignDateEvents(ctx);
  const claims: Claim[] = [];
  for (let fi = 0; fi < figures.length; fi++) {
    if (options.all !== true && !mayBeCheckable(figures[fi]!)) continue;
    const claim = resolveClaim(ctx, fi, options.all === true);
    if (claim !== null) claims.push(claim);
  }
  return claims;
}
