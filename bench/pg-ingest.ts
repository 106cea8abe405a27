/**
 * Ingest throughput of the demo corpus (examples/) into SQLite and into PostgreSQL. The
 * pipeline runs once (it is the same for both engines); each round then saves every article
 * into a fresh store of each engine, interleaved so both see the same machine load. Wall time,
 * best and median of the rounds: PostgreSQL's work happens in its own server processes, so
 * the CPU time of this process alone would flatter it. Prints figures and writes
 * bench/results/pg-ingest.json. Never asserts on time.
 *
 * PostgreSQL is `FAULTLINE_TEST_PG` (or `--database-url URL`, a server where we may create
 * databases) or else a throwaway local server on 127.0.0.1 with fsync on and
 * synchronous_commit off, the durability of SQLite's WAL with synchronous=NORMAL.
 *
 *   npx tsx bench/pg-ingest.ts [--rounds 5] [--database-url postgres://…]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { eachDocument } from '../src/cli/each-document.js';
import type { Io } from '../src/cli/io.js';
import { ingestOptions } from '../src/ingest/index.js';
import type { Doc } from '../src/model/types.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { startTestPostgres } from '../test/pg-server.js';
import { arg, machine, repoRoot, resultsDir } from './shared.js';

const ROUNDS = Number(arg('--rounds') ?? 5);

async function main() {
  const io: Io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => process.stderr.write(s) },
    stdin: Readable.from([]),
    env: {},
    cwd: repoRoot,
  };
  // Twice: the first pass loads the ontology and the language model, the second is timed.
  let docs: Doc[] = [];
  let pipelineMs = 0;
  for (let pass = 0; pass < 2; pass++) {
    docs = [];
    const t0 = performance.now();
    await eachDocument(['examples'], ingestOptions({ cwd: repoRoot, stdin: io.stdin }), {}, io, {
      onDocument: (doc) => void docs.push(doc),
    });
    pipelineMs = performance.now() - t0;
  }

  const given = arg('--database-url') ?? process.env.FAULTLINE_TEST_PG;
  const server = given ? null : await startTestPostgres({ fsync: true });
  const base = given ?? server?.url;
  if (!base) {
    console.log('skip pg-ingest: no postgresql (no /usr/lib/postgresql/*/bin, no FAULTLINE_TEST_PG)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'faultline-pg-bench-'));
  const created: string[] = [];
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const freshDatabase = async () => {
    const name = `faultline_bench_${process.pid}_${created.length}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    created.push(name);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };

  const engines: { name: 'sqlite' | 'postgres'; open(round: number): Promise<Store> }[] = [
    { name: 'sqlite', open: (round) => openSqliteStore(join(dir, `bench-${round}.db`)) },
    { name: 'postgres', open: async () => openPostgresStore(await freshDatabase()) },
  ];
  const times = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  const counts: Record<string, unknown> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const engine of round % 2 ? [...engines].reverse() : engines) {
      const store = await engine.open(round);
      const t = performance.now();
      for (const doc of docs) await store.saveDocument(doc);
      times.get(engine.name)!.push(performance.now() - t);
      counts[engine.name] = await store.counts();
      await store.close();
    }
  }
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });

  const n = docs.length;
  const rate = (ms: number) => Math.round((n / ms) * 1000 * 10) / 10;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const figures = Object.fromEntries(
    engines.map((e) => {
      const ms = times.get(e.name)!;
      const best = Math.min(...ms);
      return [
        e.name,
        {
          /** Saving only (the store's part), articles per wall second. */
          storeBest: rate(best),
          storeMedian: rate(median(ms)),
          msPerArticle: Math.round((best / n) * 100) / 100,
          /** Pipeline then save, as `faultline ingest` does. */
          endToEnd: rate(pipelineMs + best),
        },
      ];
    }),
  );
  const results = {
    benchmark: 'pg-ingest',
    date: new Date().toISOString(),
    machine: machine(),
    corpus: 'examples/',
    articles: n,
    rounds: ROUNDS,
    pipelineArticlesPerSecond: rate(pipelineMs),
    engines: figures,
    postgres: given
      ? 'given server'
      : 'local throwaway server, fsync on, synchronous_commit off, 127.0.0.1 TCP',
    sqlite: 'file in tmpdir, WAL, synchronous=NORMAL',
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    stored: counts,
  };
  console.log(`pg-ingest: ${n} articles of examples/, best of ${ROUNDS} rounds (wall time)`);
  console.log(`  pipeline alone                 ${results.pipelineArticlesPerSecond} articles/s`);
  for (const e of engines) {
    const f = figures[e.name]!;
    console.log(
      `  ${e.name.padEnd(8)} store ${String(f.storeBest).padStart(7)} articles/s (median ${f.storeMedian}, ${f.msPerArticle} ms each)  end to end ${f.endToEnd} articles/s`,
    );
  }
  console.log(`  load average ${results.loadAverage.join(' ')} on ${results.machine.cores} cores`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'pg-ingest.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
