import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Documents, actors and what the pipeline found, in types every engine has. Floats are
 * `double precision`: REAL affinity in SQLite, 8 bytes in PostgreSQL (whose `real` has 4).
 */
export function initial(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('author', 'text')
        .addColumn('outlet', 'text')
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('minhash', 'text')
        .addColumn('near_duplicate_of', 'text', (c) => c.references('documents.id'))
        .addColumn('similarity', 'double precision')
        .addColumn('actor_count', 'integer', (c) => c.notNull())
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .addColumn('claim_count', 'integer', (c) => c.notNull())
        .addColumn('relation_count', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('documents_ingested_at')
        .on('documents')
        .columns(['ingested_at', 'input'])
        .execute();
      await db.schema.createIndex('documents_published').on('documents').column('published').execute();

      await db.schema
        .createTable('actors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('role', 'text')
        .addColumn('sector', 'text')
        .execute();

      await db.schema
        .createTable('mentions')
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('mentions_pk', ['document_id', 'idx'])
        .execute();
      await db.schema.createIndex('mentions_actor').on('mentions').column('actor_id').execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('source_actor', 'text')
        .addColumn('target_actor', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('quad_class', 'integer', (c) => c.notNull())
        .addColumn('goldstein', 'double precision', (c) => c.notNull())
        .addColumn('plover', 'text')
        .addColumn('date', 'text')
        .addColumn('date_precision', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('trigger_start', 'integer')
        .addColumn('trigger_end', 'integer')
        .execute();
      await db.schema.createIndex('events_document').on('events').column('document_id').execute();
      await db.schema.createIndex('events_dyad').on('events').columns(['source', 'target', 'date']).execute();

      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('claimant', 'text', (c) => c.notNull())
        .addColumn('about', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('disputed_by', 'text', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('rule', 'text')
        .execute();
      await db.schema.createIndex('claims_document').on('claims').column('document_id').execute();

      await db.schema
        .createTable('relations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('a', 'text', (c) => c.notNull())
        .addColumn('b', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('since', 'text')
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text')
        .execute();
      await db.schema.createIndex('relations_document').on('relations').column('document_id').execute();

      await db.schema
        .createTable('minhash_bands')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('minhash_bands_pk', ['key', 'document_id'])
        .execute();
      await db.schema
        .createIndex('minhash_bands_document')
        .on('minhash_bands')
        .column('document_id')
        .execute();

      await db.schema
        .createTable('ingest_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'ingest_failures',
        'minhash_bands',
        'relations',
        'claims',
        'events',
        'mentions',
        'actors',
        'documents',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
