import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expandInputs,
  ingestOptions,
  readSource,
  type IngestItem,
  type Source,
} from '../../src/ingest/index.js';

let dir: string;

const ARTICLE =
  'Officials in Yerevan and Baku exchanged letters on Monday about the border commission.\n\nA second paragraph follows.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-'));
  mkdirSync(join(dir, 'corpus/sub'), { recursive: true });
  writeFileSync(join(dir, 'corpus/a.txt'), ARTICLE);
  writeFileSync(
    join(dir, 'corpus/sub/b.html'),
    `<html><body><article><p>${ARTICLE}</p></article></body></html>`,
  );
  writeFileSync(join(dir, 'corpus/sub/c.md'), `# Heading\n\n${ARTICLE}`);
  writeFileSync(join(dir, 'corpus/README.md'), 'About this folder.');
  writeFileSync(join(dir, 'corpus/.hidden.txt'), ARTICLE);
  writeFileSync(join(dir, 'corpus/skip.pdf'), 'not picked up');
  writeFileSync(join(dir, 'corpus/d.txt.gz'), gzipSync(Buffer.from(ARTICLE)));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'notes.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'cut.txt.gz'), gzipSync(Buffer.from(ARTICLE.repeat(20))).subarray(0, 40));
  writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x41)));
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(3 * 1024 * 1024, 0x41));
  writeFileSync(join(dir, 'locked.txt'), ARTICLE);
  chmodSync(join(dir, 'locked.txt'), 0o000);
  writeFileSync(join(dir, 'noext'), '<!doctype html><html><body><p>Page text here.</p></body></html>');
});

afterAll(() => {
  chmodSync(join(dir, 'locked.txt'), 0o600);
  rmSync(dir, { recursive: true, force: true });
});

async function read(inputs: string[], opts: Parameters<typeof ingestOptions>[0] = {}): Promise<IngestItem[]> {
  const o = ingestOptions({ cwd: dir, ...opts });
  const out: IngestItem[] = [];
  for (const s of await expandInputs(inputs, dir)) out.push(...(await readSource(s, o)));
  return out;
}

function failure(items: IngestItem[]): string {
  const f = items.find((i) => !i.ok);
  return f && !f.ok ? f.message : '';
}

describe('expandInputs', () => {
  it('walks folders recursively, skipping dot files, READMEs and unknown extensions, in sorted order', async () => {
    const sources = await expandInputs(['corpus'], dir);
    expect(sources.map((s: Source) => s.input)).toEqual([
      'corpus/a.txt',
      'corpus/d.txt.gz',
      'corpus/sub/b.html',
      'corpus/sub/c.md',
    ]);
  });

  it('matches globs (a glob names what it wants, READMEs too), and names a glob that matches nothing', async () => {
    expect((await expandInputs(['corpus/**/*.{html,md}'], dir)).map((s) => s.input)).toEqual([
      'corpus/README.md',
      'corpus/sub/b.html',
      'corpus/sub/c.md',
    ]);
    const [none] = await expandInputs(['corpus/*.nothing'], dir);
    expect(none.type === 'error' && none.error.message).toBe(
      'cannot read corpus/*.nothing: no files match this pattern; check the glob, and quote it so the shell leaves it alone',
    );
  });

  it('names a missing file', async () => {
    const [missing] = await expandInputs(['nope.txt'], dir);
    expect(missing.type === 'error' && missing.error.message).toBe(
      'cannot read nope.txt: no such file or folder; check the path',
    );
  });
});

describe('readSource', () => {
  it('reads each kind into the right format', async () => {
    const items = await read(['corpus']);
    expect(items.map((i) => (i.ok ? [i.article.input, i.article.format] : i.message))).toEqual([
      ['corpus/a.txt', 'text'],
      ['corpus/d.txt.gz', 'text'],
      ['corpus/sub/b.html', 'html'],
      ['corpus/sub/c.md', 'markdown'],
    ]);
    const gz = items[1];
    expect(gz.ok && gz.article.raw).toBe(ARTICLE);
  });

  it('sniffs a file with no extension', async () => {
    const [item] = await read(['noext']);
    expect(item.ok && item.article.format).toBe('html');
  });

  it('reads standard input', async () => {
    const stdin = Readable.from([Buffer.from(JSON.stringify({ id: 's1', text: 'From a pipe.' }) + '\n')]);
    const [item] = await read(['-'], { stdin });
    expect(item).toMatchObject({ ok: true, article: { input: 's1', format: 'plain' } });
  });

  it.each([
    ['empty.txt', 'cannot read empty.txt: empty file; pass a file with article text'],
    ['blank.txt', 'cannot read blank.txt: empty file; pass a file with article text'],
    [
      'notes.bin',
      'cannot read notes.bin: binary file, not text; pass a .txt, .html, .md, .jsonl or feed file',
    ],
    [
      'cut.txt.gz',
      'cannot read cut.txt.gz: truncated or corrupt gzip; download the file again or pass it uncompressed',
    ],
  ])('fails %s with one line', async (name, message) => {
    expect(failure(await read([name]))).toBe(message);
  });

  it('caps sizes before reading and after decompressing', async () => {
    expect(failure(await read(['big.txt'], { maxBytes: 1024 * 1024 }))).toBe(
      'cannot read big.txt: 3.0 MB is over the 1.0 MB limit; pass --max-bytes to raise the limit',
    );
    expect(failure(await read(['bomb.txt.gz'], { maxBytes: 1024 * 1024 }))).toBe(
      'cannot read bomb.txt.gz: decompresses to more than 1.0 MB; pass --max-bytes to raise the limit if the file is genuine',
    );
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable file', async () => {
    expect(failure(await read(['locked.txt']))).toBe(
      "cannot read locked.txt: permission denied; check the file's permissions",
    );
  });
});
