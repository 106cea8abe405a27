import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
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

function load<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

let claimCache: ClaimCues | null = null;
let relationCache: readonly RelationCue[] | null = null;

/** Claim verbs from `ontology/events/claims.yaml`, validated and frozen. */
export function claimCues(): ClaimCues {
  if (claimCache) return claimCache;
  const d = load(path.join(ontologyDir, 'events', 'claims.yaml'), ClaimsFile);
  claimCache = Object.freeze({
    verbs: new Map(d.verbs.map((v) => [v.lemma, Object.freeze(v)])),
    nouns: new Set(d.nouns),
  });
  return claimCache;
}

/** Relation cues from `ontology/events/relations.yaml`, validated and frozen. */
export function relationCues(): readonly RelationCue[] {
  if (relationCache) return relationCache;
  const d = load(path.join(ontologyDir, 'events', 'relations.yaml'), RelationsFile);
  relationCache = Object.freeze(
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
  return relationCache;
}
