import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventPages } from '../../src/export/event-pages.js';
import { eventCursor } from '../../src/store/event-queries.js';
import type { EventFilter, Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { eventDoc } from './event-docs.js';

const CLOCK = () => new Date('2025-06-01T12:00:00.000Z');

const PAIRS = [
  ['IRN', 'AZE'],
  ['AZE', 'ARM'],
  ['TUR', 'GEO'],
] as const;
/** Repeated dates (ties broken by document and position), month- and year-dated, and undated events. */
const DATES = ['2024-03-01', '2024-03', '2024-03-01', null, '2023', '2024-07-19', null, '2024-03-02'];

async function fill(store: Store): Promise<void> {
  for (let d = 0; d < 12; d++) {
    const date = DATES[d % DATES.length]!;
    const events = [0, 1, 2].map((i) => {
      const [source, target] = PAIRS[(d + i) % PAIRS.length]!;
      return {
        sentence: `Cable ${d}-${i}: ${source} pressed ${target} on item ${d * 3 + i}.`,
        trigger: 'pressed',
        code: ['112', '130', '042'][i]!,
        source,
        target,
        date,
        datePrecision: (date === null
          ? 'unknown'
          : date.length === 10
            ? 'day'
            : date.length === 7
              ? 'month'
              : 'year') as 'day' | 'month' | 'year' | 'unknown',
      };
    });
    await store.saveDocument(
      eventDoc(`Cable ${d}`, 'Cursor Desk', date?.length === 10 ? date : null, events),
    );
  }
}

/** Every page after the cursor of the one before, concatenated. */
async function byCursor(store: Store, f: EventFilter, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.events({ ...f, limit: size, ...(after === undefined ? {} : { after }) });
    out.push(...page.items.map((e) => e.id));
    if (page.items.length < size) return out;
    after = eventCursor(page.items.at(-1)!);
  }
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`event cursor paging: ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
      await fill(store);
    });
    afterEach(async () => {
      await store.close();
    });

    it('returns exactly the rows of one big page, in order, for any page size and filter', async () => {
      const filters: EventFilter[] = [
        {},
        { dyad: ['IRN', 'AZE'] },
        { from: '2024-03-01' },
        { grouped: true },
      ];
      for (const f of filters) {
        const all = (await store.events({ ...f, limit: 10_000 })).items.map((e) => e.id);
        expect(all.length).toBeGreaterThan(3);
        for (const size of [1, 2, 5, 7, all.length, all.length + 1]) {
          expect(await byCursor(store, f, size), `${JSON.stringify(f)} by ${size}`).toEqual(all);
        }
      }
      const everything = (await store.events({ limit: 10_000 })).items;
      expect(everything).toHaveLength(36);
      expect(everything.filter((e) => e.date === null)).toHaveLength(9);
    });

    it('exports page by cursor with the same rows, and refuses a cursor it cannot follow', async () => {
      for (const f of [
        {},
        { grouped: true },
        { grouped: true, dyad: ['AZE', 'ARM'] as const },
      ] as EventFilter[]) {
        const all = (await store.events({ ...f, limit: 10_000 })).items.map((e) => e.id);
        const pages: string[] = [];
        for await (const page of eventPages(store, f, 4)) pages.push(...page.map((e) => e.id));
        expect(pages).toEqual(all);
      }
      await expect(store.events({ after: 'nonsense' })).rejects.toThrow(/cursor/);
      await expect(store.events({ after: '[null,"a",1]', sort: '-goldstein' })).rejects.toThrow(/date order/);
    });
  });
}
