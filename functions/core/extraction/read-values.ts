/**
 * The measure, metric and entities of a value figure (money, percentage, count, quantity), read
 * from its own clause first. A figure in a comparison or appendix ("compared with $38 billion",
 * ", up 17%") takes what its own clause lacks from the figure it is about; anything else taken
 * from another clause, an earlier sentence or the article's parties is marked with its source, so
 * that the frame can say it was a guess.
 */
import type { ClaimEntity, FrameSource, Measure } from '../model.ts';
import { changeVerbBase } from './change-words.ts';
import { MONTHS } from './number-words.ts';
import { readFlowRoles } from './read-flow-roles.ts';
import { readMeasure } from './read-measure.ts';
import {
  attributedCountry,
  BUILT_KINDS,
  clauseHits,
  clausesJoined,
  countriesIn,
  DOCUMENT_KINDS,
  type Hit,
  hasMutualMarker,
  isBaseFigure,
  isPossessive,
  LOOKBACK_SENTENCES,
  looksBack,
  lowerBound,
  nearestMetric,
  nearestThing,
  otherClauseHits,
  partiesFrom,
  pushEntity,
  REFERRING_NOUNS,
  type ReadingContext,
  sentenceOpener,
  sentenceStartBefore,
  startsMetric,
  thingEntities,
  thingNamedBefore,
  windowHits,
  wordAfterMention,
  wordAt,
} from './reading-context.ts';
import type { Figure } from './recognise-figures.ts';
import { isCapitalisedWord, isMark, type Tokens, WORD } from './tokenize.ts';
import { COUNT_METRICS, isDocument, levelOfGrowth, type MetricInfo, metricInfo } from './vocabulary.ts';

/** Value readings by figure index; other figures have none. */
export type Readings = ReadonlyArray<ValueReading | undefined>;

export interface ValueReading {
  fi: number;
  clause: number;
  measure: Measure;
  /** False when the measure is figcheck's reading of an unmarked percentage. */
  measureMarked: boolean;
  metric: string | null;
  /** The metric the figure's words name (trade_turnover for a growth of trade turnover). */
  info?: MetricInfo;
  metricSource?: FrameSource;
  entities: ClaimEntity[];
  entitiesSource?: FrameSource;
  /** Read from the right place, but which countries is still not certain ("trade with Georgia"). */
  entitiesGuessed?: boolean;
  /** The figure this one is about (a comparison or appendix), as an index into figures. */
  anchor: number | null;
  comparison?: { role: 'base' | 'result'; with: number };
  /** For a change or growth, which way the words say it went. */
  direction?: 'rise' | 'fall';
  /** An item of a list of partners ("China led with $240.1 billion, followed by India with ..."). */
  partner?: string;
  /** For a list item, the item before it (or the level the list follows), whose period it shares. */
  listedAfter?: number;
  /** A balance stated as a deficit ("the trade deficit reached $7.2 billion"): a negative balance. */
  deficit?: boolean;
  /** The figure a coordinate clause sets this one beside, whose owner and period it shares (parallelReading()). */
  parallel?: number;
}

/** Words right before a figure that make it the level reached: "reaching $12.4 billion", "to $6.9 billion". */
const LEVEL_WORDS = new Set([
  'to',
  'at',
  'reaching',
  'totalling',
  'totaling',
  'amounting',
  'hitting',
  'standing',
]);
/** Verbs of a level that go on with the clause before after "and": "grew 4.5% ... and reached $9.9 billion". */
const LEVEL_VERBS = new Set([
  'reached',
  'totalled',
  'totaled',
  'amounted',
  'hit',
  'stood',
  'exceeded',
  'topped',
]);

const QUANTITY_FLOWS = new Set(['gas_supply', 'exports', 'imports', 'capacity']);
const PARAGRAPH_LOOKBACK = 400;
const WINDOW_TOKENS = 30;

function isCountable(m: MetricInfo): boolean {
  return m.countable === true;
}

function isShareMetric(m: MetricInfo): boolean {
  return m.percentOnly === true && m.metric.endsWith('_share');
}

function canBeShared(m: MetricInfo): boolean {
  return isShareMetric(m) || m.shareMetric !== undefined;
}

function isPercentChangeMetric(m: MetricInfo): boolean {
  return m.percentMetric !== undefined || (m.percentOnly === true && !isShareMetric(m));
}

function isPercentOnly(m: MetricInfo): boolean {
  return m.percentOnly === true;
}

function isMoneyMetric(m: MetricInfo): boolean {
  return (
    (!m.percentOnly && m.period !== 'attribute') ||
    m.metric === 'construction_cost' ||
    m.metric === 'project_cost'
  );
}

function isQuantityMetric(m: MetricInfo): boolean {
  return (
    (m.period === 'attribute' && m.metric !== 'construction_cost' && m.metric !== 'project_cost') ||
    QUANTITY_FLOWS.has(m.metric)
  );
}

type Pick = { hit: Hit | null; final: boolean };

function figureTokensBetween(ctx: ReadingContext, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (ctx.figureAt[k]! >= 0) n++;
  return n;
}

/** The metric mention a figure's words point to among `hits`, for the measure its words state. */
function pickMetric(
  ctx: ReadingContext,
  hits: readonly Hit[],
  fi: number,
  measure: Measure,
  shareOf: number | undefined,
): Pick {
  const f = ctx.figures[fi]!;
  if (f.kind === 'percent') {
    if (measure === 'share' && shareOf !== undefined) {
      // "37% of exports" is a share of exports; "80% of payments" a share of nothing figcheck knows.
      // The whole follows "of", past its owner and its own amount: "of Azerbaijan's $16.5 billion imports".
      for (const h of windowHits(ctx, f, 0, 14)) {
        if (h.value.type !== 'metric' || h.tokStart < shareOf - 1) continue;
        if (h.tokStart - shareOf - figureTokensBetween(ctx, shareOf, h.tokStart) > 4) break;
        if (canBeShared(h.value.info)) return { hit: h, final: true };
      }
      return { hit: null, final: true };
    }
    if (measure === 'share') return { hit: nearestMetric(hits, f, canBeShared), final: false };
    if (f.unit === 'percentage_point' || f.unit === 'basis_point')
      return {
        hit: nearestMetric(hits, f, isPercentOnly) ?? nearestMetric(hits, f, isPercentChangeMetric),
        final: false,
      };
    return { hit: nearestMetric(hits, f, isPercentChangeMetric), final: false };
  }
  if (f.kind === 'money')
    return { hit: nearestOwnMetric(ctx, sumVerbsOf(ctx, hits, f), fi, isMoneyMetric), final: false };
  const named = hits.some(isSumVerb) ? hits.filter((h) => !isSumVerb(h)) : hits;
  if (f.kind === 'quantity')
    return {
      hit: f.unit !== null ? nearestOwnMetric(ctx, named, fi, isQuantityMetric) : null,
      final: false,
    };
  if (f.kind === 'count') return { hit: nearestOwnMetric(ctx, named, fi, isCountable), final: false };
  return { hit: null, final: true };
}

function isSumVerb(h: Hit): boolean {
  return h.value.type === 'metric' && h.value.moneyOnly === true;
}

/**
 * Mentions without verbs that name a sum's flow ("shipped") unless the sum is their own: "shipped
 * crude oil worth $1.83 billion", not "Mutual trade, mostly oil shipped to Israel via Turkey,
 * reached $1.5 billion", whose verb stands past a comma.
 */
function sumVerbsOf(ctx: ReadingContext, hits: readonly Hit[], f: Figure): readonly Hit[] {
  if (!hits.some(isSumVerb)) return hits;
  return hits.filter((h) => {
    if (!isSumVerb(h)) return true;
    if (h.tokEnd > f.tokStart) return false;
    for (let k = h.tokEnd; k < f.tokStart; k++) if (isMark(ctx.t, k, ',;')) return false;
    return true;
  });
}

/** How far after metric words the figure they introduce may stand: "and imports to $14.54 billion". */
const INTRODUCES_REACH = 5;

/**
 * The nearest metric words of figure fi, not counting words after it that introduce a figure of
 * their own: "Exports amounted to $38.1 billion and imports to $14.54 billion" gives the $38.1
 * billion the exports before it, not the imports after it.
 */
function nearestOwnMetric(
  ctx: ReadingContext,
  hits: readonly Hit[],
  fi: number,
  accept: (m: MetricInfo) => boolean,
): Hit | null {
  const f = ctx.figures[fi]!;
  const nearest = nearestMetric(hits, f, accept);
  // Only metric words after the figure can introduce another; the nearest before stands.
  if (!nearest || nearest.tokStart < f.tokEnd || !introducesFigure(ctx, nearest, fi)) return nearest;
  const own = hits.filter((h) => h.value.type !== 'metric' || !introducesFigure(ctx, h, fi));
  return nearestMetric(own, f, accept) ?? nearest;
}

/** Whether metric words h, after figure fi, introduce a figure of their own within a few tokens. */
function introducesFigure(ctx: ReadingContext, h: Hit, fi: number): boolean {
  if (h.tokStart < ctx.figures[fi]!.tokEnd) return false;
  for (let k = h.tokEnd; k < Math.min(ctx.t.count, h.tokEnd + INTRODUCES_REACH); k++)
    if (otherValueAt(ctx, k, fi) >= 0) return true;
  return false;
}

/** The index of a value figure (not a date) other than fi at token k, or -1. */
function otherValueAt(ctx: ReadingContext, k: number, fi: number): number {
  const g = ctx.figureAt[k]!;
  return g >= 0 && g !== fi && ctx.figures[g]!.kind !== 'date' ? g : -1;
}

/** The metric name and measure a figure states about metric `info`. */
function nameMetric(
  info: MetricInfo,
  fiKind: string,
  unit: string | null,
  cue: Measure,
): { metric: string; measure: Measure } {
  if (fiKind === 'percent') {
    if (unit === 'percentage_point' || unit === 'basis_point') {
      // "its share fell by 1.8 percentage points" changes the share; "cut the rate by 0.5 points" the rate.
      const shared = cue === 'share' && !isShareMetric(info) ? info.shareMetric : undefined;
      return { metric: shared ?? info.metric, measure: 'change' };
    }
    if (cue === 'share')
      return {
        metric: isShareMetric(info) ? info.metric : (info.shareMetric ?? info.metric),
        measure: 'share',
      };
    if (isShareMetric(info)) return { metric: info.metric, measure: 'share' };
    const growthMetric = info.percentOnly ? info.metric : (info.percentMetric ?? info.metric);
    // An expected growth rate or inflation is a forecast of that same metric.
    if (cue === 'forecast' || cue === 'target') return { metric: growthMetric, measure: cue };
    if (info.rate) return { metric: info.metric, measure: 'rate' };
    return { metric: growthMetric, measure: 'growth' };
  }
  if (cue === 'target') return { metric: info.targetMetric ?? `${info.metric}_target`, measure: 'target' };
  if (cue === 'forecast')
    return { metric: info.forecastMetric ?? `${info.metric}_forecast`, measure: 'forecast' };
  if (cue === 'change') return { metric: info.metric, measure: 'change' };
  return { metric: info.metric, measure: 'level' };
}

interface EntityReading {
  entities: ClaimEntity[];
  viaArticle: boolean;
  /** Which two of several countries, or the other side of "trade with Georgia", is not said. */
  guessed: boolean;
}

/** The word after a mention in its own clause, past a clause inserted after it and a possessive. */
function nextWordInClause(ctx: ReadingContext, h: Hit): string {
  const clause = ctx.clauses.of[h.tokStart]!;
  let k = h.tokEnd;
  if (isMark(ctx.t, k, "'’") && wordAt(ctx.t, k + 1) === 's') k += 2;
  for (let n = 0; k < ctx.t.count && n < 40; k++, n++) {
    if (ctx.clauses.of[k] !== clause) continue;
    if (isMark(ctx.t, k, ',')) continue;
    return wordAt(ctx.t, k);
  }
  return '';
}

/** Words between metric words and the goods they are of: "exports of crude oil", "trade in the oil". */
const OF_GOODS = new Set(['of', 'in', 'the']);

/**
 * A product or sector named right before the metric words or right after them with "of"; not
 * the goods of a price ("Trade has followed oil prices").
 */
