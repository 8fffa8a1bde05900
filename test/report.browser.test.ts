/**
 * The demo report in a real browser: Debian's Chromium driven by
 * playwright-core. Checks that the page is whole on its own (no console
 * errors, no request beyond the file itself), that every section is there,
 * that the persona map has one mark per customer and the trend chart one
 * series per intent, and saves a screenshot to test-output/. Skipped, with
 * the reason, where there is no Chromium (CI installs it: see .ci/run).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../src/contract/taxonomy.js';
import { SECTION_IDS } from '../src/report/html.js';
import { convotag, customerCount } from './helpers.js';

const CHROMIUM = process.env.CONVOTAG_CHROMIUM ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser)
  console.warn(`report.browser.test: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CONVOTAG_CHROMIUM)`);

const demo = 'fixtures/demo/transcripts.jsonl';
const outDir = resolve('test-output');
const reportFile = resolve(outDir, 'report-demo.html');
const screenshot = resolve(outDir, 'report-demo.png');

// Chromium's own background traffic (updates, sync, safe browsing) off: only the page's requests remain to be checked
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
];

describe.skipIf(!hasBrowser)('the demo report in headless Chromium', () => {
  type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;
  type Page = Awaited<ReturnType<Browser['newPage']>>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  const customers = customerCount(demo);

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const r = convotag(['report', demo, '--out', reportFile, '--lang', 'en', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // the report must not fetch anything: any request that is not the file itself or inline data is recorded and refused
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('file:') && !url.startsWith('data:') && !outsideRequests.includes(url)) outsideRequests.push(url);
    });
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors and no network requests', () => {
    expect(consoleErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });

  it('has every section, with its heading', async () => {
    for (const id of SECTION_IDS) {
      const section = page.locator(`section#${id}`);
      expect(await section.count(), id).toBe(1);
      expect((await section.locator('h2').innerText()).trim().length).toBeGreaterThan(0);
    }
    expect(await page.locator('#personas article.persona').count()).toBeGreaterThan(0);
    expect(await page.locator('#obstacles .card .quote').count()).toBeGreaterThan(0);
  });

  it('draws one persona-map mark per customer and one trend series per intent', async () => {
    expect(await page.locator('#persona-map .mark').count()).toBe(customers);
    const series = await page.locator('#trend-chart g.series').evaluateAll((els) => els.map((e) => e.getAttribute('data-series')));
    expect(series).toEqual([...INTENTS]);
    // the charts are laid out, not collapsed
    const map = await page.locator('#persona-map').boundingBox();
    const trend = await page.locator('#trend-chart').boundingBox();
    expect(map!.width).toBeGreaterThan(300);
    expect(trend!.height).toBeGreaterThan(150);
  });

  it('opens the quoted conversation when a quote link is followed', async () => {
    const link = page.locator('#obstacles .quote a').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    // the browser reveals a followed fragment's closed <details>
    expect(await page.locator(target).locator('xpath=ancestor::details').getAttribute('open')).not.toBeNull();
  });

  it('saves a screenshot of the whole page', async () => {
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
  });
});
