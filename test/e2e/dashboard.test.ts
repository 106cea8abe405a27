import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dyadSeries, explainPoint } from '../../src/analysis/series.js';
import { topDyads } from '../../src/analysis/top-dyads.js';
import { EXAMPLES_DIR, runDemo } from '../../src/cli/demo.js';
import type { Io } from '../../src/cli/io.js';
import { startServer, type RunningServer } from '../../src/cli/serve.js';
import { processArticle } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

/**
 * The dashboard in a real headless Chromium against the real API over a demo store: the path an
 * analyst takes from the overview to a sentence, checked against what the store holds. Screenshots
 * of every step go to test-artifacts/e2e/ (git-ignored) for a human look.
 */

const CHROMIUM = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  console.warn(
    `test/e2e/dashboard.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)`,
  );
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(ROOT, 'dist/web');
const SHOTS = join(ROOT, 'test-artifacts/e2e');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Newest modification time under a folder (the dashboard's sources). */
function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds dist/web with Vite when it is missing or older than web/. In a child process: under
 * vitest NODE_ENV is `test`, which would keep the libraries' development code in the bundle.
 */
function ensureBuilt(): void {
  const index = join(WEB_ROOT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'web'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function quietIo(cwd: string): Io {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, stdin: new PassThrough(), env: {}, cwd };
}

/** An article whose title and body carry markup that must show as text, never run. */
async function saveHostileArticle(store: Store): Promise<string> {
  const raw = [
    'Iran warned Azerbaijan on 3 March 2024 <script>window.__pwned = 1</script> after talks in Baku.',
    '',
    'Azerbaijan accused Iran of spying <img src=x onerror="window.__pwned = 2">.',
  ].join('\n');
  const doc = processArticle(
    {
      input: 'e2e-hostile.txt',
      format: 'text',
      raw,
      hints: {
        title: 'Markup <script>window.__pwned = 3</script> in a title',
        published: '2024-03-04',
        outlet: 'E2E Desk',
      },
      warnings: [],
    },
    {},
  );
  return (await store.saveDocument(doc)).id;
}

describe.skipIf(!HAS_CHROMIUM)('dashboard in headless Chromium', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hostileId: string;
  const offLoopback: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    store = await openStore(join(dir, 'demo.db'));
    await runDemo(store, EXAMPLES_DIR, quietIo(ROOT));
    hostileId = await saveHostileArticle(store);
    ensureBuilt();
    server = await startServer(store, { port: 0, host: '127.0.0.1', webRoot: WEB_ROOT, rateLimit: false });
    base = `${server.url}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Every request leaving loopback is recorded and refused: the dashboard must work offline.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname)) {
        offLoopback.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // A failing step leaves a picture of what the page showed, and the page's errors.
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      await page?.screenshot({
        path: join(SHOTS, `failed-${ctx.task.name.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
      console.error(`page errors so far: ${JSON.stringify(pageErrors)}`);
    });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('goes from the overview to a dyad, a point, its events and the sentence in the article', async () => {
    // Overview: counts and the most active dyads as the store has them.
    await page.goto(base);
    const counts = await store.counts();
    await expect
      .poll(() => page.locator('[data-count=documents]').textContent())
      .toBe(String(counts.documents));
    const table = page.locator('[data-testid=active-dyads]');
    await table.waitFor();
    const firstRow = (await table.locator('tbody tr').first().textContent()) ?? '';
    const dyadLink = table.locator('tbody tr a.dyad').first();
    const [a, b] = ((await dyadLink.textContent()) ?? '').split('–');
    // The row shown first is a real dyad of the store, with its event count.
    const all = await topDyads(store, { from: '1000', limit: 500, grouped: true });
    const listed = all.find((d) => (d.a === a && d.b === b) || (d.a === b && d.b === a));
    expect(listed, `dyad ${a}–${b} from the page is not in the store`).toBeDefined();
    expect(firstRow).toContain(`${a}–${b}`);
    expect(await table.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(
      String(listed!.events),
    );
    await shot('1-overview');

    // Dyad page: one point per period of the store's series (as the API counts it: happenings once).
    await dyadLink.click();
    await page.waitForURL((u) => u.hash.startsWith(`#/dyad/${a}/${b}`));
    const series = await dyadSeries(store, a, b, { interval: 'month', grouped: true });
    const withEvents = series.points.filter((p) => p.events > 0);
    expect(withEvents.length).toBeGreaterThan(0);
    await page.locator('.tension-chart').waitFor();
    await expect.poll(() => page.locator('.tension-chart .point').count()).toBe(series.points.length);
    await shot('2-dyad');

    // Click the busiest period: its events are the store's events of that month, and the tension
    // panel lists the store's explanation of that point.
    const busiest = withEvents.reduce((x, y) => (y.events > x.events ? y : x));
    await page.locator(`.tension-chart .point[data-period="${busiest.period}"] circle`).click();
    const inPeriod = await store.events({
      dyad: [a, b],
      from: busiest.period,
      to: busiest.period,
      grouped: true,
      limit: 200,
    });
    expect(inPeriod.total).toBeGreaterThan(0);
    const rows = page.locator('.point-events [data-testid=events-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(inPeriod.items.length);
    expect(await rows.locator('.quote').allTextContents()).toEqual(inPeriod.items.map((e) => e.quote));
    const explained = await explainPoint(store, a, b, busiest.period, 'month', { grouped: true });
    const items = page.locator('.point-events .contributions li');
    await expect.poll(() => items.count()).toBe(explained.contributions.length);
    expect(await items.locator('.quote').allTextContents()).toEqual(
      explained.contributions.map((c) => c.quote),
    );
    await shot('3-dyad-point');

    // Open the period's first event: the reader marks exactly its sentence.
    const eventId = inPeriod.items[0].id;
    await rows.first().locator('a.event-link').click();
    await page.waitForURL((u) => u.hash.includes('event='));
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`event=${eventId}`);
    const doc = await store.getDocument(inPeriod.items[0].documentId);
    await page.locator('.body .sel').first().waitFor();
    const marked = (await page.locator('.body .sel').allTextContents()).join('');
    expect(marked).toBe(doc!.body.slice(inPeriod.items[0].start, inPeriod.items[0].end));
    expect(await page.locator('[data-testid=document-title]').textContent()).toBe(doc!.title ?? doc!.id);
    await expect.poll(() => page.locator('.body .sel').first().isVisible()).toBe(true);
    await shot('4-document');
  });

  it('renders markup in an article as text', async () => {
    await page.goto(`${base}#/doc/${hostileId}`);
    const body = page.locator('[data-testid=document-body]');
    await body.waitFor();
    const stored = await store.getDocument(hostileId);
    expect(stored!.body).toContain('<script>');
    expect(await body.textContent()).toBe(stored!.body);
    expect(await page.locator('[data-testid=document-title]').textContent()).toBe(stored!.title);
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot('5-markup-as-text');
  });

  it('draws the network and the map from bundled code only', async () => {
    await page.goto(`${base}#/network`);
    await page.locator('[data-testid=network] canvas').first().waitFor();
    await page.waitForTimeout(300);
    await shot('6-network');
    await page.goto(`${base}#/map`);
    const map = page.locator('[data-testid=map]');
    await map.waitFor();
    expect(await map.locator('path').count()).toBeGreaterThan(150);
    await shot('7-map');
    await page.goto(`${base}#/claims`);
    await page.locator('[data-testid=claims-board], .card, p.muted').first().waitFor();
    await shot('8-claims');
    await page.goto(`${base}#/events`);
    await page.locator('[data-testid=events-table]').waitFor();
    await shot('9-events');
  });

  it('asked nothing beyond loopback and logged no errors', () => {
    expect(offLoopback).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
