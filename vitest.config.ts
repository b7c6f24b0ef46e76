import { configDefaults, defineConfig } from 'vitest/config';

// The SDK's notice about Node 20 support is noise in test output; Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Tests that bound how long a 1 MB input takes: they run after the others, one file at a time,
 * so that no other file's work (or DynamoDB Local's) competes for the cores they measure.
 */
const TIMED = [
  'tests/unit/extraction/linear-time.test.ts',
  'tests/unit/extraction/extractor-fuzz.property.test.ts',
  'tests/unit/html/hostile-html.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'checks',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...TIMED],
          // One DynamoDB Local serves every file (global setup); CDK synth is built once per file.
          globalSetup: ['tests/support/dynamodb-global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          include: TIMED,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
