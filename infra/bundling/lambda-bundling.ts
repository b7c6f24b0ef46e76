/**
 * How a figcheck function is bundled for Lambda, shared by the CDK construct and the benchmark
 * that measures the bundles: ESM for Node.js 22, minified, with source maps; the AWS SDK v3 left
 * to the Lambda runtime, which ships it; linkedom's unused CSS parser replaced by a stub.
 */
import type { BuildOptions } from 'esbuild';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export const LAMBDA_TARGET = 'node22';

/** The SDK v3 is part of the Lambda runtime; bundling it again only adds cold-start bytes. */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

/** ESM bundles still contain CommonJS `require` calls from dependencies. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const MODULE_ALIASES: Record<string, string> = {
  'cssomnom/parse': `${REPO_ROOT}infra/bundling/no-css-parser.ts`,
};

/** The same bundling as esbuild options, for the benchmark and the tests that build a bundle themselves. */
export const LAMBDA_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LAMBDA_TARGET,
  minify: true,
  external: EXTERNAL_MODULES,
  banner: { js: ESM_REQUIRE_BANNER },
  alias: MODULE_ALIASES,
};

export function handlerEntry(functionFolder: string): string {
  return `${REPO_ROOT}functions/${functionFolder}/handler.ts`;
}
