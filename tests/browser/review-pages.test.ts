/// <reference lib="dom" />
/**
 * The reviewer pages in a real browser: Debian's Chromium when present, else the Chromium of the
 * @sparticuz/chromium package, driven by playwright-core against the local server on DynamoDB
 * Local. Screenshots go to tests/output/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { findBrowser } from '../support/find-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/local-database.ts';

const KEY = 'browser-test-key-0123456789';
const OUTPUT = new URL('../output/', import.meta.url).pathname;
const SAMPLE = readFileSync(new URL('../../examples/putin-aliyev-kremlin.txt', import.meta.url), 'utf8');
const WRONG = readFileSync(new URL('../../examples/wrong-figures.txt', import.meta.url), 'utf8');

interface Checked {
  articleId: string;
  claims: { id: string; text: string; verdict: { verdict: string; evidence: { sourceName: string }[] } }[];
}

let db: TestDatabase;
let stack: LocalStack;
let browser: Browser;
let page: Page;
let sample: Checked;
let wrong: Checked;

async function check(text: string, title: string): Promise<Checked> {
  const response = await fetch(`${stack.apiUrl}/v1/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ text, title, publishedAt: '2024-04-22' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Checked;
}

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  db = await createTestDatabase();
  stack = await startLocalStack({
    dynamoDbEndpoint: db.endpoint,
    tablePrefix: db.prefix,
    apiKeys: [{ name: 'reviewer-ana', key: KEY }],
  });
  sample = await check(SAMPLE, 'Putin meets with Ilham Aliyev in the Kremlin');
  wrong = await check(WRONG, 'Baku and Moscow mark railway jubilee as trade grows');
  const { executablePath, args } = await findBrowser();
  browser = await chromium.launch({ executablePath, headless: true, args });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Sign in through the page, as a reviewer would; the page then comes back to the report.
  await page.goto(`${stack.apiUrl}/v1/articles/${sample.articleId}/report`);
  expect(new URL(page.url()).pathname).toBe('/v1/login');
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/v1/articles/${sample.articleId}/report`);
  expect(violations).toEqual([]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  db?.client.destroy();
});

describe('the report page in a browser', () => {
  it('highlights the five claims of the sample article, each with exactly the claim text', async () => {
    await page.goto(`${stack.apiUrl}/v1/articles/${sample.articleId}/report`);
    const marks = page.locator('a.claim');
    expect(await marks.count()).toBe(5);
    const shown = await marks.evaluateAll((elements) =>
      elements.map((el) => [el.getAttribute('data-claim-id'), el.firstChild?.textContent ?? '']),
    );
    expect(shown).toEqual(sample.claims.map((claim) => [claim.id, claim.text]));
    for (const verdict of await marks.evaluateAll((elements) => elements.map((el) => el.textContent ?? ''))) {
      expect(verdict).toMatch(/\[Supported\]$/);
    }
  });

  it("shows a claim's evidence when the claim is clicked", async () => {
    const claim = sample.claims.find((c) => c.text === 'Six billion')!;
    const details = page.locator(`details#claim-${claim.id}`);
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.locator(`a#mark-${claim.id}`).click();
    await expect.poll(() => details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await details.isVisible()).toBe(true);
    expect(await details.innerText()).toContain(claim.verdict.evidence[0]!.sourceName);
  });

  it('records a review action and shows it in the history after a reload', async () => {
    const claim = wrong.claims.find((c) => c.text === '$6.2 billion')!;
    await page.goto(`${stack.apiUrl}/v1/articles/${wrong.articleId}/report#claim-${claim.id}`);
    const details = page.locator(`details#claim-${claim.id}`);
    await details
      .locator('form[data-action="dismiss"] textarea')
      .fill('The figure includes services; not comparable.');
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/reviews') && r.request().method() === 'POST',
    );
    const back = page.waitForResponse((r) => r.url().includes('/report') && r.request().method() === 'GET');
    const loaded = page.waitForEvent('load');
    await details.locator('form[data-action="dismiss"] button').click();
    expect((await posted).status()).toBe(303);
    expect((await back).status()).toBe(200);
    await loaded;
    await page.reload({ waitUntil: 'load' });
    const text = (await page.locator(`details#claim-${claim.id}`).textContent()) ?? '';
    expect(text).toMatch(/Status\s*Dismissed/);
    expect(text).toContain('reviewer-ana');
    expect(text).toContain('The figure includes services; not comparable.');
    await page.screenshot({ path: `${OUTPUT}report.png`, fullPage: true });
  });

  it('lets a keyboard alone reach every claim and act on it', async () => {
    const claim = wrong.claims.find((c) => c.text === '$1.2 billion')!;
    await page.goto(`${stack.apiUrl}/v1/articles/${wrong.articleId}/report`);
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < wrong.claims.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-claim-id') ?? '');
      if (id && (await page.evaluate(() => document.activeElement?.classList.contains('claim'))))
        reached.add(id);
    }
    expect([...reached].sort()).toEqual(wrong.claims.map((c) => c.id).sort());

    // Enter on a highlight opens its details and puts focus on them; Tab then reaches Confirm.
    await page.locator(`a#mark-${claim.id}`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('details')?.id ?? ''))
      .toBe(`claim-${claim.id}`);
    let onConfirm = false;
    for (let i = 0; i < 40 && !onConfirm; i++) {
      await page.keyboard.press('Tab');
      onConfirm = await page.evaluate(
        () =>
          document.activeElement?.tagName === 'BUTTON' &&
          document.activeElement.closest('form')?.getAttribute('data-action') === 'confirm',
      );
    }
    expect(onConfirm).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('details')?.id)).toBe(
      `claim-${claim.id}`,
    );
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/reviews') && r.request().method() === 'POST',
    );
    const back = page.waitForResponse((r) => r.url().includes('/report') && r.request().method() === 'GET');
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    expect((await posted).status()).toBe(303);
    expect((await back).status()).toBe(200);
    await loaded;
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator(`details#claim-${claim.id}`).textContent()).toMatch(/Status\s*Confirmed/);
  });
});

describe('the review queue in a browser', () => {
  it('lists the flagged claims and filters them', async () => {
    await page.goto(`${stack.apiUrl}/v1/review`);
    const rows = page.locator('tr[data-claim-key]');
    expect(await rows.count()).toBe(4);
    await page.screenshot({ path: `${OUTPUT}queue.png`, fullPage: true });
    await page.locator('select[name="verdict"]').selectOption('contradicted');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/verdict=contradicted/);
    expect(await rows.count()).toBe(3);
    await page.locator('select[name="verdict"]').selectOption('');
    await page.locator('select[name="status"]').selectOption('dismissed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=dismissed/);
    expect(await rows.count()).toBe(1);
    // Each row leads to its claim in the report.
    await rows.first().locator('a').first().click();
    await page.waitForURL(/\/report#claim-/);
    const hash = new URL(page.url()).hash;
    await expect
      .poll(() => page.locator(`details${hash}`).evaluate((el) => (el as HTMLDetailsElement).open))
      .toBe(true);
  });
});
