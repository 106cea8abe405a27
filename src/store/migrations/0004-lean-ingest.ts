import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Fewer b-tree inserts per saved document: `minhash_bands_document` is dropped. Nothing looks
 * bands up by document (near-duplicate search goes by band key, the primary key's first
 * column) and the store never deletes a document, so the index only cost each save sixteen
 * inserts and a page of the commit. A hand-made `DELETE` of a document still cascades; it
 * scans the bands table to do so.
 */
export function leanIngest(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('minhash_bands_document').ifExists().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema
        .createIndex('minhash_bands_document')
        .ifNotExists()
        .on('minhash_bands')
        .column('document_id')
        .execute();
    },
  };
}
