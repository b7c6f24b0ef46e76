/**
 * Whether a reference fact states the same quantity as a claim: the same metric and measure,
 * the same entities with compatible roles (docs/claim-frames.md, "what applies"). A fact that
 * does not apply says why, so that the verdict can name the nearest reference and the reason.
 *
 * Facts of directional metrics list the source of the flow first (data/README.md). "A's imports
 * from B" and "B's exports to A" are one flow, so a claim about one may be checked against a
 * fact about the other, and the explanation says so.
 */
import type { Claim, ClaimEntity, ClaimFrame, Measure, ReferenceFact } from '../model.ts';
import { granularityOf } from '../period-notation.ts';

/** Metrics whose facts list the source of the flow first (`RU|AZ` investment = Russian money in Azerbaijan). */
export const DIRECTIONAL_METRICS: ReadonlySet<string> = new Set([
  'investment_stock',
  'investment_total',
  'investment_projects_portfolio',
  'loan_amount',
  'remittances',
  'exports',
  'imports',
  'exports_growth',
  'imports_growth',
  'export_share',
  'import_share',
  'gas_supply',
  'gas_supply_target',
]);

/** The same flow read from the other side: A's imports from B are B's exports to A. */
const MIRRORS: ReadonlyMap<string, string> = new Map([
  ['imports', 'exports'],
  ['exports', 'imports'],
  ['imports_growth', 'exports_growth'],
  ['exports_growth', 'imports_growth'],
]);

/** Metrics that are rates stated as a percentage level. */
const RATE_METRICS: ReadonlySet<string> = new Set(['inflation', 'unemployment', 'refinancing_rate']);

export function mirrorMetric(metric: string): string | undefined {
  return MIRRORS.get(metric);
}

/**
 * Metrics that name one quantity in other words: what a railway "is estimated to cost" is the
 * cost of its project. A fact under the other name may confirm a claim; it does not contradict
 * it, since a project's cost may cover more than building.
 */
const SAME_QUANTITY: ReadonlyMap<string, string> = new Map([
  ['construction_cost', 'project_cost'],
  ['project_cost', 'construction_cost'],
]);

export function otherNameOf(metric: string): string | undefined {
  return SAME_QUANTITY.get(metric);
}

/** What a metric's values measure when nothing else says so. */
export function measureOfMetric(metric: string, unit: string | null): Measure {
  if (unit === 'date') return 'event_date';
  if (metric.endsWith('_growth')) return 'growth';
  if (metric.endsWith('_share')) return 'share';
  if (metric.endsWith('_target')) return 'target';
  if (metric.endsWith('_forecast')) return 'forecast';
  if (metric.endsWith('_count') || metric === 'document_paragraphs') return 'count';
  if (RATE_METRICS.has(metric)) return 'rate';
  if (metric === 'anniversary') return 'anniversary';
  return 'level';
}

export function measureOfFact(fact: ReferenceFact): Measure {
  return fact.measure ?? measureOfMetric(fact.metric, fact.unit);
}

/** A level and a count are both "how much"; every other measure is its own. */
function measureClass(measure: Measure): Measure {
  return measure === 'count' ? 'level' : measure;
}

export function sameMeasure(a: Measure, b: Measure): boolean {
  return measureClass(a) === measureClass(b);
}

/**
 * The claim's frame; claims stored before frames were read get one from their own fields, with
 * nothing marked as guessed (which is how they were checked then).
 */
export function frameOfClaim(claim: Claim): ClaimFrame {
  if (claim.frame) return claim.frame;
  const measure =
    claim.kind === 'date'
      ? 'event_date'
      : claim.kind === 'anniversary'
        ? 'anniversary'
        : claim.kind === 'duration'
          ? 'duration'
          : claim.kind === 'count'
            ? 'count'
            : measureOfMetric(claim.metric ?? '', claim.unit);
  const period = claim.period
    ? {
        ...claim.period,
        granularity: claim.period.granularity ?? granularityOf(claim.period.value) ?? 'year',
      }
    : null;
  const frame: ClaimFrame = {
    measure,
    metric: claim.metric,
    entities: claim.entities,
    period,
    sources: {},
    guessed: [],
  };
  if (claim.event) frame.event = claim.event;
  return frame;
}

export type EntityFit = { applies: true; mirrored: boolean } | { applies: false; reason: string };

function isCountry(id: string): boolean {
  return /^[A-Z]{2}$/.test(id);
}

