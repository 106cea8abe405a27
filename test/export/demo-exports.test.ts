import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run-export.js';
import type { EventListItem, Store, StoredDocument } from '../../src/store/store.js';
import { allEvents, demoStore, duckRows, HAS_NETWORKX, readGraph, tsvTable } from './helpers.js';

let dir: string;
let store: Store;
let events: EventListItem[];
/** An event with a leading-zero code, a specific source actor and a trigger. */
let chosen: EventListItem;
let chosenDoc: StoredDocument;
const file = (name: string) => join(dir, name);

/** GDELT's GLOBALEVENTID as documented: the first 13 hex digits of SHA-256 of our id. */
const gid = (id: string) => String(parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-export-'));
  store = await demoStore(file('demo.db'));
  events = await allEvents(store);
  chosen = events.find((e) => e.code.startsWith('0') && e.sourceActor && e.trigger && e.date)!;
  expect(chosen).toBeDefined();
  chosenDoc = (await store.getDocument(chosen.documentId))!;
  for (const format of ['gdelt', 'gdelt-mentions', 'icews', 'jsonl', 'csv', 'graphml', 'gexf', 'parquet']) {
    await runExport(store, { format, out: file(`all.${format}`), pageSize: 40 });
  }
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gdelt: the GDELT 2.0 event table', () => {
  it('has 61 tab-separated columns and one row per stored event', async () => {
    const { columns, rows } = await duckRows(tsvTable(file('all.gdelt'), 61));
    expect(columns).toHaveLength(61);
    expect(rows).toHaveLength((await store.events({ limit: 1 })).total);
    expect(new Set(rows.map((r) => r.c0)).size).toBe(rows.length);
  });

  it('keeps CAMEO codes as strings with leading zeros', async () => {
    const { rows } = await duckRows(tsvTable(file('all.gdelt'), 61));
    const codes = (k: string) => rows.map((r) => r[k] as string).sort();
    expect(codes('c26')).toEqual(events.map((e) => e.code).sort());
    expect(codes('c28')).toEqual(events.map((e) => e.root).sort());
    expect(codes('c26').some((c) => /^0\d\d/.test(c))).toBe(true);
    expect(codes('c28').every((c) => /^\d\d$/.test(c))).toBe(true);
  });

  it("writes the chosen event's fields as the store holds them", async () => {
    const { rows } = await duckRows(tsvTable(file('all.gdelt'), 61));
    const row = rows.find((r) => r.c0 === gid(chosen.id))!;
    expect(row).toBeDefined();
    // A month or year date gives its first day: '2023-05' → 20230501.
    expect(row.c1).toBe(`${chosen.date!}-01-01`.slice(0, 10).replace(/-/g, ''));
    expect(row.c3).toBe(chosen.date!.slice(0, 4));
    expect(row.c7).toBe(chosen.source);
    expect(row.c17).toBe(/^[A-Z]{3}$/.test(chosen.target) ? chosen.target : row.c17);
    expect(row.c26).toBe(chosen.code);
    expect(row.c27).toBe(chosen.code.slice(0, 3));
    expect(row.c28).toBe(chosen.root);
    expect(Number(row.c29)).toBe(chosen.quadClass);
    expect(Number(row.c30)).toBe(chosen.goldstein);
    expect(Number(row.c31)).toBe(chosen.mentions.length);
    expect(Number(row.c33)).toBe(chosen.sources);
    expect(row.c34).toBe('0');
    expect(row.c35).toBeNull(); // no geocoding
    expect(row.c59).toBe('20250201120000');
    expect(row.c60).toBe(chosenDoc.url ?? chosenDoc.input);
  });

  it('exports only what the filters select', async () => {
    const out = file('dyad.gdelt');
    const [a, b] = [chosen.source, chosen.target];
    const n = await runExport(store, { format: 'gdelt', out, filter: { dyad: [a, b] } });
    const { rows } = await duckRows(tsvTable(out, 61));
    expect(rows).toHaveLength((await store.events({ dyad: [a, b] })).total);
    expect(n).toBe(rows.length);
    for (const r of rows) expect([`${a}${b}`, `${b}${a}`]).toContain(`${r.c7}${r.c17}`);
  });

  it('--grouped: one row per happening, NumMentions summing to every report', async () => {
    const out = file('grouped.gdelt');
    await runExport(store, { format: 'gdelt', out, filter: { grouped: true } });
    const { rows } = await duckRows(tsvTable(out, 61));
    expect(rows).toHaveLength((await store.events({ grouped: true, limit: 1 })).total);
    expect(rows.reduce((n, r) => n + Number(r.c31), 0)).toBe(events.length);
  });
});

