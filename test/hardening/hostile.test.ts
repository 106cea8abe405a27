import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../cli/run-cli.js';

/**
 * The hostile corpus: inputs built to break an ingester, fed in one batch beside an ordinary
 * article. Each must get a one-line error naming it, or be handled; nothing crashes, and the
 * ordinary article is stored all the same. Built at test time (nothing large is committed).
 */

const MB = 1024 * 1024;
let dir: string;
let corpus: string;

function entityBomb(): string {
  // "Billion laughs": ten levels of ten-fold entity expansion inside a feed.
  let ents = '<!ENTITY a0 "lol">';
  for (let i = 1; i < 10; i++) ents += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?><!DOCTYPE rss [${ents}]><rss version="2.0"><channel><title>t</title><item><title>&a9;</title><description>Armenia and Turkey held talks on trade.</description></item></channel></rss>`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-'));
  corpus = join(dir, 'corpus');
  const put = (name: string, data: string | Buffer) => writeFileSync(join(corpus, name), data);
  mkdirSync(corpus);
  put('ordinary.txt', 'Turkey and Armenia held talks in Vienna on Monday.\n');
  // 200 MB of one byte compresses to ~200 kB.
  put('bomb.txt.gz', gzipSync(Buffer.alloc(200 * MB, 0x41), { level: 9 }));
  // A 100 MB single line: over the default 50 MB input limit.
  put('huge-line.txt', Buffer.alloc(100 * MB, 'Baku said nothing '));
  // A 300 kB single line with no sentence end, under the limit, is processed like any other text.
  put('long-line.txt', 'Iran accused Azerbaijan of hosting Israeli drones, '.repeat(6_000));
  put(
    'nested.html',
    `<html><body>${'<div>'.repeat(100_000)}<p>Iran and Turkey signed a trade agreement.</p>${'</div>'.repeat(100_000)}</body></html>`,
  );
  put(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from('Tehran said '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]),
      Buffer.from(' that Baku denied the report.\n'),
    ]),
  );
  put('nul-bytes.txt', 'Ankara\u0000 welcomed\u0000\u0000 the talks with Yerevan.\n');
  put(
    'injection.txt',
    "Robert'); DROP TABLE documents;-- wrote <script>alert(1)</script> and ${process.exit(1)} after Iran threatened Israel.\n",
  );
  put('laughs.rss', entityBomb());
  put('broken.jsonl', `{"text":"Russia praised Armenia."}\n{not json\n${'['.repeat(100_000)}\n`);
  put('empty.txt', '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the hostile corpus', () => {
  it('rejects each bad input with one line naming it, and stores the rest', async () => {
    const db = join(dir, 'hostile.db');
    const run = await runCli(['ingest', corpus, '--db', db], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    // No stack traces, one line per problem, each naming its input and what to do.
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const failing = [
      'bomb.txt.gz',
      'huge-line.txt',
      'nul-bytes.txt',
      'broken.jsonl:2',
      'broken.jsonl:3',
      'empty.txt',
    ];
    for (const name of failing) {
      const line = lines.find((l) => l.includes(join(corpus, name)));
      expect(line, `a line for ${name}`).toBeDefined();
      expect(line).toMatch(/; (pass|fix|give|download|split)/);
    }
    expect(run.stdout + run.stderr).toMatch(/6 failed/);

    const store = await openStore(db);
    try {
      const { items } = await store.listDocuments({ limit: 100 });
      const inputs = items.map((d) => d.input.slice(corpus.length + 1)).sort();
      expect(inputs).toEqual(
        [
          'broken.jsonl#1',
          'injection.txt',
          'invalid-utf8.txt',
          'laughs.rss#1',
          'long-line.txt',
          'nested.html',
          'ordinary.txt',
        ].sort(),
      );
      // The ordinary article is coded as usual.
      const ordinary = items.find((d) => d.input.endsWith('ordinary.txt'))!;
      const events = await store.events({ documentId: ordinary.id });
      expect(events.items.map((e) => `${e.source}-${e.target}`)).toContain('TUR-ARM');
      // Markup and SQL in text are stored as text, verbatim, and the tables are intact.
      const injected = await store.getDocument(items.find((d) => d.input.endsWith('injection.txt'))!.id);
      expect(injected!.body).toContain('DROP TABLE documents;--');
      expect(injected!.body).toContain('<script>alert(1)</script>');
      expect((await store.search('DROP')).length).toBe(1);
      // Deep nesting still yields the sentence at the bottom.
      const nested = await store.getDocument(items.find((d) => d.input.endsWith('nested.html'))!.id);
      expect(nested!.body).toContain('Iran and Turkey signed a trade agreement.');
      // Invalid bytes become replacement characters; the words around them survive.
      const bad = await store.getDocument(items.find((d) => d.input.endsWith('invalid-utf8.txt'))!.id);
      expect(bad!.body).toMatch(/^Tehran said .*Baku denied the report\.$/s);
      // The entity bomb did not expand into the stored feed item.
      const feed = await store.getDocument(items.find((d) => d.input.endsWith('laughs.rss#1'))!.id);
      expect(feed!.body.length).toBeLessThan(10_000);
      expect((await store.failures()).length).toBe(6);
    } finally {
      await store.close();
    }
  });
});
