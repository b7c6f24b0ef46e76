/** The measures a figure or a reference fact can state (docs/claim-frames.md), for validators. */
import type { Measure } from './model.ts';

export const MEASURES: readonly Measure[] = [
  'level',
  'change',
  'growth',
  'share',
  'rate',
  'target',
  'forecast',
  'count',
  'event_date',
  'anniversary',
  'duration',
];

/** The metric of a duration that is a term granted ("rights for up to 99 years"), not time elapsed. */
export const TERM_METRIC = 'lease_term';
