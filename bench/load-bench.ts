/**
 * The API under load: the local server (its own process) with DynamoDB Local, `POST /v1/checks`
 * with the sample article, driven by autocannon for a fixed time at increasing concurrency,
 * then at a fixed rate of 100 requests/s. Latency bends where throughput stops growing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const SAMPLE = readFileSync(new URL('../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');

export interface LoadFigures {
  connections: number;
  /** Requests per second offered, for the fixed-rate run. */
  rate?: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function startServer(): Promise<{ child: ChildProcess; url: string; key: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./serve-local.ts', import.meta.url).pathname],
    {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the local server exited with ${code}`)));
  });
  const { url, key } = JSON.parse(line) as { url: string; key: string };
  return { child, url, key };
}

function run(url: string, key: string, options: { connections: number; seconds: number; rate?: number }) {
  return new Promise<LoadFigures>((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/checks`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ text: SAMPLE, publishedAt: '2024-04-22' }),
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate ? { overallRate: options.rate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          connections: options.connections,
          rate: options.rate,
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

export async function measureLoad(seconds = 20, levels = [1, 2, 4, 8, 16, 32]): Promise<LoadFigures[]> {
  const { child, url, key } = await startServer();
  try {
    // Warm the server: JIT, the fact cache, the key cache.
    await run(url, key, { connections: 4, seconds: 3 });
    const figures: LoadFigures[] = [];
    for (const connections of levels) figures.push(await run(url, key, { connections, seconds }));
    figures.push(await run(url, key, { connections: 16, seconds, rate: 100 }));
    return figures;
  } finally {
    child.kill('SIGTERM');
  }
}
