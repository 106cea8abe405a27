import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { cameoRegistry, type CameoRegistry } from './cameo.js';
import { InputError, OntologyError } from './errors.js';
import { parseLocatedYaml } from './patterns-yaml.js';

/**
 * Where an actor sits relative to the trigger. `subject`/`object` are the verb's arguments
 * (the coder swaps them for passives: "by" agent → source); `possessor` is "X's" or "of X"
 * before/after a noun ("Iran's drills"); `adjective` is a demonym modifier ("Turkish strikes");
 * prepositions name the phrase that follows the trigger ("talks with X"); `anti` is the actor of an
 * "anti-X" modifier before a noun ("anti-Israel rhetoric"); `clause` is the subject of
 * the complement clause ("insisted that X ..."); `none` = no actor slot.
 */
export const ROLES = [
  'subject',
  'object',
  'possessor',
  'adjective',
  'by',
  'of',
  'with',
  'against',
  'to',
  'on',
  'from',
  'in',
  'for',
  'at',
  'into',
  'over',
  'near',
  'toward',
  'about',
  'between',
  'among',
  'across',
  'anti',
  'clause',
  'none',
] as const;
export type Role = (typeof ROLES)[number];

export type Trigger =
  | { kind: 'lemma'; lemma: string; particle: string | null }
  | { kind: 'phrase'; text: string; words: readonly string[]; content: readonly string[] }
  /** `head` is the last word ("troop withdrawal" → "withdrawal"); the other words must precede it. */
  | { kind: 'noun'; noun: string; words: readonly string[]; head: string };

/** One validated, frozen event pattern. */
export interface EventPattern {
  id: string;
  code: string;
  root: string;
  trigger: Trigger;
  source: Role;
  target: Role;
  /** Code the same both ways ("X and Y clashed" → X→Y and Y→X). */
  symmetric: boolean;
  /** Also emit this code with source and target swapped (visit 042 → host 043). */
  paired: string | null;
  /** Also code the targets' own interaction with this code ("brought X and Y to talks" → X→Y 046). */
  mediated: string | null;
  /**
   * May source and target be the same state? `null` follows the root (protests, coercion,
   * assaults and fights may be domestic); `false` for acts that need a foreign target
   * ("recaptured" one's own province says nothing about whom it was taken from).
   */
  domestic: boolean | null;
  /** At least one of these words (lemma or surface, lowercase) must occur in the clause. */
  requires: readonly string[];
  /** None of these words may occur in the clause. */
  excludes: readonly string[];
  example: string;
  expect: Readonly<{ source: string; target: string; code: string }>;
  file: string;
  line: number | null;
}

export interface PatternRegistry {
  patterns: readonly EventPattern[];
  byId: ReadonlyMap<string, EventPattern>;
  /** Verb lemma → patterns (including lemma+particle ones). Spelling variants share a key. */
  byLemma: ReadonlyMap<string, readonly EventPattern[]>;
  /** First content word of a phrase → phrase patterns. */
  byPhraseHead: ReadonlyMap<string, readonly EventPattern[]>;
  /** Head noun (last word of a compound, singular) → nominal patterns. */
  byNoun: ReadonlyMap<string, readonly EventPattern[]>;
}

export const PATTERNS_DIR = fileURLToPath(new URL('../../ontology/events/patterns/', import.meta.url));

/** Articles are optional inside phrases: "sign an agreement" also matches "signed agreements". */
const OPTIONAL_WORDS = new Set(['a', 'an', 'the']);

const Code = z.string().regex(/^\d{2,4}$/, 'must be a quoted 2-4 digit cameo code');
const Word = z
  .string()
  .min(1)
  .regex(/^[a-z][a-z' -]*$/, 'must be lowercase words');
const State = z.string().regex(/^[A-Z]{3}$/, 'must be an iso alpha-3 state code');

const PatternEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lowercase words joined by "." or "-"'),
  code: Code,
  lemma: Word.optional(),
  particle: Word.optional(),
  phrase: Word.optional(),
  noun: Word.optional(),
  source: z.enum(ROLES).optional(),
  target: z.enum(ROLES).optional(),
  symmetric: z.boolean().optional(),
  paired: Code.optional(),
  mediated: Code.optional(),
  domestic: z.boolean().optional(),
  requires: z.array(Word).min(1).optional(),
  excludes: z.array(Word).min(1).optional(),
  example: z.string().min(8),
  expect: z.strictObject({ source: State, target: State, code: Code }),
});
type PatternEntry = z.infer<typeof PatternEntry>;

