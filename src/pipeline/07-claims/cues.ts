import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseLocatedYaml } from '../../model/patterns-yaml.js';
import type { RelationType } from '../../model/types.js';
import { ontologyDir } from '../06-events/coder-cues.js';

const ClaimsFile = z.object({
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      kind: z.enum(['accusation', 'allegation', 'denial', 'assurance', 'statement']),
      complement: z.enum(['any', 'that', 'quote']),
    }),
  ),
  nouns: z.array(z.string()),
});

const RelationsFile = z.object({
  relations: z.array(
    z.object({
      id: z.string().min(1),
      type: z.enum([
        'alliance',
        'partnership',
        'rivalry',
        'dispute',
        'trade',
        'energy',
        'arms_supply',
        'intelligence',
        'diplomatic_ties',
      ]),
      cues: z.array(z.string().min(1)).min(1),
      requires: z.array(z.string()).optional(),
      excludes: z.array(z.string()).optional(),
      example: z.string().min(8),
    }),
  ),
});

export type ClaimVerb = z.infer<typeof ClaimsFile>['verbs'][number];
export interface ClaimCues {
  verbs: ReadonlyMap<string, ClaimVerb>;
  nouns: ReadonlySet<string>;
}
export interface RelationCue {
  id: string;
  type: RelationType;
  /** Each cue as lower-case words. */
  cues: readonly (readonly string[])[];
  requires: ReadonlySet<string>;
  excludes: ReadonlySet<string>;
}

/** Reads and validates one cue file; a bad one throws an OntologyError with file, line and field. */
function load<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const shown = path.relative(process.cwd(), file) || file;
  return parseLocatedYaml(readFileSync(file, 'utf8'), shown, schema).data;
}

let claimCache: ClaimCues | null = null;
let relationCache: readonly RelationCue[] | null = null;

/**
 * Claim verbs from `ontology/events/claims.yaml` (or another file, read afresh), validated and
 * frozen. A bad file throws an OntologyError naming the file, line and field.
 *
 * @example claimCues().verbs.get('deny')?.kind // 'denial'
 */
export function claimCues(file?: string): ClaimCues {
  if (file === undefined) return (claimCache ??= claimCues(path.join(ontologyDir, 'events', 'claims.yaml')));
  const d = load(file, ClaimsFile);
  return Object.freeze({
    verbs: new Map(d.verbs.map((v) => [v.lemma, Object.freeze(v)])),
    nouns: new Set(d.nouns),
  });
}

/**
 * Relation cues from `ontology/events/relations.yaml` (or another file, read afresh), validated
 * and frozen. A bad file throws an OntologyError naming the file, line and field.
 *
 * @example relationCues().some((r) => r.type === 'trade') // true
 */
export function relationCues(file?: string): readonly RelationCue[] {
  if (file === undefined)
    return (relationCache ??= relationCues(path.join(ontologyDir, 'events', 'relations.yaml')));
  const d = load(file, RelationsFile);
  return Object.freeze(
    d.relations.map((r) =>
      Object.freeze({
        id: r.id,
        type: r.type,
        cues: r.cues.map((c) => c.toLowerCase().split(/\s+/)),
        requires: new Set(r.requires ?? []),
        excludes: new Set(r.excludes ?? []),
      }),
    ),
  );
}
