import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseLocatedYaml } from '../../model/patterns-yaml.js';

const list = z.array(z.string().min(1));
/** CAMEO code prefixes ("016" covers 0161 …), quoted so leading zeros stay. */
const codes = z.array(z.string().regex(/^\d{2,4}$/, 'must be a quoted cameo code or prefix such as "016"'));
/** CAMEO root ("04") → the code an act under it becomes ("125"). */
const codeMap = z.record(z.string().regex(/^\d{2}$/), z.string().regex(/^\d{2,4}$/));
const CuesSchema = z.object({
  clauseOpeners: list,
  relativePronouns: list,
  complementizers: list,
  passiveAux: list,
  negators: list,
  negatingVerbs: list,
  preventingVerbs: list,
  habitualWords: list,
  phraseConnectives: list,
  nounCoordinators: list,
  hypotheticalWords: list,
  hypotheticalVerbs: list,
  allegedWords: list,
  allegingVerbs: list,
  denyingVerbs: list,
  subjectPronouns: list,
  particles: list,
  complementMarkers: list,
  borderNouns: list,
  placePrepositions: list,
  locatedNouns: list,
  locatingPrepositions: list,
  againstPrefixes: list,
  wordRoots: list,
  instrumentPrepositions: list,
  existentials: list,
  verbOpeners: list,
  possessiveDeterminers: list,
  appealVerbs: list,
  refusalWords: list,
  refusalCodes: codeMap,
  intentWords: list,
  intentCodes: codeMap,
  statementCodes: codes,
  accusationCodes: codes,
  denialCodes: codes,
});

type CodeFields = 'refusalCodes' | 'intentCodes' | 'statementCodes' | 'accusationCodes' | 'denialCodes';
type Lists = Exclude<keyof z.infer<typeof CuesSchema>, CodeFields>;

/** Word lists as sets; multi-word cues are kept as word arrays; code maps by CAMEO root. */
export type CoderCues = { readonly [K in Lists]: ReadonlySet<string> } & {
  readonly phrases: {
    readonly negators: readonly string[][];
    readonly hypotheticalWords: readonly string[][];
    readonly allegedWords: readonly string[][];
    readonly refusalWords: readonly string[][];
    readonly intentWords: readonly string[][];
    readonly phraseConnectives: readonly string[][];
    readonly nounCoordinators: readonly string[][];
  };
  /** Root of a refused act → the refusal's code ("refused to meet" → 125). */
  readonly refusalCodes: ReadonlyMap<string, string>;
  /** Root of an announced use of force → the threat's code ("will attack" → 138). */
  readonly intentCodes: ReadonlyMap<string, string>;
  /** Code prefixes of plain statements, dropped beside a more specific event of the same source. */
  readonly statementCodes: readonly string[];
  /** Code prefixes of accusations, remembered so a later bare denial answers its accuser. */
  readonly accusationCodes: readonly string[];
  /** Code prefixes of denials, which turn the denier's alleged acts into denied ones. */
  readonly denialCodes: readonly string[];
};

/**
 * True when `code` is one of `prefixes` or under one of them.
 *
 * @example codeIn('0161', ['016']) // true
 */
export function codeIn(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => code.startsWith(p));
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** ontology/ is two or three levels up, from src/ or dist/. */
export const ontologyDir =
  [path.resolve(here, '../../../ontology'), path.resolve(here, '../../../../ontology')].find((d) => {
    try {
      readFileSync(path.join(d, 'events', 'coder.yaml'));
      return true;
    } catch {
      return false;
    }
  }) ?? path.resolve(here, '../../../ontology');

let cached: CoderCues | null = null;

/**
 * The coder's grammar and modality cues from `ontology/events/coder.yaml`, validated and frozen.
 *
 * @example coderCues().negators.has('not') // true
 */
export function coderCues(): CoderCues {
  cached ??= loadCoderCues();
  return cached;
}

/**
 * Reads a coder cue file (default `ontology/events/coder.yaml`). A bad file throws an
 * OntologyError naming the file, line and field.
 *
 * @example loadCoderCues('ontology/events/coder.yaml').passiveAux.has('be') // true
 */
export function loadCoderCues(file: string = path.join(ontologyDir, 'events', 'coder.yaml')): CoderCues {
  const shown = path.relative(process.cwd(), file) || file;
  const d = parseLocatedYaml(readFileSync(file, 'utf8'), shown, CuesSchema).data;
  const single = (xs: string[]) => new Set(xs.filter((x) => !x.includes(' ')).map((x) => x.toLowerCase()));
  const multi = (xs: string[]) => xs.filter((x) => x.includes(' ')).map((x) => x.toLowerCase().split(/\s+/));
  return Object.freeze({
    clauseOpeners: single(d.clauseOpeners),
    relativePronouns: single(d.relativePronouns),
    complementizers: single(d.complementizers),
    passiveAux: single(d.passiveAux),
    negators: single(d.negators),
    negatingVerbs: single(d.negatingVerbs),
    preventingVerbs: single(d.preventingVerbs),
    habitualWords: single(d.habitualWords),
    phraseConnectives: single(d.phraseConnectives),
    nounCoordinators: single(d.nounCoordinators),
    hypotheticalWords: single(d.hypotheticalWords),
    hypotheticalVerbs: single(d.hypotheticalVerbs),
    allegedWords: single(d.allegedWords),
    allegingVerbs: single(d.allegingVerbs),
    denyingVerbs: single(d.denyingVerbs),
    subjectPronouns: single(d.subjectPronouns),
    particles: single(d.particles),
    complementMarkers: single(d.complementMarkers),
    borderNouns: single(d.borderNouns),
    placePrepositions: single(d.placePrepositions),
    locatedNouns: single(d.locatedNouns),
    locatingPrepositions: single(d.locatingPrepositions),
    againstPrefixes: single(d.againstPrefixes),
    wordRoots: single(d.wordRoots),
    instrumentPrepositions: single(d.instrumentPrepositions),
    existentials: single(d.existentials),
    verbOpeners: single(d.verbOpeners),
    possessiveDeterminers: single(d.possessiveDeterminers),
    appealVerbs: single(d.appealVerbs),
    refusalWords: single(d.refusalWords),
    intentWords: single(d.intentWords),
    refusalCodes: new Map(Object.entries(d.refusalCodes)),
    intentCodes: new Map(Object.entries(d.intentCodes)),
    statementCodes: Object.freeze([...d.statementCodes]),
    accusationCodes: Object.freeze([...d.accusationCodes]),
    denialCodes: Object.freeze([...d.denialCodes]),
    phrases: Object.freeze({
      negators: multi(d.negators),
      hypotheticalWords: multi(d.hypotheticalWords),
      allegedWords: multi(d.allegedWords),
      refusalWords: multi(d.refusalWords),
      intentWords: multi(d.intentWords),
      phraseConnectives: multi(d.phraseConnectives),
      nounCoordinators: multi(d.nounCoordinators),
    }),
  });
}
