import { describe, expect, it } from 'vitest';
import { patternRegistry, type PatternRegistry } from '../../model/patterns.js';
import { processArticle } from '../index.js';
import { coderCues } from './coder-cues.js';
import { sentenceChunks, splitClauses } from './coder.js';
import { sentenceFacts } from './sentence-facts.js';
import { tokenize } from './tokens.js';
import { inList, lemmaCandidates, listBit, wordOf } from './words.js';

describe('word records', () => {
  it('shares one record per lemma and form, with its lemma candidates', () => {
    const a = wordOf('accuse', 'accused');
    expect(wordOf('accuse', 'accused')).toBe(a);
    expect(wordOf('accused', 'accused')).not.toBe(a);
    expect(a.forms).toContain('accuse');
    expect(lemmaCandidates({ lemma: 'accuse', lower: 'accused' })).toBe(a.forms);
  });

  it('answers list membership by form or lemma, the same on every asking, for many lists', () => {
    // More lists than memo bits: the later ones are asked directly and must agree all the same.
    const lists = Array.from({ length: 40 }, (_, k) => new Set([`w${k}`, k % 2 ? 'shared' : 'other']));
    const words = [
      wordOf('w3', 'w3s'),
      wordOf('x', 'w7'),
      wordOf('shared', 'shared'),
      wordOf('none', 'none'),
    ];
    for (let round = 0; round < 2; round++)
      lists.forEach((list) => {
        const bit = listBit(list);
        for (const w of words) expect(inList(w, list, bit)).toBe(list.has(w.lower) || list.has(w.lemma));
      });
    expect(listBit(lists[39]!)).toBe(0);
  });
});

describe('sentence facts', () => {
  it('aligns each token with its word record, once per token array', () => {
    const toks = tokenize('Iran accused Azerbaijan of helping Israel.');
    const f = sentenceFacts(toks);
    expect(sentenceFacts(toks)).toBe(f);
    expect(f.words.map((w) => w.lower)).toEqual(toks.map((t) => t.lower));
    expect(f.words.map((w) => w.lemma)).toEqual(toks.map((t) => t.lemma));
    expect([...f.ends]).toEqual(toks.map((t) => t.end));
  });

  it('hands out fresh clauses cut the same way on every call', () => {
    const toks = tokenize('Talks collapsed in May after Armenia captured the town.');
    const first = splitClauses(toks, coderCues());
    const again = splitClauses(toks, coderCues());
    expect(again).not.toBe(first);
    expect(again[0]).not.toBe(first[0]);
    expect(again.map((c) => [c.start, c.end, c.opener])).toEqual(
      first.map((c) => [c.start, c.end, c.opener]),
    );
    expect(first.length).toBeGreaterThan(1);
  });

  it('builds chunks once for the same spans and again for other spans', () => {
    const text = 'Iran and Azerbaijan held talks.';
    const toks = tokenize(text);
    const span = (word: string, state: string) => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, actorId: state, state, kind: 'state' };
    };
    const spans = [span('Iran', 'IRN'), span('Azerbaijan', 'AZE')];
    const chunks = sentenceChunks(toks, spans, coderCues());
    expect(chunks.map((c) => c.state)).toEqual(['IRN', 'AZE']);
    expect(
      sentenceChunks(
        toks,
        spans.map((s) => ({ ...s })),
        coderCues(),
      ),
    ).toBe(chunks);
    const other = sentenceChunks(toks, spans.slice(0, 1), coderCues());
    expect(other).not.toBe(chunks);
    expect(other.map((c) => c.state)).toEqual(['IRN']);
  });
});

describe('pattern hits on shared word records', () => {
  it('keeps two pattern sets in one process apart, whichever asked first', () => {
    // A word record remembers the patterns it may trigger; another set must not read them.
    const all = patternRegistry();
    const noSummon: PatternRegistry = {
      ...all,
      patterns: all.patterns.filter((p) => !(p.trigger.kind === 'lemma' && p.trigger.lemma === 'summon')),
    };
    const code = (patterns: PatternRegistry) =>
      processArticle(
        {
          input: 't',
          format: 'plain',
          raw: 'Azerbaijan summoned the Iranian ambassador on Monday.',
          hints: { published: '2024-06-01' },
          warnings: [],
        },
        { patterns } as Parameters<typeof processArticle>[1],
      ).events.map((e) => `${e.source}>${e.target} ${e.code}`);
    for (let round = 0; round < 2; round++) {
      expect(code(noSummon)).not.toContain('AZE>IRN 114');
      expect(code(all)).toContain('AZE>IRN 114');
    }
  });
});
