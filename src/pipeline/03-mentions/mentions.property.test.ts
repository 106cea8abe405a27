import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readActors } from '../04-actors/test-helpers.js';

const pieces = [
  'Iran',
  "'s",
  '’s',
  ' ',
  '\n',
  '.',
  ',',
  'President',
  'the',
  'Dr',
  'Ə',
  'ğ',
  '(',
  ')',
  'Baku',
  'Aliyev',
  'of',
  'and',
  'its',
  'embassy',
  'a',
  '-',
  '\u00a0',
  '🙂',
  '"',
  'Ministry',
];

describe('sentences → mentions → actors on odd text', () => {
  it('never throws, and every mention indexes the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')),
        ),
        (body) => {
          const doc = readActors(body, '2020-01-01');
          for (const m of doc.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(body.length);
            expect(body.slice(m.start, m.end)).toBe(m.text);
          }
          for (const s of doc.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
