import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/types.js';
import { decodeDoc, encodeDoc } from './doc-codec.js';

// Own words: a two-sentence body with one event, claim, relation, mention and date on it.
const body = 'Ruritania recalled its envoy from Freedonia on Monday. Freedonia called it a mistake.';
const doc = {
  input: 'a.txt',
  url: null,
  format: 'text',
  title: 'Envoy recalled',
  published: '2024-05-06',
  author: null,
  outlet: null,
  warnings: [],
  reference: { date: '2024-05-06', estimated: false },
  sentences: [
    { index: 0, start: 0, end: 54, text: body.slice(0, 54) },
    { index: 1, start: 55, end: 86, text: body.slice(55, 86) },
  ],
  mentions: [{ start: 0, end: 9, text: 'Ruritania', actorId: 'RUR', sentence: 0, rule: 'gazetteer:name' }],
  actors: [
    {
      id: 'RUR',
      kind: 'state',
      name: 'Ruritania',
      country: 'RUR',
      role: null,
      sector: null,
      mentions: [{ text: 'Ruritania', start: 0, end: 9 }],
    },
  ],
  dates: [
    {
      start: 45,
      end: 53,
      text: 'Monday',
      value: '2024-05-06',
      precision: 'day',
      estimated: false,
      rule: 'weekday',
    },
  ],
  events: [{ code: '161', quote: body.slice(0, 54), start: 0, end: 54, rule: 'recall' }],
  // A quote that is not the body slice (tidied) stays as written.
  claims: [
    {
      claimant: 'FRE',
      about: 'RUR',
      text: 'a mistake',
      quote: 'Freedonia called it  a mistake.',
      start: 55,
      end: 86,
    },
  ],
  relations: [{ a: 'RUR', b: 'FRE', type: 'tension', quote: body.slice(55, 86), start: 55, end: 86 }],
  body,
} as unknown as Doc;

describe('doc codec', () => {
  it('gives back an equal document, key order included', () => {
    const back = decodeDoc(encodeDoc(doc), body);
    expect(back).toEqual(doc);
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc));
  });

  it('leaves out the texts the offsets rebuild, and keeps one that differs', () => {
    const json = encodeDoc(doc);
    expect(json).not.toContain('recalled its envoy');
    expect(json).not.toContain('"body"');
    expect(json).toContain('Freedonia called it  a mistake.');
    // "Monday" does not fill its offsets (45–53 is "n Monday"), so it is kept.
    expect(json).toContain('"Monday"');
    expect(json.length).toBeLessThan(JSON.stringify(doc).length - 150);
  });

  it('reads JSON written before the encoding unchanged', () => {
    const { body: _b, ...rest } = doc;
    expect(decodeDoc(JSON.stringify(rest), body)).toEqual(doc);
  });
});
