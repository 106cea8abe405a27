import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseLocatedYaml } from '../model/patterns-yaml.js';

/** The tuning of event grouping, as read from `ontology/events/grouping.yaml`. */
export interface GroupingRules {
  /** Days of slack per date precision; null: too vague to match on the date alone. */
  dateSlack: { day: number; month: number; year: number | null };
  undatedDays: number;
  documentDays: number;
  quoteOverlap: number;
  strongQuoteOverlap: number;
  maxCandidates: number;
  /** Code prefixes whose two sides are interchangeable. */
  symmetric: readonly string[];
}

export const GROUPING_PATH = fileURLToPath(new URL('../../ontology/events/grouping.yaml', import.meta.url));

const days = z.number().int().min(0).max(366);
const share = z.number().min(0).max(1);
const GroupingFile = z.strictObject({
  dateSlack: z.strictObject({ day: days, month: days, year: days.nullable() }),
  undatedDays: days,
  documentDays: days,
  quoteOverlap: share,
  strongQuoteOverlap: share,
  maxCandidates: z.number().int().min(1).max(10_000),
  symmetric: z.array(
    z.strictObject({
      code: z.string().regex(/^\d{2,4}$/, 'code must be 2 to 4 digits, quoted'),
      example: z.string(),
    }),
  ),
});

/**
 * Loads and freezes the grouping rules; a bad file throws an OntologyError naming its line and field.
 *
 * @example loadGroupingRules().dateSlack.day // 3
 */
export function loadGroupingRules(file: string = GROUPING_PATH): GroupingRules {
  const { data } = parseLocatedYaml(readFileSync(file, 'utf8'), file, GroupingFile);
  return Object.freeze({
    ...data,
    dateSlack: Object.freeze({ ...data.dateSlack }),
    symmetric: Object.freeze(data.symmetric.map((s) => s.code)),
  });
}

let cached: GroupingRules | null = null;

/** The default rules, loaded once per process. @example groupingRules().documentDays // 2 */
export function groupingRules(): GroupingRules {
  cached ??= loadGroupingRules();
  return cached;
}
