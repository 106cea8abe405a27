import type { Doc } from './types.js';

/**
 * The public `extract --json` shape (see CONTRACT.md): one object per document.
 * Fields may be added; none may be renamed.
 */
export function toContract(doc: Doc) {
  return {
    input: doc.input,
    title: doc.title,
    published: doc.published,
    author: doc.author,
    outlet: doc.outlet,
    url: doc.url,
    body: doc.body,
    warnings: doc.warnings,
    reference: doc.reference,
    actors: doc.actors,
    dates: doc.dates,
    events: doc.events,
    claims: doc.claims,
    relations: doc.relations,
  };
}
