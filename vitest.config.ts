import { defineConfig } from 'vitest/config';

// The SDK's notice about Node 20 support is noise in test output; Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One DynamoDB Local serves every file (global setup); CDK synth is built once per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/support/dynamodb-global-setup.ts'],
  },
});
