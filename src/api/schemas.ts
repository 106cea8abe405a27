import { z } from '@hono/zod-openapi';

/**
 * Response schemas, registered as named components of the OpenAPI document. They describe
 * what the store and the analysis functions return; nothing validates answers at run time.
 */

const nullableString = z.string().nullable();

export const EventMentionSchema = z
  .object({
    eventId: z.string(),
    documentId: z.string(),
    title: nullableString,
    outlet: nullableString,
    published: nullableString,
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('EventMention');

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: '3fa2c1d4e5f60718:e4' }),
    documentId: z.string(),
    title: nullableString,
    outlet: nullableString,
    published: nullableString,
    source: z.string().openapi({ example: 'AZE' }),
    target: z.string().openapi({ example: 'IRN' }),
    sourceActor: nullableString,
    targetActor: nullableString,
    code: z.string().openapi({ example: '114' }),
    root: z.string(),
    quadClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    goldstein: z.number(),
    plover: nullableString,
    date: nullableString,
    datePrecision: z.enum(['day', 'month', 'year', 'unknown']),
    modality: z.enum(['asserted', 'alleged', 'denied', 'hypothetical', 'negated']),
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    rule: z.string(),
    trigger: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
    groupId: z
      .string()
      .openapi({ description: 'the group of reports of one happening (id of its earliest event)' }),
    sources: z.number().int().openapi({ description: 'distinct documents reporting it' }),
    mentions: z.array(EventMentionSchema).openapi({ description: 'every report of this event' }),
  })
  .openapi('Event');

export const MentionSchema = z
  .object({
    actorId: z.string(),
    kind: z.string(),
    country: nullableString,
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Mention');

export const EventGroupSchema = z
  .object({
    groupId: z.string(),
    reason: z.string(),
    events: z.array(
      EventSchema.omit({ mentions: true, groupId: true, sources: true }).extend({
        reason: z.string().openapi({ description: 'why this report is in the group' }),
        pinned: z.boolean().openapi({ description: 'split off by a user; regrouping leaves it alone' }),
      }),
    ),
  })
  .openapi('EventGroup');

export const EventDetailSchema = z
  .object({ event: EventSchema, mentions: z.array(MentionSchema), group: EventGroupSchema })
  .openapi('EventDetail');

export const DocumentSchema = z
  .object({
    id: z.string(),
    input: z.string(),
    url: nullableString,
    title: nullableString,
    published: nullableString,
    author: nullableString,
    outlet: nullableString,
    contentHash: z.string(),
    ingestedAt: z.string(),
    actorCount: z.number().int(),
    eventCount: z.number().int(),
    claimCount: z.number().int(),
    relationCount: z.number().int(),
    nearDuplicateOf: nullableString,
    similarity: z.number().nullable(),
  })
  .openapi('Document');

export const ClaimSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    claimant: z.string(),
    about: nullableString,
    text: z.string(),
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    disputedBy: z.array(z.string()),
    kind: z.string().optional(),
    rule: z.string().optional(),
  })
  .openapi('Claim');

export const RelationSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    a: z.string(),
    b: z.string(),
    type: z.string(),
    since: nullableString,
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    rule: z.string().optional(),
  })
  .openapi('Relation');

export const DocumentDetailSchema = DocumentSchema.extend({
  body: z.string().openapi({ description: 'the cleaned text; every offset indexes it' }),
  warnings: z.array(z.string()),
  actors: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      country: nullableString,
      role: nullableString,
    }),
  ),
  mentions: z.array(MentionSchema.extend({ name: z.string() })),
  events: z.array(EventSchema),
  claims: z.array(ClaimSchema),
  relations: z.array(RelationSchema),
}).openapi('DocumentDetail');

export const SearchHitSchema = z
  .object({
    id: z.string(),
    title: nullableString,
    titleMarked: nullableString,
    snippet: z.string(),
    rank: z.number(),
    published: nullableString,
    outlet: nullableString,
  })
  .openapi('SearchHit');

export const ActorSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    country: nullableString,
    mentions: z.number().int(),
    documents: z.number().int(),
  })
  .openapi('Actor');

export const ActorDetailSchema = ActorSchema.extend({
  mentionsIn: z.array(
    z.object({
      documentId: z.string(),
      title: nullableString,
      text: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      context: z.string(),
    }),
  ),
  events: z.object({ items: z.array(EventSchema), total: z.number().int() }),
}).openapi('ActorDetail');

/** `{ items, total }` of a list. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), total: z.number().int() }).openapi(name);
}

/** The JSON answer of a route, for `responses`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}
