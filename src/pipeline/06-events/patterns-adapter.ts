import {
  specificity,
  spellingVariants,
  type EventPattern,
  type PatternRegistry,
  type Role as YamlRole,
} from '../../model/patterns.js';
import type { CoderPattern, PatternIndex, Role } from './coder.js';

/** CAMEO roots whose acts are often domestic (protest, coerce, assault, fight): X→X is allowed. */
const DOMESTIC_ROOTS = new Set(['14', '17', '18', '19']);

/** A YAML role as the places the coder looks for it, in order. */
function places(role: YamlRole, nominal: boolean): Role[] {
  switch (role) {
    case 'none':
      return [];
    case 'possessor':
      // Before a noun ("Iran's drills") or inside a verb's object ("condemned Iran's remarks").
      // A noun with no possessor ("X launched a petition") takes the subject of its verb.
      return nominal ? ['possessor', 'of', 'subject'] : ['object', 'of'];
    case 'adjective':
      return ['possessor'];
    case 'clause':
      return ['clause'];
    default:
      return [role];
  }
}

/**
 * Converts a validated YAML pattern into the coder's form.
 *
 * @example toCoderPattern(patternRegistry().byId.get('visit.verb')!).code // '042'
 */
export function toCoderPattern(p: EventPattern): CoderPattern {
  const t = p.trigger;
  // A multi-word noun ("troop withdrawal") is matched like a phrase but keeps noun roles.
  const multiNoun = t.kind === 'noun' && t.words.length > 1;
  return {
    id: p.id,
    code: p.code,
    kind: t.kind === 'lemma' ? 'verb' : multiNoun ? 'phrase' : t.kind,
    nominal: t.kind === 'noun',
    words: t.kind === 'lemma' ? [t.lemma] : t.kind === 'phrase' ? t.content : t.words,
    particle: t.kind === 'lemma' ? (t.particle ?? undefined) : undefined,
    source: places(p.source, t.kind === 'noun'),
    target: places(p.target, t.kind === 'noun'),
    pair: p.paired ?? undefined,
    mediated: p.mediated ?? undefined,
    symmetric: p.symmetric,
    requires: p.requires,
    excludes: p.excludes,
    domestic: p.domestic ?? DOMESTIC_ROOTS.has(p.root),
    rank: specificity(p),
  };
}

const indexCache = new WeakMap<PatternRegistry, PatternIndex>();

/**
 * The coder's lookup index over a pattern registry (spelling twins share entries), built once.
 *
 * @example coderIndex(patternRegistry()).byLemma.get('criticize')
 */
export function coderIndex(reg: PatternRegistry): PatternIndex {
  const hit = indexCache.get(reg);
  if (hit) return hit;
  const byLemma = new Map<string, CoderPattern[]>();
  const byFirst = new Map<string, CoderPattern[]>();
  for (const p of reg.patterns) {
    const c = toCoderPattern(p);
    const target = c.kind === 'phrase' ? byFirst : byLemma;
    for (const k of spellingVariants(c.words[0]!)) (target.get(k) ?? target.set(k, []).get(k)!).push(c);
  }
  const index = { byLemma, byFirst };
  indexCache.set(reg, index);
  return index;
}
