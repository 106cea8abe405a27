import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run-export.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { eventDoc } from '../store/event-docs.js';
import { runCli } from '../cli/run-cli.js';
import { CLOCK } from './helpers.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-export-cli-'));
  db = join(dir, 'events.db');
  const store = await openSqliteStore(db, { now: CLOCK });
  const sentences = Array.from({ length: 30 }, (_, i) => ({
    sentence: `Iran warned Azerbaijan about border post ${i}.`,
    trigger: 'warned',
    code: i % 2 ? '130' : '036',
    source: i % 3 ? 'IRN' : 'AZE',
    target: i % 3 ? 'AZE' : 'IRN',
    date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
  await store.saveDocument(eventDoc('Warnings', 'Caspian Desk', '2024-03-02', sentences));
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline export', () => {
  it('writes text formats to stdout and says nothing else', async () => {
    const r = await runCli(['export', '--format', 'gdelt', '--db', db, '--code', '036'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(row).toHaveLength(61);
      expect(row[26]).toBe('036');
      expect(row[28]).toBe('03');
    }
  });

  it('writes --out and reports the count on stderr', async () => {
    const r = await runCli(['export', '--format', 'csv', '--out', 'x.csv', '--db', db, '--dyad', 'AZE-IRN'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('exported 30 events as csv to x.csv\n');
    expect(readFileSync(join(dir, 'x.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(31);
  });

  it.each([
    [
      ['--format', 'xml'],
      '--format must be one of gdelt, gdelt-mentions, icews, jsonl, csv, graphml, gexf, parquet (got "xml")',
    ],
    [[], '--format is required: one of gdelt'],
    [['--format', 'parquet'], '--out is required for --format parquet'],
    [['--format', 'graphml', '--level', 'country'], '--level must be state or actor (got "country")'],
    [['--format', 'csv', '--quad', '9'], '--quad must be 1, 2, 3 or 4'],
    [['--format', 'csv', '--code', '36'], '--code must be a cameo code'],
    [['--format', 'csv', '--from', '2024-13'], '--from must be a date'],
    [['--format', 'csv', '--out', 'nowhere/x.csv'], 'cannot write --out nowhere/x.csv'],
  ])('rejects %j with one line naming the flag', async (args, message) => {
    const r = await runCli(['export', ...args, '--db', db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`faultline: ${message}`)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('leaves an earlier --out untouched, and no temporary file, when an export fails midway', async () => {
    const target = join(dir, 'kept.jsonl');
    writeFileSync(target, 'earlier export\n');
    const store = await openSqliteStore(db);
    let calls = 0;
    const failing: Store = Object.create(store, {
      events: {
        value: async (f: Parameters<Store['events']>[0]) => {
          if (++calls === 2) throw new Error('disk went away');
          return store.events(f);
        },
      },
    });
    await expect(runExport(failing, { format: 'jsonl', out: target, pageSize: 10 })).rejects.toThrow(
      'disk went away',
    );
    await store.close();
    expect(calls).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('earlier export\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('streams every page: an export larger than one page is complete and in store order', async () => {
    const target = join(dir, 'paged.jsonl');
    const store = await openSqliteStore(db);
    const n = await runExport(store, { format: 'jsonl', out: target, pageSize: 7 });
    const { items } = await store.events({ limit: 100 });
    await store.close();
    expect(n).toBe(30);
    const ids = readFileSync(target, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(items.map((e) => e.id));
    expect(existsSync(target)).toBe(true);
  });
});
