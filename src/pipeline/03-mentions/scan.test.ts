import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultActorRegistry } from '../../model/actors.js';
import { tokenize } from '../../model/actors-tokens.js';
import { FIRST, Scan, firstBits } from './scan.js';

const reg = defaultActorRegistry();
const lex = reg.lexicon;

// Written for this test: titles, role nouns, determiners, anaphora and names side by side.
const TEXT =
  'The foreign minister of Ruritania met a political analyst in Baku; the country’s envoy and ' +
  'Dr Jane Roe, an Azerbaijani official, said the group would meet the President again.';

/** Each pre-check bit, with the list it stands for. */
const LISTS: [number, (key: string, tokens: ReturnType<typeof tokenize>, i: number) => boolean][] = [
  [FIRST.title, (_k, t, i) => lex.titles.longestAt(t, i) !== null],
  [FIRST.honorific, (_k, t, i) => lex.honorifics.longestAt(t, i) !== null],
  [FIRST.titleModifier, (k) => lex.titleModifiers.has(k)],
  [FIRST.roleNoun, (_k, t, i) => lex.roleNouns.longestAt(t, i) !== null],
  [FIRST.orgNoun, (_k, t, i) => lex.orgNouns.longestAt(t, i) !== null],
  [FIRST.anaphora, (_k, t, i) => lex.anaphora.longestAt(t, i) !== null],
  [FIRST.determiner, (k) => lex.determiners.has(k)],
  [FIRST.gazetteer, (_k, t, i) => reg.gazetteer.longestAt(t, i) !== null],
];

describe('Scan.startsAny', () => {
  it('is never false where a list matches (the pre-check only skips impossible words)', () => {
    const tokens = tokenize(TEXT);
    const scan = new Scan(reg, tokens, 0, null, []);
    let matched = 0;
    for (let i = 0; i < tokens.length; i++) {
      for (const [bit, matches] of LISTS) {
        if (!matches(tokens[i]!.key, tokens, i)) continue;
        matched++;
        expect(scan.startsAny(i, bit), `${tokens[i]!.text} (bit ${bit})`).toBe(true);
      }
    }
    // The text must exercise the lists, or the loop above proves nothing.
    expect(matched).toBeGreaterThan(8);
  });

  it('is exact for the word sets and false past the end', () => {
    const tokens = tokenize('the envoy said');
    const bits = firstBits(reg, tokens);
    expect(bits[0]! & FIRST.determiner).toBe(FIRST.determiner);
    expect(bits[2]! & FIRST.determiner).toBe(0);
    const scan = new Scan(reg, tokens, 0, null, [], bits);
    expect(scan.startsAny(tokens.length, 0xffff)).toBe(false);
  });
});

describe('tokenize keys', () => {
  it('are the lower-cased text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const t of tokenize(s)) expect(t.key).toBe(t.text.toLowerCase());
      }),
    );
    expect(tokenize('ÖZ Baku').map((t) => t.key)).toEqual(['oz', 'baku']);
  });
});
