import { spawnSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXAMPLES_DIR } from '../../src/cli/demo.js';
import { expandInputs, ingestOptions, readSource } from '../../src/ingest/index.js';
import { processArticle } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { EventListItem, Store } from '../../src/store/store.js';

/** The clock stamped on stored documents: DATEADDED and MentionTimeDate come from it. */
export const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

/**
 * The demo corpus (examples/) run through the pipeline into an SQLite store at `path` (a file,
 * so the CLI can open it too).
 *
 * @example const store = await demoStore(join(dir, 'demo.db'))
 */
export async function demoStore(path: string): Promise<Store> {
  const store = await openSqliteStore(path, { now: CLOCK });
  const opts = ingestOptions({ cwd: EXAMPLES_DIR });
  for (const source of await expandInputs([EXAMPLES_DIR], EXAMPLES_DIR)) {
    for (const item of await readSource(source, opts)) {
      if (item.ok) await store.saveDocument(processArticle(item.article));
    }
  }
  return store;
}

/** Every stored event, read straight from the store (the reference the exports are checked against). */
export async function allEvents(store: Store): Promise<EventListItem[]> {
  const { items, total } = await store.events({ limit: 1_000_000 });
  if (items.length !== total) throw new Error('fixture: events did not fit one page');
  return items;
}

/**
 * Rows of a file read by DuckDB (an independent reader): `sql` is a table expression over the
 * file, e.g. `read_parquet('x.parquet')`. Values come back as JS values (VARCHAR → string).
 *
 * @example await duckRows(`read_parquet('${file}')`)
 */
export async function duckRows(
  from: string,
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(`SELECT * FROM ${from}`);
    return { columns: reader.columnNames(), rows: reader.getRowObjectsJS() as Record<string, unknown>[] };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * A DuckDB `read_csv` of a tab-separated file without quoting, with exactly `n` text columns
 * `c0 … c{n-1}` (DuckDB fails on a row with another number of cells).
 *
 * @example await duckRows(tsvTable(file, 61))
 */
export function tsvTable(file: string, n: number, header = false): string {
  const columns = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv('${file.replace(/'/g, "''")}', delim = '\t', header = ${header}, quote = '', escape = '', auto_detect = false, columns = {${columns}})`;
}

/** Whether `/usr/bin/python3` with networkx is here (CI installs Debian's python3-networkx). */
export const HAS_NETWORKX =
  spawnSync('/usr/bin/python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;

export interface NxGraph {
  mode: string | null;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

// GEXF 1.3 is Gephi's current version; networkx 2.x reads only the 1.1/1.2 namespaces, so the
// reader is told the 1.3 namespace (its parsing is unchanged from 1.2 for what we write).
const READ_GRAPH = `
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF
GEXF.versions.setdefault('1.3', {
    'NS_GEXF': 'http://gexf.net/1.3', 'NS_VIZ': 'http://gexf.net/1.3/viz',
    'NS_XSI': 'http://www.w3.org/2001/XMLSchema-instance',
    'SCHEMALOCATION': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', 'VERSION': '1.3'})
kind, path = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
print(json.dumps({
    'mode': G.graph.get('mode'),
    'nodes': {n: d for n, d in G.nodes(data=True)},
    'edges': [[u, v, d] for u, v, d in G.edges(data=True)],
}, default=str))
`;

/**
 * A graph file read by networkx (`nx.read_graphml` / `nx.read_gexf`) in a child process.
 *
 * @example const g = readGraph('graphml', file); Object.keys(g.nodes).length
 */
export function readGraph(kind: 'graphml' | 'gexf', file: string): NxGraph {
  const r = spawnSync('/usr/bin/python3', ['-c', READ_GRAPH, kind, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`networkx could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as NxGraph;
}
