import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toContract } from '../../src/model/contract.js';
import type { Doc, RawFormat } from '../../src/model/types.js';
import { processArticle } from '../../src/pipeline/index.js';

/**
 * Property-based fuzzing of the whole extractor (clean → sentences → mentions → actors → dates →
 * events → claims): on any input it returns a document and never throws, and every span it
 * reports indexes the cleaned body exactly. Seeded, so a failure reproduces.
 */

// Words that make the later stages fire (actors, verbs, dates, claim cues), mixed with
// punctuation, markup and odd Unicode so the generator reaches every stage.
const WORDS = [
  'Iran',
  'Azerbaijan',
  'Baku',
  'Tehran',
  'Israel',
  "Israel's",
  'Turkey',
  'Armenia',
  'Russia',
  'Moscow',
  'the',
  'foreign',
  'ministry',
  'President',
  'Aliyev',
  'Erdogan',
  'said',
  'denied',
  'accused',
  'of',
  'hosting',
  'signed',
  'an',
  'agreement',
  'with',
  'arrested',
  'two',
  'were',
  'by',
  'and',
  'not',
  'did',
  'could',
  'attack',
  'talks',
  'visit',
  'to',
  'in',
  'on',
  'Monday',
  'January',
  '2024',
  'last',
  'month',
  '1992-94',
  'early',
  '2000s',
  '"',
  '“',
  '”',
  "'",
  ',',
  '.',
  ';',
  ':',
  '(',
  ')',
  '-',
  '—',
  '\n',
  '\n\n',
  '<p>',
  '</p>',
  '<div>',
  '&amp;',
  '&nbsp;',
  'ğ',
  'ş',
  'ı',
  'İ',
  'ə',
  'Ə',
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\uD800',
  '😀',
  'ﬁ',
  'e\u0301',
  'JNS.org',
  'U.S.',
  'Dr.',
  'No.',
];

const word = fc.constantFrom(...WORDS);
const newsish = fc.array(word, { maxLength: 80 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(
  newsish,
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const format = fc.constantFrom<RawFormat>('plain', 'text', 'html', 'markdown');

function run(raw: string, fmt: RawFormat): Doc {
  return processArticle(
    { input: 'fuzz.txt', format: fmt, raw, hints: {}, warnings: [] },
    { published: '2024-03-01' },
  );
}

/** Every reported span must lie inside the body and quote it exactly. */
function checkSpans(doc: Doc): void {
  const n = doc.body.length;
  for (const m of doc.mentions) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(n);
    expect(doc.body.slice(m.start, m.end)).toBe(m.text);
  }
  for (const e of doc.events) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(n);
    expect(doc.body.slice(e.start, e.end)).toBe(e.quote);
  }
  for (const c of doc.claims) expect(doc.body.slice(c.start, c.end)).toBe(c.quote);
  for (const r of doc.relations) expect(doc.body.slice(r.start, r.end)).toBe(r.quote);
}

describe('extractor under fuzzing', () => {
  it('never throws, and every span quotes the body exactly', () => {
    fc.assert(
      fc.property(anyText, format, (raw, fmt) => {
        const doc = run(raw, fmt);
        checkSpans(doc);
        // The JSON contract is built from every document without throwing.
        expect(() => JSON.stringify(toContract(doc))).not.toThrow();
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it('codes events on generated news-like text (the generator reaches the coder)', () => {
    // Guards the property above against a generator that never exercises the later stages.
    const samples = fc.sample(newsish, { seed: 7, numRuns: 300 });
    const withEvents = samples.filter((s) => run(s, 'plain').events.length > 0).length;
    expect(withEvents).toBeGreaterThan(5);
  });
});
