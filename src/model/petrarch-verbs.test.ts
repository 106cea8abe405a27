import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OntologyError } from './errors.js';
import { parsePetrarchVerbs, petrarchToPatterns, readPetrarchVerbs } from './petrarch-verbs.js';
import { join } from 'node:path';
import { SHARED_DIR } from '../../test/shared-dir.js';

const SHARED = join(SHARED_DIR, 'bench/petrarch/dicts/PETR.Validate.verbs.txt');

// A small dictionary in the same format, written for these tests.
const SAMPLE = `<!-- test dictionary -->
&ARMSWORDS   # things one can supply
+WEAPONS
+HEAVY_ARMS

--- MEET  [040:040] ---
MEET {MET MEETS}
- * WITH + [040]   # plain, converts to a phrase
- % * [040:040]
- SAID WOULD * [036]

--- SUPPLY [070] ---
SUPPLY
+HAND_OVER {+HANDED_OVER}
- * &ARMSWORDS TO + [072]
- * FUEL [071]

--- GREET [---] ---
GREET
- $ * + [999]
`;

describe('parsePetrarchVerbs', () => {
  const dict = parsePetrarchVerbs(SAMPLE, 'sample.txt');

  it('reads blocks, verb forms, inflections and codes', () => {
    expect(dict.blocks.map((b) => b.name)).toEqual(['MEET', 'SUPPLY', 'GREET']);
    const meet = dict.blocks[0]!;
    expect(meet.code).toEqual({ raw: '040:040', code: '040', reverse: '040' });
    expect(meet.forms[0]).toMatchObject({
      words: ['MEET'],
      head: 0,
      inflections: [['MET'], ['MEETS']],
      line: 7,
    });
    expect(dict.blocks[2]!.code.code).toBeNull();
    const handOver = dict.blocks[1]!.forms[1]!;
    expect(handOver).toMatchObject({ words: ['HAND', 'OVER'], head: 0, inflections: [['HANDED', 'OVER']] });
  });

  it('splits patterns around the verb and keeps markers, synsets and comments', () => {
    const [withTarget, compound, said] = dict.blocks[0]!.patterns;
    expect(withTarget).toMatchObject({ line: 8, before: [], comment: 'plain, converts to a phrase' });
    expect(withTarget!.after.map((t) => t.kind)).toEqual(['word', 'target']);
    expect(compound!.before).toEqual([{ kind: 'compound', joinNext: false }]);
    expect(said!.before.map((t) => (t.kind === 'word' ? t.text : t.kind))).toEqual(['SAID', 'WOULD']);
    const arms = dict.blocks[1]!.patterns[0]!;
    expect(arms.after[0]).toEqual({ kind: 'synset', name: 'ARMSWORDS', joinNext: false });
    expect(dict.blocks[2]!.patterns[0]!.before).toEqual([{ kind: 'source', joinNext: false }]);
  });

  it('reads synsets with multi-word members', () => {
    expect(dict.synsets.get('ARMSWORDS')?.members).toEqual([['WEAPONS'], ['HEAVY', 'ARMS']]);
  });

  it('keeps "#" inside a code and joins "_" words as adjacent', () => {
    const d = parsePetrarchVerbs('--- X [010] ---\nX\n- IN_* [###]  # note\n', 'x.txt');
    const p = d.blocks[0]!.patterns[0]!;
    expect(p.code.raw).toBe('###');
    expect(p.before).toEqual([{ kind: 'word', text: 'IN', joinNext: true }]);
  });

  it.each([
    ['- * TALKS [031]\n', 1, /outside a "--- NAME \[code\] ---" block/],
    ['--- MEET ---\n', 1, /has no \[code\]/],
    ['--- MEET [031]\n', 1, /must read "--- NAME \[code\] ---"/],
    ['--- MEET [031] ---\nMEET\n- * TALKS\n', 3, /pattern has no \[code\]/],
    ['--- MEET [031] ---\nMEET\n- TALKS [031]\n', 3, /no "\*" for the verb/],
    ['--- MEET [031] ---\nMEET\n- * TALKS [03 1]\n', 3, /bad code/],
    ['--- MEET [031] ---\nMEET {MET\n', 2, /unbalanced "\{"/],
    ['--- MEET [031] ---\nMEET\n- * [031\n', 3, /unbalanced "\["/],
    ['<!-- open\n--- MEET [031] ---\n', 1, /unclosed "<!--"/],
  ])('fails on %j at line %i', (text, line, msg) => {
    try {
      parsePetrarchVerbs(text, 'bad.txt');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OntologyError);
      expect((e as OntologyError).line).toBe(line);
      expect((e as OntologyError).message).toMatch(new RegExp(`^bad\\.txt:${line}: `));
      expect((e as OntologyError).message).toMatch(msg);
    }
  });
});

