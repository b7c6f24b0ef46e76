import { createHash } from 'node:crypto';
import { generateCorpus } from './article-corpus.ts';
import { extractClaims } from '../functions/core/index.ts';

const corpus = generateCorpus(2_000_000);
const bytes = corpus.reduce((s, a) => s + Buffer.byteLength(a), 0);
const passes = Number(process.env.PASSES ?? 5);
for (const all of [false, true]) {
  const h = createHash('sha256');
  for (const a of corpus) h.update(JSON.stringify(extractClaims(a, { publishedAt: '2024-04-22', all })));
  const rates: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    let n = 0;
    for (const a of corpus) n += extractClaims(a, { publishedAt: '2024-04-22', all }).length;
    const dt = (performance.now() - t0) / 1000;
    rates.push(bytes / 1e6 / dt);
  }
  rates.sort((a, b) => a - b);
  console.log(`${all ? 'all' : 'default'}: median ${rates[rates.length >> 1]!.toFixed(2)} MB/s  [${rates.map((r) => r.toFixed(1)).join(', ')}]  hash ${h.digest('hex').slice(0, 16)}`);
}
