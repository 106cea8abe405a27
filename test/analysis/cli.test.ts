import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/model/types.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { jsonLines, runCli } from '../cli/run-cli.js';
import { demoDocs, demoId } from './demo-docs.js';

let dir: string;
let db: string;
let docs: Doc[];
const ids: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-groups-'));
  db = join(dir, 'demo.db');
  docs = await demoDocs();
  const store = await openSqliteStore(db);
  for (const d of docs) ids.push((await store.saveDocument(d)).id);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline events --grouped, split and explain', () => {
  it('lists one row per happening with its sources, then splits and regroups an event', async () => {
    const copy = demoId(docs, ids, '07-');
    const grouped = jsonLines(
      (await runCli(['events', '--grouped', '--json', '--limit', '500', '--db', db], { cwd: dir })).stdout,
    );
    const all = jsonLines(
      (await runCli(['events', '--json', '--limit', '500', '--db', db], { cwd: dir })).stdout,
    );
    expect(grouped.length).toBeLessThan(all.length);
    const group = grouped.find(
      (g) =>
        (g.sources as number) === 2 &&
        (g.mentions as { documentId: string }[]).some((m) => m.documentId === copy),
    )!;
    const listed = await runCli(['events', '--grouped', '--limit', '500', '--db', db], { cwd: dir });
    expect(listed.stdout).toMatch(new RegExp(`^${group.id}.*\\[2 sources\\]$`, 'm'));
    expect(listed.stdout).toMatch(/happenings\n$/);

    const other = (group.mentions as { eventId: string }[]).find((m) => m.eventId !== group.id)!.eventId;
    const explained = await runCli(['explain', other, '--db', db], { cwd: dir });
    expect(explained.stdout).toContain(`  group      ${group.id}  2 sources`);
    expect(explained.stdout).toMatch(/why: matches .*near-duplicate documents/);
    expect(explained.stdout).toContain(`             also ${group.id}`);
    const json = jsonLines((await runCli(['explain', other, '--json', '--db', db], { cwd: dir })).stdout)[0]!;
    expect(json.group).toMatchObject({ id: group.id, sources: 2, pinned: false });

    const split = await runCli(['events', 'split', other, '--db', db], { cwd: dir });
    expect(split.stdout).toBe(`split: ${other} is now its own group, apart from ${group.id}\n`);
    const after = await runCli(['explain', other, '--db', db], { cwd: dir });
    expect(after.stdout).toContain(`  group      ${other}  1 source (split by user)`);
    const undo = await runCli(['events', 'split', other, '--undo', '--db', db], { cwd: dir });
    expect(undo.stdout).toBe(`regrouped: ${other} is in group ${group.id} with ${group.id}\n`);
    const missing = await runCli(['events', 'split', 'ffff:e9', '--db', db], { cwd: dir });
    expect(missing.stderr).toBe('faultline: no event ffff:e9; list them with faultline events\n');
    expect(missing.code).toBe(1);
  });
});

describe('faultline graph and claims --board', () => {
  it('prints the network as json or graphml, and checks its flags', async () => {
    const json = JSON.parse((await runCli(['graph', '--db', db], { cwd: dir })).stdout) as {
      nodes: { id: string; community: number }[];
      edges: { type: string }[];
    };
    expect(json.nodes.map((n) => n.id)).toContain('AZE');
    expect(new Set(json.edges.map((e) => e.type))).toContain('conflict');
    const xml = (
      await runCli(['graph', '--format', 'graphml', '--from', '2023', '--to', '2023', '--db', db], {
        cwd: dir,
      })
    ).stdout;
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<node id="AZE"><data key="label">Azerbaijan</data>');
    const bad = await runCli(['graph', '--format', 'dot', '--db', db], { cwd: dir });
    expect(bad.stderr).toBe('faultline: --format must be json or graphml (got "dot")\n');
  });

  it('shows the claims board, contradictions first', async () => {
    const r = await runCli(['claims', '--board', '--limit', '5', '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^! \d{4}-\d{2}-\d{2} {2}\S+ about \S+ \(/);
    expect(r.stdout).toMatch(/ {2}- denied by [A-Z]{3} in /);
    expect(r.stdout).toMatch(/5 of \d+ propositions\n$/);
    const items = jsonLines(
      (await runCli(['claims', '--board', '--json', '--actor', 'irn', '--db', db], { cwd: dir })).stdout,
    );
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect([i.claimant, i.about, ...(i.assertedBy as string[]), ...(i.deniedBy as string[])]).toContain(
        'IRN',
      );
    }
  });
});