describe('petrarchToPatterns', () => {
  it('converts plain forms and "* WORD" patterns with CAMEO codes, skipping the rest', () => {
    const { patterns, skipped } = petrarchToPatterns(parsePetrarchVerbs(SAMPLE, 'sample.txt'));
    const byId = new Map(patterns.map((p) => [p.id, p]));
    expect(byId.get('petrarch.meet.form-7')).toMatchObject({
      code: '040',
      symmetric: true,
      trigger: { kind: 'lemma', lemma: 'meet', particle: null },
    });
    expect(byId.get('petrarch.meet.line-8')).toMatchObject({
      code: '040',
      trigger: { kind: 'phrase', text: 'meet with' },
    });
    expect(byId.get('petrarch.supply.form-14')?.trigger).toEqual({
      kind: 'lemma',
      lemma: 'hand',
      particle: 'over',
    });
    expect(byId.get('petrarch.supply.line-16')).toMatchObject({
      code: '071',
      trigger: { text: 'supply fuel' },
    });
    // %-compound, pre-verb words, synsets, $-source and the non-CAMEO 999 are skipped.
    expect(patterns).toHaveLength(5);
    expect(skipped).toBe(5);
  });
});

describe.skipIf(!existsSync(SHARED))('the shared PETR.Validate.verbs.txt', () => {
  it('parses every block and pattern', () => {
    const dict = readPetrarchVerbs(SHARED);
    const patterns = dict.blocks.reduce((n, b) => n + b.patterns.length, 0);
    const forms = dict.blocks.reduce((n, b) => n + b.forms.length, 0);
    const conv = petrarchToPatterns(dict);
    console.log(
      `PETR.Validate.verbs.txt: ${dict.blocks.length} verb blocks, ${forms} verb forms, ${patterns} patterns, ` +
        `${dict.synsets.size} synsets; ${conv.patterns.length} converted to our form, ${conv.skipped} skipped`,
    );
    expect(dict.blocks.length).toBeGreaterThan(150);
    expect(patterns).toBeGreaterThan(300);
    expect(dict.synsets.get('TIETYPES')?.members).toEqual([['MILITARY'], ['ECONOMIC'], ['CULTURAL']]);
    const delay = dict.blocks.find((b) => b.name === 'DELAY');
    expect(delay?.extraCodes.map((c) => c.raw)).toEqual(['031:031']);
    expect(delay?.forms.map((f) => f.words.join(' '))).toEqual(['DELAY', 'DOWNPLAY', 'POSTPONE']);
    expect(dict.blocks.find((b) => b.name === 'TROUBLED')?.code.code).toBeNull();
    const wire = dict.blocks.find((b) => b.name === 'CONFISCATE')?.forms[1];
    expect(wire).toMatchObject({ words: ['WIRE', 'TAP'], head: 1 });
    const restore = dict.blocks.find((b) => b.name === 'RESTORE');
    expect(restore?.patterns.map((p) => p.code.raw)).toContain('###');
    expect(dict.blocks.find((b) => b.name === 'LASH OUT')?.forms[0]?.words).toEqual(['LASH', 'OUT']);
  });
});
