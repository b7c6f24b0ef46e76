/**
 * Cold start: each function bundled exactly as the stack bundles it (esbuild, minified, the SDK
 * left to the runtime), its size, and the time a fresh Node process takes to import it (the
 * module-scope work of a cold start: parsing, configuration, building adapters), median of 20.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import { handlerEntry, LAMBDA_BUILD_OPTIONS } from '../infra/bundling/lambda-bundling.ts';
import { median, round } from './measure.ts';

export const FUNCTIONS = ['api', 'facts-api', 'webhooks', 'worker'] as const;

/** Inside the repository, so that the bundles resolve the SDK from node_modules as Lambda's runtime would. */
const OUT_DIR = new URL('../tests/output/bench-bundles/', import.meta.url).pathname;

/** What the stack sets; the values only need to look right, nothing is contacted at import. */
const ENVIRONMENT = {
  FIGCHECK_FACTS_TABLE: 'facts',
  FIGCHECK_ARTICLES_TABLE: 'articles',
  FIGCHECK_API_KEYS_TABLE: 'keys',
  FIGCHECK_RATE_LIMITS_TABLE: 'rates',
  FIGCHECK_ARTICLE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/articles',
  AWS_REGION: 'eu-west-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

export interface BundleFigures {
  name: string;
  bytes: number;
  importMedianMs: number;
  importP90Ms: number;
  /** The largest inputs, for the record of what a bundle carries. */
  largest: { module: string; bytes: number }[];
}

function packageOf(path: string): string {
  const inModules = path.split('node_modules/').pop()!;
  if (!path.includes('node_modules/')) return path.split('/').slice(0, 2).join('/');
  return inModules
    .split('/')
    .slice(0, inModules.startsWith('@') ? 2 : 1)
    .join('/');
}

export async function measureBundles(runs = 20): Promise<BundleFigures[]> {
  const figures: BundleFigures[] = [];
  for (const name of FUNCTIONS) {
    const outfile = `${OUT_DIR}${name}/index.mjs`;
    mkdirSync(`${OUT_DIR}${name}`, { recursive: true });
    const result = await build({
      ...LAMBDA_BUILD_OPTIONS,
      entryPoints: [handlerEntry(name)],
      outfile,
      metafile: true,
      logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const byPackage = new Map<string, number>();
    for (const [path, input] of Object.entries(output.inputs)) {
      byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + input.bytesInOutput);
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); process.stdout.write(String(performance.now() - t));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, ...ENVIRONMENT },
        encoding: 'utf8',
      });
      times.push(Number(out));
    }
    times.sort((a, b) => a - b);
    figures.push({
      name,
      bytes: statSync(outfile).size,
      importMedianMs: round(median(times), 1),
      importP90Ms: round(times[Math.floor(times.length * 0.9)]!, 1),
      largest: [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([module, bytes]) => ({ module, bytes })),
    });
  }
  return figures;
}
