import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillerText } from '../store/make-doc.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DOCS = 300;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-kill-'));
  mkdirSync(join(dir, 'corpus'));
  // Long-ish bodies so the run lasts long enough to be killed in the middle.
  for (let i = 0; i < DOCS; i++) {
    writeFileSync(
      join(dir, 'corpus', `doc-${String(i).padStart(3, '0')}.txt`),
      `Report ${i}\n\n${fillerText(1000 + i, 20)}\n`,
    );
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingest(db: string) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', join(dir, 'corpus'), '--db', db],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function storedCount(db: string): number {
  try {
    const sqlite = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0; // Not created or not migrated yet.
  }
}

describe('kill -9 mid-ingest', () => {
  it('leaves a consistent database, and a re-run stores every document exactly once', async () => {
    const db = join(dir, 'kill.db');
    const child = ingest(db);
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let killedAt = 0;
    for (let waited = 0; waited < 60_000; waited += 10) {
      const n = storedCount(db);
      if (n >= 20) {
        child.kill('SIGKILL');
        killedAt = n;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await exited;
    expect(killedAt).toBeGreaterThan(0);

    const sqlite = new Database(db);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(n).toBeGreaterThanOrEqual(killedAt);
    expect(n).toBeLessThan(DOCS);
    // Every stored document is whole: its LSH bands and its search entry, nothing for a missing one.
    expect(sqlite.prepare('SELECT count(*) FROM minhash_bands').pluck().get()).toBe(n * 16);
    expect(sqlite.prepare('SELECT count(*) FROM documents_fts').pluck().get()).toBe(n);
    expect(
      sqlite
        .prepare('SELECT count(*) FROM minhash_bands WHERE document_id NOT IN (SELECT id FROM documents)')
        .pluck()
        .get(),
    ).toBe(0);
    expect(sqlite.prepare('SELECT sum(event_count) FROM documents').pluck().get() ?? 0).toBe(
      sqlite.prepare('SELECT count(*) FROM events').pluck().get(),
    );
    sqlite.close();

    const rerun = ingest(db);
    let out = '';
    rerun.stdout.on('data', (d: Buffer) => (out += d));
    const code = await new Promise<number | null>((res) => rerun.on('exit', (c) => res(c)));
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe(`${DOCS - n} ingested, ${n} duplicates, 0 failed`);

    const after = new Database(db, { readonly: true });
    const perInput = after.prepare('SELECT input, count(*) AS c FROM documents GROUP BY input').all() as {
      input: string;
      c: number;
    }[];
    after.close();
    expect(perInput).toHaveLength(DOCS);
    expect(perInput.every((r) => r.c === 1)).toBe(true);
  });
});
