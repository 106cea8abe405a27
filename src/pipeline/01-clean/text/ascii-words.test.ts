import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spaceNonAsciiNonWords } from './ascii-words.js';
import { countTokens } from './line-kind.js';
import { tidyLine } from './normalize.js';

// The fast ASCII forms must find exactly what the Unicode property regexes they replace find.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'Z',
        '9',
        '_',
        ' ',
        '  ',
        '\u00a0',
        '\t',
        '’',
        '“',
        'İ',
        'ß',
        'Σ',
        '𝐀',
        '\ud835',
        'ǅ',
        '½',
        '-',
      ),
      {
        maxLength: 16,
      },
    )
    .map((xs) => xs.join('')),
);

describe('ASCII fast paths', () => {
  it('spaceNonAsciiNonWords + an ASCII regex finds the runs of [^\\p{L}\\p{N}] and [\\p{L}\\p{N}_]', () => {
    fc.assert(
      fc.property(text, (s) => {
        const lower = s.toLowerCase();
        const marked = spaceNonAsciiNonWords(lower);
        expect(marked.replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')).toBe(lower.replace(/[^\p{L}\p{N}]+/gu, ' '));
        expect(marked.match(/[a-z0-9_\u0080-\uffff]+/g)).toEqual(lower.match(/[\p{L}\p{N}_]+/gu));
      }),
      { numRuns: 3000 },
    );
  });

  it('countTokens counts the runs of [\\p{L}\\p{N}_]', () => {
    expect(countTokens("Baku's 2 envoys")).toBe(4);
    fc.assert(
      fc.property(text, (s) => countTokens(s) === (s.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0)),
      { numRuns: 3000 },
    );
  });

  it('tidyLine collapses every Unicode space run and trims', () => {
    fc.assert(
      fc.property(
        text,
        (s) => tidyLine(s) === s.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu, ' ').trim(),
      ),
      { numRuns: 3000 },
    );
  });
});