const PatternFile = z.strictObject({
  root: z.string().regex(/^(0[1-9]|1\d|20)$/, 'must be a quoted cameo root "01"-"20"'),
  patterns: z.array(PatternEntry).min(1),
});

/**
 * Index keys for a word: itself plus its British/American spelling twin (criticise/criticize,
 * mobilisation/mobilization), because lemmatisers normalise one way and writers use both.
 *
 * @example spellingVariants('criticise') // ['criticise', 'criticize']
 */
export function spellingVariants(word: string): string[] {
  const out = new Set([word]);
  const swap = (re: RegExp, to: string) => {
    if (re.test(word)) out.add(word.replace(re, to));
  };
  swap(/ise$/, 'ize');
  swap(/ize$/, 'ise');
  swap(/isation$/, 'ization');
  swap(/ization$/, 'isation');
  swap(/our$/, 'or');
  swap(/ce$/, 'se'); // defence/defense, offence/offense
  return [...out];
}

function triggerOf(p: PatternEntry, fail: (field: string, msg: string) => never): Trigger {
  const kinds = (['lemma', 'phrase', 'noun'] as const).filter((k) => p[k] !== undefined);
  if (kinds.length !== 1) fail('id', `pattern "${p.id}" needs exactly one of lemma, phrase or noun`);
  if (p.particle && !p.lemma) fail('particle', `pattern "${p.id}": particle goes with lemma only`);
  if (p.lemma) {
    if (p.lemma.includes(' ')) fail('lemma', `lemma "${p.lemma}" is one word; use phrase for several`);
    return { kind: 'lemma', lemma: p.lemma, particle: p.particle ?? null };
  }
  if (p.phrase) {
    const words = p.phrase.split(/\s+/);
    const content = words.filter((w) => !OPTIONAL_WORDS.has(w));
    if (words.length < 2) fail('phrase', `phrase "${p.phrase}" has one word; use lemma or noun`);
    return { kind: 'phrase', text: p.phrase, words, content };
  }
  const words = (p.noun as string).split(/\s+/);
  return { kind: 'noun', noun: p.noun as string, words, head: words[words.length - 1]! };
}

function toPattern(
  p: PatternEntry,
  root: string,
  file: string,
  line: number | null,
  cameo: CameoRegistry,
  fail: (field: string, msg: string) => never,
): EventPattern {
  if (!cameo.byCode.has(p.code))
    fail('code', `code "${p.code}" is not a cameo code; see ontology/events/cameo.yaml`);
  if (!p.code.startsWith(root)) fail('code', `code "${p.code}" is not under this file's root "${root}"`);
  if (p.paired && !cameo.byCode.has(p.paired))
    fail('paired', `paired code "${p.paired}" is not a cameo code`);
  if (p.paired && p.symmetric) fail('paired', 'a pattern is either symmetric or paired, not both');
  if (p.mediated && !cameo.byCode.has(p.mediated))
    fail('mediated', `mediated code "${p.mediated}" is not a cameo code`);
  const trigger = triggerOf(p, fail);
  if (trigger.kind === 'noun' && (!p.source || !p.target)) {
    fail('source', `noun pattern "${p.id}" must say where source and target sit`);
  }
  const okCodes = [p.code, p.paired].filter(Boolean);
  if (!okCodes.includes(p.expect.code))
    fail('expect', `expect.code "${p.expect.code}" is neither code nor paired`);
  return Object.freeze({
    id: p.id,
    code: p.code,
    root,
    trigger: Object.freeze(trigger),
    source: p.source ?? 'subject',
    target: p.target ?? 'object',
    symmetric: p.symmetric ?? false,
    paired: p.paired ?? null,
    mediated: p.mediated ?? null,
    domestic: p.domestic ?? null,
    requires: Object.freeze(p.requires ?? []),
    excludes: Object.freeze(p.excludes ?? []),
    example: p.example,
    expect: Object.freeze({ ...p.expect }),
    file,
    line,
  });
}

/**
 * Reads one pattern file; errors name the file, line and field.
 *
 * @example loadPatternFile('ontology/events/patterns/04-consult.yaml').length > 0
 */
