import type { Stage } from '../stage.js';
import { resolveDates } from './resolve-dates.js';

export {
  resolveDates,
  findCandidates,
  estimateReference,
  type ResolvedDates,
  type DateReference,
} from './resolve-dates.js';
export { dateForSpan, eventDateOf, type EventDate, type DateScope } from './date-for-span.js';

/**
 * The date stage: fills `doc.dates` and `doc.reference`. The reference is the stated
 * publication date (the page's, a record's, or `--published`); without one it is the latest
 * date the text implies, marked `estimated`.
 *
 * @example stage.run(doc, { published: '2025-02-03' }).dates
 */
export const stage: Stage = {
  name: 'dates',
  run(doc, ctx) {
    const stated =
      doc.published ?? ctx.published ?? (doc.reference.estimated ? null : doc.reference.date) ?? null;
    const { dates, reference, warnings } = resolveDates(doc.body ?? '', stated);
    doc.dates = dates;
    doc.reference = reference;
    doc.warnings.push(...warnings);
    return doc;
  },
};