function productOf(ctx: ReadingContext, hits: readonly Hit[], metricHit: Hit): string | null {
  for (const h of hits) {
    if (h.value.type !== 'product' || PRICE_NOUNS.has(wordAt(ctx.t, h.tokEnd))) continue;
    // "... the main market for its crude. Trade has followed ...": not across a sentence's end.
    if (ctx.passages.sentence[h.tokStart] !== ctx.passages.sentence[metricHit.tokStart]) continue;
    const before = h.tokEnd <= metricHit.tokStart && metricHit.tokStart - h.tokEnd <= 1;
    let after = h.tokStart >= metricHit.tokEnd && h.tokStart - metricHit.tokEnd <= 2;
    // "imported Azerbaijani crude oil": the goods' country may stand between.
    for (let k = metricHit.tokEnd; after && k < h.tokStart; k++)
      after =
        OF_GOODS.has(wordAt(ctx.t, k)) || hits.some((c) => c.value.type === 'country' && c.tokStart === k);
    if (before || after) return h.value.id;
  }
  return null;
}

const PRICE_NOUNS = new Set(['price', 'prices']);

/** "shipped about $1.38 billion of crude oil to Israel": the goods right after the amount. */
function productAfter(ctx: ReadingContext, hits: readonly Hit[], f: Figure): string | null {
  if (wordAt(ctx.t, f.tokEnd) !== 'of') return null;
  const h = hits.find((p) => p.value.type === 'product' && p.tokStart === f.tokEnd + 1);
  return h?.value.type === 'product' ? h.value.id : null;
}

/** "Azerbaijan's $16.5 billion imports": a possessive country right before the figure, the metric right after. */
function ownerOfFigure(
  ctx: ReadingContext,
  hits: readonly Hit[],
  fi: number,
  metricHit: Hit | null,
): EntityReading | null {
  const f = ctx.figures[fi]!;
  if (!metricHit || metricHit.tokStart !== f.tokEnd) return null;
  const t = ctx.t;
  if (!(isMark(t, f.tokStart - 2, "'’") && wordAt(t, f.tokStart - 1) === 's')) return null;
  const owner = hits.find((h) => h.value.type === 'country' && h.tokEnd === f.tokStart - 2);
  if (owner?.value.type !== 'country') return null;
  return { entities: [{ id: owner.value.id, role: 'subject' }], viaArticle: false, guessed: false };
}

/**
 * The mentions of figure fi's own stretch of its clause: "Azerbaijani investment in China stood at
 * $1.7 billion and Chinese investment in Azerbaijan at $800 million" gives the $800 million the
 * countries after the $1.7 billion only, which belong to the figure before.
 */
function ownStretch(
  ctx: ReadingContext,
  hits: readonly Hit[],
  metricHit: Hit | null,
  fi: number,
): readonly Hit[] {
  const f = ctx.figures[fi]!;
  if (!metricHit || metricHit.tokEnd > f.tokStart) return hits;
  let from = -1;
  const clauseStart = ctx.clauses.start[ctx.clauses.of[f.numTok]!]!;
  const stop = Math.max(clauseStart, metricHit.tokStart - 40);
  for (let k = metricHit.tokStart - 1; k >= stop && from < 0; k--) {
    const g = otherValueAt(ctx, k, fi);
    if (g >= 0) from = ctx.figures[g]!.tokEnd;
  }
  return from < 0 ? hits : hits.filter((h) => h.value.type !== 'country' || h.tokStart >= from);
}

/** Words that make trade bilateral: "trade with Russia", "mutual trade", "trade between". */
const PARTNER_WORDS = new Set(['with', 'between', 'mutual', 'bilateral', 'two-way', 'among']);

/**
 * The country whose own trade the clause speaks of ("Azerbaijan's trade turnover"), or null: the
 * one country of the clause, in the possessive right before the metric words, with no partner.
 */
function countrysOwnTrade(ctx: ReadingContext, own: readonly Hit[], metricHit: Hit): string | null {
  const t = ctx.t;
  let owner: Hit | null = null;
  for (const h of own) {
    if (h.value.type === 'mutual') return null;
    if (h.value.type !== 'country') continue;
    if (owner) return null;
    owner = h;
  }
  if (!owner || owner.value.type !== 'country' || !isPossessive(t, owner)) return null;
  if (metricHit.tokStart !== owner.tokEnd + 2) return null;
  for (let k = metricHit.tokStart; k <= metricHit.tokEnd; k++)
    if (PARTNER_WORDS.has(wordAt(t, k))) return null;
  return owner.value.id;
}

/** A figure's own quantities belong to a thing when one is named: "the railway's capacity". */
function isAttribute(info: MetricInfo | undefined): boolean {
  return info?.period === 'attribute';
}

/** Entities for metric `info` from the mentions given, or null when they name none. */
function entitiesFrom(
  ctx: ReadingContext,
  hits: readonly Hit[],
  info: MetricInfo | undefined,
  metricHit: Hit | null,
  fi: number,
  share: boolean,
): EntityReading | null {
  const f = ctx.figures[fi]!;
  const entities: ClaimEntity[] = [];
  let viaArticle = false;
  let guessed = false;
  // Things named only by their shape in the text ("the Central Bank of Azerbaijan") date events;
  // they do not narrow a figure. A document has no length, capacity or cost: "The corridor, which
  // stretches for 7,200 km, ... when they adopted the Baku Declaration"; nor trade of its own:
  // "Under the memorandum ..., the EU hopes to receive 20 bcm of gas" is the flow between the countries.
  const noDocuments = isAttribute(info) || info?.period === 'flow';
  const thing = nearestThing(
    hits.filter(
      (h) =>
        h.value.type !== 'thing' ||
        (h.value.thing.derived !== true &&
          !(noDocuments && isDocument(h.value.thing)) &&
          !(h.value.thing.type === 'organisation' && isVenue(ctx, h))),
    ),
    f,
  );
  const namedThing =
    thing && thing.value.type === 'thing' && thing.value.thing.type !== 'relations'
      ? thing.value.thing
      : null;
  if (isAttribute(info)) {
    // The cost or length of a railway is the railway's, whatever countries it runs through.
    if (namedThing) pushEntity(entities, namedThing.id, 'subject');
    return entities.length > 0 ? { entities, viaArticle, guessed } : null;
  }
  const countries = hits.filter((h) => h.value.type === 'country');
  if (info?.directed) {
    entities.push(
      ...readFlowRoles(
        ctx.t,
        ownStretch(ctx, hits, metricHit, fi),
        metricHit,
        info.directed,
        share,
        (h) => nextWordInClause(ctx, h),
        (k) => ctx.figureAt[k]! >= 0,
      ),
    );
    if (entities.length === 0 && hasMutualMarker(hits)) {
      for (const id of ctx.parties) pushEntity(entities, id, 'party');
      viaArticle = true;
      guessed = ctx.countryCount > 2;
    }
  } else if (
    info?.symmetric ||
    ((info === undefined || info.countable === true) && countries.length > 1) ||
    (countries.length === 0 && hasMutualMarker(hits))
  ) {
    const parties = partiesFrom(ctx, hits, 2, metricHit ?? undefined);
    for (const id of parties.ids) pushEntity(entities, id, 'party');
    viaArticle = parties.viaArticle;
    guessed = parties.guessed;
  } else if (countries.length > 0) {
    // A country's own figure: the country named closest to the metric words.
    const near = metricHit ?? { tokStart: f.tokStart, tokEnd: f.tokEnd };
    let best = countries[0]!;
    let bestDist = Infinity;
    for (const h of countries) {
      const dist = h.tokEnd <= near.tokStart ? near.tokStart - h.tokEnd : h.tokStart - near.tokEnd + 2;
      if (dist < bestDist) {
        bestDist = dist;
        best = h;
      }
    }
    if (best.value.type === 'country') pushEntity(entities, best.value.id, 'subject');
  }
  if (namedThing) {
    for (const e of thingEntities(namedThing, ctx, hits)) pushEntity(entities, e.id, e.role);
  }
  // "crude oil exports", "exports of crude oil", "non-oil GDP": a part, not the total.
  const product = metricHit ? productOf(ctx, hits, metricHit) : null;
  if (product && entities.length > 0) pushEntity(entities, product, 'subject');
  return entities.length > 0 ? { entities, viaArticle, guessed } : null;
}

/**
 * Mentions of the LOOKBACK_SENTENCES sentences before the figure's sentence, across paragraph
 * breaks, in text order, without attributions ("according to the Russian ministry").
 */
const earlierHitsCache = new WeakMap<ReadingContext, Map<number, Hit[]>>();

function earlierHits(ctx: ReadingContext, fi: number): Hit[] {
  const f = ctx.figures[fi]!;
  const sentence = ctx.passages.sentence[f.numTok]!;
  // Every figure of a sentence looks back at the same earlier sentences: read them once.
  let bySentence = earlierHitsCache.get(ctx);
  if (!bySentence) {
    bySentence = new Map();
    earlierHitsCache.set(ctx, bySentence);
  }
  const cached = bySentence.get(sentence);
  if (cached) return cached;
  const first = sentenceStartBefore(ctx, f.tokStart);
  const before: Hit[] = [];
  for (let k = lowerBound(ctx.hits, first) - 1; k >= 0; k--) {
    const h = ctx.hits[k]!;
    const back = sentence - ctx.passages.sentence[h.tokStart]!;
    if (first - h.tokStart > PARAGRAPH_LOOKBACK || back > LOOKBACK_SENTENCES) break;
    if (ctx.clauses.kind[ctx.clauses.of[h.tokStart]!] === 'attribution') continue;
    before.push(h);
  }
  before.reverse();
  bySentence.set(sentence, before);
  return before;
}

/** "the country", "the country's", "this country": the country named last before the figure's sentence. */
function countryAnaphora(
  ctx: ReadingContext,
  hits: readonly Hit[],
  fi: number,
  clause: number,
  share: boolean,
): Hit | null {
  const f = ctx.figures[fi]!;
  const t = ctx.t;
  // "Italy has long been the main buyer. It accounted for 47% of Azerbaijan's exports": the
  // country the sentence before opens with.
  // "According to customs data, it accounted for ...": a leading attribution does not count.
  const start = ctx.clauses.start[clause]!;
  const first = sentenceStartBefore(ctx, start, 40);
  let opensSentence = true;
  for (let k = first; k < start && opensSentence; k++)
    opensSentence = ctx.clauses.kind[ctx.clauses.of[k]!] === 'attribution';
  if (share && wordAt(t, start) === 'it' && first > 0 && opensSentence) {
    const opener = sentenceOpener(ctx, first - 1);
    if (opener && !countriesIn(hits).includes(opener.id))
      return { tokStart: start, tokEnd: start + 1, value: { type: 'country', id: opener.id } };
  }
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - WINDOW_TOKENS);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + WINDOW_TOKENS);
  for (let k = from; k < to; k++) {
    const w = wordAt(t, k);
    if ((w !== 'the' && w !== 'this') || wordAt(t, k + 1) !== 'country') continue;
    // "Italy has become Azerbaijan's leading export market, taking 37% of the country's exports":
    // the country the clause names with "'s" before it.
    // Not "Italy's share of the country's total exports": a partner's share is of another country's total.
    const owner = (h: Hit) =>
      h.value.type === 'country' &&
      h.tokEnd <= k &&
      isPossessive(t, h) &&
      !SHARE_NOUNS.has(wordAfterMention(t, h));
    if (hits.some(owner)) return null;
    // "Azerbaijan's crude exports to Italy were $3.77 billion, and Italy's share of the country's
    // total exports was 45%": the sentence's own clauses before this one come first.
    const sentenceStart = sentenceStartBefore(ctx, ctx.clauses.start[clause]!, 60);
    const inSentence = ctx.hits.filter(
      (h) =>
        h.value.type === 'country' && h.tokStart >= sentenceStart && h.tokEnd <= ctx.clauses.start[clause]!,
    );
    const earlier = [...earlierHits(ctx, fi).filter((h) => h.value.type === 'country'), ...inSentence];
    const named = new Set(countriesIn(hits));
    for (let j = earlier.length - 1; j >= 0; j--) {
      const h = earlier[j]!;
      if (h.value.type === 'country' && !named.has(h.value.id))
        return { tokStart: k + 1, tokEnd: k + 2, value: h.value };
    }
  }
  return null;
}

