/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the npm package
 * amplify-dynamodb-simulator) as a child process, waits until it answers, and stops it.
 * Used by `npm start` (persisted under .data/) and by the integration tests (in memory, on a
 * free port).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17 or newer, and ${detail}. Install it, e.g. on Debian/Ubuntu ` +
        '`sudo apt-get install -y default-jre-headless`, on macOS `brew install openjdk@17`, then try again.',
    );
    this.name = 'JavaMissingError';
  }
}

export class DynamoDbLocalStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DynamoDbLocalStartError';
  }
}

export interface DynamoDbLocalOptions {
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /** Folder to persist the database in; in memory when omitted. */
  dataDir?: string;
  /** How long to wait for the server to answer. */
  timeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Dummy credentials and region: DynamoDB Local accepts any. */
export const LOCAL_CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('amplify-dynamodb-simulator/package.json');
  } catch (cause) {
    throw new DynamoDbLocalStartError(
      'the package amplify-dynamodb-simulator (which ships DynamoDB Local) is not installed; run `npm install`',
      { cause },
    );
  }
  return join(dirname(packageJson), 'emulator');
}

function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new JavaMissingError('`java` was not found on the PATH');
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`);
  const major = version ? Number(version[1]) : Number.NaN;
  if (!(major >= 17))
    throw new JavaMissingError(`the installed Java reports version ${version?.[1] ?? 'unknown'}`);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
) {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new DynamoDbLocalStartError(`DynamoDB Local exited with code ${child.exitCode}: ${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new DynamoDbLocalStartError(
      `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${output()}`,
    );
  } finally {
    client.destroy();
  }
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  checkJava();
  const dir = emulatorDir();
  const jar = join(dir, 'DynamoDBLocal.jar');
  if (!existsSync(jar))
    throw new DynamoDbLocalStartError(`DynamoDB Local's jar is missing at ${jar}; run \`npm install\``);
  const port = options.port ?? (await findFreePort());
  const storage = options.dataDir ? ['-dbPath', options.dataDir, '-sharedDb'] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      ...storage,
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    // DynamoDB Local writes a metadata file into its working directory; keep it out of the repo.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.dataDir ?? tmpdir() },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      // DynamoDB Local normally exits at once; do not let a stuck JVM hold the caller.
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  try {
    await waitUntilAnswering(endpoint, child, options.timeoutMs ?? 30_000, () => output.trim());
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid ?? -1, stop };
}
