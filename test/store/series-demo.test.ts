import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts } from '../../src/analysis/alerts.js';
import { brief } from '../../src/analysis/report.js';
import { dyadSeries, explainPoint } from '../../src/analysis/series.js';
import { topDyads } from '../../src/analysis/top-dyads.js';
import { EXAMPLES_DIR } from '../../src/cli/demo.js';
import { expandInputs, ingestOptions, readSource } from '../../src/ingest/index.js';
import { processArticle } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

/** The demo corpus (examples/), ingested once through the pipeline into a throwaway store. */
let store: Store;

beforeAll(async () => {
  store = await openSqliteStore(':memory:', { now: () => new Date('2025-09-01T00:00:00Z') });
  const opts = ingestOptions({ cwd: EXAMPLES_DIR });
  for (const source of await expandInputs([EXAMPLES_DIR], EXAMPLES_DIR)) {
    for (const item of await readSource(source, opts)) {
      if (item.ok) await store.saveDocument(processArticle(item.article));
    }
  }
});

afterAll(() => store.close());

describe('series on the demo corpus', () => {
  it('agrees with the event listing: every dated report of a dyad is in its month series', async () => {
    const [top] = await topDyads(store, { from: '2023-01-01', to: '2025-08-31', grouped: false });
    expect(top).toBeDefined();
    const { a, b } = top!;
    const s = await dyadSeries(store, a, b, { interval: 'month', grouped: false });
    const listed = await store.events({ dyad: [a, b], limit: 10_000 });
    const dated = listed.items.filter((e) => e.date && e.date.length >= 7);
    // The busiest dyad has dated reports, so the sums below compare real figures.
    expect(dated.length).toBeGreaterThan(0);
    expect(s.points.reduce((n, p) => n + p.events, 0)).toBe(dated.length);
    expect(s.points.reduce((n, p) => n + p.goldstein, 0)).toBeCloseTo(
      dated.reduce((n, e) => n + e.goldstein, 0),
      6,
    );
    // Counting each happening once never counts more.
    const grouped = await dyadSeries(store, a, b, { interval: 'month' });
    expect(grouped.points.reduce((n, p) => n + p.events, 0)).toBeLessThanOrEqual(dated.length);
  });

  it('decomposes every non-zero point of the busiest dyad', async () => {
    const [top] = await topDyads(store, { from: '2023-01-01', to: '2025-08-31' });
    const s = await dyadSeries(store, top!.a, top!.b, { interval: 'month' });
    const busy = s.points.filter((p) => p.tension !== 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const p of busy) {
      const x = await explainPoint(store, top!.a, top!.b, p.period, 'month');
      expect(x.point.tension).toBeCloseTo(p.tension, 10);
      expect(x.contributions.reduce((n, c) => n + c.contribution, 0)).toBeCloseTo(p.tension, 10);
      for (const c of x.contributions) expect(c.quote.length).toBeGreaterThan(0);
    }
  });

  it('writes a brief and finds alerts without error', async () => {
    const [top] = await topDyads(store, { from: '2023-01-01', to: '2025-08-31' });
    const html = await brief(store, { a: top!.a, b: top!.b, from: '2023', to: '2025', format: 'html' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).toMatch(/event <code>[0-9a-f]{16}:e\d+<\/code>/);
    const found = await alerts(store, { from: '2023', to: '2025', interval: 'month' });
    expect(found.length).toBeGreaterThan(0);
    for (const al of found) {
      expect(al.eventIds.length).toBeGreaterThan(0);
      expect(Math.abs(al.score)).toBeGreaterThanOrEqual(3);
    }
  });
});