/** Nouns of a part of a total: "Italy's share of ...". */
const SHARE_NOUNS = new Set(['share', 'part', 'portion', 'stake']);

/** Words after a figure that open a circumstance, not its subject: "grew 8.3% despite the war in Ukraine". */
const CIRCUMSTANCES = new Set([
  // "a share of about 17 percent, ahead of China and Türkiye": the runners-up, not a party.
  'ahead',
  'behind',
  'despite',
  'amid',
  'because',
  'due',
  'thanks',
  'following',
  'helped',
  'driven',
  'fuelled',
  'fueled',
  'spurred',
  'hit',
  'hampered',
  'backdrop',
  'caused',
  'owing',
]);

/** Words of a meeting, whose organisation is where a figure was given, not what it is of. */
const MEETING_WORDS = new Set(['summit', 'summits', 'sidelines', 'meeting', 'session', 'forum', 'leaders']);

/** Words after an organisation that make a country its member: "the OTS's most populous Central Asian member". */
const MEMBER_WORDS = new Set(['member', 'members', 'state', 'states', 'country', 'countries']);
/** How far after an organisation the word for its member may stand. */
const MEMBER_REACH = 8;

/**
 * Whether organisation mention h is where something was said ("on the sidelines of the SCO
 * summit", "an informal summit of CIS leaders", "at a meeting of the EAEU council") or what a
 * country belongs to ("Uzbekistan, the OTS's most populous Central Asian member, traded ...").
 */
function isVenue(ctx: ReadingContext, h: Hit): boolean {
  if (MEETING_WORDS.has(wordAfterMention(ctx.t, h))) return true;
  for (let k = h.tokEnd; k < Math.min(ctx.t.count, h.tokEnd + MEMBER_REACH); k++) {
    if (ctx.figureAt[k]! >= 0 || isMark(ctx.t, k, ',;')) break;
    if (MEMBER_WORDS.has(wordAt(ctx.t, k))) return true;
  }
  for (let k = h.tokStart - 1; k >= Math.max(0, h.tokStart - 3); k--) {
    const w = wordAt(ctx.t, k);
    if (MEETING_WORDS.has(w)) return true;
    if (w !== 'of' && w !== 'the' && w !== 'an' && w !== 'a') return false;
  }
  return false;
}

/** The mentions of a figure's clause without the countries of a circumstance after the figure. */
function withoutCircumstances(ctx: ReadingContext, hits: Hit[], f: Figure): Hit[] {
  let circumstance = -1;
  for (const h of hits) {
    if (h.tokStart < f.tokEnd || h.value.type !== 'country') continue;
    for (let k = h.tokStart - 1; k >= Math.max(f.tokEnd, h.tokStart - 7); k--) {
      if (ctx.figureAt[k]! >= 0) break;
      if (CIRCUMSTANCES.has(wordAt(ctx.t, k))) {
        circumstance = k;
        break;
      }
    }
    if (circumstance >= 0) break;
  }
  const kept =
    circumstance < 0 ? hits : hits.filter((h) => h.tokStart < circumstance || h.value.type !== 'country');
  return kept.filter((h) => h.value.type !== 'country' || !inConflict(ctx, h));
}

/** Nouns of a war or its like, whose countries are a circumstance of a figure, not its parties. */
const CONFLICT_NOUNS = new Set([
  'invasion',
  'war',
  'conflict',
  'sanctions',
  'occupation',
  'aggression',
  'offensive',
]);

/**
 * Whether country mention h names a side of a war, not a party of the figure: "Russia's invasion of
 * Ukraine", "the war in Ukraine", "sanctions against Russia", "the Ukraine war".
 */
function inConflict(ctx: ReadingContext, h: Hit): boolean {
  const t = ctx.t;
  if (CONFLICT_NOUNS.has(wordAfterMention(t, h))) return true;
  const before = wordAt(t, h.tokStart - 1);
  const linked =
    before === 'of' || before === 'in' || before === 'on' || before === 'against' || before === 'with';
  return linked && CONFLICT_NOUNS.has(wordAt(t, h.tokStart - 2));
}

/** Whether "deficit" or "surplus" stands right beside the figure in its clause: "a deficit of", "the surplus amounted to". */
function namesGap(ctx: ReadingContext, clause: number, f: Figure): boolean {
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - 5);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 2);
  for (let k = from; k < to; k++) {
    const w = wordAt(ctx.t, k);
    if (w === 'deficit' || w === 'surplus' || w === 'deficits' || w === 'surpluses') return true;
  }
  return false;
}

/** Whether a balance's own words call it a deficit: "the trade deficit reached", "a deficit of". */
function isDeficit(ctx: ReadingContext, clause: number, f: Figure): boolean {
  return clauseNames(ctx, clause, f, 'deficit') && !clauseNames(ctx, clause, f, 'surplus');
}

/** Whether a bilateral figure's sentence is attributed to one of the article's two countries. */
function reportedByParty(ctx: ReadingContext, f: Figure, info: MetricInfo | undefined): boolean {
  if (!info?.symmetric || ctx.parties.length !== 2) return false;
  const reporter = attributedCountry(ctx, f.tokStart);
  return reporter !== null && ctx.parties.includes(reporter);
}

/** Whether the words at token k say "per capita", "per head" or "per person". */
function perHead(t: Tokens, k: number): boolean {
  const next = wordAt(t, k + 1);
  return wordAt(t, k) === 'per' && (next === 'capita' || next === 'head' || next === 'person');
}

/**
 * The country a "whose" clause is about: "For Azerbaijan, whose overall foreign trade exceeds $52
 * billion a year, ..." is Azerbaijan's trade; null when the clause names it itself.
 */
function whoseAntecedent(ctx: ReadingContext, clause: number, own: readonly Hit[]): Hit | null {
  const start = ctx.clauses.start[clause]!;
  if (ctx.clauses.kind[clause] !== 'relative' || wordAt(ctx.t, start) !== 'whose') return null;
  const at = lowerBound(ctx.hits, start - 1) - 1;
  const h = ctx.hits[at];
  if (!h || h.value.type !== 'country' || h.tokEnd !== start - 1 || !isMark(ctx.t, start - 1, ','))
    return null;
  return countriesIn(own).includes(h.value.id) ? null : h;
}

/** Whether flows `a` and `b` run opposite ways: exports and imports, of one country. */
function mirrored(a: MetricInfo | undefined, b: MetricInfo | undefined): boolean {
  const ways = new Set([a?.directed, b?.directed]);
  return ways.size === 2 && ways.has('exports') && ways.has('imports');
}

/** A flow's entities read the other way: source and target exchanged. */
function swapEnds(entities: readonly ClaimEntity[]): ClaimEntity[] {
  const other = (role: ClaimEntity['role']) =>
    role === 'source' ? 'target' : role === 'target' ? 'source' : role;
  return entities.map((e) => ({ id: e.id, role: other(e.role) }));
}

/** Fills the missing end of a flow ("exports to Azerbaijan") with the first other country of `hits`. */
function completeFlow(entities: ClaimEntity[], hits: readonly Hit[]): boolean {
  const taken = new Set(entities.map((e) => e.id));
  const other = countriesIn(hits).find((id) => !taken.has(id));
  return other !== undefined && completeFlowWith(entities, other);
}

/** Gives a flow that names one end only the country `id` as its other end; false when it names both. */
function completeFlowWith(entities: ClaimEntity[], id: string): boolean {
  const roles = new Set(entities.map((e) => e.role));
  const missing =
    roles.has('source') && !roles.has('target')
      ? 'target'
      : roles.has('target') && !roles.has('source')
        ? 'source'
        : null;
  if (missing === null || entities.some((e) => e.id === id)) return false;
  entities.push({ id, role: missing });
  return true;
}

const ANAPHORA = new Set([
  'this',
  'it',
  'that',
  'these',
  'figure',
  'indicator',
  'volume',
  'amount',
  'total',
  'surplus',
  'deficit',
  // "Growth slowed to 0.8% in January-September": the growth of what the story is about.
  'growth',
]);
/** Anaphora that name a balance: "The surplus thus shrank by 29.6%" is about a balance only. */
const BALANCE_ANAPHORA = new Set(['surplus', 'deficit']);

/** Whether the clause opens with "the surplus" or "the deficit". */
function opensWithBalance(ctx: ReadingContext, clause: number): boolean {
  const start = ctx.clauses.start[clause]!;
  return wordAt(ctx.t, start) === 'the' && BALANCE_ANAPHORA.has(wordAt(ctx.t, start + 1));
}

/** Whether the clause opens with a word that points back: "This is 18.4% more ...", "The figure rose ...". */
function opensWithAnaphora(ctx: ReadingContext, clause: number, f: Figure): boolean {
  const start = ctx.clauses.start[clause]!;
  for (let k = start; k < Math.min(f.tokStart, start + 3); k++)
    if (ANAPHORA.has(wordAt(ctx.t, k))) return true;
  // "In the first half of 2023 alone, it reached ...": the pronoun after an opening phrase.
  // "In 2022, the figure stood at $463.3 million."
  // "In January-November 2023 it totalled ...": or right after the opening date, with no comma.
  for (let k = start + 3; k < Math.min(f.tokStart, start + 12); k++) {
    const g = ctx.figureAt[k - 1]!;
    const afterDate = g >= 0 && ctx.figures[g]!.kind === 'date' && ctx.figures[g]!.tokEnd === k;
    if (!isMark(ctx.t, k - 1, ',') && !(afterDate && wordAt(ctx.t, k) === 'it')) continue;
    const w = wordAt(ctx.t, k);
    if (w === 'it' || w === 'this' || w === 'growth' || (w === 'the' && ANAPHORA.has(wordAt(ctx.t, k + 1))))
      return true;
  }
  return estimatesAnaphora(ctx, clause, f) || pronounSubject(ctx, clause, f) || citesFigure(ctx, clause, f);
}

/** Verbs that give a figure someone else put on what the text is about: "Tokayev cited $24.5 billion". */
const CITING = new Set(['cited', 'quoted', 'gave', 'mentioned']);

/**
 * Whether the figure is one a speaker cited, with no metric words of its own clause before it:
 * "for 2021, President Kassym-Jomart Tokayev cited $24.5 billion", "Chinese diplomats quoted $3.1
 * billion for 2023", "the two ministries spoke of \"more than $2.5 billion\"".
 */
function citesFigure(ctx: ReadingContext, clause: number, f: Figure): boolean {
  let k = f.tokStart - 1;
  while (k > ctx.clauses.start[clause]! && isMark(ctx.t, k, '"“\'‘')) k--;
  const w = wordAt(ctx.t, k);
  if (!CITING.has(w) && !(w === 'of' && wordAt(ctx.t, k - 1) === 'spoke')) return false;
  for (let j = ctx.clauses.start[clause]!; j < k; j++) if (startsMetric(ctx, j)) return false;
  return true;
}

/** How far before its figure the pronoun subject of the figure's verbs may stand. */
const PRONOUN_SUBJECT_REACH = 16;

/**
 * Whether "it" is the subject of the verbs that give the figure, past an opening phrase without a
 * comma and figures of the same verbs: "After the collapse of crude prices it slumped to $2.8
 * billion in 2016, before rebounding to $4.7 billion the following year". Metric words between
 * are the figure's own subject.
 */
function pronounSubject(ctx: ReadingContext, clause: number, f: Figure): boolean {
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - PRONOUN_SUBJECT_REACH);
  for (let k = f.tokStart - 2; k >= from; k--) {
    if (startsMetric(ctx, k)) return false;
    if (wordAt(ctx.t, k) === 'it' && ctx.t.kind[k + 1] === WORD && ctx.figureAt[k + 1]! < 0) return true;
  }
  return false;
}

/** Nouns that stand for a figure said before, as the object of an estimate. */
const FIGURE_NOUNS = new Set(['figure', 'volume', 'amount', 'total', 'indicator']);

/**
 * Whether the figure is what a figure named before is put at: "estimated the 2022 volume at some 2
 * trillion roubles", "puts the figure at $1.2 billion".
 */
