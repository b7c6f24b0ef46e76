/**
 * The false-alarm suites: short articles in agency style, checked end to end (extraction, frames,
 * verdicts) against the shipped reference table plus each suite's own fixture facts.
 *
 * - accurate.jsonl: every figure is right, or has no applicable fact. Nothing may be
 *   contradicted, outdated or ambiguous, however many traps (a half-year figure beside an annual
 *   fact, a comparison year, a change beside a level) the article holds.
 * - one-wrong.jsonl: one figure (`wrong`) is deliberately wrong in a frame the table holds; it
 *   must be contradicted, and no other figure may be flagged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../functions/core/index.ts';
import type { CheckedClaim, ReferenceFact } from '../../../functions/core/model.ts';
import { InMemoryReferenceStore } from '../../support/in-memory-reference-store.ts';
import { readFactsCsv } from '../../support/read-facts-csv.ts';

interface SuiteArticle {
  id: string;
  publishedAt: string;
  title: string;
  text: string;
  wrong?: string;
  note?: string;
}

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const shipped = readFactsCsv(path('../../../data/facts.csv'));

function loadSuite(name: string): { articles: SuiteArticle[]; facts: ReferenceFact[] } {
  const articles = readFileSync(path(`../../fixtures/verdict-suites/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SuiteArticle);
  const facts = [...shipped, ...readFactsCsv(path(`../../fixtures/verdict-suites/${name}-facts.csv`))];
  return { articles, facts };
}

const FLAGS = new Set(['contradicted', 'outdated', 'ambiguous']);

function flagged(claims: readonly CheckedClaim[]): string[] {
  return claims.filter((c) => FLAGS.has(c.verdict.verdict)).map((c) => `${c.text}: ${c.verdict.explanation}`);
}

describe('false alarms on accurate articles', () => {
  const { articles, facts } = loadSuite('accurate');
  const store = new InMemoryReferenceStore(facts);

  it('has at least 40 articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
  });

  it.each(articles.map((a) => [a.id, a.title, a] as const))(
    '%s (%s) raises no flag',
    async (_id, _title, article) => {
      const result = await checkArticle({ text: article.text, publishedAt: article.publishedAt }, store);
      expect(result.claims.length).toBeGreaterThan(0);
      expect(flagged(result.claims)).toEqual([]);
    },
  );
});

describe('articles with one wrong figure', () => {
  const { articles, facts } = loadSuite('one-wrong');
  const store = new InMemoryReferenceStore(facts);

  it('has at least 40 articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
  });

  it.each(articles.map((a) => [a.id, a.wrong, a] as const))(
    '%s flags "%s" as contradicted and nothing else',
    async (_id, _wrong, article) => {
      const result = await checkArticle({ text: article.text, publishedAt: article.publishedAt }, store);
      const at = article.text.indexOf(article.wrong ?? '');
      const wrong = result.claims.find((c) => c.start <= at && at < c.end);
      expect(wrong, `no claim covers "${article.wrong}"`).toBeDefined();
      expect(wrong?.verdict.verdict, wrong?.verdict.explanation).toBe('contradicted');
      expect(flagged(result.claims.filter((c) => c !== wrong))).toEqual([]);
    },
  );
});

const labelledSets = readdirSync(path('../../fixtures/verdict-suites')).filter(
  (file) => file.startsWith('labelled') && file.endsWith('.jsonl'),
);

it('reads every labelled set there is', () => {
  expect(labelledSets.length).toBeGreaterThanOrEqual(18);
});

describe.each(labelledSets)(
  'the labelled set %s (every checkable figure labelled with its expected verdict)',
  (file) => {
    interface Labelled {
      id: string;
      publishedAt: string;
      text: string;
      figures: { text: string; sentence_hint: string; expected: string }[];
    }
    const articles = readFileSync(path(`../../fixtures/verdict-suites/${file}`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Labelled);
    const store = new InMemoryReferenceStore(shipped);

    it.each(articles.map((a) => [a.id, a] as const))(
      '%s flags no figure a fact-checker would not',
      async (_id, article) => {
        const result = await checkArticle({ text: article.text, publishedAt: article.publishedAt }, store);
        const alarms: string[] = [];
        for (const figure of article.figures) {
          if (FLAGS.has(figure.expected)) continue;
          const near = article.text.indexOf(figure.sentence_hint);
          let at = -1;
          for (
            let i = article.text.indexOf(figure.text);
            i >= 0;
            i = article.text.indexOf(figure.text, i + 1)
          )
            if (at < 0 || Math.abs(i - near) < Math.abs(at - near)) at = i;
          const claim = result.claims.find((c) => c.start < at + figure.text.length && at < c.end);
          if (claim && FLAGS.has(claim.verdict.verdict))
            alarms.push(`${figure.text}: ${claim.verdict.explanation}`);
        }
        expect(alarms).toEqual([]);
      },
    );
  },
);