describe('gdelt-mentions: the GDELT 2.0 mentions table', () => {
  it('has 16 columns, one row per report of each event', async () => {
    const { columns, rows } = await duckRows(tsvTable(file('all.gdelt-mentions'), 16));
    expect(columns).toHaveLength(16);
    expect(rows).toHaveLength(events.reduce((n, e) => n + Math.max(1, e.mentions.length), 0));
  });

  it('points at the sentence, trigger and actors of the chosen event in the cleaned body', async () => {
    const { rows } = await duckRows(tsvTable(file('all.gdelt-mentions'), 16));
    const row = rows.find((r) => r.c0 === gid(chosen.id) && Number(r.c9) === chosen.trigger!.start)!;
    expect(row).toBeDefined();
    const body = chosenDoc.body;
    const sentence = chosenDoc.doc.sentences[Number(row.c6) - 1]!;
    expect(sentence.start <= chosen.trigger!.start && chosen.trigger!.start < sentence.end).toBe(true);
    expect(body.slice(Number(row.c9), chosen.trigger!.end)).toBe(
      body.slice(chosen.trigger!.start, chosen.trigger!.end),
    );
    const a1 = Number(row.c7);
    if (a1 >= 0) {
      const m = chosenDoc.doc.mentions.find((x) => x.start === a1)!;
      expect(m).toBeDefined();
      expect(a1 >= chosen.start && a1 < chosen.end).toBe(true);
      const country = chosenDoc.doc.actors.find((a) => a.id === m.actorId)?.country;
      expect(
        m.actorId === chosen.sourceActor || m.actorId === chosen.source || country === chosen.source,
      ).toBe(true);
    }
    // Most events name their actors inside the quote.
    expect(rows.filter((r) => Number(r.c7) >= 0).length).toBeGreaterThan(rows.length / 2);
    expect(row.c2).toBe('20250201120000');
    expect(Number(row.c12)).toBe(body.length);
    expect(row.c3).toBe(chosenDoc.url ? '1' : '2');
  });
});

describe('icews: the ICEWS event layout', () => {
  it('has its 20-column header and one row per event', async () => {
    const text = readFileSync(file('all.icews'), 'utf8');
    expect(text.split('\n')[0]!.split('\t')).toEqual([
      'Event ID',
      'Event Date',
      'Source Name',
      'Source Sectors',
      'Source Country',
      'Event Text',
      'CAMEO Code',
      'Intensity',
      'Target Name',
      'Target Sectors',
      'Target Country',
      'Story ID',
      'Sentence Number',
      'Publisher',
      'City',
      'District',
      'Province',
      'Country',
      'Latitude',
      'Longitude',
    ]);
    const { rows } = await duckRows(tsvTable(file('all.icews'), 20, true));
    expect(rows).toHaveLength(events.length);
  });

  it("writes the chosen event's code, intensity, story and date", async () => {
    const { rows } = await duckRows(tsvTable(file('all.icews'), 20, true));
    const row = rows.find((r) => r.c0 === gid(chosen.id))!;
    expect(row.c6).toBe(chosen.code);
    expect(Number(row.c7)).toBe(chosen.goldstein);
    expect(row.c11).toBe(chosen.documentId);
    expect(row.c1).toBe(`${chosen.date!}-01-01`.slice(0, 10));
    expect(row.c13).toBe(chosenDoc.outlet);
    expect(Number(row.c12)).toBeGreaterThan(0);
  });
});

describe('csv and jsonl', () => {
  it('csv reads back (RFC 4180) with every event and its quote exactly', async () => {
    const { rows } = await duckRows(
      `read_csv('${file('all.csv')}', delim = ',', header = true, quote = '"', escape = '"', all_varchar = true)`,
    );
    expect(rows).toHaveLength(events.length);
    const row = rows.find((r) => r.id === chosen.id)!;
    expect(row.code).toBe(chosen.code);
    expect(row.quote).toBe(chosen.quote);
    expect(Number(row.goldstein)).toBe(chosen.goldstein);
    expect(row.sourceActor).toBe(chosen.sourceActor);
  });

  it('jsonl holds each event as the store returns it', () => {
    const lines = readFileSync(file('all.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(events.length);
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const line of lines) {
      const got = JSON.parse(line) as Record<string, unknown>;
      const want = byId.get(got.id as string)!;
      for (const k of [
        'source',
        'target',
        'sourceActor',
        'code',
        'root',
        'quadClass',
        'goldstein',
        'date',
        'modality',
        'quote',
        'start',
        'end',
        'rule',
        'documentId',
      ]) {
        expect(got[k]).toEqual(want[k as keyof EventListItem]);
      }
      expect(got.groupId).toBe(want.groupId);
      expect(got.mentions).toBeUndefined(); // each report is its own line
    }
  });

  it('jsonl --grouped: one line per happening, carrying its reports', async () => {
    const out = file('grouped.jsonl');
    await runExport(store, { format: 'jsonl', out, filter: { grouped: true } });
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { mentions: { eventId: string }[] });
    expect(lines).toHaveLength((await store.events({ grouped: true, limit: 1 })).total);
    expect(new Set(lines.flatMap((l) => l.mentions.map((m) => m.eventId)))).toEqual(
      new Set(events.map((e) => e.id)),
    );
  });
});

