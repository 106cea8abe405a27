import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { eventDoc } from '../store/event-docs.js';
import { jsonLines, runCli } from './run-cli.js';

let dir: string;
let db: string;
const ids: string[] = [];

/** Three short reports in our own words; one quote carries markup that a brief must escape. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-series-'));
  db = join(dir, 'series.db');
  const store = await openSqliteStore(db);
  const docs = [
    eventDoc('Warning over drills', 'Caspian Desk', '2025-01-02', [
      {
        sentence: 'Iran warned Azerbaijan <script>alert(1)</script> over the drills & flights.',
        trigger: 'warned',
        code: '130',
        source: 'IRN',
        target: 'AZE',
        quadClass: 3,
        goldstein: -4.4,
        date: '2025-01-02',
      },
    ]),
    eventDoc('Talks in Baku', 'Highland Times', '2025-01-09', [
      {
        sentence: 'Azerbaijan hosted Iranian envoys for talks on trade.',
        trigger: 'hosted',
        code: '043',
        source: 'AZE',
        target: 'IRN',
        quadClass: 1,
        goldstein: 2.8,
        date: '2025-01-09',
      },
    ]),
    eventDoc('Border shelling', 'Caspian Desk', '2025-02-03', [
      {
        sentence: 'Iran shelled positions near the Azerbaijani border.',
        trigger: 'shelled',
        code: '195',
        source: 'IRN',
        target: 'AZE',
        quadClass: 4,
        goldstein: -10,
        date: '2025-02-03',
      },
    ]),
  ];
  for (const d of docs) ids.push(`${(await store.saveDocument(d)).id}:e0`);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline series', () => {
  it('prints a table per month, both directions counted', async () => {
    const r = await runCli(['series', 'irn', 'aze', '--db', db], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^period\s+events\s+vcoop\s+mcoop\s+vconf\s+mconf\s+IRN→\s+AZE→\s+goldst\s+mean\s+tension$/,
    );
    expect(lines[1]).toMatch(/^2025-01\s+2\s+1\s+0\s+1\s+0\s+1\s+1\s+-1\.6\s+-0\.80\s+-?\d+\.\d{3}$/);
    expect(lines[2]).toMatch(/^2025-02\s+1\s+0\s+0\s+0\s+1\s+1\s+0\s+-10\.0\s+-10\.00\s+\d+\.\d{3}$/);
    expect(lines[3]).toMatch(/^3 events in 2 months; tension\(t\) =/);
  });

  it('prints json by week and explains a point', async () => {
    const r = await runCli(['series', 'IRN', 'AZE', '--interval', 'week', '--json', '--db', db], {
      cwd: dir,
    });
    const [s] = jsonLines(r.stdout) as unknown as {
      points: { period: string; events: number; tension: number }[];
    }[];
    expect(s!.points[0]).toMatchObject({ period: '2024-12-30', events: 1 });
    const feb = s!.points.find((p) => p.period === '2025-02-03')!;
    const x = await runCli(
      ['series', 'IRN', 'AZE', '--interval', 'week', '--explain', '2025-02-03', '--db', db],
      { cwd: dir },
    );
    expect(x.code).toBe(0);
    expect(x.stdout.split('\n')[0]).toBe(
      `IRN–AZE week 2025-02-03: tension ${feb.tension.toFixed(3)} on 2025-02-09, 3 events in the window`,
    );
    expect(x.stdout).toContain(ids[2]!);
  });

  it('rejects a bad interval, a bad period and a one-actor dyad', async () => {
    const a = await runCli(['series', 'IRN', 'AZE', '--interval', 'year', '--db', db], { cwd: dir });
    expect(a.stderr).toBe('faultline: --interval must be day, week or month (got "year")\n');
    expect(a.code).toBe(1);
    const b = await runCli(
      ['series', 'IRN', 'AZE', '--interval', 'week', '--explain', '2025-02-04', '--db', db],
      { cwd: dir },
    );
    expect(b.stderr).toBe(
      "faultline: --explain period 2025-02-04 is not a week: give the week's monday as YYYY-MM-DD\n",
    );
    const c = await runCli(['series', 'IRN', 'irn', '--db', db], { cwd: dir });
    expect(c.stderr).toBe('faultline: series needs two different actors (got "IRN" and "irn")\n');
  });
});

describe('faultline alerts', () => {
  it('prints no alerts for a quiet store, and json lines otherwise', async () => {
    const r = await runCli(['alerts', '--dyad', 'IRN-AZE', '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no alerts\n');
    const j = await runCli(['alerts', '--json', '--from', '2025', '--db', db], { cwd: dir });
    expect(j.stdout).toBe('');
    const bad = await runCli(['alerts', '--dyad', 'IRN', '--db', db], { cwd: dir });
    expect(bad.stderr).toContain('--dyad must be two actors');
  });
});

describe('faultline report', () => {
  it('writes a standalone html brief with every quote escaped', async () => {
    const r = await runCli(
      [
        'report',
        '--dyad',
        'IRN-AZE',
        '--from',
        '2025-01',
        '--to',
        '2025-02',
        '--format',
        'html',
        '--out',
        'brief.html',
        '--db',
        db,
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^wrote brief\.html \(html, \d+ bytes\)\n$/);
    const html = readFileSync(join(dir, 'brief.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; over the drills &amp; flights.');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('<svg');
    expect(html).toContain(`event <code>${ids[2]}</code>`);
    expect(html).toContain('Border shelling — Caspian Desk, 2025-02-03');
  });

  it('writes markdown to standard output, escaped too', async () => {
    const r = await runCli(
      ['report', '--dyad', 'IRN-AZE', '--from', '2025-01', '--to', '2025-02', '--format', 'md', '--db', db],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# IRN–AZE brief, 2025-01-01 to 2025-02-28\n/);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('data:image/svg+xml;base64,');
  });

  it('asks for its required flags and a known format', async () => {
    const a = await runCli(['report', '--dyad', 'IRN-AZE', '--from', '2025-01', '--db', db], { cwd: dir });
    expect(a.stderr).toContain("required option '--to <date>' not specified");
    const b = await runCli(
      ['report', '--dyad', 'IRN-AZE', '--from', '2025-01', '--to', '2025-02', '--format', 'pdf', '--db', db],
      {
        cwd: dir,
      },
    );
    expect(b.stderr).toBe('faultline: --format must be html or md (got "pdf")\n');
  });
});