function roleOf(entities: readonly ClaimEntity[], role: ClaimEntity['role']): string | undefined {
  return entities.find((e) => e.role === role)?.id;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

/** Whether a numeric fact is about the claim's entities, in the claim's direction where direction matters. */
export function fitEntities(
  fact: ReferenceFact,
  claim: Pick<Claim, 'entities' | 'metric'> & { sentence?: string },
): EntityFit {
  const ids = [...claim.entities.map((e) => e.id), ...describedInSentence(fact, claim)];
  const mirrored = fact.metric !== claim.metric && fact.metric === mirrorMetric(claim.metric ?? '');
  if (!DIRECTIONAL_METRICS.has(fact.metric)) {
    if (sameSet(fact.entities, ids)) return { applies: true, mirrored };
    return { applies: false, reason: describeEntityGap(fact.entities, ids) };
  }
  const source = roleOf(claim.entities, 'source');
  const target = roleOf(claim.entities, 'target');
  const subject = roleOf(claim.entities, 'subject');
  const others = claim.entities.filter((e) => e.role !== 'source' && e.role !== 'target').map((e) => e.id);
  if (source !== undefined && target !== undefined) {
    const [factSource, factTarget, ...rest] = fact.entities;
    if (factSource === source && factTarget === target && sameSet(rest, others))
      return { applies: true, mirrored };
    if (factSource === target && factTarget === source)
      return { applies: false, reason: `the reference is about the flow from ${target} to ${source}` };
    // A part the sentence names elsewhere does not narrow a flow whose ends the claim names.
    return {
      applies: false,
      reason: describeEntityGap(
        fact.entities,
        claim.entities.map((e) => e.id),
      ),
    };
  }
  if (target === undefined && !mirrored && byLenderAndProject(fact, ids)) return { applies: true, mirrored };
  if (source === undefined && target === undefined && subject !== undefined && !mirrored) {
    // "Azerbaijan's exports": the country's total, not its exports to one partner.
    if (sameSet(fact.entities, ids)) return { applies: true, mirrored };
    return { applies: false, reason: describeEntityGap(fact.entities, ids) };
  }
  return {
    applies: false,
    reason:
      source !== undefined || target !== undefined
        ? 'the claim names only one end of the flow'
        : 'the claim does not say which way the flow goes',
  };
}

/**
 * A fact's entity that describes what is counted ("companies_with_russian_capital",
 * "russian_language_schools") is the claim's too when the claim's sentence says every word of it:
 * "some 1,130 companies with Russian capital operate in Azerbaijan".
 */
function describedInSentence(
  fact: ReferenceFact,
  claim: Pick<Claim, 'entities'> & { sentence?: string },
): string[] {
  const sentence = claim.sentence?.toLowerCase().replaceAll('-', ' ');
  if (!sentence) return [];
  const words = new Set(sentence.split(/[^\p{L}\p{N}]+/u));
  return fact.entities.filter(
    (id) =>
      id.includes('_') &&
      !isCountry(id) &&
      !claim.entities.some((e) => e.id === id) &&
      id.split('_').every((word) => words.has(word)),
  );
}

/**
 * "Russia will cover €1.3 billion through an interstate loan" for the Rasht-Astara railway: one
 * country sending money to a named project identifies the flow, whose other end is the project's.
 */
function byLenderAndProject(fact: ReferenceFact, ids: readonly string[]): boolean {
  const countries = ids.filter(isCountry);
  const things = ids.filter((id) => !isCountry(id));
  const [factSource, factTarget, ...rest] = fact.entities;
  return (
    countries.length === 1 &&
    things.length > 0 &&
    factSource === countries[0] &&
    factTarget !== undefined &&
    isCountry(factTarget) &&
    sameSet(rest, things)
  );
}

/** Why a fact's entities are not the claim's: a narrower quantity, other countries, or missing ones. */
function describeEntityGap(factIds: readonly string[], claimIds: readonly string[]): string {
  const extra = factIds.filter((id) => !claimIds.includes(id));
  const missing = claimIds.filter((id) => !factIds.includes(id));
  if (extra.length > 0 && missing.length === 0)
    return `the reference is about ${factIds.join(', ')}, narrower than the claim (${extra.join(', ')})`;
  if (missing.length > 0 && extra.length === 0)
    return `the reference covers ${factIds.join(', ')} only; the claim is about ${claimIds.join(', ')}`;
  return `the reference is about ${factIds.join(', ')}; the claim is about ${claimIds.join(', ')}`;
}

/**
 * Whether a dated fact is about the claim's event: a fact about a named document applies only to
 * a claim that names that document; a claim that names none is checked only against facts that
 * name no document either (diplomatic relations, independence), for the same countries.
 */
export function fitsEvent(fact: ReferenceFact, ids: readonly string[]): boolean {
  const things = ids.filter((id) => !isCountry(id));
  const countries = ids.filter(isCountry);
  const factCountries = fact.entities.filter(isCountry);
  if (things.length === 0) return fact.entities.every(isCountry) && sameSet(factCountries, countries);
  // The named thing must be the fact's; the fact's countries, where it has any, must be among the
  // claim's (a ratification names the ratifying country; a person's birth names none).
  return (
    things.every((id) => fact.entities.includes(id)) && factCountries.every((id) => countries.includes(id))
  );
}
