import { describe, expect, it } from 'vitest';
import { bodyDoc } from '../04-actors/test-helpers.js';
import { stage } from './index.js';
import { MAX_SENTENCE_CHARS } from './split.js';
import { winkViewOf } from './wink.js';

const split = (body: string) => stage.run(bodyDoc(body), {}).sentences;

describe('02-sentences', () => {
  it('keeps domain names whole', () => {
    const s = split('The report ran on Example.org today. Officials replied.');
    expect(s.map((x) => x.text)).toEqual(['The report ran on Example.org today.', 'Officials replied.']);
  });

  it('does not end a sentence after Dr.', () => {
    expect(split('Dr. Smith met the minister. They agreed.').map((x) => x.text)).toEqual([
      'Dr. Smith met the minister.',
      'They agreed.',
    ]);
  });

  it('cuts a run of text without sentence ends at clause boundaries', () => {
    const body = 'Ankara and Yerevan talked about trade, '.repeat(200).trim();
    const s = split(body);
    expect(s.length).toBeGreaterThan(5);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(x.text.endsWith(',') || x === s[s.length - 1]).toBe(true);
      expect(body.slice(x.start, x.end)).toBe(x.text);
    }
    // Nothing is lost: the pieces cover every word in order.
    expect(s.map((x) => x.text).join(' ')).toBe(body);
    expect(stage.run(bodyDoc(body), {}).warnings.join(' ')).toMatch(/cut at clause boundaries/);
  });

  it('ends a sentence at a line break', () => {
    expect(split('A headline without a stop\nThe body starts here.').map((x) => x.text)).toEqual([
      'A headline without a stop',
      'The body starts here.',
    ]);
  });

  it('keeps words with Azerbaijani letters whole and offsets exact', () => {
    const body = 'Əliyev met Ərdoğan in Gəncə. Then he left.';
    const s = split(body);
    expect(s).toHaveLength(2);
    for (const x of s) expect(body.slice(x.start, x.end)).toBe(x.text);
    expect(s[0]!.text).toBe('Əliyev met Ərdoğan in Gəncə.');
  });

  it('places every token at its own text, across runs of spaces and line breaks', () => {
    const body = 'Baku  and   Yerevan\n\nsigned it.  "Peace," he said -- at 10:30   a.m.\n  Done.';
    const view = winkViewOf(bodyDoc(body));
    const values = view.wink.tokens().out() as string[];
    expect(view.tokens.map((t) => view.folded.slice(t.start, t.end))).toEqual(values);
    for (let i = 1; i < view.tokens.length; i++)
      expect(view.tokens[i]!.start).toBeGreaterThanOrEqual(view.tokens[i - 1]!.end);
  });

  it('mends a break after an abbreviation, also after a word outside ASCII', () => {
    expect(split('They met Dr. Smith in Gəncə. Talks began.').map((x) => x.text)).toEqual([
      'They met Dr. Smith in Gəncə.',
      'Talks began.',
    ]);
  });

  it('gives nothing for an empty body', () => {
    expect(split('')).toEqual([]);
  });
});