function estimatesAnaphora(ctx: ReadingContext, clause: number, f: Figure): boolean {
  const at = f.tokStart - 1;
  if (wordAt(ctx.t, at) !== 'at') return false;
  for (let k = at - 1; k >= Math.max(ctx.clauses.start[clause]!, at - 4); k--) {
    if (!FIGURE_NOUNS.has(wordAt(ctx.t, k))) continue;
    const det = (j: number) => ['the', 'this', 'that'].includes(wordAt(ctx.t, j));
    return det(k - 1) || det(k - 2);
  }
  return false;
}

/** The last level before figure fi, at most three sentences back, whose metric has goals ("trade"). */
function lastGoalableBefore(ctx: ReadingContext, readings: Readings, fi: number): ValueReading | undefined {
  const f = ctx.figures[fi]!;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const back = ctx.passages.sentence[f.numTok]! - ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (back > LOOKBACK_SENTENCES) return undefined;
    const reading = readings[g];
    if (reading?.measure === 'level' && reading.info?.targetMetric) return reading;
  }
  return undefined;
}

/** The last value figure of the paragraph before figure fi's sentence. */
function lastReadingBefore(ctx: ReadingContext, readings: Readings, fi: number): ValueReading | undefined {
  const f = ctx.figures[fi]!;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const other = ctx.figures[g]!;
    const back = ctx.passages.sentence[f.numTok]! - ctx.passages.sentence[other.numTok]!;
    if (back > LOOKBACK_SENTENCES) return undefined;
    if (back === 0) continue;
    const reading = readings[g];
    if (reading?.metric) return reading;
  }
  return undefined;
}

/** Whether `word` stands in figure f's clause, at most WINDOW_TOKENS from it. */
function clauseNames(ctx: ReadingContext, clause: number, f: Figure, word: string): boolean {
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - WINDOW_TOKENS);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + WINDOW_TOKENS);
  for (let k = from; k < to; k++) if (wordAt(ctx.t, k) === word) return true;
  return false;
}

/** The mentions of the sentence right before figure fi's, when that sentence has no value figure. */
function subjectOfSentenceBefore(ctx: ReadingContext, readings: Readings, fi: number): Hit[] | null {
  const f = ctx.figures[fi]!;
  const previous = ctx.passages.sentence[f.numTok]! - 1;
  // Figures of this sentence and the one before, a few at most (a run-on "sentence" has many).
  for (let g = fi - 1; g >= 0; g--) {
    const s = ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (s < previous) break;
    if (fi - g > 12 || (s === previous && readings[g] !== undefined)) return null;
  }
  const hits = earlierHits(ctx, fi).filter((h) => ctx.passages.sentence[h.tokStart] === previous);
  return hits.length > 0 ? hits : null;
}

/** The one country of the last value figure before fi's sentence, at most three sentences back, whose figure it was. */
function lastSubjectBefore(ctx: ReadingContext, readings: Readings, fi: number): ClaimEntity[] | undefined {
  const f = ctx.figures[fi]!;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const back = ctx.passages.sentence[f.numTok]! - ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (back > LOOKBACK_SENTENCES) return undefined;
    const reading = readings[g];
    if (back === 0 || !reading?.metric || reading.entities.length === 0) continue;
    // "Non-oil exports came to $3.5 billion": the part named beside the country is that figure's own.
    const countries = reading.entities.filter((e) => /^[A-Z]{2}$/.test(e.id));
    const [only] = countries;
    return countries.length === 1 && only?.role === 'subject' ? [only] : undefined;
  }
  return undefined;
}

/** Words that may stand between "with" and the figure of a list item: "with turnover of about $45 billion". */
const LIST_ITEM_WORDS = new Set([
  'a',
  'an',
  'turnover',
  'trade',
  'of',
  'about',
  'some',
  'around',
  'nearly',
  'almost',
  'over',
  'roughly',
  'just',
  'under',
  'more',
  'than',
  'less',
  'exports',
  'imports',
  'supplies',
  'shipments',
  'deliveries',
  'investment',
  'investments',
]);

/** Places in a ranking: "came second at", "ranked third at", "was next at". */
const PLACES = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'next', 'first']);
const RANKING_WORDS = new Set([...PLACES, 'came', 'comes', 'ranked', 'ranks', 'placed', 'was', 'is']);

const TIED_BEFORE = new Set(['in', 'to', 'from', 'into', 'of', 'with', 'for', 'on', 'towards']);
/** Whether a country is tied to the words before it ("investments in Kazakhstan"), not ranked ("ahead of Belarus"). */
function tiedToFlow(ctx: ReadingContext, hit: Hit): boolean {
  const before = wordAt(ctx.t, hit.tokStart - 1);
  if (
    before === 'of' &&
    (wordAt(ctx.t, hit.tokStart - 2) === 'ahead' || wordAt(ctx.t, hit.tokStart - 2) === 'front')
  )
    return false;
  return TIED_BEFORE.has(before);
}

const NOT_LISTING = new Set(['compared', 'comparing', 'together', 'along', 'par', 'level', 'line']);

/**
 * The partner a figure is listed for: "China led with turnover of $240.1 billion, followed by
 * India with $64.9 billion", "Türkiye came next with $56.5 billion, ahead of Belarus with about
 * $45 billion": the country at most four words before the "with" that leads to the figure.
 */
function listedPartner(ctx: ReadingContext, fi: number): string | null {
  const f = ctx.figures[fi]!;
  const gapped = gappedPartner(ctx, f);
  if (gapped) return gapped;
  let k = f.tokStart - 1;
  while (k >= 0 && f.tokStart - k <= 6 && LIST_ITEM_WORDS.has(wordAt(ctx.t, k))) k--;
  // "followed by Turkey at $56.5 billion": "at" right after the country; "followed by Turkey
  // ($56.5 billion) and Belarus (about $55 billion)": a bracket right after it.
  const at = wordAt(ctx.t, k) === 'at' || isMark(ctx.t, k, '(');
  if (wordAt(ctx.t, k) !== 'with' && !at) return null;
  // A comparison is no list item, but "ahead of Belarus with $55 billion" and "behind ..." rank one.
  const clause = ctx.clauses.of[f.numTok]!;
  const opener = wordAt(ctx.t, ctx.clauses.start[clause]!);
  if (ctx.clauses.kind[clause] === 'comparison' && opener !== 'ahead' && opener !== 'behind') return null;
  // "Exports to Russia, compared with $1.2 billion", "together with": not an item of a list.
  if (NOT_LISTING.has(wordAt(ctx.t, k - 1))) return null;
  const sentence = ctx.passages.sentence[f.numTok];
  // "Uzbekistan came second at $9.9 billion": a place in the ranking between the country and "at";
  // "and Kazakhstan, in fifth place, with roughly $26 billion": an aside between commas.
  let ranked = k;
  if (!at && isMark(ctx.t, k - 1, ',')) {
    for (let j = k - 2; j >= Math.max(0, k - 7); j--) {
      const g = ctx.figureAt[j]!;
      if ((g >= 0 && ctx.figures[g]!.kind !== 'ordinal') || isMark(ctx.t, j, '.;:')) break;
      if (isMark(ctx.t, j, ',')) {
        ranked = j;
        break;
      }
    }
  }
  if (at) {
    while (ranked > k - 3 && RANKING_WORDS.has(wordAt(ctx.t, ranked - 1))) ranked--;
    if (!PLACES.has(wordAt(ctx.t, ranked)) && !PLACES.has(wordAt(ctx.t, ranked + 1))) ranked = k;
  }
  for (let h = lowerBound(ctx.hits, ranked) - 1; h >= 0; h--) {
    const hit = ctx.hits[h]!;
    if (ranked - hit.tokEnd > (at ? 0 : 4) || ctx.passages.sentence[hit.tokStart] !== sentence) return null;
    // "investments in Kazakhstan at $211.4 million": a country after a preposition is the flow's.
    // "Kazakhstan remained Russia's largest partner with about $26 billion": the country with "'s"
    // owns the ranking, and the partner listed is the clause's subject before it.
    if (hit.value.type === 'country' && isPossessive(ctx.t, hit)) return subjectBefore(ctx, hit);
    if (hit.value.type === 'country') return at && tiedToFlow(ctx, hit) ? null : hit.value.id;
    if (hit.value.type !== 'metric') return null;
  }
  return null;
}

/** The country that opens the clause of mention `owner`, before it: "Kazakhstan remained Russia's ...". */
function subjectBefore(ctx: ReadingContext, owner: Hit): string | null {
  const start = ctx.clauses.start[ctx.clauses.of[owner.tokStart]!]!;
  const first = ctx.hits[lowerBound(ctx.hits, start)];
  if (!first || first.tokStart >= owner.tokStart || first.value.type !== 'country') return null;
  return first.tokStart - start <= 2 &&
    first.value.id !== (owner.value.type === 'country' ? owner.value.id : '')
    ? first.value.id
    : null;
}

/**
 * "Russia's trade with Uzbekistan grew to $9.9 billion, with Armenia it reached $7.3 billion and
 * with Azerbaijan some $4.4 billion": a clause that opens with "with" and a country, its verb and
 * metric left to the clause before, lists that country.
 */
function gappedPartner(ctx: ReadingContext, f: Figure): string | null {
  for (let k = f.tokStart - 1; k >= Math.max(1, f.tokStart - 8); k--) {
    if (ctx.figureAt[k]! >= 0 || isMark(ctx.t, k, '.;:')) return null;
    if (wordAt(ctx.t, k) !== 'with' || !(isMark(ctx.t, k - 1, ',') || wordAt(ctx.t, k - 1) === 'and'))
      continue;
    const hit = ctx.hits[lowerBound(ctx.hits, k + 1)];
    if (hit?.tokStart !== k + 1 || hit.value.type !== 'country') return null;
    // Only the words of a gapped clause between the country and the figure: "it reached", "some".
    for (let m = hit.tokEnd; m < f.tokStart; m++) if (!GAPPED_WORDS.has(wordAt(ctx.t, m))) return null;
    return hit.value.id;
  }
  return null;
}
const GAPPED_WORDS = new Set([
  'it',
  'they',
  'reached',
  'was',
  'stood',
  'at',
  'amounted',
  'to',
  'totalled',
  'totaled',
  'came',
  'some',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'more',
  'than',
  'roughly',
  'approximately',
]);

/**
 * The reading a list item takes its metric from: the list's item before figure fi, else the
 * level of the same kind just before the list ("Turnover with China reached $6.8 billion.
 * Germany came second with $3.4 billion"), at most LOOKBACK_SENTENCES back.
 */
function previousListItem(ctx: ReadingContext, readings: Readings, fi: number): ValueReading | undefined {
  const f = ctx.figures[fi]!;
  let before: ValueReading | undefined;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const back = ctx.passages.sentence[f.numTok]! - ctx.passages.sentence[ctx.figures[g]!.numTok]!;
    if (back > LOOKBACK_SENTENCES) break;
    const reading = readings[g];
    if (!reading?.info || ctx.figures[g]!.kind !== f.kind) continue;
    if (reading.partner) return reading;
    // "it took 37% of Azerbaijan's exports, followed by Türkiye with 19%": a list of shares.
    // "In 2022 trade had reached $190.27 billion": a look back is not what the list goes on from,
    // nor is a base compared with ("after $190.3 billion in 2022").
    const other = ctx.figures[g]!;
    if (
      reading.measure === 'level' &&
      looksBack(ctx, sentenceStartBefore(ctx, other.tokStart, 4), other.tokStart)
    )
      continue;
    if (isBaseFigure(ctx, reading)) continue;
    if (reading.measure === 'level' || (f.kind === 'percent' && reading.measure === 'share'))
      before ??= reading;
  }
  return before;
}

/** The value figure right before ", or" in front of figure f, which f restates: "$6.9 billion, or 26.9%". */
function restatedFigure(ctx: ReadingContext, readings: Readings, f: Figure): number | null {
  // "2.85 percent ($1.5 billion) less than": a figure in brackets right after another restates it.
  // "2.85 percent or $1.5 billion less": an "or" right after a figure, with or without a comma.
  const bracketed = isMark(ctx.t, f.tokStart - 1, '(');
  if (!bracketed && wordAt(ctx.t, f.tokStart - 1) !== 'or') return null;
  const comma = !bracketed && isMark(ctx.t, f.tokStart - 2, ',');
  const g = ctx.figureAt[f.tokStart - (bracketed ? 2 : comma ? 3 : 2)]!;
  return g >= 0 && readings[g] !== undefined && ctx.figures[g]!.kind !== f.kind ? g : null;
}

