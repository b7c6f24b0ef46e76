/**
 * The local stack for the load benchmark, in a process of its own so that the load generator
 * does not share its event loop: DynamoDB Local in memory, the API on a free port. Prints
 * `{"url","key"}` as one line, then serves until it is killed.
 */
import { startLocalStack } from '../local/local-stack.ts';

const key = 'bench-load-key-0123456789abcdef';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
// The load comes from one client; its per-minute limit would turn the run into 429s.
process.env.FIGCHECK_RATE_LIMIT_PER_MINUTE = '100000000';
const stack = await startLocalStack({ apiKeys: [{ name: 'bench', key }], tablePrefix: 'load' });
process.stdout.write(`${JSON.stringify({ url: stack.apiUrl, key })}\n`);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
