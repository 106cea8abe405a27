import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../model/types.js';
import { SHARED_DIR } from '../../test/shared-dir.js';
import { BATCH_SIZE, processArticle, processArticles } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = path.join(SHARED_DIR, 'seeds');

/** Every file of a folder with one of the extensions, as a raw article of that format. */
function articlesIn(dir: string, ext: string, format: RawArticle['format']): RawArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({
      input: f,
      format,
      raw: readFileSync(path.join(dir, f), 'utf8'),
      hints: {},
      warnings: [],
    }));
}

const examples = [
  ...articlesIn(path.join(root, 'examples', 'text'), '.txt', 'text'),
  ...articlesIn(path.join(root, 'examples', 'html'), '.html', 'html'),
  { input: 'empty.txt', format: 'text', raw: '', hints: {}, warnings: [] } satisfies RawArticle,
  {
    input: 'dated.txt',
    format: 'plain',
    raw: 'Baku, 3 March. Azerbaijan accused Armenia of shelling on Monday, the ministry said.',
    hints: { published: '2024-03-03', title: 'A dated note' },
    warnings: ['a warning the reader gave'],
  } satisfies RawArticle,
];

/** The documents, one by one, as the JSON a user would see. */
const oneByOne = (raws: readonly RawArticle[]) => raws.map((r) => JSON.stringify(processArticle(r, {})));
const batched = (raws: readonly RawArticle[], size?: number) =>
  processArticles(raws, {}, size).map((o) => (o.ok ? JSON.stringify(o.doc) : `error: ${o.error.message}`));

describe('processArticles', () => {
  it('gives exactly the documents processArticle gives one by one, in order, at any batch size', () => {
    const want = oneByOne(examples);
    expect(want.length).toBeGreaterThan(BATCH_SIZE);
    for (const size of [1, 3, BATCH_SIZE, 1000]) expect(batched(examples, size)).toEqual(want);
    expect(batched(examples)).toEqual(want);
  });

  it.skipIf(!existsSync(seeds))(
    'matches processArticle on the seed articles (skipped without ../shared)',
    () => {
      const raws = articlesIn(seeds, '.txt', 'text');
      expect(raws.length).toBeGreaterThan(0);
      expect(batched(raws)).toEqual(oneByOne(raws));
    },
  );

  it('fails only the article that throws and keeps the others, in order', () => {
    // hints missing altogether: building the document throws for this article alone.
    const bad = {
      input: 'bad.txt',
      format: 'text',
      raw: 'Text.',
      hints: null,
      warnings: [],
    } as unknown as RawArticle;
    const raws = [examples[0]!, bad, examples[1]!];
    const out = processArticles(raws, {}, 8);
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    expect(() => processArticle(bad, {})).toThrow();
    expect(out[0]!.ok && JSON.stringify(out[0]!.doc)).toBe(JSON.stringify(processArticle(examples[0]!, {})));
    expect(out[2]!.ok && out[2]!.doc.input).toBe(examples[1]!.input);
  });

  it('returns nothing for no articles', () => {
    expect(processArticles([], {})).toEqual([]);
  });
});
