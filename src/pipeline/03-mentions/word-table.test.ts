import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultActorRegistry, loadActorRegistry } from '../../model/actors.js';
import { tokenize, tokenizeFolded } from '../../model/actors-tokens.js';
import { foldText } from '../text-map.js';
import { longestPhraseAt, phraseNodesAt, triesOf } from './phrase-trie.js';
import { FIRST, firstBits, firstBitsOfWords } from './scan.js';
import { spaced, wordTokens } from './word-table.js';

const reg = defaultActorRegistry();

// Pieces that exercise every branch of the tokenizer: ASCII and folded letters, marks, digits,
// spaces of several kinds, a lone surrogate and an astral character.
const pieces = [
  'Iran',
  "'s",
  '’s',
  ' ',
  '\n',
  '\u00a0',
  '.',
  ',',
  'Ə',
  'ğ',
  'Baku',
  'the',
  '-',
  '2023',
  'ß',
  'İ',
  '😀',
  '\ud800',
  'Straße',
  'x',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 30 })
  .map((xs) => xs.join(''));

describe('wordTokens', () => {
  it('gives the tokens tokenizeFolded gives, on any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldText(s);
        expect(wordTokens(folded).tokens).toEqual(tokenizeFolded(folded));
      }),
      { numRuns: 300 },
    );
  });

  it('gives one id per distinct token text, and the same key string to each occurrence', () => {
    const { tokens, ids } = wordTokens(foldText('The envoy met the envoy of the Envoy.'));
    const byText = new Map<string, number>();
    tokens.forEach((t, k) => {
      const had = byText.get(t.text);
      if (had === undefined) byText.set(t.text, ids[k]!);
      else expect(ids[k]).toBe(had);
    });
    expect(new Set(ids).size).toBe(byText.size);
    expect(tokens[1]!.key).toBe(tokens[4]!.key);
    expect(tokens[7]!.key).toBe('envoy');
  });

  it('gives the per-token bits firstBits gives', () => {
    const folded = foldText(
      'The foreign minister of Ruritania met Dr Jane Roe, an analyst, in Baku’s embassy.',
    );
    const words = wordTokens(folded);
    expect([...firstBitsOfWords(reg, words, 0, words.tokens.length)]).toEqual([
      ...firstBits(reg, tokenize(folded)),
    ]);
    // A second reading takes the memoised bits and must agree too.
    expect([...firstBitsOfWords(reg, words, 2, 5)]).toEqual([...firstBits(reg, words.tokens.slice(2, 5))]);
  });

  it('keeps each registry its own word bits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'word-bits-'));
    fs.writeFileSync(
      path.join(dir, 'mine.yaml'),
      '- id: org:zorblax-shipping\n  kind: org\n  name: Zorblax Shipping\n  country: AZE\n',
    );
    const mine = loadActorRegistry({ extraDirs: [dir] });
    fs.rmSync(dir, { recursive: true, force: true });
    const words = wordTokens(foldText('Zorblax Shipping said'));
    // The default registry reads the word first: its memo must not answer for the other.
    expect(firstBitsOfWords(reg, words, 0, 1)[0]! & FIRST.gazetteer).toBe(0);
    expect(firstBitsOfWords(mine, words, 0, 1)[0]! & FIRST.gazetteer).toBe(FIRST.gazetteer);
    expect(firstBitsOfWords(reg, words, 0, 1)[0]! & FIRST.gazetteer).toBe(0);
  });

  it('starts the table afresh when it is full, and no memoised bits outlive it', () => {
    // More distinct words than the table holds (1 << 17), none of them in a list.
    const big = Array.from({ length: 140_000 }, (_, k) => `zq${k}`).join(' ');
    wordTokens(big);
    // The table is now over full: this reading starts it afresh, so the words take ids 0, 1, ….
    const full = wordTokens(big);
    expect(full.ids[0]).toBe(0);
    firstBitsOfWords(reg, full, 0, full.tokens.length);
    const words = wordTokens(foldText('The foreign minister'));
    expect(words.generation).not.toBe(full.generation);
    expect(words.ids[0]).toBe(0);
    expect([...firstBitsOfWords(reg, words, 0, 3)]).toEqual([
      ...firstBits(reg, tokenize('The foreign minister')),
    ]);
  });

  it('spaced keeps the token and sets space', () => {
    const t = tokenize('a-b')[2]!;
    expect(t.space).toBe(false);
    expect(spaced(t)).toEqual({ ...t, space: true });
  });
});

describe('phrase tries', () => {
  const lex = reg.lexicon;
  const indexes = [
    ['gazetteer', reg.gazetteer],
    ['titles', lex.titles],
    ['honorifics', lex.honorifics],
    ['organs', lex.organs],
    ['anaphora', lex.anaphora],
    ['descriptions', lex.descriptions],
  ] as const;
  // Words from the lists themselves, so that matches (and near misses) are frequent.
  const words = [
    ...new Set(
      indexes.flatMap(([, ix]) =>
        [...ix.firstKeys()].flatMap((k) => ix.startingWith(k).flatMap((p) => p.keys)),
      ),
    ),
  ].slice(0, 400);
  const tokens = fc
    .array(fc.constantFrom(...words, 'said', ','), { maxLength: 12 })
    .map((ws) => tokenize(ws.join(' ')));

  it('find the longest phrase PhraseIndex.longestAt finds, with the same value', () => {
    const tries = triesOf(reg);
    let found = 0;
    fc.assert(
      fc.property(tokens, (ts) => {
        for (const [name, ix] of indexes) {
          for (let i = -1; i <= ts.length; i++) {
            const want = ix.longestAt(ts, i);
            const got = longestPhraseAt(tries[name] as never, ts, i) as typeof want;
            expect(got && { length: got.length, value: got.value }).toEqual(want);
            if (want) found++;
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(found).toBeGreaterThan(50);
  });

  it('list every phrase matchesAt lists, by length', () => {
    const tries = triesOf(reg);
    fc.assert(
      fc.property(tokens, (ts) => {
        for (let i = 0; i < ts.length; i++) {
          const want = reg.gazetteer.matchesAt(ts, i);
          const got = phraseNodesAt(tries.gazetteer, ts, i, [])
            .reverse()
            .flatMap((n) => n.values.map((value) => ({ length: n.match!.length, value })));
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });
});
