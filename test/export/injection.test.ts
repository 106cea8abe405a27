import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run-export.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { makeDoc } from '../store/make-doc.js';
import { CLOCK, duckRows, HAS_NETWORKX, readGraph, tsvTable } from './helpers.js';

/** Text that breaks naive writers of every format: tabs, line breaks, quotes, markup, commas. */
const NASTY = 'said "no,\tnever" <b>&amp; then</b>\nleft & \'went\'';
const QUOTE = `The Armenian side ${NASTY} after the talks.`;
const ODD_ID = 'org:odd"<&>';
const ODD_NAME = 'Odd "Name"\t<&>\nSecond line';
const TITLE = 'Title\twith "tabs"\nand <lines> & more';
const OUTLET = 'Out\tlet "Q" <&>';
const INPUT = 'odd\tinput.txt';
/** What a tab-separated cell makes of a value: tabs and line breaks become spaces. */
const tsv = (s: string) => s.replace(/[\t\n\r]/g, ' ');

let dir: string;
let store: Store;
let eventId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-export-inject-'));
  store = await openSqliteStore(join(dir, 'odd.db'), { now: CLOCK });
  const body = `Armenia and Azerbaijan met in Tbilisi. ${QUOTE} Officials said little.`;
  const start = body.indexOf(QUOTE);
  const base = makeDoc();
  const saved = await store.saveDocument(
    makeDoc({
      input: INPUT,
      url: null,
      title: TITLE,
      outlet: OUTLET,
      body,
      actors: [
        ...base.actors.map((a) => ({ ...a, mentions: [] })),
        { id: ODD_ID, kind: 'org', name: ODD_NAME, country: 'AZE', role: null, mentions: [] },
      ],
      events: [
        {
          ...base.events[0]!,
          targetActor: ODD_ID,
          quote: QUOTE,
          start,
          end: start + QUOTE.length,
          trigger: undefined,
        },
      ],
      claims: [],
      relations: [],
    }),
  );
  eventId = `${saved.id}:e0`;
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const out = (format: string) => join(dir, `odd.${format}`);

describe('odd characters survive every format', () => {
  it('gdelt, gdelt-mentions and icews keep their column counts; cells lose only tabs and line breaks', async () => {
    for (const f of ['gdelt', 'gdelt-mentions', 'icews']) await runExport(store, { format: f, out: out(f) });
    const g = (await duckRows(tsvTable(out('gdelt'), 61))).rows;
    expect(g).toHaveLength(1);
    expect(g[0]!.c16).toBe(tsv(ODD_NAME).toUpperCase());
    expect(g[0]!.c60).toBe(tsv(INPUT));
    const m = (await duckRows(tsvTable(out('gdelt-mentions'), 16))).rows;
    expect(m).toHaveLength(1);
    expect(m[0]!.c3).toBe('2'); // no URL: a citation
    expect(m[0]!.c4).toBe(tsv(OUTLET));
    expect(m[0]!.c5).toBe(tsv(`${TITLE}, ${OUTLET}, 2024-04-15`));
    const i = (await duckRows(tsvTable(out('icews'), 20, true))).rows;
    expect(i).toHaveLength(1);
    expect(i[0]!.c8).toBe(tsv(ODD_NAME));
    expect(i[0]!.c13).toBe(tsv(OUTLET));
  });

  it('csv, jsonl and parquet give the quote, title and outlet back exactly', async () => {
    for (const f of ['csv', 'jsonl', 'parquet']) await runExport(store, { format: f, out: out(f) });
    const csv = (
      await duckRows(
        `read_csv('${out('csv')}', delim = ',', header = true, quote = '"', escape = '"', all_varchar = true)`,
      )
    ).rows;
    const json = readFileSync(out('jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const parquet = (await duckRows(`read_parquet('${out('parquet')}')`)).rows;
    for (const rows of [csv, json, parquet]) {
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).toBe(eventId);
      expect(rows[0]!.quote).toBe(QUOTE);
      expect(rows[0]!.title).toBe(TITLE);
      expect(rows[0]!.outlet).toBe(OUTLET);
      expect(rows[0]!.targetActor).toBe(ODD_ID);
    }
  });

  it.skipIf(!HAS_NETWORKX)(
    'graphml and gexf give the odd actor id and name back exactly (networkx)',
    async () => {
      for (const f of ['graphml', 'gexf'] as const) {
        await runExport(store, { format: f, out: out(f), level: 'actor' });
        const g = readGraph(f, out(f));
        expect(Object.keys(g.nodes).sort()).toEqual(['ARM', ODD_ID].sort());
        expect(g.nodes[ODD_ID]!.label).toBe(ODD_NAME);
        expect(g.edges).toHaveLength(1);
      }
    },
  );

  it('graph files escape markup even where networkx is missing', async () => {
    await runExport(store, { format: 'gexf', out: out('gexf'), level: 'actor' });
    const text = readFileSync(out('gexf'), 'utf8');
    expect(text).toContain('id="org:odd&quot;&lt;&amp;&gt;"');
    expect(text).toContain('label="Odd &quot;Name&quot;&#9;&lt;&amp;&gt;&#10;Second line"');
  });
});
