/**
 * The domain vocabulary shared by extraction, checking and reports: claims, reference facts,
 * verdicts. Plain data only, so every layer (Lambda, CLI, local server) can pass it around.
 */

export type ClaimKind =
  | 'money'
  | 'count'
  | 'percent'
  | 'date'
  | 'duration'
  | 'ordinal'
  | 'anniversary'
  | 'quantity';

export type Qualifier = 'exact' | 'approx' | 'more_than' | 'less_than' | 'at_least' | 'at_most' | 'range';

/** Calendar precision of a date value or period: "2022" | "2022-02" | "2022-02-22". */
export type DatePrecision = 'year' | 'month' | 'day';

export type EntityRole = 'source' | 'target' | 'party' | 'subject';

export interface ClaimEntity {
  /** ISO 3166 alpha-2 code (upper case) or a slug for a named thing (lower snake case). */
  id: string;
  role: EntityRole;
}

/**
 * How long a period is: a year, half, quarter, month or another run of months, the year so far,
 * several years, a day, or a moment at which a stock is measured.
 */
export type Granularity =
  | 'year'
  | 'half'
  | 'quarter'
  | 'month'
  | 'months'
  | 'year_to_date'
  | 'years'
  | 'day'
  | 'as_of';

/**
 * How a period was found: written with its year, resolved from the publication date ("last
 * year", "a year earlier"), or inferred because the text gives none for the figure.
 */
export type PeriodBasis = 'stated' | 'relative' | 'inferred';

/** What period a figure refers to: an ISO year, month or day, or a range "A/B". */
export interface Period {
  value: string;
  basis: PeriodBasis;
  /** Absent on claims stored before granularity was recorded; read it from the value then. */
  granularity?: Granularity;
}

/** What a figure measures: see docs/claim-frames.md. */
export type Measure =
  | 'level'
  | 'change'
  | 'growth'
  | 'share'
  | 'rate'
  | 'target'
  | 'forecast'
  | 'count'
  | 'event_date'
  | 'anniversary'
  | 'duration';

/**
 * Where a part of a frame was read: the figure's own words, its clause, the figure it is
 * compared with, the figure a parallel clause sets it beside ("exports reached ..., while imports
 * came to ..."), another clause of the sentence, an earlier sentence of the paragraph, the
 * article's two parties, or figcheck's default for the kind of figure.
 */
export type FrameSource =
  | 'figure'
  | 'clause'
  | 'comparison'
  | 'parallel'
  | 'sentence'
  | 'paragraph'
  | 'article'
  | 'default';

/** Frame parts a contradiction may not rest on when they were guessed. */
export type FramePart = 'measure' | 'metric' | 'entities' | 'period' | 'event';

/**
 * What exactly a figure is about: the quantity a reference must state to apply to it. The
 * metric, entities and period are the claim's own fields; the frame adds the measure, where
 * each part was read, and which parts are guesses.
 */
export interface ClaimFrame {
  measure: Measure;
  metric: string | null;
  entities: ClaimEntity[];
  period: Period | null;
  event?: ClaimEvent;
  /** For a figure compared with another ("from A to B", "compared with Y"): its role and the other's claim id. */
  comparison?: { role: 'base' | 'result'; with: string };
  /** For a change or growth, "fall" when the words say it went down ("fell 3%", "a decline of"): the value is then negative. */
  direction?: 'rise' | 'fall';
  sources: Partial<Record<'measure' | 'metric' | 'entities' | 'period' | 'event', FrameSource>>;
  /** Parts taken from outside the figure's clause, or defaults: never the ground of a contradiction. */
  guessed: FramePart[];
}

export interface Claim {
  id: string;
  /** The figure expression as written, equal to `articleText.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  sentence: string;
  kind: ClaimKind;
  /** Fully scaled number (4000000000, not 4), or an ISO date string at its precision for dates. */
  value: number | string;
  /** ISO 4217 currency, `percent`, `percentage_point`, a unit name (year, km ...), or null. */
  unit: string | null;
  qualifier: Qualifier;
  /** Bounds for ranges; also set for one-sided qualifiers when useful. */
  low?: number | string;
  high?: number | string;
  /** Significant figures as written ("4" -> 1, "4.3" -> 2, "4,312" -> 4); null for dates. */
  significantFigures: number | null;
  /** Precision of a date value. */
  datePrecision?: DatePrecision;
  metric: string | null;
  entities: ClaimEntity[];
  period: Period | null;
  /** For anniversaries and durations: the event the figure counts from. */
  event?: ClaimEvent;
  /** True when the currency or scale was carried over from an earlier figure. */
  carriedUnit?: boolean;
  /** Whether figcheck considers the figure checkable against reference facts. */
  checkable: boolean;
  /** Absent on claims stored before frames were read; checking derives one from the fields then. */
  frame?: ClaimFrame;
}

export interface ClaimEvent {
  /** Metrics that date the event, in order of preference (e.g. construction_started). */
  metrics: string[];
  entities: string[];
  /** The event's date when the article states it ("signed ... in February 2022"). */
  statedDate?: string;
}

export interface ReferenceFact {
  id: string;
  metric: string;
  /** Ordered as the source gives them; see data/README.md for the order conventions. */
  entities: string[];
  /** "YYYY", "YYYY-MM", "YYYY-MM-DD", a range "A/B", or "" when the fact has no period. */
  period: string;
  /** A number, or an ISO date string when unit is "date"; null for non-numeric facts. */
  value: number | string | null;
  unit: string;
  qualifier: 'exact' | 'approx' | 'more_than' | 'less_than' | 'at_least' | 'at_most' | '';
  /** What the value measures, when the metric's name does not say it (a change of exports). */
  measure?: Measure;
  asOf: string;
  sourceName: string;
  sourceUrl: string;
  notes: string;
}

export type VerdictLabel = 'supported' | 'contradicted' | 'outdated' | 'unverifiable' | 'ambiguous';

export interface Evidence {
  factId: string;
  value: number | string | null;
  unit: string;
  period: string;
  sourceName: string;
  sourceUrl: string;
  asOf: string;
  /** claim value minus reference value, for numeric comparisons. */
  deviation?: { absolute: number; relative: number };
}

export interface Verdict {
  claimId: string;
  verdict: VerdictLabel;
  /** One plain sentence a reviewer can read. */
  explanation: string;
  evidence: Evidence[];
}

export interface ArticleInput {
  text: string;
  /** ISO date (YYYY-MM-DD) the article was published; anchors relative periods. */
  publishedAt: string;
  title?: string;
  url?: string;
}

export interface CheckedClaim extends Claim {
  verdict: Verdict;
}

export interface CheckResult {
  publishedAt: string;
  claims: CheckedClaim[];
  summary: Record<VerdictLabel, number>;
}

/** A data editor's extra wording for a metric ("commerce between" -> trade_turnover). */
export interface MetricAlias {
  metric: string;
  alias: string;
}
