/**
 * A module of the functions built the way the stack builds it for Lambda (esbuild, one minified
 * ESM file for Node 22), for the tests that bound how long the code takes. That file is what a
 * request runs; the same code run module by module through the test runner's transform takes
 * 1.4-1.9x as long here, and a bound on that would time the runner as much as figcheck.
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUILD_OPTIONS } from '../../infra/bundling/lambda-bundling.ts';

/** Inside the repository, so that a bundle resolves what it leaves external from node_modules. */
const OUT_DIR = new URL('../output/timed-bundles/', import.meta.url).pathname;

/** Builds `entry` (a path from the repository root) into one file and imports it. */
export async function importLambdaBundle<T>(entry: string): Promise<T> {
  const name = entry.replace(/[^a-z0-9]+/gi, '-');
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = `${OUT_DIR}${name}-${process.pid}.mjs`;
  await build({
    ...LAMBDA_BUILD_OPTIONS,
    entryPoints: [new URL(`../../${entry}`, import.meta.url).pathname],
    outfile,
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
