/**
 * Currency conversion through reference exchange-rate facts (metric exchange_rate, entities
 * [FROM, TO], value = TO per 1 FROM). Only a rate on file for the figure's own period is used:
 * a rate from another year would put a guess into the evidence.
 */
import type { ReferenceFact } from '../model.ts';
import { parsePeriodSpan } from './calendar.ts';
import { keepLatestRevisions } from './keep-latest-revisions.ts';

export const EXCHANGE_RATE_METRIC = 'exchange_rate';

export interface Conversion {
  /** Multiply an amount in the source currency by this to get the target currency. */
  factor: number;
  rate: ReferenceFact;
}

function coversPeriod(ratePeriod: string, period: string): boolean {
  if (ratePeriod === period) return true;
  const rate = parsePeriodSpan(ratePeriod);
  const figure = parsePeriodSpan(period);
  return rate !== null && figure !== null && rate.first <= figure.first && figure.last <= rate.last;
}

/** The conversion from one currency to another for a period, or null when no rate is on file. */
export function findConversion(
  from: string,
  to: string,
  period: string,
  facts: readonly ReferenceFact[],
): Conversion | null {
  const rates = keepLatestRevisions(
    facts.filter(
      (fact) =>
        fact.metric === EXCHANGE_RATE_METRIC &&
        typeof fact.value === 'number' &&
        fact.value > 0 &&
        fact.entities.length === 2 &&
        fact.entities.includes(from) &&
        fact.entities.includes(to) &&
        coversPeriod(fact.period, period),
    ),
  );
  // The rate stated for exactly this period beats one for a longer period that contains it.
  const rate = rates.find((fact) => fact.period === period) ?? rates[0];
  if (!rate || typeof rate.value !== 'number') return null;
  return { factor: rate.entities[0] === from ? rate.value : 1 / rate.value, rate };
}