describe('parquet', () => {
  it('reads back with typed columns and the same rows', async () => {
    const { rows } = await duckRows(`read_parquet('${file('all.parquet')}')`);
    expect(rows).toHaveLength(events.length);
    const row = rows.find((r) => r.id === chosen.id)!;
    expect(row.code).toBe(chosen.code);
    expect(row.quadClass).toBe(chosen.quadClass);
    expect(row.goldstein).toBe(chosen.goldstein);
    expect(row.start).toBe(chosen.start);
    expect(row.quote).toBe(chosen.quote);
    expect(String(row.globalEventId)).toBe(gid(chosen.id));
  });
});

/** The state-level network the graph exports should hold, computed from the store's events. */
function expectedGraph(level: 'state' | 'actor') {
  const nodes = new Set<string>();
  const edges = new Map<string, { events: number; goldstein: number; dates: string[] }>();
  for (const e of events) {
    const a = level === 'actor' ? (e.sourceActor ?? e.source) : e.source;
    const b = level === 'actor' ? (e.targetActor ?? e.target) : e.target;
    if (a === '---' || b === '---' || a === b) continue;
    nodes.add(a).add(b);
    const key = `${a}|${b}|${e.quadClass <= 2 ? 'cooperation' : 'conflict'}`;
    const edge = edges.get(key) ?? { events: 0, goldstein: 0, dates: [] };
    edge.events++;
    edge.goldstein += e.goldstein;
    if (e.date) edge.dates.push(e.date);
    edges.set(key, edge);
  }
  return { nodes, edges };
}

describe.skipIf(!HAS_NETWORKX)('graph exports read by networkx', () => {
  it('graphml: actors as nodes, typed edges weighted by event count with the Goldstein sum', () => {
    const g = readGraph('graphml', file('all.graphml'));
    const want = expectedGraph('state');
    expect(new Set(Object.keys(g.nodes))).toEqual(want.nodes);
    expect(g.edges).toHaveLength(want.edges.size);
    const [key, edge] = [...want.edges].sort((x, y) => y[1].events - x[1].events)[0]!;
    const [a, b, type] = key.split('|');
    const got = g.edges.find(([u, v, d]) => u === a && v === b && d.type === type)!;
    expect(got[2].weight).toBe(edge.events);
    expect(got[2].goldstein).toBeCloseTo(edge.goldstein, 6);
    expect(g.nodes[a!]!.label).toBeTruthy();
  });

  it('gexf: dynamic, with a spell covering each event date of an edge', () => {
    const g = readGraph('gexf', file('all.gexf'));
    const want = expectedGraph('state');
    expect(g.mode).toBe('dynamic');
    expect(new Set(Object.keys(g.nodes))).toEqual(want.nodes);
    expect(g.edges).toHaveLength(want.edges.size);
    const [key, edge] = [...want.edges].find(([, e]) => e.dates.length > 1)!;
    const [a, b, type] = key.split('|');
    const got = g.edges.find(([u, v, d]) => u === a && v === b && d.type === type)!;
    expect(got[2].weight).toBe(edge.events);
    const spells = got[2].spells as [string, string][];
    for (const date of edge.dates) {
      expect(
        spells.some(([s, t]) => s <= `${date}-01-01`.slice(0, 10) && `${date}-01-01`.slice(0, 10) <= t),
      ).toBe(true);
    }
  });

  it('--level actor: nodes are the specific actors', async () => {
    const out = file('actors.graphml');
    await runExport(store, { format: 'graphml', out, level: 'actor' });
    const g = readGraph('graphml', out);
    expect(new Set(Object.keys(g.nodes))).toEqual(expectedGraph('actor').nodes);
    expect(Object.keys(g.nodes).some((id) => id.startsWith('person:'))).toBe(true);
  });
});

describe.skipIf(HAS_NETWORKX)('graph exports (networkx missing)', () => {
  it.skip('needs /usr/bin/python3 with networkx (Debian python3-networkx); CI installs it', () => {});
});
