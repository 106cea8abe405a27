import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** A unit a relative phrase moves the reference by. */
export type DateUnit = 'day' | 'week' | 'month' | 'year' | 'decade';

/** A precision a relative phrase yields (the coarse ones never come from relative phrases). */
export type RelativePrecision = 'day' | 'month' | 'year';

export interface RelativeCue {
  phrase: string;
  unit: DateUnit;
  offset: number;
  precision: RelativePrecision;
  weekend: boolean;
}

/** The date stage's vocabulary, loaded once from `ontology/dates/cues.yaml`. */
export interface DateCues {
  /** Lowercase name or short form → month number 1–12. */
  months: ReadonlyMap<string, number>;
  /** The full month names (the first name of each YAML row); the others are short forms. */
  fullMonths: ReadonlySet<string>;
  /** Lowercase name → weekday 0 (Sunday) – 6. */
  weekdays: ReadonlyMap<string, number>;
  seasons: ReadonlyMap<string, { from: number; to: number }>;
  /** Lowercase part word ("early", "the end of") → month range it covers in a year. */
  parts: ReadonlyMap<string, { from: number; to: number }>;
  relative: ReadonlyMap<string, RelativeCue>;
  agoUnits: ReadonlyMap<string, RelativePrecision>;
  numbers: ReadonlyMap<string, number>;
  /** Ordinal word → number ("nineteenth" → 19). */
  ordinals: ReadonlyMap<string, number>;
  monthLeads: ReadonlySet<string>;
  weekdayLeads: ReadonlySet<string>;
  weekdayBlockers: ReadonlySet<string>;
  weekdayNouns: ReadonlySet<string>;
  yearLeadsCapitalised: ReadonlySet<string>;
  yearBlockLabels: ReadonlySet<string>;
  countNouns: ReadonlySet<string>;
  futureLeads: ReadonlySet<string>;
}

const Range = z.object({ from: z.number().int().min(1).max(14), to: z.number().int().min(1).max(14) });
const Words = z.array(z.string().min(1));

const CueFile = z.object({
  months: z.array(z.object({ n: z.number().int().min(1).max(12), names: Words })).length(12),
  weekdays: z.array(z.object({ n: z.number().int().min(0).max(6), names: Words })).length(7),
  seasons: z.array(Range.extend({ name: z.string().min(1) })),
  parts: z.array(Range.extend({ words: Words })),
  relative: z.array(
    z.object({
      phrase: z.string().min(1),
      unit: z.enum(['day', 'week', 'month', 'year']),
      offset: z.number().int(),
      precision: z.enum(['day', 'month', 'year']),
      weekend: z.boolean().optional(),
    }),
  ),
  agoUnits: z.array(
    z.object({
      unit: z.enum(['day', 'week', 'month', 'year', 'decade']),
      precision: z.enum(['day', 'month', 'year']),
    }),
  ),
  numbers: z.record(z.string(), z.number().int().positive()),
  ordinals: z.record(z.string(), z.number().int().positive()),
  monthLeads: Words,
  weekdayLeads: Words,
  weekdayBlockers: Words,
  weekdayNouns: Words,
  yearLeadsCapitalised: Words,
  yearBlockLabels: Words,
  countNouns: Words,
  futureLeads: Words,
});

const CUE_PATH = fileURLToPath(new URL('../../../ontology/dates/cues.yaml', import.meta.url));

let cached: DateCues | null = null;

const lower = (xs: readonly string[]): ReadonlySet<string> => new Set(xs.map((x) => x.toLowerCase()));

/**
 * Loads, validates and freezes the date vocabulary (once per process).
 *
 * @example dateCues().months.get('sept') // 9
 */
export function dateCues(): DateCues {
  if (cached) return cached;
  let data: z.infer<typeof CueFile>;
  try {
    data = CueFile.parse(parse(readFileSync(CUE_PATH, 'utf8')));
  } catch (e) {
    throw new Error(`bad date cue file ${CUE_PATH}: ${(e as Error).message}; fix the yaml`);
  }
  const byName = <T>(rows: { names: string[] }[], value: (i: number) => T): Map<string, T> =>
    new Map(rows.flatMap((r, i) => r.names.map((n) => [n.toLowerCase(), value(i)] as const)));
  cached = Object.freeze({
    months: byName(data.months, (i) => data.months[i].n),
    fullMonths: lower(data.months.map((r) => r.names[0])),
    weekdays: byName(data.weekdays, (i) => data.weekdays[i].n),
    seasons: new Map(data.seasons.map((s) => [s.name.toLowerCase(), { from: s.from, to: s.to }])),
    parts: new Map(
      data.parts.flatMap((p) => p.words.map((w) => [w.toLowerCase(), { from: p.from, to: p.to }] as const)),
    ),
    relative: new Map(
      data.relative.map((r) => [
        r.phrase.toLowerCase(),
        { ...r, phrase: r.phrase.toLowerCase(), weekend: r.weekend ?? false },
      ]),
    ),
    agoUnits: new Map(data.agoUnits.map((u) => [u.unit, u.precision])),
    numbers: new Map(Object.entries(data.numbers).map(([k, v]) => [k.toLowerCase(), v])),
    ordinals: new Map(Object.entries(data.ordinals).map(([k, v]) => [k.toLowerCase(), v])),
    monthLeads: lower(data.monthLeads),
    weekdayLeads: lower(data.weekdayLeads),
    weekdayBlockers: lower(data.weekdayBlockers),
    weekdayNouns: lower(data.weekdayNouns),
    yearLeadsCapitalised: lower(data.yearLeadsCapitalised),
    yearBlockLabels: lower(data.yearBlockLabels),
    countNouns: lower(data.countNouns),
    futureLeads: lower(data.futureLeads),
  });
  return cached;
}
