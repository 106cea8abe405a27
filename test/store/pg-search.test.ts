import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/store/engine.js';
import { separatorClass, toTsquery, withMarksOf } from '../../src/store/postgres.js';
import { ENGINES } from './engines.js';
import { makeDoc } from './make-doc.js';

describe('postgresql search helpers', () => {
  it('writes a parsed query as to_tsquery text: quoted lexemes, prefixes, phrases, and/or', () => {
    expect(toTsquery(parseSearchQuery('Baku*'))).toBe("'Baku':*");
    expect(toTsquery(parseSearchQuery('"foreign ministry" envoy'))).toBe(
      "('foreign' <-> 'ministry') & 'envoy'",
    );
    expect(toTsquery(parseSearchQuery('embassy OR pipeline'))).toBe("'embassy' | 'pipeline'");
    // Operators and quotes typed by a user are never tsquery syntax.
    expect(toTsquery(parseSearchQuery("it's & !(x) <-> y:*"))).toBe("('it' <-> 's') & 'x' & 'y'");
  });

  it('carries ts_headline marks over to the text as written', () => {
    const open = '\u0001';
    const close = '\u0002';
    expect(withMarksOf(`${open}Iğdır${close} Nakhchivan`, 'Iğdır–Nakhchivan')).toBe(
      `${open}Iğdır${close}–Nakhchivan`,
    );
    expect(withMarksOf(`the U S  ${open}said${close}`, 'the U.S. said')).toBe(`the U.S. ${open}said${close}`);
  });

  it('separates words on punctuation and symbols, never on letters, digits or marks of any script', () => {
    const re = new RegExp(separatorClass().replace(/\\u([0-9a-f]{4})/g, '\\u$1'), 'u');
    for (const ch of ['-', '–', '.', '/', '@', '_', '’', '«', '+', '€', '\u00a0', '\u200b'])
      expect(re.test(ch), ch).toBe(true);
    for (const ch of ['a', 'ğ', 'ı', 'Ж', 'ب', '中', '7', '٣', '\u0301']) expect(re.test(ch), ch).toBe(false);
  });
});

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`search tokenization: ${engine.name}`, () => {
    it('finds words that punctuation joins: dashes, dots, slashes, plus signs', async () => {
      const store = await engine.open({});
      try {
        const body =
          'The Iğdır–Nakhchivan pipeline was shown on example.org by the U.S. envoy, who flew in on F-16 jets to the 3+3 talks at news/desk.';
        const { id } = await store.saveDocument(makeDoc({ body, title: 'Pipeline day' }));
        for (const q of [
          'Nakhchivan',
          'Igdir* OR Iğdır',
          'example',
          'org',
          '"U.S."',
          'F-16',
          '3+3',
          'desk',
          'news',
        ]) {
          expect(
            (await store.search(q)).map((h) => h.id),
            q,
          ).toEqual([id]);
        }
        const [hit] = await store.search('Nakhchivan', { mark: ['<', '>'] });
        expect(hit!.snippet).toContain('Iğdır–<Nakhchivan>');
      } finally {
        await store.close();
      }
    });
  });
}
