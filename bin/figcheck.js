#!/usr/bin/env node
// Entry point of the figcheck CLI: loads the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runCli, UsageError } = await import('../cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    stdin: process.stdin,
    stdout: process.stdout,
  });
} catch (error) {
  const usage = error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  process.stderr.write(`figcheck: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = usage ? 2 : 1;
}
