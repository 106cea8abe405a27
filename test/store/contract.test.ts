import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { fillerText, makeDoc } from './make-doc.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`Store contract: ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
    });
    afterEach(async () => {
      await store.close();
    });

    it('migrates idempotently', async () => {
      await store.migrate();
      expect((await store.counts()).documents).toBe(0);
    });

    it('saves a document with every finding, and round-trips the Doc', async () => {
      const doc = makeDoc();
      const saved = await store.saveDocument(doc);
      expect(saved).toMatchObject({ status: 'inserted', nearDuplicateOf: null, similarity: null });
      expect(saved.id).toMatch(/^[0-9a-f]{16}$/);
      const stored = await store.getDocument(saved.id);
      expect(stored).not.toBeNull();
      expect(stored!.doc).toEqual(doc);
      expect(stored!.body).toBe(doc.body);
      expect(stored!.warnings).toEqual(['a warning kept as stated']);
      expect(stored).toMatchObject({
        input: 'talks.txt',
        title: 'Border talks resume',
        published: '2024-04-15',
        outlet: 'Test Wire',
        author: 'A. Writer',
        url: 'https://example.org/talks',
        ingestedAt: '2025-02-01T12:00:00.000Z',
        actorCount: 2,
        eventCount: 1,
        claimCount: 1,
        relationCount: 1,
      });
      expect(await store.counts()).toEqual({
        documents: 1,
        actors: 2,
        mentions: 4,
        events: 1,
        claims: 1,
        relations: 1,
        minhashBands: 16,
        failures: 0,
      });
    });

    it('treats the same content again as a duplicate no-op', async () => {
      const first = await store.saveDocument(makeDoc());
      const again = await store.saveDocument(makeDoc({ input: 'elsewhere/copy.txt' }));
      expect(again).toEqual({ ...first, status: 'duplicate' });
      expect((await store.counts()).documents).toBe(1);
      expect((await store.counts()).mentions).toBe(4);
    });

    it('links a near-duplicate (same story, small edits) and keeps both', async () => {
      const story = fillerText(7, 40);
      const a = await store.saveDocument(
        makeDoc({ title: 'Story', body: story, actors: [], events: [], claims: [], relations: [] }),
      );
      const edited = story.replace(/\.\s/, '. Updated at noon. ').concat(' Reporting by the desk.');
      const b = await store.saveDocument(
        makeDoc({
          title: 'Story (other outlet)',
          body: edited,
          actors: [],
          events: [],
          claims: [],
          relations: [],
        }),
      );
      const c = await store.saveDocument(
        makeDoc({
          title: 'Unrelated',
          body: fillerText(99, 40),
          actors: [],
          events: [],
          claims: [],
          relations: [],
        }),
      );
      expect(b.status).toBe('inserted');
      expect(b.nearDuplicateOf).toBe(a.id);
      expect(b.similarity).toBeGreaterThanOrEqual(0.8);
      expect(c.nearDuplicateOf).toBeNull();
      const row = await store.getDocument(b.id);
      expect(row).toMatchObject({ nearDuplicateOf: a.id });
      expect((await store.listDocuments()).total).toBe(3);
    });

    it('finds documents by full text, best first, with marked snippets', async () => {
      const talks = await store.saveDocument(makeDoc());
      await store.saveDocument(
        makeDoc({
          title: 'Gas exports rise',
          body: 'Gas exports through the southern corridor rose in March, the ministry said.',
          actors: [],
          events: [],
          claims: [],
          relations: [],
        }),
      );
      const hits = await store.search('commission delegation', { mark: ['<<', '>>'] });
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({
        id: talks.id,
        title: 'Border talks resume',
        outlet: 'Test Wire',
        published: '2024-04-15',
      });
      expect(hits[0].snippet).toContain('<<delegation>>');
      expect(hits[0].snippet).toContain('<<commission>>');
      expect(hits[0].rank).toBeGreaterThan(0);
      const gas = await store.search('gas');
      expect(gas[0].titleMarked).toBe('[Gas] exports rise');
      expect(await store.search('"southern corridor"')).toHaveLength(1);
      expect(await store.search('corr*')).toHaveLength(1);
      expect(await store.search('tbilisi OR corridor')).toHaveLength(2);
      // Engine syntax in user input is never an error.
      expect(await store.search('AND ( NEAR" -*')).toEqual([]);
      expect(await store.search('')).toEqual([]);
    });

    it('ranks a title match above a body match', async () => {
      const none = { actors: [], events: [], claims: [], relations: [] };
      const inBody = await store.saveDocument(
        makeDoc({
          ...none,
          title: 'Weekly round-up',
          body: 'Envoys met twice this week. The railway plan moved on. A pipeline was also discussed.',
        }),
      );
      const inTitle = await store.saveDocument(
        makeDoc({
          ...none,
          title: 'Pipeline opens',
          body: 'The line opened today after two years of work on the route.',
        }),
      );
      await store.saveDocument(
        makeDoc({ ...none, title: 'Unrelated', body: 'Troops held a drill near the river on Tuesday.' }),
      );
      const hits = await store.search('pipeline');
      expect(hits.map((h) => h.id)).toEqual([inTitle.id, inBody.id]);
    });

    it('finds a document by id prefix, and refuses an ambiguous one', async () => {
      const a = await store.saveDocument(makeDoc());
      expect((await store.getDocument(a.id.slice(0, 6)))?.id).toBe(a.id);
      expect(await store.getDocument('zz-not-hex')).toBeNull();
      for (let i = 0; i < 40; i++)
        await store.saveDocument(
          makeDoc({
            title: `T${i}`,
            body: fillerText(i + 100, 3),
            actors: [],
            events: [],
            claims: [],
            relations: [],
          }),
        );
      await expect(store.getDocument('')).resolves.toBeNull();
      const ids = (await store.listDocuments({ limit: 100 })).items.map((d) => d.id);
      const shared = ids.find((id) => ids.some((o) => o !== id && o[0] === id[0]))!;
      await expect(store.getDocument(shared[0])).rejects.toThrow(
        /matches .* documents .*; give more characters/,
      );
    });

    it('counts actors and shows their mentions in context', async () => {
      await store.saveDocument(makeDoc());
      await store.saveDocument(
        makeDoc({
          title: 'Second',
          body: 'Azerbaijan hosted the summit. Officials in Baku were pleased.',
          events: [],
          claims: [],
          relations: [],
        }),
      );
      const actors = await store.actors();
      const aze = actors.find((a) => a.id === 'AZE');
      expect(aze).toEqual({
        id: 'AZE',
        kind: 'state',
        name: 'Azerbaijan',
        country: 'AZE',
        mentions: 4,
        documents: 2,
      });
      const mentions = await store.actorMentions('AZE');
      expect(mentions).toHaveLength(4);
      expect(mentions[0].context).toContain(mentions[0].text);
      expect(mentions.every((m) => m.end > m.start)).toBe(true);
    });

    it('lists documents in ingest order with a total, and pages', async () => {
      for (let i = 0; i < 5; i++)
        await store.saveDocument(makeDoc({ input: `d${i}.txt`, title: `T${i}`, body: fillerText(i, 5) }));
      const page = await store.listDocuments({ limit: 2, offset: 1 });
      expect(page.total).toBe(5);
      expect(page.items.map((d) => d.input)).toEqual(['d1.txt', 'd2.txt']);
    });

    it('logs ingest failures', async () => {
      await store.logFailure(
        'bad.bin',
        'cannot read bad.bin: binary file, not text; pass a .txt, .html, .md, .jsonl or feed file',
      );
      expect(await store.failures()).toMatchObject([{ input: 'bad.bin', at: '2025-02-01T12:00:00.000Z' }]);
    });

    it('stores large documents in chunks (many mentions and events)', async () => {
      const body = 'Baku '.repeat(20_000);
      const mentions = Array.from({ length: 20_000 }, (_, i) => ({
        text: 'Baku',
        start: i * 5,
        end: i * 5 + 4,
      }));
      const events = Array.from({ length: 3000 }, (_, i) => ({
        ...makeDoc().events[0],
        start: i * 5,
        end: i * 5 + 4,
        quote: 'Baku',
      }));
      const doc = makeDoc({
        title: 'Many',
        body,
        actors: [{ id: 'AZE', kind: 'state', name: 'Azerbaijan', country: 'AZE', role: null, mentions }],
        events,
      });
      await store.saveDocument(doc);
      const c = await store.counts();
      expect([c.mentions, c.events]).toEqual([20_000, 3000]);
    });
  });
}