export function loadPatternFile(file: string, cameo: CameoRegistry = cameoRegistry()): EventPattern[] {
  const shown = relative(process.cwd(), file) || file;
  const { data, lineOf } = parseLocatedYaml(readFileSync(file, 'utf8'), shown, PatternFile);
  return data.patterns.map((p, i) => {
    const fail = (field: string, msg: string): never => {
      throw new OntologyError(msg, {
        file: shown,
        line: lineOf(['patterns', i, field]),
        field: `patterns.${i}.${field}`,
      });
    };
    return toPattern(p, data.root, shown, lineOf(['patterns', i]), cameo, fail);
  });
}

function yamlFiles(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError('not a folder of pattern files; pass an existing directory to --patterns', {
      file: dir,
    });
  }
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function pushTo(map: Map<string, EventPattern[]>, keys: string[], p: EventPattern): void {
  for (const k of keys) {
    const list = map.get(k);
    if (list) list.push(p);
    else map.set(k, [p]);
  }
}

export interface LoadPatternsOptions {
  /** Extra folders (a CLI's `--patterns DIR`), loaded after the default one. */
  dirs?: readonly string[];
  /** Load `ontology/events/patterns/` too (default true). */
  includeDefault?: boolean;
  cameo?: CameoRegistry;
}

/**
 * Loads, validates, indexes and freezes every pattern file. Pattern ids must be unique across
 * all folders, so an extra folder adds patterns and cannot silently replace one.
 *
 * @example loadPatterns({ dirs: ['my-patterns'] }).byLemma.get('visit')?.[0]?.code // '042'
 */
export function loadPatterns(options: LoadPatternsOptions = {}): PatternRegistry {
  const dirs = [...(options.includeDefault === false ? [] : [PATTERNS_DIR]), ...(options.dirs ?? [])];
  const cameo = options.cameo ?? cameoRegistry();
  const byId = new Map<string, EventPattern>();
  const byLemma = new Map<string, EventPattern[]>();
  const byPhraseHead = new Map<string, EventPattern[]>();
  const byNoun = new Map<string, EventPattern[]>();
  for (const file of dirs.flatMap(yamlFiles)) {
    for (const p of loadPatternFile(file, cameo)) {
      const prior = byId.get(p.id);
      if (prior) {
        throw new OntologyError(
          `pattern id "${p.id}" is already used at ${prior.file}:${prior.line}; pick another`,
          {
            file: p.file,
            line: p.line,
            field: 'id',
          },
        );
      }
      byId.set(p.id, p);
      const t = p.trigger;
      if (t.kind === 'lemma') pushTo(byLemma, spellingVariants(t.lemma), p);
      else if (t.kind === 'phrase') pushTo(byPhraseHead, spellingVariants(t.content[0] ?? t.words[0]!), p);
      else pushTo(byNoun, spellingVariants(t.head), p);
    }
  }
  const sorted = (m: Map<string, EventPattern[]>) =>
    new Map(
      [...m].map(([k, v]) => [k, Object.freeze([...v].sort((a, b) => specificity(b) - specificity(a)))]),
    );
  return Object.freeze({
    patterns: Object.freeze([...byId.values()]),
    byId,
    byLemma: sorted(byLemma),
    byPhraseHead: sorted(byPhraseHead),
    byNoun: sorted(byNoun),
  });
}

/**
 * How specific a pattern is; when several match one trigger the coder keeps the most specific
 * (a phrase beats lemma+particle beats a lemma with `requires` beats a bare lemma), and on a tie
 * the longer code (more refined CAMEO category).
 *
 * @example specificity(phrasePattern) > specificity(bareLemmaPattern) // true
 */
export function specificity(p: EventPattern): number {
  const t = p.trigger;
  const base =
    t.kind === 'phrase'
      ? 100 + 10 * t.content.length
      : t.kind === 'noun'
        ? 30 + 10 * t.words.length
        : t.particle
          ? 60
          : 20;
  return base + (p.requires.length ? 15 : 0) + (p.excludes.length ? 1 : 0) + p.code.length;
}

let cached: PatternRegistry | null = null;

/** The default pattern registry (`ontology/events/patterns/`), loaded once per process. */
export function patternRegistry(): PatternRegistry {
  cached ??= loadPatterns();
  return cached;
}
