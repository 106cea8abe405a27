import { z } from '@hono/zod-openapi';

/** Response schemas of the analysis routes (dyads, series, alerts, graph, claims board). */

const quadCounts = z.object({
  '1': z.number().int(),
  '2': z.number().int(),
  '3': z.number().int(),
  '4': z.number().int(),
});
const direction = z.object({ events: z.number().int(), goldstein: z.number() });

export const SeriesPointSchema = z
  .object({
    period: z
      .string()
      .openapi({ description: "'2024-03-04' (day; week = its ISO Monday) or '2024-03' (month)" }),
    events: z.number().int(),
    goldstein: z.number().openapi({ description: 'Goldstein sum' }),
    goldsteinMean: z.number(),
    tension: z.number(),
    asOf: z.string(),
    attention: z.number(),
    quad: quadCounts.openapi({ description: 'events per quad class' }),
    directions: z.object({ ab: direction, ba: direction }),
    eventIds: z.array(z.string()).openapi({ description: 'up to 20 event ids, strongest |Goldstein| first' }),
  })
  .openapi('SeriesPoint');

export const DyadSeriesSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    interval: z.enum(['day', 'week', 'month']),
    formula: z.string(),
    points: z.array(SeriesPointSchema),
  })
  .openapi('DyadSeries');

export const PointExplanationSchema = z
  .object({
    point: SeriesPointSchema,
    formula: z.string(),
    denominator: z.number(),
    contributions: z.array(
      z.object({
        eventId: z.string(),
        date: z.string(),
        goldstein: z.number(),
        modality: z.string(),
        weight: z.number(),
        contribution: z.number(),
        quote: z.string(),
        source: z.string(),
        target: z.string(),
        code: z.string(),
        quadClass: z.number().int(),
        documentId: z.string(),
        title: z.string().nullable(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
      }),
    ),
  })
  .openapi('PointExplanation');

export const DyadSummarySchema = z
  .object({
    a: z.string(),
    b: z.string(),
    events: z.number().int(),
    goldstein: z.number(),
    tension: z.number(),
    previousTension: z.number(),
    previousEvents: z.number().int(),
    change: z.number(),
    peak: z.number().openapi({ description: 'the highest daily tension in the window' }),
    peakDay: z.string().openapi({ description: 'the first day (YYYY-MM-DD) the tension was at its peak' }),
  })
  .openapi('DyadSummary');

export const AlertSchema = z
  .object({
    id: z.string(),
    a: z.string(),
    b: z.string(),
    period: z.string(),
    interval: z.enum(['day', 'week', 'month']),
    kind: z.enum(['escalation', 'de-escalation']),
    value: z.number(),
    baseline: z.number(),
    spread: z.number(),
    score: z.number(),
    events: z.number().int(),
    reason: z.string(),
    eventIds: z.array(z.string()),
  })
  .openapi('Alert');

export const GraphSchema = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.string(),
        events: z.number().int(),
        degree: z.number(),
        centrality: z.number(),
        community: z.number().int(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        type: z.string().openapi({ description: 'cooperation, conflict, or a stated relation type' }),
        weight: z.number(),
        events: z.number().int(),
        eventIds: z.array(z.string()),
      }),
    ),
  })
  .openapi('Graph');

export const BoardItemSchema = z
  .object({
    id: z.string(),
    proposition: z.string(),
    claimant: z.string(),
    about: z.string().nullable(),
    kind: z.string().nullable(),
    firstSeen: z.string().nullable(),
    sources: z.number().int().openapi({ description: 'distinct documents' }),
    assertedBy: z.array(z.string()),
    deniedBy: z.array(z.string()),
    contradiction: z.boolean(),
    reasons: z.array(z.string()),
    claims: z.array(
      z.object({
        id: z.string(),
        documentId: z.string(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
        quote: z.string(),
        claimant: z.string(),
        role: z.enum(['asserts', 'denies']),
      }),
    ),
  })
  .openapi('BoardItem');