/** Whether "it" or "this" stands a few words before figure f: "raising it to $15 billion". */
function pronounBefore(ctx: ReadingContext, f: Figure): boolean {
  for (let k = f.tokStart - 1; k >= Math.max(0, f.tokStart - 4); k--) {
    const w = wordAt(ctx.t, k);
    if (w === 'it' || w === 'this') return true;
  }
  return false;
}

/** The last level of figure fi's sentence before it. */
function levelEarlierInSentence(
  ctx: ReadingContext,
  readings: Readings,
  fi: number,
): ValueReading | undefined {
  const sentence = ctx.passages.sentence[ctx.figures[fi]!.numTok];
  for (let g = fi - 1; g >= Math.max(0, fi - 8); g--) {
    if (ctx.passages.sentence[ctx.figures[g]!.numTok] !== sentence) return undefined;
    const reading = readings[g];
    if (reading?.measure === 'level' && !isBaseFigure(ctx, reading)) return reading;
  }
  return undefined;
}

/** Whether the clause names entity `id` only by a region that stands for it roughly ("Europe" for the EU). */
function readLoosely(hits: readonly Hit[], id: string): boolean {
  let loose = false;
  for (const h of hits) {
    if (h.value.type !== 'country' || h.value.id !== id) continue;
    if (!h.value.loose) return false;
    loose = true;
  }
  return loose;
}

/** Trade flows a sentence sets side by side: "exports amounted to ..., while imports reached ...". */
const PARALLEL_FLOWS = new Set(['exports', 'imports', 'trade_balance', 'foreign_trade_turnover']);

/**
 * The figure of an earlier clause of the sentence that figure fi's coordinate clause sets beside
 * it: the same measure of the same or a sibling flow, its countries read from its own clause
 * ("Russian exports amounted to $425.1 billion, while imports reached $258.1 billion"). What the
 * second clause leaves out is the first's, as written, not a guess.
 */
function parallelReading(
  ctx: ReadingContext,
  readings: Readings,
  fi: number,
  clause: number,
  info: MetricInfo | undefined,
  measure: Measure,
): ValueReading | undefined {
  if (!info || ctx.clauses.kind[clause] !== 'coordinate') return undefined;
  const sentence = ctx.passages.sentence[ctx.figures[fi]!.numTok];
  for (let g = fi - 1; g >= Math.max(0, fi - 4); g--) {
    if (ctx.passages.sentence[ctx.figures[g]!.numTok] !== sentence) return undefined;
    const other = readings[g];
    if (!other || other.clause === clause || other.comparison?.role === 'base') continue;
    const kind = ctx.clauses.kind[other.clause];
    const theirs = other.info?.metric;
    const sibling =
      theirs === info.metric || (PARALLEL_FLOWS.has(theirs ?? '') && PARALLEL_FLOWS.has(info.metric));
    if (
      (kind !== 'main' && kind !== 'coordinate') ||
      !sibling ||
      other.measure !== measure ||
      other.entitiesSource !== 'clause' ||
      other.entitiesGuessed ||
      other.entities.length === 0
    )
      return undefined;
    return other;
  }
  return undefined;
}

/** The countries of a parallel figure, for this figure's flow: "Russia's exports to China ..., while imports ..." are Russia's from China. */
function parallelEntities(theirs: ValueReading, info: MetricInfo): ClaimEntity[] | null {
  const source = theirs.entities.find((e) => e.role === 'source');
  const target = theirs.entities.find((e) => e.role === 'target');
  if (source && target) {
    if (theirs.info?.directed === info.directed) return theirs.entities.map((e) => ({ ...e }));
    if (!info.directed || !theirs.info?.directed) return null;
    return [
      { id: target.id, role: 'source' },
      { id: source.id, role: 'target' },
    ];
  }
  if (theirs.entities.every((e) => e.role === 'subject') && !info.symmetric)
    return theirs.entities.map((e) => ({ ...e }));
  if (theirs.entities.every((e) => e.role === 'party') && info.symmetric)
    return theirs.entities.map((e) => ({ ...e }));
  return null;
}

/** A listed partner's entities for the list's metric, or none for a flow of no known direction. */
function listEntities(info: MetricInfo, owner: string, partner: string): ClaimEntity[] {
  if (info.symmetric)
    return [
      { id: owner, role: 'party' },
      { id: partner, role: 'party' },
    ];
  if (info.directed === 'exports')
    return [
      { id: owner, role: 'source' },
      { id: partner, role: 'target' },
    ];
  if (info.directed === 'imports')
    return [
      { id: partner, role: 'source' },
      { id: owner, role: 'target' },
    ];
  return [];
}

/** The thing "the line", "the corridor" at the start of the figure's sentence points back to, as a slug. */
function pointedThing(
  ctx: ReadingContext,
  f: Figure,
  clause: number,
  ofKinds: ReadonlySet<string>,
): { id: string; kinds: ReadonlySet<string> } | null {
  const from = Math.min(ctx.clauses.start[clause]!, sentenceStartBefore(ctx, f.tokStart, 40));
  if (wordAt(ctx.t, from) !== 'the') return worksOn(ctx, f, clause, from);
  // "The 1,860-megawatt station will cost ...": past a size written before the noun.
  const sized = ctx.figureAt[from + 1]! >= 0 ? ctx.figures[ctx.figureAt[from + 1]!]!.tokEnd : from + 1;
  // "The document", "The declaration" name no kind of their own: the figure's metric says which.
  // "The main line", "the new railway": past one word that qualifies the noun.
  const at =
    REFERRING_NOUNS.has(wordAt(ctx.t, sized)) || !QUALIFYING.has(wordAt(ctx.t, sized)) ? sized : sized + 1;
  const noun = REFERRING_NOUNS.get(wordAt(ctx.t, at));
  const kinds = noun === null && ofKinds === DOCUMENT_KINDS ? ofKinds : noun;
  if (!kinds) return null;
  const id = thingSlug(thingNamedBefore(ctx, f, from, kinds));
  return id ? { id, kinds } : null;
}

/**
 * "In 1991 prices, construction of the mainline cost 17.7 billion rubles": the thing a work of
 * the figure's clause is done on, named before.
 */
function worksOn(
  ctx: ReadingContext,
  f: Figure,
  clause: number,
  from: number,
): { id: string; kinds: ReadonlySet<string> } | null {
  for (let k = Math.max(from, ctx.clauses.start[clause]!); k + 3 < f.tokStart; k++) {
    if (!WORKS.has(wordAt(ctx.t, k)) || wordAt(ctx.t, k + 1) !== 'of' || wordAt(ctx.t, k + 2) !== 'the')
      continue;
    const kinds = REFERRING_NOUNS.get(wordAt(ctx.t, k + 3));
    if (!kinds) return null;
    const id = thingSlug(thingNamedBefore(ctx, f, k, kinds));
    return id ? { id, kinds } : null;
  }
  return null;
}

/** Words that qualify a pointing noun without naming another thing: "the main line". */
const QUALIFYING = new Set([
  'main',
  'new',
  'whole',
  'entire',
  'future',
  'planned',
  'existing',
  'same',
  'current',
]);

/** Per story, the things it names of each kind. */
const thingsByKind = new WeakMap<ReadingContext, Map<string, Set<string>>>();

/** Whether the story names no thing of `kinds` but `id`: "the line" can then only be that one. */
function onlyThingOfKinds(ctx: ReadingContext, kinds: ReadonlySet<string>, id: string): boolean {
  const byKind = thingIdsByKind(ctx);
  for (const kind of kinds) for (const other of byKind.get(kind) ?? []) if (other !== id) return false;
  return true;
}

/** The ids of the things the article names, by kind of thing; read once per article. */
function thingIdsByKind(ctx: ReadingContext): Map<string, Set<string>> {
  let byKind = thingsByKind.get(ctx);
  if (!byKind) {
    byKind = new Map();
    for (const h of ctx.hits) {
      if (h.value.type !== 'thing') continue;
      const ids = byKind.get(h.value.thing.type) ?? new Set<string>();
      ids.add(h.value.thing.id);
      byKind.set(h.value.thing.type, ids);
    }
    thingsByKind.set(ctx, byKind);
  }
  return byKind;
}

/** The one thing of `kinds` the article names, or null when it names none or several. */
function onlyThingOf(ctx: ReadingContext, kinds: ReadonlySet<string>): string | null {
  const ids = new Set<string>();
  for (const kind of kinds) for (const id of thingIdsByKind(ctx).get(kind) ?? []) ids.add(id);
  return ids.size === 1 ? [...ids][0]! : null;
}

/** Works done on a built thing: "for the construction of the railway". */
const WORKS = new Set([
  'construction',
  'building',
  'completion',
  'modernisation',
  'modernization',
  'reconstruction',
]);

/** The thing "for the railway", "for the same project" in figure f's clause points back to, as a slug. */
function projectOfClause(ctx: ReadingContext, f: Figure, clause: number): string | null {
  const end = Math.min(ctx.t.count, f.tokEnd + 16);
  for (let k = Math.max(ctx.clauses.start[clause]!, f.tokStart - 16); k < end; k++) {
    if (ctx.clauses.of[k] !== clause || wordAt(ctx.t, k) !== 'for' || wordAt(ctx.t, k + 1) !== 'the')
      continue;
    let noun = wordAt(ctx.t, k + 2) === 'same' ? k + 3 : k + 2;
    // "for the construction of the railway": the thing being built.
    if (
      WORKS.has(wordAt(ctx.t, noun)) &&
      wordAt(ctx.t, noun + 1) === 'of' &&
      wordAt(ctx.t, noun + 2) === 'the'
    )
      noun += 3;
    const kinds = REFERRING_NOUNS.get(wordAt(ctx.t, noun));
    if (kinds) return thingSlug(thingNamedBefore(ctx, f, k, kinds));
  }
  return null;
}

/** The project "in the corridor", "into the project" right after an invested amount points back to, as a slug. */
function investedIn(ctx: ReadingContext, f: Figure): { id: string; only: boolean } | null {
  const k = f.tokEnd;
  if ((wordAt(ctx.t, k) !== 'in' && wordAt(ctx.t, k) !== 'into') || wordAt(ctx.t, k + 1) !== 'the')
    return null;
  const kinds = REFERRING_NOUNS.get(wordAt(ctx.t, k + 2));
  if (!kinds) return null;
  // "the corridor" in a story about one corridor, however far back it was named.
  const only = onlyThingOf(ctx, kinds);
  const id = thingSlug(thingNamedBefore(ctx, f, f.tokStart, kinds)) ?? only;
  return id ? { id, only: id === only } : null;
}

/** Units that give a built thing's length or its capacity. */
const SIZE_UNITS: ReadonlyMap<string, string> = new Map([
  ['km', 'length'],
  ['m', 'length'],
  ['mi', 'length'],
  ['MW', 'capacity'],
  ['GW', 'capacity'],
]);

/**
 * The metric of a quantity written before a noun for a built thing ("the 433-km highway"), with
 * the kinds of thing the noun can name.
 */
function sizeOfThing(
  ctx: ReadingContext,
  f: Figure,
): { info: MetricInfo; kinds: ReadonlySet<string> } | undefined {
  const metric = f.kind === 'quantity' && f.unit ? SIZE_UNITS.get(f.unit) : undefined;
  const kinds = metric ? REFERRING_NOUNS.get(wordAt(ctx.t, f.tokEnd)) : undefined;
  const info = metric ? metricInfo(metric) : undefined;
  return kinds && info ? { info, kinds } : undefined;
}

/**
 * The figure before, in the sentences before, whose metric the one word that names figure fi's
 * metric is short for, when fi's clause names no country of its own.
 */
