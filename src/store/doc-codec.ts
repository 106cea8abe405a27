import type { Doc } from '../model/types.js';

/**
 * How a document's findings are kept in `documents.doc`: the pipeline's Doc without its body,
 * and without the texts that are nothing but a slice of the body (sentence and mention texts,
 * date phrases, the quotes of events, claims and relations). Such a text is written as the
 * number {@link FROM_BODY} in its place (so the keys keep their order) and rebuilt from the
 * offsets on read. A text that differs from its slice is kept as it is: the encoding loses
 * nothing. The quotes were most of the ~14 KB a document's JSON weighed; every byte is paid
 * for in the commit of each saved document.
 */

/** Stands for "the body between this object's start and end". */
const FROM_BODY = 1;

/** Arrays of the Doc whose items are spans of the body, and the text field of each. */
const SPAN_FIELDS = [
  ['sentences', 'text'],
  ['mentions', 'text'],
  ['dates', 'text'],
  ['events', 'quote'],
  ['claims', 'quote'],
  ['relations', 'quote'],
] as const;

interface SpanLike {
  start: number;
  end: number;
  [field: string]: unknown;
}

/** The item with `field` replaced by the marker when it equals the body slice. */
function compactSpan<T extends SpanLike>(item: T, field: string, body: string): T {
  const text = item[field];
  if (typeof text !== 'string' || typeof item.start !== 'number' || typeof item.end !== 'number') return item;
  if (text.length !== item.end - item.start || body.slice(item.start, item.end) !== text) return item;
  return { ...item, [field]: FROM_BODY };
}

/** The item with the marker in `field` replaced by the body slice. */
function expandSpan(item: SpanLike, field: string, body: string): void {
  if (item[field] === FROM_BODY) item[field] = body.slice(item.start, item.end);
}

/**
 * The JSON stored in `documents.doc`: the Doc without its body and without texts the body's
 * offsets rebuild. {@link decodeDoc} gives back an equal Doc.
 *
 * @example decodeDoc(encodeDoc(doc), doc.body) // deep-equal to doc
 */
export function encodeDoc(doc: Doc): string {
  const { body, ...rest } = doc;
  const out: Record<string, unknown> = { ...rest };
  for (const [list, field] of SPAN_FIELDS) {
    const items = rest[list] as unknown as SpanLike[] | undefined;
    if (Array.isArray(items)) out[list] = items.map((x) => compactSpan(x, field, body));
  }
  if (Array.isArray(rest.actors)) {
    out.actors = rest.actors.map((a) =>
      Array.isArray(a.mentions)
        ? { ...a, mentions: a.mentions.map((m) => compactSpan(m as SpanLike, 'text', body)) }
        : a,
    );
  }
  return JSON.stringify(out);
}

/**
 * The Doc from its stored JSON and body (see {@link encodeDoc}). JSON written before the
 * encoding holds full texts and passes through unchanged.
 *
 * @example decodeDoc('{"title":"T","sentences":[{"index":0,"start":0,"end":5,"text":1}]}', 'Hello.').sentences[0].text // 'Hello'
 */
export function decodeDoc(json: string, body: string): Doc {
  const doc = JSON.parse(json) as Record<string, unknown>;
  for (const [list, field] of SPAN_FIELDS) {
    const items = doc[list];
    if (Array.isArray(items)) for (const x of items as SpanLike[]) expandSpan(x, field, body);
  }
  if (Array.isArray(doc.actors)) {
    for (const a of doc.actors as { mentions?: SpanLike[] }[])
      if (Array.isArray(a.mentions)) for (const m of a.mentions) expandSpan(m, 'text', body);
  }
  return { ...doc, body } as unknown as Doc;
}
