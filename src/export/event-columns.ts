import type { ExportEvent } from './event-pages.js';

/** A column of the flat event exports (csv, parquet): its name, DuckDB type and value. */
export interface EventColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE';
  get(e: ExportEvent): string | number | null;
}

/**
 * The columns of `csv` and `parquet`: the event id, the contract's event fields in the
 * contract's order, the trigger span, then the document's id, title, outlet and date.
 * Codes stay text so leading zeros survive.
 */
export const EVENT_COLUMNS: readonly EventColumn[] = [
  { name: 'id', type: 'VARCHAR', get: (e) => e.id },
  { name: 'source', type: 'VARCHAR', get: (e) => e.source },
  { name: 'target', type: 'VARCHAR', get: (e) => e.target },
  { name: 'sourceActor', type: 'VARCHAR', get: (e) => e.sourceActor },
  { name: 'targetActor', type: 'VARCHAR', get: (e) => e.targetActor },
  { name: 'code', type: 'VARCHAR', get: (e) => e.code },
  { name: 'root', type: 'VARCHAR', get: (e) => e.root },
  { name: 'quadClass', type: 'INTEGER', get: (e) => e.quadClass },
  { name: 'goldstein', type: 'DOUBLE', get: (e) => e.goldstein },
  { name: 'plover', type: 'VARCHAR', get: (e) => e.plover },
  { name: 'date', type: 'VARCHAR', get: (e) => e.date },
  { name: 'datePrecision', type: 'VARCHAR', get: (e) => e.datePrecision },
  { name: 'modality', type: 'VARCHAR', get: (e) => e.modality },
  { name: 'quote', type: 'VARCHAR', get: (e) => e.quote },
  { name: 'start', type: 'INTEGER', get: (e) => e.start },
  { name: 'end', type: 'INTEGER', get: (e) => e.end },
  { name: 'rule', type: 'VARCHAR', get: (e) => e.rule },
  { name: 'triggerStart', type: 'INTEGER', get: (e) => e.trigger?.start ?? null },
  { name: 'triggerEnd', type: 'INTEGER', get: (e) => e.trigger?.end ?? null },
  { name: 'documentId', type: 'VARCHAR', get: (e) => e.documentId },
  { name: 'title', type: 'VARCHAR', get: (e) => e.title },
  { name: 'outlet', type: 'VARCHAR', get: (e) => e.outlet },
  { name: 'published', type: 'VARCHAR', get: (e) => e.published },
];

/**
 * One event as a JSON line: the id, then the contract's event fields (the shape of
 * `extract --json` events), then the document's id, title, outlet and date, and the group's
 * id and number of documents. With `withMentions` (grouped exports, one line per happening)
 * the group's reports too; otherwise they are left out, since each report is its own line
 * with the same `groupId`.
 *
 * @example JSON.parse(eventJson(e)).code // '042'
 */
export function eventJson(e: ExportEvent, withMentions = false): string {
  const out: Record<string, unknown> = {
    id: e.id,
    source: e.source,
    target: e.target,
    sourceActor: e.sourceActor,
    targetActor: e.targetActor,
    code: e.code,
    root: e.root,
    quadClass: e.quadClass,
    goldstein: e.goldstein,
    plover: e.plover,
    date: e.date,
    datePrecision: e.datePrecision,
    modality: e.modality,
    quote: e.quote,
    start: e.start,
    end: e.end,
    rule: e.rule,
  };
  if (e.trigger) out.trigger = e.trigger;
  out.documentId = e.documentId;
  out.title = e.title;
  out.outlet = e.outlet;
  out.published = e.published;
  if (e.groupId !== undefined) out.groupId = e.groupId;
  if (e.sources !== undefined) out.sources = e.sources;
  if (withMentions && e.mentions !== undefined) out.mentions = e.mentions;
  return JSON.stringify(out);
}
