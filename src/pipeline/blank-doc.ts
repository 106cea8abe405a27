import type { Doc, RawFormat } from '../model/types.js';

/** What a blank document may state besides its body; everything left out is null or empty. */
export interface BlankDocFields {
  input?: string;
  url?: string | null;
  format?: RawFormat;
  title?: string | null;
  published?: string | null;
  author?: string | null;
  outlet?: string | null;
  warnings?: string[];
  /** Reference date for relative expressions; defaults to `published`. */
  reference?: string | null;
}

/**
 * A fresh pipeline document holding a body and its metadata, before any stage has run.
 *
 * @example blankDoc('Baku protested.', { published: '2025-01-02' }).reference // { date: '2025-01-02', estimated: false }
 */
export function blankDoc(body: string, fields: BlankDocFields = {}): Doc {
  const published = fields.published ?? null;
  return {
    input: fields.input ?? 'doc.txt',
    url: fields.url ?? null,
    format: fields.format ?? 'plain',
    title: fields.title ?? null,
    published,
    author: fields.author ?? null,
    outlet: fields.outlet ?? null,
    body,
    warnings: fields.warnings ?? [],
    reference: { date: fields.reference === undefined ? published : fields.reference, estimated: false },
    sentences: [],
    mentions: [],
    actors: [],
    dates: [],
    events: [],
    claims: [],
    relations: [],
  };
}
