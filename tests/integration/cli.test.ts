import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFacts } from '../../local/bootstrap.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = 'examples/putin-aliyev-kremlin.txt';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;

function figcheck(args: string[]) {
  return run('node', ['bin/figcheck.js', ...args], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedFacts(db.client, db.tables.FIGCHECK_FACTS_TABLE!);
  env = {
    ...process.env,
    FIGCHECK_DYNAMODB_ENDPOINT: db.endpoint,
    FIGCHECK_FACTS_TABLE: db.tables.FIGCHECK_FACTS_TABLE,
  };
});

afterAll(() => db.client.destroy());

describe('the figcheck CLI', () => {
  it('extract --json prints the claims of the sample article with offsets into the file', async () => {
    const { code, stdout } = await figcheck(['extract', SAMPLE, '--published', '2024-04-22', '--json']);
    expect(code).toBe(0);
    const { claims } = JSON.parse(stdout) as {
      claims: { text: string; value: unknown; unit: string | null }[];
    };
    expect(claims.map((c) => [c.text, c.value, c.unit])).toEqual([
      ['50th anniversary', 50, 'year'],
      ['more than $ 4 billion', 4000000000, 'USD'],
      ['Six billion', 6000000000, 'USD'],
      ['more than two years', 2, 'year'],
      ['February 2022', '2022-02', null],
    ]);
  });

  it('check prints a table with a verdict and a source for each claim', async () => {
    const { code, stdout } = await figcheck(['check', SAMPLE, '--published', '2024-04-22']);
    expect(code).toBe(0);
    expect(stdout).toContain('5 claims checked: 5 supported.');
    expect(stdout).toMatch(/supported\s+money\s+"more than \$ 4 billion"/);
    expect(stdout).toContain('source: ');
  });

  it('check --json prints the verdicts as JSON', async () => {
    const { code, stdout } = await figcheck(['check', SAMPLE, '--published', '2024-04-22', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      summary: Record<string, number>;
      claims: { verdict: { verdict: string } }[];
    };
    expect(result.summary.supported).toBe(5);
    expect(result.claims).toHaveLength(5);
  });

  it('exits 2 with a message naming --published when the date is missing or malformed', async () => {
    const missing = await figcheck(['extract', SAMPLE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--published');
    const malformed = await figcheck(['extract', SAMPLE, '--published', '22/04/2024']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--published must be a date written YYYY-MM-DD, got "22/04/2024"');
  });

  it('facts import rejects a file with an invalid row, naming the line and column, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'figcheck-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'id,metric,entities,period,value,unit,qualifier,as_of,source_name,source_url,notes',
        'X001,exports,AZ,2023,100,USD,exact,2024-01-01,Example,https://example.org/a,',
        'X002,exports,AZ,2023,lots,USD,exact,2024-01-01,Example,https://example.org/b,',
      ].join('\n'),
    );
    const { code, stderr } = await figcheck(['facts', 'import', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('line 3, column value: value "lots" is not a number');
    expect(stderr).toContain('nothing was imported');
  });
});
