import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/model/types.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { ACCUSATION, BORDER_FIRE, ENVOY_TO_ANKARA, eventDoc } from './event-docs.js';
import { makeDoc } from './make-doc.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

/** Three documents, five events, every filter value represented at least twice over. */
function corpus(): Doc[] {
  return [
    eventDoc('Envoys and warnings', 'Caspian Desk', '2024-03-02', [
      { ...ACCUSATION, plover: 'ACCUSE' },
      { ...ENVOY_TO_ANKARA, date: '2024-03', datePrecision: 'month' },
    ]),
    eventDoc('Border incident', 'Highland Times', '2024-07-20', [
      { ...BORDER_FIRE, modality: 'alleged' },
      {
        sentence: 'Armenia may host Iranian envoys next spring.',
        trigger: 'host',
        code: '043',
        source: 'ARM',
        target: 'IRN',
        quadClass: 1,
        goldstein: 2.8,
        date: null,
        datePrecision: 'unknown',
        modality: 'hypothetical',
      },
    ]),
    eventDoc('Year in review', 'Caspian Desk', '2025-01-05', [
      {
        sentence: 'In 2023 Iran blamed Azerbaijan for the embassy attack.',
        trigger: 'blamed',
        code: '112',
        source: 'IRN',
        target: 'AZE',
        sourceActor: 'person:iran-envoy',
        date: '2023',
        datePrecision: 'year',
      },
    ]),
  ];
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`Store events: ${engine.name}`, () => {
    let store: Store;
    const ids: string[] = [];
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
      ids.length = 0;
      for (const d of corpus()) ids.push((await store.saveDocument(d)).id);
    });
    afterEach(async () => {
      await store.close();
    });

    const quotes = async (f: Parameters<Store['events']>[0]) =>
      (await store.events(f)).items.map((e) => e.quote.split(' ').slice(0, 2).join(' '));

    it('lists every event by date, undated last, with ids, totals and paging', async () => {
      const all = await store.events();
      expect(all.total).toBe(5);
      expect(all.items.map((e) => e.date)).toEqual(['2023', '2024-03', '2024-03-01', '2024-07-19', null]);
      expect(all.items[0]).toMatchObject({
        id: `${ids[2]}:e0`,
        documentId: ids[2],
        title: 'Year in review',
        outlet: 'Caspian Desk',
        published: '2025-01-05',
        code: '112',
        root: '11',
        sourceActor: 'person:iran-envoy',
        rule: 'accuse.verb',
      });
      const first = all.items[0];
      const at = first.start + first.quote.indexOf('blamed');
      expect(first.trigger).toEqual({ start: at, end: at + 'blamed'.length });
      const page = await store.events({ limit: 2, offset: 1 });
      expect(page.total).toBe(5);
      expect(page.items.map((e) => e.date)).toEqual(['2024-03', '2024-03-01']);
    });

    it('lists lean event links in the same order and with the same fields as events()', async () => {
      for (const f of [
        {},
        { from: '2024' },
        { actor: 'IRN' },
        { quad: 1 as const },
        { dyad: ['AZE', 'IRN'] as const },
      ]) {
        const full = (await store.events({ ...f, limit: 100 })).items;
        const links = await store.eventLinks(f);
        expect(links).toEqual(
          full.map((e) => ({
            id: e.id,
            groupId: e.groupId,
            source: e.source,
            target: e.target,
            sourceActor: e.sourceActor,
            targetActor: e.targetActor,
            quadClass: e.quadClass,
            goldstein: e.goldstein,
          })),
        );
      }
      expect((await store.eventLinks({ from: '2024' })).map((l) => l.id)).toHaveLength(3);
      expect((await store.eventLinks({ actor: 'person:iran-envoy' }))[0]).toMatchObject({
        id: `${ids[2]}:e0`,
        sourceActor: 'person:iran-envoy',
        quadClass: 3,
      });
    });

    it('gives the first and last event day, a month-dated event counting on the 15th', async () => {
      // '2024-03' sorts before '2024-03-01' but counts on the 15th: the first day is the 1st.
      expect(await store.aggregates.dayRange()).toEqual({ first: '2024-03-01', last: '2024-07-19' });
      expect(await store.aggregates.dayRange({ dyad: ['TUR', 'AZE'] })).toEqual({
        first: '2024-03-15',
        last: '2024-03-15',
      });
      // A month-dated event of the last day's month counts after it.
      await store.saveDocument(
        eventDoc('Summer review', 'Caspian Desk', '2024-08-01', [
          {
            sentence: 'In July Azerbaijan protested to Iran over the shelling.',
            trigger: 'protested',
            code: '111',
            source: 'AZE',
            target: 'IRN',
            date: '2024-07',
            datePrecision: 'month',
          },
        ]),
      );
      expect(await store.aggregates.dayRange()).toEqual({ first: '2024-03-01', last: '2024-07-19' });
      expect((await store.aggregates.dayRange({ dyad: ['IRN', 'AZE'] }))!.last).toBe('2024-07-19');
      await store.saveDocument(
        eventDoc('Early summer', 'Caspian Desk', '2024-07-30', [
          {
            sentence: 'Turkey sent envoys to Azerbaijan early in July.',
            trigger: 'sent',
            code: '042',
            source: 'TUR',
            target: 'AZE',
            quadClass: 1,
            goldstein: 1.9,
            date: '2024-07-02',
          },
        ]),
      );
      expect(await store.aggregates.dayRange({ dyad: ['TUR', 'AZE'] })).toEqual({
        first: '2024-03-15',
        last: '2024-07-02',
      });
      await store.saveDocument(
        eventDoc('Month in review', 'Highland Times', '2024-08-03', [
          {
            sentence: 'During July Turkey hosted Azerbaijani officers for training.',
            trigger: 'hosted',
            code: '043',
            source: 'TUR',
            target: 'AZE',
            quadClass: 1,
            goldstein: 2.8,
            date: '2024-07',
            datePrecision: 'month',
          },
        ]),
      );
      expect(await store.aggregates.dayRange({ dyad: ['TUR', 'AZE'] })).toEqual({
        first: '2024-03-15',
        last: '2024-07-15',
      });
    });

    it('filters by actor on any side, including a specific actor', async () => {
      expect((await store.events({ actor: 'TUR' })).items.map((e) => e.code)).toEqual(['042']);
      expect((await store.events({ actor: 'IRN' })).total).toBe(4);
      expect((await store.events({ actor: 'person:iran-envoy' })).total).toBe(1);
      expect((await store.events({ actor: 'GEO' })).total).toBe(0);
    });

    it('filters by dyad in either direction', async () => {
      expect(await quotes({ dyad: ['IRN', 'AZE'] })).toEqual(['In 2023', 'Iran accused', 'Azerbaijan fired']);
      expect(await quotes({ dyad: ['AZE', 'IRN'] })).toEqual(['In 2023', 'Iran accused', 'Azerbaijan fired']);
      expect((await store.events({ dyad: ['ARM', 'AZE'] })).total).toBe(0);
    });

    it('filters by code, root and quad class', async () => {
      expect((await store.events({ code: '112' })).total).toBe(2);
      expect((await store.events({ code: '11' })).total).toBe(0);
      expect(await quotes({ root: '04' })).toEqual(['Azerbaijan sent', 'Armenia may']);
      expect(await quotes({ quad: 4 })).toEqual(['Azerbaijan fired']);
      expect((await store.events({ quad: 1 })).total).toBe(2);
    });

    it('filters by date range at any precision, leaving undated events out', async () => {
      expect((await store.events({ from: '2024' })).items.map((e) => e.date)).toEqual([
        '2024-03',
        '2024-03-01',
        '2024-07-19',
      ]);
      expect((await store.events({ to: '2024-03' })).items.map((e) => e.date)).toEqual([
        '2023',
        '2024-03',
        '2024-03-01',
      ]);
      // A month-dated event starts on its month's first day: it is in a range starting that day.
      expect((await store.events({ from: '2024-03-01', to: '2024-03-01' })).items.map((e) => e.date)).toEqual(
        ['2024-03', '2024-03-01'],
      );
      expect((await store.events({ from: '2024-03-02', to: '2024-12-31' })).items.map((e) => e.date)).toEqual(
        ['2024-07-19'],
      );
      expect((await store.events({ to: '2022' })).total).toBe(0);
    });

    it('filters by modality and outlet (case-insensitive), and combines filters', async () => {
      expect(await quotes({ modality: 'alleged' })).toEqual(['Azerbaijan fired']);
      expect(await quotes({ modality: 'hypothetical' })).toEqual(['Armenia may']);
      expect((await store.events({ outlet: 'caspian desk' })).total).toBe(3);
      expect(
        (await store.events({ outlet: 'Caspian Desk', code: '112', from: '2024' })).items.map((e) => e.date),
      ).toEqual(['2024-03-01']);
      expect((await store.events({ documentId: ids[1] })).total).toBe(2);
    });

    it('gets one event by id, by unique prefix or short document prefix, with mentions in its quote', async () => {
      const doc = makeDoc();
      const saved = await store.saveDocument(doc);
      const one = await store.getEvent(`${saved.id}:e0`);
      expect(one?.event).toMatchObject({ id: `${saved.id}:e0`, code: '112', title: 'Border talks resume' });
      expect(one?.mentions.map((m) => m.text)).toEqual(['Baku']);
      expect(one?.mentions[0]).toMatchObject({ actorId: 'AZE', kind: 'state', country: 'AZE' });
      expect((await store.getEvent(`${saved.id.slice(0, 6)}:e0`))?.event.id).toBe(`${saved.id}:e0`);
      expect((await store.getEvent(saved.id.slice(0, 10)))?.event.id).toBe(`${saved.id}:e0`);
      expect(await store.getEvent('abc')).toBeNull();
      expect(await store.getEvent(`${saved.id}:e9`)).toBeNull();
      expect(await store.getEvent("x' or 1=1 --")).toBeNull();
      await expect(store.getEvent(`${ids[0]}:`)).rejects.toThrow(/matches 2 events .*give more characters/);
    });

    it('lists relations and claims with totals and an actor filter', async () => {
      await store.saveDocument(makeDoc());
      const rels = await store.relations();
      expect(rels.total).toBe(1);
      expect(rels.items[0]).toMatchObject({
        a: 'ARM',
        b: 'AZE',
        type: 'dispute',
        since: '1991',
        outlet: 'Test Wire',
      });
      expect((await store.relations({ actor: 'IRN' })).total).toBe(0);
      const claims = await store.claims({ actor: 'AZE' });
      expect(claims.total).toBe(1);
      expect(claims.items[0]).toMatchObject({
        claimant: 'ARM',
        about: 'AZE',
        disputedBy: ['AZE'],
        disputedIn: [],
        disputes: [],
      });
    });
  });
}
