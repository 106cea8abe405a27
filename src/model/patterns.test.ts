import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import worldCountries, { type Country } from 'world-countries';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { cameoRegistry } from './cameo.js';
import { OntologyError } from './errors.js';
import {
  loadPatterns,
  patternRegistry,
  specificity,
  spellingVariants,
  type EventPattern,
} from './patterns.js';

const countries = worldCountries as unknown as Country[];
const nlp = winkNLP(model);
const its = nlp.its;

/** Every way an example may name a state: common/official names, demonyms, capitals. */
function stateNames(iso3: string): string[] {
  // world-countries files Kosovo under the placeholder "UNK"; ISO's user-assigned code is XKX.
  const c = countries.find((x) => x.cca3 === (iso3 === 'XKX' ? 'UNK' : iso3));
  if (!c) return [];
  const generic = /^(republic|kingdom|state|states|democratic|people's|islamic|federal|united|arab|of|the)$/i;
  const full = [
    c.name.common,
    c.name.official,
    ...c.altSpellings.filter((s) => s.length > 3),
    c.demonyms?.eng?.m ?? '',
    c.demonyms?.eng?.f ?? '',
    ...c.capital.map((s) => s.split(' ')[0] ?? s),
  ].filter(Boolean);
  const words = full
    .flatMap((s) => s.split(/[\s,]+/))
    .filter((w) => /^\p{Lu}/u.test(w) && w.length > 3 && !generic.test(w));
  return [...new Set([...full, ...words])];
}

function mentionsState(example: string, iso3: string): boolean {
  return stateNames(iso3).some((n) => example.includes(n));
}

/** True when the example contains `word` as a lemma, a surface form, or (for compounds) a stem. */
function containsWord(tokens: { text: string; lemma: string }[], lower: string, word: string): boolean {
  const variants = spellingVariants(word);
  if (tokens.some((t) => variants.includes(t.lemma) || variants.includes(t.text))) return true;
  // Hyphenated and compound words are split differently by the tokenizer; fall back to a stem.
  return variants.some((v) => lower.includes(v.length > 4 ? v.slice(0, -2) : v));
}

function triggerWords(p: EventPattern): string[] {
  const t = p.trigger;
  if (t.kind === 'lemma') return [t.lemma, ...(t.particle ? [t.particle] : [])];
  if (t.kind === 'phrase') return [...t.content];
  return t.noun.split(' ');
}

function tmpDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'patterns-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD = `root: "04"
patterns:
  - id: test.visit
    code: "042"
    lemma: drop
    particle: by
    paired: "043"
    example: Peru's minister dropped by Chile.
    expect: {source: PER, target: CHL, code: "042"}
`;

describe('pattern registry', () => {
  const reg = patternRegistry();

  it('loads over 300 patterns covering every CAMEO root', () => {
    expect(reg.patterns.length).toBeGreaterThanOrEqual(300);
    const roots = new Set(reg.patterns.map((p) => p.root));
    expect([...roots].sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('is frozen', () => {
    expect(Object.isFrozen(reg.patterns)).toBe(true);
    expect(Object.isFrozen(reg.patterns[0])).toBe(true);
  });

  it('indexes by lemma, phrase head and noun', () => {
    expect(reg.byLemma.get('visit')?.map((p) => p.id)).toContain('visit.verb');
    expect(reg.byPhraseHead.get('impose')?.map((p) => p.id)).toContain('impose-sanctions.phrase');
    expect(reg.byNoun.get('visit')?.map((p) => p.id)).toEqual(
      expect.arrayContaining(['visit.noun', 'state-visit.noun']),
    );
    // Compound nouns sit under their head, most specific first.
    expect(reg.byNoun.get('withdrawal')?.[0]?.id).toBe('withdrawal-from-deal.noun');
    expect(reg.byId.get('phone-call.noun')?.trigger).toEqual({
      kind: 'noun',
      noun: 'phone call',
      words: ['phone', 'call'],
      head: 'call',
    });
    expect(reg.byId.get('visit.verb')).toMatchObject({
      code: '042',
      paired: '043',
      source: 'subject',
      target: 'object',
    });
  });

  it('finds British and American spellings under one key', () => {
    expect(reg.byLemma.get('criticise')?.map((p) => p.id)).toContain('criticize.verb');
    expect(reg.byLemma.get('criticize')?.map((p) => p.id)).toContain('criticize.verb');
  });

  it('orders each index entry most specific first', () => {
    const accuse = reg.byLemma.get('accuse') ?? [];
    expect(accuse.length).toBeGreaterThan(1);
    expect(accuse.at(-1)?.id).toBe('accuse.verb');
    for (let i = 1; i < accuse.length; i++)
      expect(specificity(accuse[i - 1]!)).toBeGreaterThanOrEqual(specificity(accuse[i]!));
  });

  it('names only codes that exist', () => {
    const codes = cameoRegistry().byCode;
    for (const p of reg.patterns) {
      expect(codes.has(p.code), p.id).toBe(true);
      if (p.paired) expect(codes.has(p.paired), p.id).toBe(true);
    }
  });
});

describe('pattern examples', () => {
  const reg = patternRegistry();
  it.each(reg.patterns.map((p) => [p.id, p] as const))(
    '%s: example holds its trigger and names both states',
    (_id, p) => {
      const doc = nlp.readDoc(p.example);
      expect(doc.sentences().length(), 'one sentence').toBe(1);
      const lemmas = doc.tokens().out(its.lemma as never) as string[];
      const texts = doc.tokens().out() as string[];
      const tokens = texts.map((text, i) => ({
        text: text.toLowerCase(),
        lemma: (lemmas[i] ?? text).toLowerCase(),
      }));
      const lower = p.example.toLowerCase();
      for (const w of triggerWords(p))
        expect(containsWord(tokens, lower, w), `trigger word "${w}"`).toBe(true);
      expect(mentionsState(p.example, p.expect.source), `source ${p.expect.source}`).toBe(true);
      expect(mentionsState(p.example, p.expect.target), `target ${p.expect.target}`).toBe(true);
      expect([p.code, p.paired]).toContain(p.expect.code);
    },
  );
});

describe('pattern loading errors', () => {
  const load = (text: string) => () =>
    loadPatterns({ includeDefault: false, dirs: [tmpDir({ 'x.yaml': text })] });

  it('loads an extra folder next to the default one', () => {
    const reg = loadPatterns({ dirs: [tmpDir({ 'extra.yaml': GOOD })] });
    expect(reg.byId.get('test.visit')?.trigger).toEqual({ kind: 'lemma', lemma: 'drop', particle: 'by' });
    expect(reg.patterns.length).toBe(patternRegistry().patterns.length + 1);
  });

  it('names file, line and field of an unknown code', () => {
    try {
      load(GOOD.replace('code: "042"', 'code: "049"'))();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OntologyError);
      const err = e as OntologyError;
      expect(err.file).toMatch(/x\.yaml$/);
      expect(err.line).toBe(4);
      expect(err.field).toBe('patterns.0.code');
      expect(err.message).toMatch(/x\.yaml:4 \(field patterns\.0\.code\): code "049" is not a cameo code/);
    }
  });

  it('names the line of a schema error', () => {
    try {
      load(GOOD.replace('particle: by', 'particle: By'))();
      expect.unreachable();
    } catch (e) {
      expect((e as OntologyError).line).toBe(6);
      expect((e as OntologyError).field).toBe('patterns.0.particle');
    }
  });

  it('rejects unknown fields, missing or double triggers, wrong roots and bad roles', () => {
    expect(load(GOOD.replace('particle: by', 'particle: by\n    colour: red'))).toThrow(/patterns\.0/);
    expect(load(GOOD.replace('    lemma: drop\n    particle: by\n', ''))).toThrow(
      /exactly one of lemma, phrase or noun/,
    );
    expect(load(GOOD.replace('    lemma: drop\n', '    lemma: drop\n    noun: drop\n'))).toThrow(
      /exactly one of/,
    );
    expect(load(GOOD.replace('root: "04"', 'root: "05"'))).toThrow(/not under this file's root "05"/);
    expect(load(GOOD.replace('paired: "043"', 'target: sideways'))).toThrow(/patterns\.0\.target/);
    expect(
      load(GOOD.replace('code: "042"\n    lemma', 'code: "042"\n    symmetric: true\n    lemma')),
    ).toThrow(/symmetric or paired/);
    expect(load('root: "04"\npatterns: [\n')).toThrow(/not valid yaml/);
  });

  it('rejects a noun pattern without roles and an expect code it cannot produce', () => {
    const noun = GOOD.replace('    lemma: drop\n    particle: by\n', '    noun: drop\n');
    expect(load(noun)).toThrow(/must say where source and target sit/);
    expect(
      load(
        GOOD.replace(
          'expect: {source: PER, target: CHL, code: "042"}',
          'expect: {source: PER, target: CHL, code: "040"}',
        ),
      ),
    ).toThrow(/expect\.code "040" is neither code nor paired/);
  });

  it('rejects a pattern id used twice, naming the first place', () => {
    const dir = tmpDir({ 'a.yaml': GOOD, 'b.yaml': GOOD });
    expect(() => loadPatterns({ includeDefault: false, dirs: [dir] })).toThrow(
      /pattern id "test.visit" is already used at .*a\.yaml:3/,
    );
  });

  it('rejects a missing folder', () => {
    expect(() => loadPatterns({ includeDefault: false, dirs: ['/no/such/dir'] })).toThrow(
      /not a folder of pattern files/,
    );
  });
});
