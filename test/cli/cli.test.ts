import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { fillerText, makeDoc } from '../store/make-doc.js';
import { jsonLines, runCli } from './run-cli.js';

let dir: string;
const db = () => join(dir, 'test.db');

const STORY_A = `Delegations from Armenia and Azerbaijan met in Almaty on Tuesday to continue work on a peace text. ${fillerText(11, 12)}`;
const STORY_B = `Georgia offered to host the next round of talks between its two neighbours. ${fillerText(12, 12)}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
  const c = join(dir, 'corpus');
  mkdirSync(join(c, 'nested'), { recursive: true });
  writeFileSync(join(c, 'a.txt'), `Talks in Almaty\n\n${STORY_A}\n`);
  writeFileSync(
    join(c, 'nested/b.html'),
    `<!doctype html><html><head><title>Host offer</title></head><body><article><h1>Host offer</h1><p>${STORY_B}</p></article></body></html>`,
  );
  writeFileSync(join(c, 'c.md'), `# Corridor plans\n\n${fillerText(13, 10)}\n`);
  writeFileSync(join(c, 'd.txt.gz'), gzipSync(Buffer.from(`Compressed report\n\n${fillerText(14, 10)}\n`)));
  writeFileSync(
    join(c, 'e.jsonl'),
    [
      JSON.stringify({
        id: 'rec-1',
        text: fillerText(15, 8),
        title: 'Record one',
        published: '2024-06-01',
        url: 'https://example.org/rec-1',
      }),
      '{"id": "rec-2", "text": oops}',
      JSON.stringify({ id: 'rec-3', text: fillerText(16, 8), title: 'Record three' }),
    ].join('\n'),
  );
  writeFileSync(
    join(c, 'f.rss'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Desk</title><item><title>Feed item</title><link>https://example.org/f1</link><pubDate>Tue, 04 Jun 2024 09:00:00 +0000</pubDate><description><![CDATA[<p>${fillerText(17, 8)}</p>]]></description></item></channel></rss>`,
  );
  writeFileSync(
    join(c, 'g-latin1.txt'),
    iconv.encode(
      `Caf\u00e9 diplomacy\n\nEnvoys met at a caf\u00e9 in Tbilisi. ${fillerText(18, 6)}\n`,
      'windows-1252',
    ),
  );
  writeFileSync(join(c, 'empty.txt'), '');
  writeFileSync(
    join(c, 'no-article.html'),
    '<!doctype html><html><head><title>Index</title></head><body></body></html>',
  );
  writeFileSync(join(dir, 'notes.bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x50, 0x4b, 0x03, 0x04]));
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2 * 1024 * 1024, 0x61));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline --help', () => {
  it.each([
    'ingest',
    'extract',
    'search',
    'docs',
    'show',
    'actors',
    'actor',
    'events',
    'explain',
    'claims',
    'relations',
    'demo',
  ])('has help for %s', async (cmd) => {
    const r = await runCli([cmd, '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: faultline ${cmd}`);
  });

  it('lists the commands, and names an unknown one', async () => {
    expect((await runCli(['--help'], { cwd: dir })).stdout).toMatch(
      /ingest[\s\S]*extract[\s\S]*search[\s\S]*demo/,
    );
    const bad = await runCli(['frobnicate'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('faultline ingest', () => {
  it('stores every good input, one line per bad one, the closing line, and exit 1', async () => {
    const r = await runCli(
      [
        'ingest',
        'corpus',
        'notes.bin.txt',
        'missing.txt',
        'nothing/*.txt',
        'big.txt',
        '--max-bytes',
        '1MB',
        '--db',
        db(),
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('8 ingested, 0 duplicates, 7 failed');
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      'faultline: cannot read corpus/e.jsonl:2: invalid json (' + errors[0].split('invalid json (')[1],
      'faultline: cannot read corpus/empty.txt: empty file; pass a file with article text',
      "faultline: cannot read corpus/no-article.html: no article text found; pass the article's own page, not an index, a login wall or an empty page",
      'faultline: cannot read notes.bin.txt: binary file, not text; pass a .txt, .html, .md, .jsonl or feed file',
      'faultline: cannot read missing.txt: no such file or folder; check the path',
      'faultline: cannot read nothing/*.txt: no files match this pattern; check the glob, and quote it so the shell leaves it alone',
      'faultline: cannot read big.txt: 2.0 MB is over the 1.0 MB limit; pass --max-bytes to raise the limit',
    ]);
    expect(errors[0]).toMatch(
      /^faultline: cannot read corpus\/e\.jsonl:2: invalid json \(.+\); fix or remove that line$/,
    );

    const sqlite = new Database(db(), { readonly: true });
    const inputs = sqlite.prepare('SELECT input FROM documents ORDER BY input').pluck().all();
    const failures = sqlite.prepare('SELECT count(*) FROM ingest_failures').pluck().get();
    const latin = sqlite
      .prepare("SELECT warnings, body FROM documents WHERE input = 'corpus/g-latin1.txt'")
      .get() as { warnings: string; body: string };
    const rec = sqlite.prepare("SELECT title, published, url FROM documents WHERE input = 'rec-1'").get();
    const feed = sqlite
      .prepare("SELECT title, published, url, outlet FROM documents WHERE input = 'corpus/f.rss#1'")
      .get();
    sqlite.close();
    expect(inputs).toEqual([
      'corpus/a.txt',
      'corpus/c.md',
      'corpus/d.txt.gz',
      'corpus/f.rss#1',
      'corpus/g-latin1.txt',
      'corpus/nested/b.html',
      'rec-1',
      'rec-3',
    ]);
    expect(failures).toBe(7);
    expect(JSON.parse(latin.warnings)[0]).toMatch(/not valid utf-8; decoded as windows-1252/);
    expect(latin.body).toContain('café in Tbilisi');
    expect(rec).toEqual({ title: 'Record one', published: '2024-06-01', url: 'https://example.org/rec-1' });
    expect(feed).toEqual({
      title: 'Feed item',
      published: '2024-06-04',
      url: 'https://example.org/f1',
      outlet: 'Feed Desk',
    });
  });

  it('is a no-op on the same articles again, reported as duplicates', async () => {
    const r = await runCli(['ingest', 'corpus', '--db', db(), '--json'], { cwd: dir });
    const lines = jsonLines(r.stdout);
    expect(lines.at(-1)).toEqual({ summary: { ingested: 0, duplicates: 8, nearDuplicates: 0, failed: 3 } });
    expect(lines.filter((l) => l.status === 'duplicate')).toHaveLength(8);
    expect(lines.filter((l) => l.status === 'failed').map((l) => l.input)).toEqual([
      'corpus/e.jsonl:2',
      'corpus/empty.txt',
      'corpus/no-article.html',
    ]);
  });

  it('reads standard input and honours FAULTLINE_DB', async () => {
    const envDb = join(dir, 'env.db');
    const r = await runCli(['ingest', '-'], {
      cwd: dir,
      stdin: `Piped article\n\n${fillerText(40, 6)}\n`,
      env: { FAULTLINE_DB: envDb },
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('1 ingested, 0 duplicates, 0 failed\n');
    const sqlite = new Database(envDb, { readonly: true });
    expect(sqlite.prepare('SELECT input FROM documents').pluck().all()).toEqual(['-']);
    sqlite.close();
  });

  it('reports a near-duplicate and keeps it', async () => {
    const nd = join(dir, 'neardup');
    mkdirSync(nd);
    const story = fillerText(50, 30);
    writeFileSync(join(nd, '1.txt'), `Outlet one\n\n${story}\n`);
    writeFileSync(join(nd, '2.txt'), `Outlet two\n\n${story} Additional reporting by the desk.\n`);
    const r = await runCli(['ingest', 'neardup', '--db', join(dir, 'nd.db')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^~ [0-9a-f]{16} neardup\/2\.txt \(near-duplicate of [0-9a-f]{16}, similarity 0\.\d\d\)$/m,
    );
    expect(r.stdout).toContain('2 ingested, 0 duplicates, 0 failed');
  });

  it('validates its options at the edge', async () => {
    const actors = await runCli(['ingest', 'corpus/a.txt', '--actors', 'no-such-actors', '--db', db()], {
      cwd: dir,
    });
    expect(actors.code).toBe(1);
    expect(actors.stderr).toMatch(/^faultline: cannot load actors from no-such-actors: .+\n$/);
    const bad = await runCli(['ingest', 'corpus', '--published', '2024-13-01', '--db', db()], { cwd: dir });
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'faultline: --published must be a date as YYYY-MM-DD (got "2024-13-01")\n',
    });
    const size = await runCli(['ingest', 'corpus', '--max-bytes', 'lots', '--db', db()], { cwd: dir });
    expect(size.stderr).toBe('faultline: --max-bytes must be a size such as 50MB or 200k (got "lots")\n');
    const enc = await runCli(['ingest', 'corpus/a.txt', '--encoding', 'nope-1', '--db', db()], { cwd: dir });
    expect(enc.stderr).toBe(
      'faultline: cannot read corpus/a.txt: unknown encoding "nope-1"; pass --encoding with a name such as utf-8, windows-1252 or utf-16le\n',
    );
  });
});

describe('faultline extract', () => {
  it('writes one contract object per document as JSONL, storing nothing', async () => {
    const r = await runCli(
      ['extract', 'corpus/a.txt', 'corpus/e.jsonl', '--json', '--published', '2024-01-01'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const docs = jsonLines(r.stdout);
    expect(docs.map((d) => d.input)).toEqual(['corpus/a.txt', 'rec-1', 'rec-3']);
    for (const d of docs) {
      for (const key of [
        'input',
        'title',
        'published',
        'author',
        'outlet',
        'body',
        'warnings',
        'actors',
        'events',
        'claims',
        'relations',
      ]) {
        expect(d).toHaveProperty(key);
      }
    }
    expect(docs[1]).toMatchObject({ title: 'Record one', published: '2024-06-01' });
    expect(r.stderr).toMatch(/^faultline: cannot read corpus\/e\.jsonl:2: invalid json/);
  });

  it('keeps input order and fails bad records alone across pipeline batches of 16', async () => {
    // 40 records, bad ones on both sides of the batch boundaries (16, 32): the pipeline runs
    // stage by stage over each batch, and documents and messages must still come out in order.
    const bad = new Set([4, 15, 16, 31, 39]);
    const lines = Array.from({ length: 40 }, (_, i) =>
      bad.has(i)
        ? `{"id": "r${i}", "text": oops}`
        : JSON.stringify({ id: `r${i}`, text: fillerText(100 + i, 4) }),
    );
    writeFileSync(join(dir, 'batches.jsonl'), lines.join('\n'));
    const r = await runCli(['extract', 'batches.jsonl', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const good = [...Array(40).keys()].filter((i) => !bad.has(i));
    expect(jsonLines(r.stdout).map((d) => d.input)).toEqual(good.map((i) => `r${i}`));
    const failed = r.stderr.split('\n').filter(Boolean);
    expect(failed).toEqual(
      [...bad].map((i) =>
        expect.stringMatching(new RegExp(`^faultline: cannot read batches\\.jsonl:${i + 1}: invalid json`)),
      ),
    );
  });

  it('prints a short summary without --json', async () => {
    const r = await runCli(['extract', 'corpus/a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^corpus\/a\.txt\n {2}.+\n {2}\d+ characters, \d+ actors, \d+ events, \d+ claims, \d+ relations\n( {2}warning: .+\n)*1 documents, 0 failed\n$/,
    );
  });
});

describe('faultline search, docs, show', () => {
  it('searches with marked snippets', async () => {
    const r = await runCli(['search', 'Almaty', 'delegations', '--json', '--db', db()], { cwd: dir });
    const [hit] = jsonLines(r.stdout);
    expect(hit.snippet).toMatch(/\[Delegations\].*\[Almaty\]/);
    const human = await runCli(['search', 'Almaty', '--db', db()], { cwd: dir });
    expect(human.stdout).toMatch(/^[0-9a-f]{16} {2}.+\n {4}.*\[Almaty\]/);
    expect((await runCli(['search', 'zzzzqqq', '--db', db()], { cwd: dir })).stdout).toBe('no matches\n');
  });

  it('lists documents and shows one by id prefix', async () => {
    const list = jsonLines((await runCli(['docs', '--json', '--db', db()], { cwd: dir })).stdout);
    expect(list).toHaveLength(8);
    const rec = list.find((d) => d.input === 'rec-1')!;
    const id = String(rec.id);
    const human = await runCli(['docs', '--limit', '3', '--db', db()], { cwd: dir });
    expect(human.stdout.trim().split('\n').at(-1)).toBe('3 of 8 documents');
    const shown = await runCli(['show', id.slice(0, 8), '--json', '--db', db()], { cwd: dir });
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id,
      input: 'rec-1',
      title: 'Record one',
      published: '2024-06-01',
    });
    const text = await runCli(['show', id, '--db', db()], { cwd: dir });
    expect(text.stdout).toMatch(new RegExp(`^${id} {2}Record one\\n`));
    const none = await runCli(['show', 'ffffffffffff', '--db', db()], { cwd: dir });
    expect(none).toMatchObject({
      code: 1,
      stderr: 'faultline: no document with id ffffffffffff; list ids with faultline docs\n',
    });
  });
});

describe('faultline actors, actor', () => {
  it('lists stored actors with counts and shows mentions in context', async () => {
    const path = join(dir, 'actors.db');
    const store = await openSqliteStore(path);
    await store.saveDocument(makeDoc());
    await store.close();
    const list = jsonLines((await runCli(['actors', '--json', '--db', path], { cwd: dir })).stdout);
    expect(list).toContainEqual({
      id: 'AZE',
      kind: 'state',
      name: 'Azerbaijan',
      country: 'AZE',
      mentions: 2,
      documents: 1,
    });
    const one = await runCli(['actor', 'AZE', '--db', path], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Armenia and Azerbaijan resumed border talks');
    const none = await runCli(['actor', 'XXX', '--db', path], { cwd: dir });
    expect(none).toMatchObject({
      code: 1,
      stderr: 'faultline: no mentions of actor XXX; list actors with faultline actors\n',
    });
  });
});

describe('faultline demo', () => {
  it('ingests a corpus folder and prints each stored document and totals', async () => {
    const r = await runCli(
      ['demo', '--no-serve', '--examples', join(dir, 'corpus'), '--db', join(dir, 'demo.db')],
      { cwd: dir },
    );
    expect(r.stdout).toContain('ingesting corpus\n');
    expect(r.stdout).toContain('stored documents (8):');
    expect(r.stdout).toMatch(
      / {2}[0-9a-f]{16} {2}Feed Desk +2024-06-04 {2}Feed item +\(\d+ actors, \d+ events\)/,
    );
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      /^8 documents, \d+ actors, \d+ mentions, \d+ events, \d+ claims, \d+ relations$/,
    );
    expect(r.code).toBe(1);
  });
});
