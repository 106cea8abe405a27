import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInto } from '../../src/cli/ingest.js';
import { ingestOptions } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, PG_SKIP_NOTE, testPgUrl } from '../pg-server.js';
import { fillerText } from '../store/make-doc.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DOCS = 100;
/** Stored documents after which the ingest is killed: well inside the run. */
const KILL_AFTER = 12;
/** Two ingests of the corpus and a reference run on a shared 2-core machine. */
const TIMEOUT = 600_000;
/** Sentences that code events and make a claim, so findings are compared too (our own words). */
const LEADS = [
  'Azerbaijan summoned the ambassador of Iran on Monday over remarks by a senior cleric, officials in Baku said.',
  'Armenia and Azerbaijan signed a border delimitation protocol on Tuesday.',
  'Iran denied that it had supplied drones to Armenia, the foreign ministry in Tehran said on Wednesday.',
  'Turkey condemned the shelling of villages near the border on Thursday.',
];

let dir: string;
let reference: Snapshot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-kill-'));
  mkdirSync(join(dir, 'corpus'));
  // Long-ish bodies so the run lasts long enough to be killed in the middle.
  for (let i = 0; i < DOCS; i++) {
    writeFileSync(
      join(dir, 'corpus', `doc-${String(i).padStart(3, '0')}.txt`),
      `Report ${i}\n\n${LEADS[i % LEADS.length]} ${fillerText(1000 + i, 20)}\n`,
    );
  }
  // An uninterrupted run, in process: what every killed-and-rerun store must equal.
  const store = await openSqliteStore(':memory:');
  const io = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    env: {},
    cwd: ROOT,
  };
  await ingestInto(store, [join(dir, 'corpus')], ingestOptions({ cwd: ROOT, stdin: io.stdin }), {}, io, {
    quiet: true,
  });
  reference = await snapshot(store);
  await store.close();
  expect(reference.counts.documents).toBe(DOCS);
  expect(reference.counts.events).toBeGreaterThan(0);
  expect(reference.counts.claims).toBeGreaterThan(0);
}, TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One engine as this test drives it: where its store is, and raw SQL for the checks. */
interface Target {
  location: string;
  /** Rows of a `SELECT count(*) …` (0 when the store is not there yet). */
  count(sql: string): Promise<number>;
  /** Engine-level integrity beyond row counts. */
  intact(): Promise<void>;
  /** Rows in the full-text index. */
  searchRows: string;
}

const sqliteTarget = (path: string): Target => {
  const query = (sql: string) => {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return Number(db.prepare(sql).pluck().get() ?? 0);
    } finally {
      db.close();
    }
  };
  return {
    location: path,
    async count(sql) {
      try {
        return query(sql);
      } catch {
        return 0; // Not created or not migrated yet.
      }
    },
    async intact() {
      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
    searchRows: 'SELECT count(*) FROM documents_fts',
  };
};

const postgresTarget = (url: string): Target => {
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string | null }>(`SELECT (${sql}) AS n`);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  };
  return {
    location: url,
    async count(sql) {
      try {
        return await query(sql);
      } catch {
        return 0; // Not migrated yet.
      }
    },
    async intact() {
      // The server ends the dead writer's session and rolls its transaction back: no session of
      // it lingers holding locks (the server notices the closed socket within moments).
      const sessions = `SELECT count(*) FROM pg_stat_activity
        WHERE application_name = 'faultline' AND datname = current_database()`;
      for (let i = 0; i < 100 && (await query(sessions)) > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await query(sessions)).toBe(0);
    },
    searchRows: 'SELECT count(search) FROM documents',
  };
};

const ENGINES: { name: string; available: boolean; target(): Promise<Target> }[] = [
  { name: 'sqlite', available: true, target: async () => sqliteTarget(join(dir, 'kill.db')) },
  {
    name: 'postgres',
    available: testPgUrl() !== null,
    target: async () => postgresTarget((await freshPgDatabase())!),
  },
];
if (!testPgUrl()) console.warn(PG_SKIP_NOTE);

function ingest(location: string) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', join(dir, 'corpus'), '--db', location],
    // In the checkout, where `--import tsx` resolves.
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`kill -9 mid-ingest: ${engine.name}`, () => {
    it(
      'leaves a consistent store, and a re-run stores what an uninterrupted run does',
      async () => {
        const t = await engine.target();
        const child = ingest(t.location);
        const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
        let killedAt = 0;
        for (let waited = 0; waited < TIMEOUT / 2; waited += 20) {
          const n = await t.count('SELECT count(*) FROM documents');
          if (n >= KILL_AFTER) {
            child.kill('SIGKILL');
            killedAt = n;
            break;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        await exited;
        expect(killedAt).toBeGreaterThan(0);

        await t.intact();
        const n = await t.count('SELECT count(*) FROM documents');
        expect(n).toBeGreaterThanOrEqual(killedAt);
        expect(n).toBeLessThan(DOCS);
        // Every stored document is whole: its LSH bands and its search entry, nothing for a missing one.
        expect(await t.count('SELECT count(*) FROM minhash_bands')).toBe(n * 16);
        expect(await t.count(t.searchRows)).toBe(n);
        expect(
          await t.count(
            'SELECT count(*) FROM minhash_bands WHERE document_id NOT IN (SELECT id FROM documents)',
          ),
        ).toBe(0);
        expect(await t.count('SELECT sum(event_count) FROM documents')).toBe(
          await t.count('SELECT count(*) FROM events'),
        );
        expect(await t.count('SELECT sum(claim_count) FROM documents')).toBe(
          await t.count('SELECT count(*) FROM claims'),
        );

        const rerun = ingest(t.location);
        let out = '';
        rerun.stdout.on('data', (d: Buffer) => (out += d));
        const code = await new Promise<number | null>((res) => rerun.on('exit', (c) => res(c)));
        expect(code).toBe(0);
        expect(out.trim().split('\n').at(-1)).toBe(`${DOCS - n} ingested, ${n} duplicates, 0 failed`);

        const store = await openStore(t.location);
        try {
          expect(await snapshot(store)).toEqual(reference);
        } finally {
          await store.close();
        }
      },
      TIMEOUT,
    );
  });
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** Everything stored, through the Store, less the ingest clock. */
async function snapshot(store: Store) {
  const all = { limit: 100_000 };
  const docs = (await store.listDocuments({ limit: 100_000 })).items
    .map(({ ingestedAt: _, ...d }) => d)
    .sort((a, b) => (a.input < b.input ? -1 : 1));
  return {
    counts: await store.counts(),
    docs,
    events: await store.events(all),
    claims: await store.claims(all),
    relations: await store.relations(all),
    actors: await store.actors(),
  };
}
