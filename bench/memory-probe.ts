/**
 * One measurement for memory-bench.ts, in a fresh process: `baseline` loads the code only,
 * `extract N` extracts the claims of N bytes of article text, `check N` checks them against the
 * reference facts held in memory. Prints the process's peak RSS in MB.
 */
import { checkArticle, extractClaims } from '../functions/core/index.ts';
import { InMemoryReferenceStore } from '../tests/support/in-memory-reference-store.ts';
import { readFactsCsv } from '../tests/support/read-facts-csv.ts';
import { generateCorpus } from './article-corpus.ts';

const [mode = 'baseline', size = '0'] = process.argv.slice(2);
const bytes = Number(size);
const facts = readFactsCsv(new URL('../data/facts.csv', import.meta.url).pathname);
let text = '';
if (bytes > 0) {
  for (const article of generateCorpus(bytes + 10_000)) {
    if (text.length + article.length > bytes) break;
    text += `${article}\n\n`;
  }
}
if (mode === 'extract') extractClaims(text, { publishedAt: '2024-04-22' });
if (mode === 'check')
  await checkArticle({ text, publishedAt: '2024-04-22' }, new InMemoryReferenceStore(facts));
console.log(Math.round(process.resourceUsage().maxRSS / 1024));