function fullerMetricBefore(
  ctx: ReadingContext,
  readings: Readings,
  fi: number,
  own: readonly Hit[],
  hit: Hit,
): ValueReading | undefined {
  if (hit.value.type !== 'metric' || hit.tokEnd - hit.tokStart !== 1) return undefined;
  if (own.some((h) => h.value.type === 'country')) return undefined;
  const short = hit.value.info.metric;
  const before = lastReadingBefore(ctx, readings, fi);
  const metric = before?.info?.metric;
  if (metric && metric !== short && before.entities.length > 0 && before.info!.shortFor?.includes(short))
    return before;
  // "Azerbaijan's foreign trade turnover amounted to $51 billion ... In 2022, when turnover soared
  // by 55.36%": in a story about one country's foreign trade, paragraphs on, the last figure of
  // the turnover's family decides what the one word means, unless the words name a pair.
  if (metric === short) return undefined;
  const clause = ctx.clauses.of[ctx.figures[fi]!.numTok]!;
  if (otherClauseHits(ctx, clause, ctx.figures[fi]!).some((h) => h.value.type === 'country'))
    return undefined;
  for (let g = fi - 1; g >= Math.max(0, fi - FAMILY_REACH); g--) {
    const reading = readings[g];
    const theirs = reading?.info?.metric;
    if (!theirs || reading.entities.length === 0 || (reading.entitiesSource ?? 'clause') !== 'clause')
      continue;
    if (theirs === short) return undefined;
    if (reading.info!.shortFor?.includes(short)) return reading;
  }
  return undefined;
}
/** How many figures back the metric a one-word name is short for may be named. */
const FAMILY_REACH = 40;

/** The one country, other than `owner`, that the clause right before `clause` in f's sentence names. */
function countryOfClauseBefore(ctx: ReadingContext, clause: number, f: Figure, owner: string): string | null {
  const before = clause - 1;
  if (before < 0 || ctx.passages.sentence[ctx.clauses.start[before]!] !== ctx.passages.sentence[f.numTok])
    return null;
  const named = countriesIn(clauseHits(ctx, before, f)).filter((id) => id !== owner);
  return named.length === 1 ? named[0]! : null;
}

/** Whether the clause of mention h holds a value figure other than figure fi. */
function hasOwnFigure(ctx: ReadingContext, h: Hit, fi: number): boolean {
  const c = ctx.clauses.of[h.tokStart]!;
  const end = Math.min(ctx.clauses.end[c]!, ctx.clauses.start[c]! + 80);
  for (let k = ctx.clauses.start[c]!; k < end; k++) if (otherValueAt(ctx, k, fi) >= 0) return true;
  return false;
}

/** Nouns that make the subject of a sentence a forecast. */
const FORECAST_NOUNS = new Set(['forecast', 'forecasts', 'projection', 'projections', 'outlook']);

/**
 * "The government's forecast, used in the draft budget, puts nominal GDP at 119.6 billion
 * manats": a sentence whose subject is a forecast, whatever clause comes between.
 */
function forecastSubject(ctx: ReadingContext, f: Figure): boolean {
  const start = sentenceStartBefore(ctx, f.tokStart, 40);
  for (let k = start; k < Math.min(f.tokStart, start + 6); k++) {
    // "Contrary to the forecast, inflation reached 9.8%": a forecast after a preposition is not the subject.
    if (isMark(ctx.t, k, ',;') || NOT_SUBJECT_LEAD.has(wordAt(ctx.t, k))) return false;
    if (FORECAST_NOUNS.has(wordAt(ctx.t, k))) return true;
  }
  return false;
}

const NOT_SUBJECT_LEAD = new Set([
  'to',
  'than',
  'with',
  'in',
  'against',
  'from',
  'unlike',
  'contrary',
  'despite',
  'beyond',
  'above',
  'below',
  'after',
  'before',
  'on',
  'under',
  'by',
  'beat',
  'beating',
  'exceeded',
  'missed',
]);

/** Words that name one stage of a design: "initial capacity", "first-phase cost". */
const STAGES = new Set([
  'initial',
  'current',
  'existing',
  'eventual',
  'planned',
  'expanded',
  'original',
  'first',
  'second',
]);

/** Words that put a figure beyond one country: "global inflation", "world trade". */
const BEYOND_A_COUNTRY = new Set([
  'global',
  'world',
  'worldwide',
  'regional',
  'international',
  'eurozone',
  'euro',
  'region',
  'countries',
]);

/**
 * Whether `entities` is the one country the whole story names, and figure f's clause says nothing
 * that takes the figure beyond it.
 */
function onlyCountry(
  ctx: ReadingContext,
  clause: number,
  f: Figure,
  entities: readonly ClaimEntity[],
): boolean {
  if (ctx.countryCount !== 1 || entities.length !== 1 || entities[0]!.id !== ctx.parties[0]) return false;
  const from = Math.max(ctx.clauses.start[clause]!, f.tokStart - 30);
  const to = Math.min(ctx.clauses.end[clause]!, f.tokEnd + 30);
  const sentenceStart = sentenceStartBefore(ctx, f.tokStart, 40);
  for (let k = from; k < to; k++) {
    if (BEYOND_A_COUNTRY.has(wordAt(ctx.t, k))) return false;
    // A name figcheck does not know ("in Yerevan", "Kapital Bank's") may be whose figure it is.
    if (
      k !== sentenceStart &&
      isCapitalisedWord(ctx.t, k) &&
      !MONTHS.has(wordAt(ctx.t, k)) &&
      !insideHit(ctx, k)
    )
      return false;
  }
  return true;
}

function insideHit(ctx: ReadingContext, k: number): boolean {
  const h = ctx.hits[lowerBound(ctx.hits, k + 1) - 1];
  return h !== undefined && h.tokStart <= k && k < h.tokEnd;
}

/** Whether a verb of change comes between the start of clause `clause` and figure f. */
function changesBefore(ctx: ReadingContext, clause: number, f: Figure): boolean {
  for (let k = Math.max(ctx.clauses.start[clause]!, f.tokStart - 16); k < f.tokStart; k++) {
    // "said, adding that the project will cost ...": "add" that reports.
    if (wordAt(ctx.t, k + 1) === 'that') continue;
    if (changeVerbBase(wordAt(ctx.t, k)) !== undefined) return true;
  }
  return false;
}

/** The count metrics of a document's parts. */
const DOCUMENT_PARTS: ReadonlySet<string> = new Set(['document_paragraphs']);

function thingSlug(hit: Hit | null): string | null {
  return hit?.value.type === 'thing' ? hit.value.thing.id : null;
}

/** Whose partners a list names: the owner of the list's item before, else the article's first country. */
function listOwner(ctx: ReadingContext, readings: Readings, fi: number, partner: string): string | null {
  const item = previousListItem(ctx, readings, fi);
  // "China remained Russia's largest trading partner ... India came second": of a pair, the
  // country whose partners are ranked owns the list.
  const ids = item?.entities.map((e) => e.id) ?? [];
  // The country written "Russia's" there first, else the story's.
  const pairOwner =
    item && !item.partner
      ? (possessiveCountry(ctx, item.fi, ids) ?? ctx.parties.find((id) => ids.includes(id) && id !== partner))
      : undefined;
  const owner = pairOwner ?? item?.entities.find((e) => e.id !== item.partner)?.id ?? ctx.parties[0];
  return owner !== undefined && owner !== partner ? owner : null;
}

/** Of `ids`, the country written with "'s" in figure fi's sentence: "Russia's largest trading partner". */
function possessiveCountry(ctx: ReadingContext, fi: number, ids: readonly string[]): string | undefined {
  const f = ctx.figures[fi]!;
  const sentence = ctx.passages.sentence[f.numTok];
  const from = sentenceStartBefore(ctx, f.tokStart, 60);
  for (let h = lowerBound(ctx.hits, from); h < ctx.hits.length; h++) {
    const hit = ctx.hits[h]!;
    if (ctx.passages.sentence[hit.tokStart] !== sentence) break;
    if (hit.value.type !== 'country' || !ids.includes(hit.value.id)) continue;
    if (isMark(ctx.t, hit.tokEnd, "'’") && wordAt(ctx.t, hit.tokEnd + 1) === 's') return hit.value.id;
  }
  return undefined;
}

/**
 * The last value figure of clause `clause` before figure fi, one of fi's own kind first: "turnover
 * between the two countries was flat compared with $26.1 billion" compares money with money.
 */
function figureOfClause(ctx: ReadingContext, readings: Readings, clause: number, fi: number): number | null {
  let any: number | null = null;
  for (let g = fi - 1; g >= Math.max(0, fi - 12); g--) {
    const reading = readings[g];
    if (reading && reading.clause === clause) {
      if (ctx.figures[g]!.kind === ctx.figures[fi]!.kind) return g;
      any ??= g;
    }
    if (ctx.clauses.of[ctx.figures[g]!.numTok]! < clause) break;
  }
  return any;
}

/**
 * "from $3.2 billion in 2022 to $4.4 billion", "fell to 13.9% in 2024 from 16.4%": the figure the
 * "from" figure leads to, in the same clause.
 */
function resultOfFrom(ctx: ReadingContext, fi: number, clause: number): number | null {
  const f = ctx.figures[fi]!;
  if (wordAt(ctx.t, f.tokStart - 1) !== 'from') return null;
  for (let g = fi + 1; g < Math.min(ctx.figures.length, fi + 4); g++) {
    const other = ctx.figures[g]!;
    if (ctx.clauses.of[other.numTok] !== clause) break;
    if (other.kind !== f.kind) continue;
    if (wordAt(ctx.t, other.tokStart - 1) === 'to') return g;
  }
  for (let g = fi - 1; g >= Math.max(0, fi - 3); g--) {
    const other = ctx.figures[g]!;
    if (ctx.clauses.of[other.numTok] !== clause) break;
    if (other.kind !== f.kind) continue;
    if (wordAt(ctx.t, other.tokStart - 1) === 'to') return g;
  }
  return null;
}

