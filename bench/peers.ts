/**
 * The peer extractors figcheck is measured against, run the way a news pipeline would use them:
 * Microsoft Recognizers-Text with number, currency, percentage, ordinal and date recognisers
 * on, and compromise with its number, money and percentage views. Each returns the values it
 * found in a text, so accuracy can be scored the same way for every extractor.
 */
import * as Recognizers from '@microsoft/recognizers-text-suite';
import nlp from 'compromise';

export interface FoundValue {
  text: string;
  value: number | string | null;
  unit: string | null;
}

export interface Extractor {
  name: string;
  extract(text: string): FoundValue[];
}

const CULTURE = Recognizers.Culture.English;

function numeric(value: unknown): number | null {
  const n =
    typeof value === 'string'
      ? Number(value.replace(/,/g, ''))
      : typeof value === 'number'
        ? value
        : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

export const recognizersText: Extractor = {
  name: '@microsoft/recognizers-text-suite',
  extract(text) {
    const found: FoundValue[] = [];
    for (const r of Recognizers.recognizeCurrency(text, CULTURE)) {
      found.push({
        text: r.text,
        value: numeric(r.resolution?.value),
        unit: r.resolution?.isoCurrency ?? r.resolution?.unit ?? null,
      });
    }
    for (const r of Recognizers.recognizePercentage(text, CULTURE)) {
      found.push({
        text: r.text,
        value: numeric(String(r.resolution?.value ?? '').replace('%', '')),
        unit: 'percent',
      });
    }
    for (const r of Recognizers.recognizeOrdinal(text, CULTURE)) {
      found.push({ text: r.text, value: numeric(r.resolution?.value), unit: null });
    }
    for (const r of Recognizers.recognizeNumber(text, CULTURE)) {
      found.push({ text: r.text, value: numeric(r.resolution?.value), unit: null });
    }
    for (const r of Recognizers.recognizeDateTime(text, CULTURE)) {
      const values = (r.resolution?.values ?? []) as { timex?: string }[];
      found.push({ text: r.text, value: values[0]?.timex ?? null, unit: null });
    }
    return found;
  },
};

interface CompromiseNumber {
  text: string;
  number?: { num?: number; prefix?: string; suffix?: string };
}

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', '₼': 'AZN' };

export const compromise: Extractor = {
  name: 'compromise',
  extract(text) {
    const doc = nlp(text);
    const found: FoundValue[] = [];
    for (const m of doc.money().json() as CompromiseNumber[]) {
      found.push({
        text: m.text,
        value: m.number?.num ?? null,
        unit: CURRENCY_SIGNS[m.number?.prefix ?? ''] ?? null,
      });
    }
    for (const m of doc.percentages().json() as CompromiseNumber[]) {
      found.push({ text: m.text, value: m.number?.num ?? null, unit: 'percent' });
    }
    for (const m of doc.numbers().json() as CompromiseNumber[]) {
      found.push({ text: m.text, value: m.number?.num ?? null, unit: null });
    }
    return found;
  },
};
