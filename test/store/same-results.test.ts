import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDocument } from '../../src/cli/each-document.js';
import type { Io } from '../../src/cli/io.js';
import { ingestOptions } from '../../src/ingest/index.js';
import type { Doc } from '../../src/model/types.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');
const ALL = { limit: 100_000 };
/** Queries of every kind the search box takes: word, prefix, phrase, OR, accents, punctuation, no match. */
const QUERIES = [
  'Baku',
  'Teh*',
  'embassy',
  '"foreign ministry"',
  'embassy OR pipeline',
  'Aliyev Putin',
  'Erdogan',
  'gas pipeline*',
  // Words PostgreSQL's own parser would glue to their neighbours: an en dash, '3+3'.
  'Nakhchivan',
  '3+3',
  'zzzunknownword',
];

const pgUrl = testPgUrl();
if (!pgUrl) console.warn(PG_SKIP_NOTE);

/**
 * "Same input, same stored results": the demo corpus, processed once, saved into SQLite and
 * PostgreSQL in the same order, must read back the same from every Store method. Search may
 * rank differently (BM25 against ts_rank_cd), so hits compare as sets.
 */
describe.skipIf(!pgUrl)('same input, same stored results: sqlite and postgres', () => {
  let sqlite: Store;
  let postgres: Store;
  const docs: Doc[] = [];

  beforeAll(async () => {
    const io: Io = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env: {},
      cwd: ROOT,
    };
    const batch = await eachDocument(['examples'], ingestOptions({ cwd: ROOT, stdin: io.stdin }), {}, io, {
      onDocument: (doc) => void docs.push(doc),
    });
    expect(batch.failed).toBe(0);
    sqlite = await openSqliteStore(':memory:', { now: CLOCK });
    postgres = await openPostgresStore((await freshPgDatabase())!, { now: CLOCK });
    for (const doc of docs) {
      // Each document twice: the second save must be a duplicate no-op on both.
      for (const copy of [doc, { ...doc, input: `copy/${doc.input}` }]) {
        expect(await postgres.saveDocument(copy)).toEqual(await sqlite.saveDocument(copy));
      }
    }
  });

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it('stores the same rows', async () => {
    const counts = await sqlite.counts();
    expect(counts.documents).toBe(docs.length);
    expect(counts.events).toBeGreaterThan(50);
    expect(counts.claims).toBeGreaterThan(20);
    expect(counts.relations).toBeGreaterThan(10);
    expect(await postgres.counts()).toEqual(counts);
  });

  it('lists the same documents and reads each back whole', async () => {
    const list = await sqlite.listDocuments({ limit: 1000 });
    expect(await postgres.listDocuments({ limit: 1000 })).toEqual(list);
    expect(list.items).toHaveLength(docs.length);
    for (const d of list.items) {
      const stored = await sqlite.getDocument(d.id);
      expect(stored).not.toBeNull();
      expect(await postgres.getDocument(d.id)).toEqual(stored);
      expect(await postgres.getDocument(d.id.slice(0, 6))).toEqual(
        await sqlite.getDocument(d.id.slice(0, 6)),
      );
    }
  });

  it('lists the same events, claims (with cross-document links) and relations, in the same order', async () => {
    const events = await sqlite.events(ALL);
    expect(await postgres.events(ALL)).toEqual(events);
    const claims = await sqlite.claims(ALL);
    expect(await postgres.claims(ALL)).toEqual(claims);
    expect(await postgres.relations(ALL)).toEqual(await sqlite.relations(ALL));
    expect(events.items.length).toBeGreaterThan(0);
    for (const e of events.items.slice(0, 20)) {
      expect(await postgres.getEvent(e.id)).toEqual(await sqlite.getEvent(e.id));
    }
  });

  it('filters events the same way', async () => {
    const { items } = await sqlite.events(ALL);
    const first = items[0]!;
    const filters = [
      { actor: first.source },
      { dyad: [first.source, first.target] as [string, string] },
      { root: first.root },
      { quad: first.quadClass },
      { from: '2023-06', to: '2024-06' },
      { outlet: (first.outlet ?? 'x').toUpperCase() },
      { limit: 7, offset: 5 },
    ];
    for (const f of filters) {
      const expected = await sqlite.events(f);
      expect(expected.total).toBeGreaterThan(0);
      expect(await postgres.events(f)).toEqual(expected);
    }
  });

  it('counts the same actors and their mentions', async () => {
    const actors = await sqlite.actors();
    expect(await postgres.actors()).toEqual(actors);
    // The lean labels (the network's) name the same actors, in the same order on both engines.
    const labels = await sqlite.actorLabels();
    expect(labels.map((a) => a.id).sort()).toEqual(actors.map((a) => a.id).sort());
    expect(await postgres.actorLabels()).toEqual(labels);
    const some = actors.slice(0, 9).map((a) => a.id);
    expect(await postgres.actorLabels(some)).toEqual(await sqlite.actorLabels(some));
    for (const a of actors.slice(0, 5)) {
      expect(await postgres.actorMentions(a.id)).toEqual(await sqlite.actorMentions(a.id));
    }
  });

  it('finds the same documents for every kind of query', async () => {
    let found = 0;
    for (const q of QUERIES) {
      const expected = (await sqlite.search(q, { limit: 100 })).map((h) => h.id).sort();
      const got = (await postgres.search(q, { limit: 100 })).map((h) => h.id).sort();
      expect(got, q).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(20);
  });

  it('takes two writers saving the same documents at once: each stored once, nothing fails', async () => {
    const url = (await freshPgDatabase())!;
    const [a, b] = [
      await openPostgresStore(url, { now: CLOCK }),
      await openPostgresStore(url, { now: CLOCK }),
    ];
    try {
      // Opposite orders, so the writers meet on shared actors and on each other's documents.
      const [ra, rb] = await Promise.all([
        (async () => {
          const out = [];
          for (const doc of docs) out.push(await a.saveDocument(doc));
          return out;
        })(),
        (async () => {
          const out = [];
          for (const doc of [...docs].reverse()) out.push(await b.saveDocument(doc));
          return out;
        })(),
      ]);
      const inserted = [...ra, ...rb].filter((r) => r.status === 'inserted').map((r) => r.id);
      expect(new Set(inserted).size).toBe(docs.length);
      expect(inserted).toHaveLength(docs.length);
      const { documents, actors, mentions, events, claims, relations, minhashBands, failures } =
        await sqlite.counts();
      expect(await a.counts()).toMatchObject({
        documents,
        actors,
        mentions,
        events,
        claims,
        relations,
        minhashBands,
        failures,
      });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('marks the same title words and snippets around the matched terms', async () => {
    for (const q of ['Baku', '"foreign ministry"', 'Teh*', 'Nakhchivan']) {
      const expected = new Map(
        (await sqlite.search(q, { limit: 100, mark: ['<', '>'] })).map((h) => [h.id, h]),
      );
      const hits = await postgres.search(q, { limit: 100, mark: ['<', '>'] });
      // Every query here matches the demo corpus, so the comparisons below run.
      expect(hits.length, q).toBeGreaterThan(0);
      for (const hit of hits) {
        const other = expected.get(hit.id)!;
        expect(hit.titleMarked?.toLowerCase(), q).toBe(other.titleMarked?.toLowerCase());
        expect(hit.title).toBe(other.title);
        expect(hit.snippet, q).toMatch(/<[^<>]+>/);
      }
    }
  });
});
