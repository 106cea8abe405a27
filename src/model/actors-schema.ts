import { z } from 'zod';

/** An ISO-like date: YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD');

/** YAML may read a bare date as a string or (1.1 schema) a number; accept both as text. */
const dateLike = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), isoDate);

const names = z.array(z.string().min(1, 'must not be empty'));

export const ROLE = z.strictObject({
  title: z.string().min(1),
  /** State (alpha-3) or IGO id the office belongs to. */
  state: z.string().min(2),
  office: z.string().regex(/^[a-z_]+$/, 'must be a lower_case office key such as head_of_state'),
  from: dateLike.optional().nullable(),
  to: dateLike.optional().nullable(),
});

export const ACTOR_KINDS = ['state', 'person', 'org', 'igo', 'group', 'place'] as const;

/** One actor entry of ontology/actors/*.yaml (or a user's --actors folder). */
export const ACTOR_ENTRY = z.strictObject({
  id: z
    .string()
    .regex(
      /^([A-Z]{3}|(person|org|igo|group|place):[a-z0-9][a-z0-9-]*)$/,
      'must be an alpha-3 code (AZE) or kind:slug (person:ilham-aliyev)',
    ),
  kind: z.enum(ACTOR_KINDS).optional(),
  name: z.string().min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an alpha-3 state code')
    .nullable()
    .optional(),
  sector: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter CAMEO agent code such as GOV')
    .nullable()
    .optional(),
  code: z
    .string()
    .regex(/^[A-Z0-9]{3,12}$/, 'must be a CAMEO actor code such as IGOUNO')
    .optional(),
  aliases: names.optional(),
  adjectives: names.optional(),
  plurals: names.optional(),
  metonyms: names.optional(),
  epithets: names.optional(),
  short: names.optional(),
  contextual: names.optional(),
  exclude: names.optional(),
  ambiguous: names.optional(),
  tags: z.array(z.string().regex(/^[a-z-]+$/)).optional(),
  borders: z.array(z.string().regex(/^[A-Z]{3}$/, 'must be alpha-3 state codes')).optional(),
  organ: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
  leader: z.enum(['head_of_state', 'head_of_government', 'supreme_leader']).optional(),
  roles: z.array(ROLE).optional(),
  from: dateLike.optional().nullable(),
  to: dateLike.optional().nullable(),
  example: z.string().optional(),
  note: z.string().optional(),
});

export type ActorEntryInput = z.infer<typeof ACTOR_ENTRY>;
export type RoleInput = z.infer<typeof ROLE>;

const phraseList = z.array(z.string().min(1));

export const TITLES_FILE = z.strictObject({
  titles: z.array(
    z.strictObject({
      match: phraseList.min(1),
      plural: phraseList.optional(),
      role: z.string().nullable(),
      office: z.string(),
      sector: z.string().regex(/^[A-Z]{3}$/),
    }),
  ),
  honorifics: phraseList,
  roleNouns: phraseList,
  abbreviations: phraseList,
  titleModifiers: phraseList,
  nameParticles: phraseList,
  nameStopwords: phraseList,
  counterpartNouns: phraseList,
});

export const ORGANS_FILE = z.strictObject({
  organs: z.array(
    z.strictObject({
      key: z.string().regex(/^[a-z-]+$/),
      name: z.string().min(1),
      sector: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      kind: z.enum(ACTOR_KINDS).optional(),
      asState: z.boolean().optional(),
      location: z.boolean().optional(),
      modifiable: z.boolean().optional(),
      words: phraseList.min(1),
    }),
  ),
  memberNouns: phraseList,
  orgNouns: phraseList,
  orgHeads: phraseList,
});

export const DESCRIPTIONS_FILE = z.strictObject({
  descriptions: z.array(
    z.strictObject({ words: phraseList.min(1), tag: z.string().nullable(), only: z.string().optional() }),
  ),
  determiners: phraseList,
  ordinals: phraseList,
  anaphora: z.array(
    z.strictObject({ words: phraseList.min(1), via: z.enum(['person', 'any', 'state', 'org', 'neighbor']) }),
  ),
  premodifiers: phraseList,
  relationNouns: phraseList,
  stateNouns: phraseList,
});

export type TitlesFile = z.infer<typeof TITLES_FILE>;
export type OrgansFile = z.infer<typeof ORGANS_FILE>;
export type DescriptionsFile = z.infer<typeof DESCRIPTIONS_FILE>;