export function readValue(ctx: ReadingContext, fi: number, readings: Readings): ValueReading {
  const f = ctx.figures[fi]!;
  const t = ctx.t;
  const clause = ctx.clauses.of[f.numTok]!;
  const kind = ctx.clauses.kind[clause]!;
  const anchorClause = ctx.clauses.anchor[clause]!;
  const dependent = kind === 'comparison' || kind === 'appendix' || kind === 'relative';
  // "a decline of over $6.9 billion, or 26.9 percent": the figure the aside restates.
  const restated = restatedFigure(ctx, readings, f);
  const nearest =
    restated ?? (dependent && anchorClause >= 0 ? figureOfClause(ctx, readings, anchorClause, fi) : null);
  // "narrowed to $16.6 billion from $23.6 billion a year earlier, a decline of 29.6%": the change
  // from the base is about the figure the base is compared with.
  const base = nearest !== null && kind === 'appendix' ? readings[nearest]?.comparison : undefined;
  const anchor = base?.role === 'base' ? base.with : nearest;
  const anchorReading = anchor !== null ? readings[anchor] : undefined;
  const own = withoutCircumstances(ctx, clauseHits(ctx, clause, f), f);
  const measureReading = readMeasure(t, f, ctx.clauses.start[clause]!, (k) => {
    const g = ctx.figureAt[k]!;
    return g >= 0 && g !== fi && ctx.figures[g]!.kind !== 'date';
  });
  let cue: Measure = measureReading.cue;
  if (cue === 'level' && forecastSubject(ctx, f)) cue = 'forecast';
  let marked = measureReading.marked;
  let direction = measureReading.direction;
  // A deficit that narrows is a balance that rises: "the trade deficit narrowed by $1 billion".
  const w = measureReading.directionWord;
  // A percentage of a deficit says how the deficit itself changed, which no sign of the balance gives.
  const verbBase = w === undefined ? undefined : changeVerbBase(w);
  if ((verbBase === 'narrow' || verbBase === 'widen') && clauseNames(ctx, clause, f, 'deficit'))
    direction = f.kind === 'percent' ? undefined : direction === 'fall' ? 'rise' : 'fall';
  // More about the figure before: "decreased by 2.85 percent ($1.5 billion)", "grew by $212 million, or 8.1%".
  // "..., reaching $12.4 billion", "..., to $6.9 billion": the level the change led to.
  const andLevel =
    kind === 'appendix' &&
    wordAt(t, ctx.clauses.start[clause]!) === 'and' &&
    LEVEL_VERBS.has(wordAt(t, ctx.clauses.start[clause]! + 1));
  const leadsToLevel = LEVEL_WORDS.has(wordAt(t, f.tokStart - 1)) || andLevel;
  if (anchorReading && kind !== 'comparison' && (!marked || cue === 'level') && !leadsToLevel) {
    if (f.kind === 'money' && anchorReading.measure === 'growth') {
      cue = 'change';
      marked = true;
      direction = anchorReading.direction;
    } else if (f.kind === 'percent' && anchorReading.measure === 'change') {
      cue = 'growth';
      marked = true;
      direction = anchorReading.direction;
    }
  }
  // "a drop of $4.2 billion or 11.14 percent": the same change said again goes the same way.
  const saidAgain = restated !== null || wordAt(t, f.tokStart - 1) === 'or' || isMark(t, f.tokStart - 1, '(');
  const sameChange =
    anchorReading?.measure === (f.kind === 'percent' ? 'change' : 'growth') &&
    (f.kind === 'percent' || f.kind === 'money');
  if (direction === undefined && saidAgain && sameChange && kind !== 'comparison')
    direction = anchorReading!.direction;
  // "compared with 8.3% in 2023" measures what the main figure does, but an outturn, not its forecast.
  if (
    kind === 'comparison' &&
    anchorReading &&
    !marked &&
    anchorReading.measure !== 'forecast' &&
    anchorReading.measure !== 'target'
  ) {
    cue = anchorReading.measure;
    marked = anchorReading.measureMarked;
  }

  // "..., followed by Türkiye with 19%" after a share: the next partner's share of the same total.
  const listsShares = f.kind === 'percent' && kind === 'appendix' && anchorReading?.measure === 'share';
  const partner = f.kind === 'money' || listsShares ? listedPartner(ctx, fi) : null;
  if (listsShares && partner !== null && !marked) {
    cue = 'share';
    marked = true;
  }
  let measure: Measure = cue;
  let metric: string | null = null;
  let info: MetricInfo | undefined;
  let metricSource: FrameSource | undefined;
  let metricHit: Hit | null = null;
  // A clause about another ("..., which has reached $4 billion") reads what it lacks from that one.
  const anchorHits = dependent && anchorClause >= 0 ? clauseHits(ctx, anchorClause, f) : [];
  const anchorSource: FrameSource = kind === 'relative' ? 'clause' : 'comparison';
  let paragraphAnchor: ValueReading | undefined;
  let sized: { info: MetricInfo; kinds: ReadonlySet<string> } | undefined;
  if (f.kind === 'count' && f.noun !== undefined && COUNT_METRICS.has(f.noun)) {
    metric = COUNT_METRICS.get(f.noun)!;
    // "The document consists of 43 paragraphs": a count of a document's parts is the document's.
    info = { metric, period: DOCUMENT_PARTS.has(metric) ? 'attribute' : 'stock', countable: true };
    measure = 'count';
    metricSource = 'figure';
  } else {
    const ownPick = pickMetric(ctx, own, fi, cue, measureReading.shareOf);
    metricHit = ownPick.hit;
    // "..., with the non-oil sector expanding by 3.1%": a clause with its own subject, about
    // something else than the figure before it.
    const ownSubject = wordAt(t, ctx.clauses.start[clause]!) === 'with';
    if (metricHit) metricSource = 'clause';
    else if (ownSubject) {
      // No metric of its own: nothing to check it against.
    } else if (!ownPick.final && anchorReading?.info) {
      // "GDP increased by 4.3 percent ..., reaching 59.5 billion manats": an amount beside a
      // growth is the level that grew.
      const grown = anchorReading.info.percentOnly && f.kind !== 'percent';
      info = (grown ? levelOfGrowth(anchorReading.info.metric) : undefined) ?? anchorReading.info;
      // A metric the figure before took from elsewhere stays a guess in the figure about it.
      const borrowed =
        anchorReading.metricSource === 'sentence' || anchorReading.metricSource === 'paragraph';
      metricSource = borrowed ? anchorReading.metricSource : anchorSource;
    } else if (!ownPick.final) {
      metricHit = pickMetric(ctx, anchorHits, fi, cue, undefined).hit;
      if (metricHit) metricSource = anchorSource;
      else {
        // "had set a target of $15 billion, and Turkish companies have invested more than $13
        // billion": the words of a later clause with a figure of its own are that figure's.
        // "The figure decreased by 2.85% compared with 2022, when the country's trade reached
        // $52.68 billion": a clause that points back does not take the words of a later one.
        const pointsBack = opensWithAnaphora(ctx, clause, f);
        const unowned = otherClauseHits(ctx, clause, f).filter(
          (h) =>
            h.tokStart < f.tokStart ||
            (!pointsBack && clausesJoined(ctx, ctx.clauses.of[h.tokStart]!, clause)) ||
            !hasOwnFigure(ctx, h, fi),
        );
        metricHit = pickMetric(ctx, unowned, fi, cue, undefined).hit;
        if (metricHit) metricSource = 'sentence';
        else if (pointsBack) {
          // "Bilateral trade has grown steadily. It rose from ...": what the sentence before, with
          // no figure of its own, is about; else "This is 18.4% more than a year earlier": the
          // figure of the sentence before.
          const spoken = subjectOfSentenceBefore(ctx, readings, fi);
          const balance = opensWithBalance(ctx, clause);
          metricHit = spoken ? pickMetric(ctx, spoken, fi, cue, undefined).hit : null;
          if (
            balance &&
            metricHit?.value.type === 'metric' &&
            metricHit.value.info.metric !== 'trade_balance'
          )
            metricHit = null;
          if (metricHit) metricSource = 'paragraph';
          else {
            // "The volume is still short of the goal of $10 billion": the level that has goals.
            paragraphAnchor =
              (cue === 'target' ? lastGoalableBefore(ctx, readings, fi) : undefined) ??
              lastReadingBefore(ctx, readings, fi);
            if (balance && paragraphAnchor?.info?.metric !== 'trade_balance') paragraphAnchor = undefined;
            if (paragraphAnchor?.info) {
              info = paragraphAnchor.info;
              metricSource = 'paragraph';
            }
          }
        } else if (cue === 'target' && f.kind === 'money') {
          // "Trade reached $6.7 billion in January-October. The governments had set a target of
          // $15 billion": a goal for what the figure before measured, if that is ever a goal.
          // "Trade reached $4.6 billion in 2021, and the presidents have set a target of raising
          // it to $15 billion": "it" is the level of the clause before.
          // "The volume surpassed the goal of 200 billion dollars": the last level that has goals,
          // past the exports and imports between.
          const before =
            (pronounBefore(ctx, f) ? levelEarlierInSentence(ctx, readings, fi) : undefined) ??
            lastGoalableBefore(ctx, readings, fi);
          if (before?.info?.targetMetric && before.measure === 'level') {
            paragraphAnchor = before;
            info = before.info;
            metricSource = 'paragraph';
          }
        }
      }
    }
    if (metricHit && metricHit.value.type === 'metric') info = metricHit.value.info;
    // "GDP per capita amounted to 5,855.7 manat": a figure per head is not the total.
    if (metricHit && perHead(t, metricHit.tokEnd)) {
      info = undefined;
      metricHit = null;
      metricSource = undefined;
    }
    // "Azerbaijan's foreign trade turnover totalled $51 billion. Compared with 2022, trade
    // decreased by 2.85 percent": one word of the metric the figure before named in full.
    const fuller =
      metricSource === 'clause' && metricHit
        ? fullerMetricBefore(ctx, readings, fi, own, metricHit)
        : undefined;
    if (fuller) {
      paragraphAnchor = fuller;
      info = fuller.info;
      metricSource = 'paragraph';
    }
    // "The 162-kilometre line", "a 1,860-megawatt station": the size of the thing it qualifies.
    // The figure's own noun says what it measures, whatever metric words the clause has besides
    // ("The 162-km line will cost $1.6 billion").
    sized = sizeOfThing(ctx, f);
    if (sized) {
      info = sized.info;
      metricHit = null;
      metricSource = 'figure';
    }
    // "..., followed by India with $64.9 billion": the list's metric, named at its first item.
    let item = partner !== null && !metricHit && !info ? previousListItem(ctx, readings, fi) : undefined;
    // "... imports from Russia consist of fuel. The calculations cover Russia's trade with its
    // neighbours. Kazakhstan remained Russia's largest partner with about $26 billion": a
    // sentence between, with no figure, that names what the list is of starts a new list.
    if (item && ctx.passages.sentence[ctx.figures[item.fi]!.numTok]! < ctx.passages.sentence[f.numTok]! - 1) {
      const spoken = subjectOfSentenceBefore(ctx, readings, fi);
      if (spoken && pickMetric(ctx, spoken, fi, cue, undefined).hit) item = undefined;
    }
    if (item?.info) {
      info = item.info;
      metricSource =
        ctx.passages.sentence[ctx.figures[item.fi]!.numTok] === ctx.passages.sentence[f.numTok]
          ? 'sentence'
          : 'paragraph';
    } else if (partner !== null && !metricHit && !info) {
      // "Kyrgyzstan's trade with its neighbours rose in the first quarter. China remained the
      // largest partner with $1.1 billion": what the sentence before, with no figure, is about.
      const spoken = subjectOfSentenceBefore(ctx, readings, fi);
      metricHit = spoken ? pickMetric(ctx, spoken, fi, cue, undefined).hit : null;
      if (metricHit?.value.type === 'metric') {
        info = metricHit.value.info;
        metricSource = 'paragraph';
      }
    }
    // "revenues reached 33 billion manats, while the deficit amounted to 1.2 billion": a deficit
    // or surplus is not the level of the budget (or anything but the trade balance) it is of.
    // "Exports reached $425.1 billion and imports $285.1 billion, leaving a surplus of $140
    // billion": beside exports and imports, the gap is the trade balance.
    if (info && info.metric !== 'trade_balance' && namesGap(ctx, clause, f)) {
      const trade = info.directed === 'exports' || info.directed === 'imports';
      info = trade ? metricInfo('trade_balance') : undefined;
      metricHit = null;
      metricSource = info ? 'sentence' : undefined;
    }
    // "The line will be 162 km long", "Russia will provide a loan of €1.3 billion": the future
    // tense of a design or an agreed amount states that amount, unless it changes ("is expected to
    // rise to").
    if (info && cue === 'forecast' && (isAttribute(info) || info.fixed) && !changesBefore(ctx, clause, f))
      cue = 'level';
    if (info) {
      const named = nameMetric(info, f.kind, f.unit, cue);
      metric = named.metric;
      measure = named.measure;
      // The metric's own words say what a percentage of it is: "inflation", "GDP growth", "of exports".
      if (info.percentOnly && f.kind === 'percent') marked = true;
    }
  }
  if (f.kind === 'count' && measure === 'level') measure = 'count';
  // "an initial capacity of 6.5 million tonnes": one stage of a design, which a reference that
  // names no stage may not be about.
  if (isAttribute(info) && metricHit && STAGES.has(wordAt(t, metricHit.tokStart - 1))) marked = false;

  // Only a clause that names its own flow is set beside another: "while imports reached ...".
  const parallel =
    metricSource === 'clause' ? parallelReading(ctx, readings, fi, clause, info, measure) : undefined;
  let entities: ClaimEntity[] = [];
  let entitiesSource: FrameSource | undefined;
  let entitiesGuessed = false;
  let completeFromStory = false;
  const share = measure === 'share';
  const ownMetricHit = metricSource === 'clause' ? metricHit : null;
  const anaphora = metric !== null ? countryAnaphora(ctx, own, fi, clause, share) : null;
  const antecedent = anaphora ? null : whoseAntecedent(ctx, clause, own);
  const extra = anaphora ?? antecedent;
  const ownHits = extra ? [...own, extra].sort((a, b) => a.tokStart - b.tokStart) : own;
  // "Azerbaijan's $16.5 billion imports": the owner's total, whoever else the clause names.
  const owned = ownerOfFigure(ctx, own, fi, ownMetricHit);
  const ownEntities = owned ?? entitiesFrom(ctx, ownHits, info, ownMetricHit, fi, share);
  if (ownEntities) {
    entities = ownEntities.entities;
    entitiesSource = anaphora ? 'paragraph' : ownEntities.viaArticle ? 'article' : 'clause';
    entitiesGuessed = ownEntities.guessed;
    // "while imports from Georgia came to $231 million": the importer is in the other clause.
    if (info?.directed && !isAttribute(info)) {
      if (completeFlow(entities, otherClauseHits(ctx, clause, f))) entitiesSource = 'sentence';
      else if (completeFlow(entities, earlierHits(ctx, fi))) entitiesSource = 'paragraph';
    }
  } else if (anchorReading && anchorReading.entities.length > 0 && (anchorReading.info || !info)) {
    // Roles read without a metric ("grew by a quarter") say nothing about a flow's ends.
    // "Exports from Georgia climbed 8%, with imports at $15.6 billion": Georgia's imports, the
    // other way round.
    entities = mirrored(anchorReading.info, info) ? swapEnds(anchorReading.entities) : anchorReading.entities;
    const theirs = anchorReading.entitiesSource;
    entitiesSource =
      theirs === 'clause' || theirs === 'figure' || theirs === undefined ? anchorSource : theirs;
    entitiesGuessed = anchorReading.entitiesGuessed === true;
    completeFromStory = true;
  } else {
    const fromAnchor = anchorHits.length > 0 ? entitiesFrom(ctx, anchorHits, info, null, fi, share) : null;
    if (fromAnchor) {
      entities = fromAnchor.entities;
      entitiesSource = fromAnchor.viaArticle ? 'article' : anchorSource;
      entitiesGuessed = fromAnchor.guessed;
      completeFromStory = true;
    } else if (metric !== null && parallel && parallelEntities(parallel, info!)) {
      entities = parallelEntities(parallel, info!)!;
      entitiesSource = 'parallel';
    } else if (metric !== null) {
      const other =
        entitiesFrom(ctx, otherClauseHits(ctx, clause, f), info, null, fi, share) ??
        (paragraphAnchor && paragraphAnchor.entities.length > 0
          ? { entities: paragraphAnchor.entities, viaArticle: false, guessed: true }
          : null);
      // A country's own figure ("In 2021, the economy grew 5.6%"): the country whose figures the
      // sentences before were about, rather than any country they mention in passing.
      const subject = other || info?.symmetric ? undefined : lastSubjectBefore(ctx, readings, fi);
      const before = other || subject ? [] : earlierHits(ctx, fi);
      // The same metric's words in the sentence before ("Uzbekistan's exports to Russia").
      const sameMetric = [...before]
        .reverse()
        .find((h) => h.value.type === 'metric' && h.value.info.metric === info?.metric);
      // A project named sentences before does not narrow a flow: "The agreement on TANAP was
      // signed in 2012. ... trade turnover reached $6.7 billion".
      const earlierMentions = isAttribute(info) ? before : before.filter((h) => h.value.type !== 'thing');
      const earlier = other ? null : entitiesFrom(ctx, earlierMentions, info, sameMetric ?? null, fi, share);
      if (other) {
        entities = other.entities;
        entitiesSource =
          paragraphAnchor && other.entities === paragraphAnchor.entities ? 'paragraph' : 'sentence';
      } else if (subject) {
        entities = subject;
        // In a story that names one country only, its own figures need no guess: "Annual
        // inflation slowed to 11.8 per cent in 2023" in a release about Azerbaijan.
        entitiesSource = onlyCountry(ctx, clause, f, subject) ? 'article' : 'paragraph';
      } else if (reportedByParty(ctx, f, info)) {
        // "According to Azerbaijan's State Customs Committee, turnover in January-August 2023 was
        // $612.9 million": the country whose figures they are is one of the article's two.
        for (const id of ctx.parties) pushEntity(entities, id, 'party');
        entitiesSource = 'article';
        entitiesGuessed = true;
      } else if (earlier) {
        entities = earlier.entities;
        entitiesSource = 'paragraph';
      } else if (info?.symmetric && ctx.parties.length === 2) {
        // Nothing in the text says the figure is bilateral: the article's parties are figcheck's default.
        for (const id of ctx.parties) pushEntity(entities, id, 'party');
        entitiesSource = 'default';
      } else if (info && !info.symmetric && !info.directed && ctx.countryCount === 1) {
        // "In January-May, nominal GDP stood at 48,026 million manat" in a release that names one
        // country only: that country's.
        pushEntity(entities, ctx.parties[0]!, 'subject');
        entitiesSource = 'article';
      }
    }
  }

  // "Russia was the largest supplier, with about 17% of imports": the importer the clause it hangs
  // on leaves unnamed is the story's country, when the sentence names it ("the main buyer of
  // Azerbaijani goods, ..."). A guess.
  const story = ctx.parties[0];
  if (completeFromStory && info?.directed && !isAttribute(info) && story !== undefined) {
    const completed = [...entities];
    if (countriesIn(otherClauseHits(ctx, clause, f)).includes(story) && completeFlowWith(completed, story)) {
      entities = completed;
      entitiesSource = 'article';
    }
  }

  // "The corridor, which stretches for about 7,200 km, ...": the corridor named before.
  // "The construction cost 17.7 billion roubles" in a story about the railway: the railway
  // named last, as a guess.
  if (sized) {
    // "the 162-kilometre railway, the missing link of the corridor": the size of a railway, which
    // the clause names, or the one named before; the corridor is not it.
    const own = ownHits.find((h) => h.value.type === 'thing' && sized!.kinds.has(h.value.thing.type));
    const named = own ? thingSlug(own) : thingSlug(thingNamedBefore(ctx, f, f.tokStart, sized.kinds));
    entities = named ? [{ id: named, role: 'subject' }] : [];
    // "The 126-kilometre line" in a story that names one railway is that railway, no guess.
    const only = !own && named !== null && onlyThingOfKinds(ctx, sized.kinds, named);
    entitiesSource = own ? 'clause' : only ? 'article' : 'paragraph';
    entitiesGuessed = !own && !only;
  } else if (
    isAttribute(info) &&
    (entitiesSource !== 'clause' || !entities.some((e) => !/^[A-Z]{2}$/.test(e.id)))
  ) {
    const ofKinds = DOCUMENT_PARTS.has(info!.metric) ? DOCUMENT_KINDS : BUILT_KINDS;
    const pointer = pointedThing(ctx, f, clause, ofKinds);
    const pointed =
      pointer?.id ??
      (entities.length === 0 || entitiesSource !== 'clause'
        ? thingSlug(thingNamedBefore(ctx, f, f.tokStart, ofKinds))
        : null);
    if (pointed) {
      const only = pointer !== null && onlyThingOfKinds(ctx, pointer.kinds, pointer.id);
      entities = [{ id: pointed, role: 'subject' }];
      entitiesSource = only ? 'article' : 'paragraph';
      entitiesGuessed = !only;
    }
  }
  // "allocated a $500 million loan to Iran for the railway": the loan's project, named before;
  // a loan the clause ties to one country at most is, as a guess, for the project the story is about.
  // Between two named countries the loan needs no project to be told apart.
  if (info?.fixed && !entities.some((e) => !/^[A-Z]{2}$/.test(e.id))) {
    const named = projectOfClause(ctx, f, clause);
    const guess = entities.length < 2 ? thingSlug(thingNamedBefore(ctx, f, f.tokStart, BUILT_KINDS)) : null;
    const project = named ?? guess;
    if (project) {
      entities = [...entities];
      pushEntity(entities, project, 'subject');
      if (!named) entitiesGuessed = true;
    }
  }
  // "India has invested about $2.1 billion in the corridor": the investor's money went into the
  // project named before, which is the flow's other end.
  if (info?.directed === 'investment' && !info.fixed && entities.length === 1) {
    const project = investedIn(ctx, f);
    if (project) {
      entities = [
        { id: entities[0]!.id, role: 'source' },
        { id: project.id, role: 'target' },
      ];
      // "the corridor" of a story that names several is the one named last, as a guess.
      if (!project.only) entitiesGuessed = true;
    }
  }
  // "Exports of the non-oil sector reached $3.1 billion" after a sentence about Azerbaijan: the
  // part stays a part whichever sentence names the country.
  const ownProduct = ownMetricHit ? (productOf(ctx, own, ownMetricHit) ?? productAfter(ctx, own, f)) : null;
  if (ownProduct && entities.length > 0 && !entities.some((e) => e.id === ownProduct)) {
    entities = [...entities];
    pushEntity(entities, ownProduct, 'subject');
  }
  // A list of one country's partners: each figure is that country's with the partner listed;
  // exports are the owner's to the partner, imports the owner's from it.
  // "Kazakhstan's foreign trade reached $139.8 billion. China led with $31.5 billion": a partner's
  // part of a country's foreign trade is the trade between the two.
  const bilateral =
    partner !== null && info && !info.symmetric && !info.directed
      ? info.shortFor?.map((m) => metricInfo(m)).find((m) => m?.symmetric)
      : undefined;
  const listInfo = bilateral ?? info;
  const owner = partner !== null && listInfo ? listOwner(ctx, readings, fi, partner) : null;
  const listed = owner !== null && partner !== null && listInfo ? listEntities(listInfo, owner, partner) : [];
  if (listed.length > 0) {
    entities = listed;
    entitiesSource = 'article';
    entitiesGuessed = true;
    if (bilateral) {
      info = bilateral;
      metric = nameMetric(bilateral, f.kind, f.unit, cue).metric;
    }
  }
  // "In 2022, Azerbaijan's trade turnover hit a record $52.68 billion": one country's trade, with
  // no partner named, is its foreign trade, not trade with the article's other country.
  const foreign = info?.symmetric && ownMetricHit ? countrysOwnTrade(ctx, own, ownMetricHit) : null;
  const foreignInfo = foreign && info?.ownTotal ? metricInfo(info.ownTotal) : undefined;
  if (foreign && foreignInfo && listed.length === 0) {
    info = foreignInfo;
    metric = nameMetric(foreignInfo, f.kind, f.unit, cue).metric;
    entities = [{ id: foreign, role: 'subject' }];
    entitiesSource = 'clause';
    entitiesGuessed = false;
  }
  // "Russia was the largest supplier, with a share of 17% of Azerbaijan's imports": the partner is
  // the one country of the clause before, as a guess.
  const alone = entities.length === 1 && entities[0]!.role === 'subject' ? entities[0]!.id : null;
  const partnerBefore =
    share && info?.directed && alone ? countryOfClauseBefore(ctx, clause, f, alone) : null;
  if (partnerBefore && info) {
    entities = listEntities(info, alone!, partnerBefore);
    entitiesGuessed = true;
  }
  // "gas to Europe" read as the EU: close, but not what the words say.
  if (entities.some((e) => readLoosely(own, e.id))) entitiesGuessed = true;
  const reading: ValueReading = { fi, clause, measure, measureMarked: marked, metric, entities, anchor };
  if (partner !== null) {
    reading.partner = partner;
    const before = previousListItem(ctx, readings, fi);
    if (before) reading.listedAfter = before.fi;
  }
  if (parallel && entitiesSource === 'parallel') reading.parallel = parallel.fi;
  if (measure === 'level' && info?.metric === 'trade_balance' && isDeficit(ctx, clause, f))
    reading.deficit = true;
  if (direction && (measure === 'change' || measure === 'growth')) reading.direction = direction;
  if (entitiesGuessed) reading.entitiesGuessed = true;
  if (info) reading.info = info;
  if (metricSource) reading.metricSource = metricSource;
  if (entitiesSource) reading.entitiesSource = entitiesSource;
  if (kind === 'comparison' && anchor !== null && !leadsToLevel)
    reading.comparison = { role: 'base', with: anchor };
  const result = resultOfFrom(ctx, fi, clause);
  if (result !== null) reading.comparison = { role: 'base', with: result };
  else if (
    anchor !== null &&
    kind === 'appendix' &&
    wordAt(t, f.tokStart - 1) === 'from' &&
    ctx.figures[anchor]!.kind === f.kind
  )
    // "$784.8 million, up 19.8% from $625.1 million": the level compared with.
    reading.comparison = { role: 'base', with: anchor };
  return reading;
}
