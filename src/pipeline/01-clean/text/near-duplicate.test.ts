import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copiedLines } from './near-duplicate.js';

/** The rule as plainly as it can be written: string shingles in hash sets. */
function reference(lines: readonly string[], share = 0.7): boolean[] {
  const words = lines.map((l) => l.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
  const sets = words.map((w) => {
    const s = new Set<string>();
    if (w.length >= 4) for (let i = 0; i + 4 <= w.length; i++) s.add(w.slice(i, i + 4).join(' '));
    return s;
  });
  const owners = new Map<string, number>();
  for (const set of sets) for (const s of set) owners.set(s, (owners.get(s) ?? 0) + 1);
  return sets.map((set, i) => {
    if (
      words[i]!.length >= 4 &&
      words.slice(0, i).some((w) => w.length >= 4 && w.join(' ') === words[i]!.join(' '))
    )
      return true;
    if (set.size < 3 || set.size > 80) return false;
    return sets.some((other, j) => {
      if (j === i) return false;
      const owned = [...set].filter((s) => other.has(s) && owners.get(s)! <= 50).length;
      return owned >= set.size * share && (other.size > set.size || (other.size === set.size && j < i));
    });
  });
}

describe('copiedLines', () => {
  it('marks a standfirst that copies a sentence of the body', () => {
    const lines = [
      'Talks failed on Monday in the capital city.',
      'Officials said talks failed on Monday in the capital city after hours of debate.',
    ];
    expect(copiedLines(lines)).toEqual([true, false]);
  });

  it('marks the later of two equal lines, whatever their case and punctuation', () => {
    expect(
      copiedLines([
        'The envoys met again in Baku.',
        'Something else entirely here.',
        'the envoys met AGAIN in baku',
      ]),
    ).toEqual([false, false, true]);
  });

  it('leaves short lines and unrelated paragraphs alone', () => {
    expect(
      copiedLines(['Read more', 'Read more', 'The minister left early.', 'A storm hit the coast today.']),
    ).toEqual([false, false, false, false]);
  });

  it('keeps Azerbaijani and other non-ASCII words whole', () => {
    const lines = [
      'Əliyev və Paşinyan görüşdülər Bakıda dünən axşam.',
      'Rəsmilər bildirdi ki, Əliyev və Paşinyan görüşdülər Bakıda dünən axşam gec.',
    ];
    expect(copiedLines(lines)).toEqual([true, false]);
  });

  it('stops at its caps: a copy of over 80 shingles, a shingle on over 50 lines', () => {
    const words = (n: number, tag: string) => Array.from({ length: n }, (_, k) => `${tag}${k}`).join(' ');
    // 83 words hold 80 shingles, 84 words 81: only the first is short enough to be a copy.
    for (const [n, copied] of [
      [83, true],
      [84, false],
    ] as const)
      expect(copiedLines([words(n, 'w'), `${words(n, 'w')} and more words after it`])).toEqual([
        copied,
        false,
      ]);
    // Copied on 49 longer lines, a line's shingles lie on 50 lines and still count; copied on
    // 50, they lie on 51 and are skipped as boilerplate.
    const short = words(6, 'w');
    for (const [others, copied] of [
      [49, true],
      [50, false],
    ] as const) {
      const lines = [short, ...Array.from({ length: others }, (_, k) => `${short} ${words(3, `x${k}_`)}`)];
      expect(copiedLines(lines)[0]).toBe(copied);
    }
  });

  it('agrees with the plain rule on random pages built from a small vocabulary', () => {
    // Also the odd characters: İ (two units in lower case), astral letters and emoji, a lone
    // surrogate, curly quotes, a no-break space.
    const word = fc.constantFrom(
      'baku',
      'Talks',
      'failed',
      'on',
      'monday',
      'the',
      'envoy',
      'Ərdoğan',
      'met',
      'again',
      'x_1',
      'İzmir',
      '𝐀li',
      'x😀y',
      'a\ud800b',
      '“deal”',
      'no\u00a0way',
      'Baku’s',
    );
    const line = fc.array(word, { maxLength: 14 }).map((w) => w.join(' ') + '.');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(copiedLines(lines)).toEqual(reference(lines));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the plain rule on long pages and long lines (shingles on over 50 lines, lines over 80)', () => {
    // Lines strung from a few fixed eight-word phrases: each phrase recurs on most of 60–80
    // lines, past the 50-line cap on a shingle's owners, and a line of many phrases holds more
    // than 80 distinct shingles, past the cap on a copied line's length.
    const phrases = Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 8 }, (_, w) => `p${p}w${w}`).join(' '),
    );
    const line = fc
      .array(fc.constantFrom(...phrases), { minLength: 1, maxLength: 24 })
      .map((p) => p.join(' ') + '.');
    fc.assert(
      fc.property(fc.array(line, { minLength: 60, maxLength: 80 }), (lines) => {
        expect(copiedLines(lines)).toEqual(reference(lines));
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
