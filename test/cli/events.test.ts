import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cameoRegistry } from '../../src/model/cameo.js';
import { patternRegistry } from '../../src/model/patterns.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { eventDoc, stateActor } from '../store/event-docs.js';
import { makeDoc } from '../store/make-doc.js';
import { jsonLines, runCli } from './run-cli.js';

let dir: string;
let db: string;
let docId: string;
const ACCUSE = 'Iran accused Azerbaijan of hosting foreign advisers near the border.';
const VISIT = 'Azerbaijan sent its minister to Ankara for talks.';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-events-'));
  db = join(dir, 'events.db');
  const body = `${ACCUSE} ${VISIT}`;
  const doc = eventDoc(
    'Envoys and warnings',
    'Caspian Desk',
    '2024-03-02',
    [
      {
        sentence: ACCUSE,
        trigger: 'accused',
        code: '112',
        source: 'IRN',
        target: 'AZE',
        date: '2024-03-01',
        plover: 'ACCUSE',
      },
      {
        sentence: VISIT,
        trigger: 'sent',
        code: '042',
        source: 'AZE',
        target: 'TUR',
        quadClass: 1,
        goldstein: 1.9,
        rule: 'visit.verb',
      },
    ],
    [
      stateActor(body, 'IRN', 'Iran', ['Iran']),
      stateActor(body, 'AZE', 'Azerbaijan', ['Azerbaijan']),
      stateActor(body, 'TUR', 'Turkey', ['Ankara']),
    ],
  );
  const store = await openSqliteStore(db);
  docId = (await store.saveDocument(doc)).id;
  await store.saveDocument(makeDoc());
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline explain', () => {
  it('marks the sentence and names the code, the rule with its file:line and example, and the document', async () => {
    const r = await runCli(['explain', `${docId.slice(0, 6)}:e0`, '--db', db], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`event ${docId}:e0`);
    expect(lines).toContain(
      '  [Iran]{source} [accused]{trigger} [Azerbaijan]{target} of hosting foreign advisers near the border.',
    );
    const rule = patternRegistry().byId.get('accuse.verb')!;
    expect(lines).toContain(`  rule       accuse.verb at ${rule.file}:${rule.line}`);
    expect(lines).toContain(`             example: ${rule.example}`);
    expect(lines).toContain(`  code       112 ${cameoRegistry().byCode.get('112')!.name}`);
    expect(lines).toContain('  quad       3 verbal conflict');
    expect(lines).toContain('  date       2024-03-01 (day)');
    expect(lines).toContain(`  document   ${docId}  Envoys and warnings`);
    expect(lines).toContain('             outlet: Caspian Desk  published: 2024-03-02');
  });

  it('marks a target found through its capital, and gives json', async () => {
    const r = await runCli(['explain', `${docId}:e1`, '--json', '--db', db], { cwd: dir });
    const [x] = jsonLines(r.stdout);
    expect(x).toMatchObject({
      id: `${docId}:e1`,
      marked: '[Azerbaijan]{source} [sent]{trigger} its minister to [Ankara]{target} for talks.',
      code: '042',
      rule: { id: 'visit.verb', file: patternRegistry().byId.get('visit.verb')!.file },
      document: { id: docId, outlet: 'Caspian Desk' },
    });
  });

  it('colours the marks only on a terminal', async () => {
    let out = '';
    const code = await main(['node', 'faultline', 'explain', `${docId}:e0`, '--db', db], {
      stdout: { write: (s: string) => (out += s), isTTY: true },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env: {},
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(out).toContain('\x1b[');
    expect(out).not.toContain('[Iran]{source}');
  });

  it('says when there is no such event, in one line', async () => {
    const r = await runCli(['explain', 'abc', '--db', db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('faultline: no event abc; list them with faultline events\n');
    expect(r.stdout).toBe('');
  });
});

describe('faultline events', () => {
  it('lists events by date with a count, and filters', async () => {
    const all = await runCli(['events', '--db', db], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/112 Accuse/);
    expect(all.stdout.trim().split('\n').at(-1)).toBe('3 of 3 events');
    const dyad = jsonLines(
      (await runCli(['events', '--dyad', 'aze-irn', '--json', '--db', db], { cwd: dir })).stdout,
    );
    expect(dyad.map((e) => e.id)).toEqual([`${docId}:e0`]);
    const quad = jsonLines(
      (
        await runCli(['events', '--quad', '1', '--outlet', 'caspian desk', '--json', '--db', db], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(quad.map((e) => e.code)).toEqual(['042']);
    const dated = jsonLines(
      (await runCli(['events', '--from', '2024-03', '--to', '2024-03', '--json', '--db', db], { cwd: dir }))
        .stdout,
    );
    expect(dated.map((e) => e.date)).toEqual(['2024-03-01', '2024-03-02']);
    const actor = jsonLines(
      (await runCli(['events', '--actor', 'tur', '--root', '4', '--json', '--db', db], { cwd: dir })).stdout,
    );
    expect(actor.map((e) => e.code)).toEqual(['042']);
  });

  it.each([
    [['--dyad', 'IRN'], '--dyad must be two actors as IRN-AZE (or id,id for other actors) (got "IRN")'],
    [['--dyad', 'IRN-IRN'], '--dyad needs two different actors (got "IRN-IRN")'],
    [['--quad', '5'], '--quad must be 1, 2, 3 or 4'],
    [['--code', '999'], '--code must be a cameo code of three or four digits'],
    [['--root', '33'], '--root must be a cameo root from 01 to 20 (got "33")'],
    [['--from', '2024-13'], '--from must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "2024-13")'],
    [['--from', '2024-05', '--to', '2024-04'], '--from 2024-05 is after --to 2024-04'],
    [['--modality', 'maybe'], '--modality must be one of asserted, alleged, denied, hypothetical, negated'],
    [['--offset', '-1'], '--offset must be a whole number, 0 or more (got "-1")'],
  ])('rejects %j with a clear message', async (args, message) => {
    const r = await runCli(['events', ...args, '--db', db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`faultline: ${message}`)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('faultline claims and relations', () => {
  it('lists stored claims with who disputes them', async () => {
    const r = await runCli(['claims', '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /:c0 {2}2024-04-15 {2}ARM about AZE \(accusation\): Baku delays the commission\n {2}disputed by AZE\n/,
    );
    expect(r.stdout).toContain('1 of 1 claims');
    expect(
      jsonLines((await runCli(['claims', '--actor', 'irn', '--json', '--db', db], { cwd: dir })).stdout),
    ).toEqual([]);
  });

  it('lists stored relations', async () => {
    const r = await runCli(['relations', '--json', '--db', db], { cwd: dir });
    expect(jsonLines(r.stdout).map((x) => [x.a, x.b, x.type, x.since])).toEqual([
      ['ARM', 'AZE', 'dispute', '1991'],
    ]);
  });
});
