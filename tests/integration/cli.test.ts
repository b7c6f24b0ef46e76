import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/create-document-client.ts';
import { DynamoDbApiKeyStore } from '../../functions/adapters/dynamodb/dynamodb-api-key-store.ts';
import { DynamoDbReferenceStore } from '../../functions/adapters/dynamodb/dynamodb-reference-store.ts';
import { seedFacts } from '../../local/bootstrap.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = 'examples/putin-aliyev-kremlin.txt';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;

function figcheck(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/figcheck.js', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedFacts(db.client, db.tables.FIGCHECK_FACTS_TABLE!);
  env = {
    ...process.env,
    FIGCHECK_DYNAMODB_ENDPOINT: db.endpoint,
    FIGCHECK_FACTS_TABLE: db.tables.FIGCHECK_FACTS_TABLE,
    FIGCHECK_API_KEYS_TABLE: db.tables.FIGCHECK_API_KEYS_TABLE,
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

  it('facts import --skip-invalid loads the valid JSON-lines rows, reports the bad one, and re-import changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'figcheck-'));
    const file = join(dir, 'facts.jsonl');
    const fact = (id: string, value: unknown) =>
      JSON.stringify({
        id,
        metric: 'exports',
        entities: ['AZ', 'IT'],
        period: '2023',
        value,
        unit: 'USD',
        qualifier: 'approx',
        as_of: '2024-02-01',
        source_name: 'Example Agency',
        source_url: 'https://example.org/exports',
      });
    writeFileSync(file, [fact('J1', 12500000000), fact('J2', 'n/a'), fact('J3', 13000000000)].join('\n'));
    const first = await figcheck(['facts', 'import', file, '--skip-invalid']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('line 2, column value: value "n/a" is not a number');
    expect(first.stdout).toContain('Imported 2 facts (6 items)');
    expect(first.stdout).toContain('skipped 1 invalid rows');
    const store = new DynamoDbReferenceStore(
      createDocumentClient(db.client),
      db.tables.FIGCHECK_FACTS_TABLE!,
    );
    const [before] = await store.findFacts([{ metric: 'exports', entities: ['AZ', 'IT'] }]);
    expect(
      before!
        .map((f) => f.id)
        .filter((id) => id.startsWith('J'))
        .sort(),
    ).toEqual(['J1', 'J3']);
    await figcheck(['facts', 'import', file, '--skip-invalid']);
    const [after] = await store.findFacts([{ metric: 'exports', entities: ['AZ', 'IT'] }]);
    expect(after).toEqual(before);
  });

  it('extract --jsonl streams one line of claims per input line, and an error line for a bad one', async () => {
    const input = [
      JSON.stringify({
        id: 'a1',
        text: 'Exports rose 12% to $4.3 billion in 2023.',
        publishedAt: '2024-04-22',
      }),
      'not json',
      JSON.stringify({ id: 'a3', html: '<p>Trade reached <b>€1.3 billion</b>.</p>' }),
    ].join('\n');
    const { code, stdout, stderr } = await figcheck(
      ['extract', '--jsonl', '--published', '2024-04-22'],
      input,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('1 of 3 lines could not be read');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].id).toBe('a1');
    expect(lines[0].claims.map((c: { value: unknown }) => c.value)).toEqual(
      expect.arrayContaining([12, 4300000000]),
    );
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[1].error).toMatch(/^invalid JSON/);
    expect(lines[2].text).toBe('Trade reached €1.3 billion.');
    expect(lines[2].claims.map((c: { value: unknown; unit: unknown }) => [c.value, c.unit])).toEqual([
      [1300000000, 'EUR'],
    ]);
  });

  it('keys create prints a new key once, and keys revoke revokes every key of that client', async () => {
    const created = await figcheck(['keys', 'create', 'newsroom-bot', '--scopes', 'checks:write']);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^fc_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('Created a key for newsroom-bot with scopes checks:write');
    const keys = new DynamoDbApiKeyStore(createDocumentClient(db.client), db.tables.FIGCHECK_API_KEYS_TABLE!);
    expect(await keys.findByKey(key)).toMatchObject({ name: 'newsroom-bot', scopes: ['checks:write'] });
    const revoked = await figcheck(['keys', 'revoke', 'newsroom-bot']);
    expect(revoked.stdout).toContain('Revoked 1 key of newsroom-bot');
    expect((await keys.findByKey(key))?.revokedAt).toMatch(/^\d{4}-/);
  });

  it('keys create refuses an unknown scope, naming it', async () => {
    const { code, stderr } = await figcheck(['keys', 'create', 'x', '--scopes', 'checks:write,everything']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown scope everything');
  });
});
