import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * What `events(filter)` and cross-document claim linking need: an index for listing events by
 * date, indexes for finding a claim's deniers and a denial's claims, and `claim_links`, one row per "this denial disputes that
 * claim" with the reason it was linked.
 */
export function eventsAndClaimLinks(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Date order is the listing's order and date ranges its commonest filter; dyad lookups (both
      // directions) use events_dyad (source, target, date). No index per code or actor column:
      // each costs every ingest an insert per event, and a scan of events is fast at our sizes.
      await db.schema.createIndex('events_date').on('events').columns(['date', 'document_id']).execute();
      // A near-duplicate's cluster, for linking a claim and a denial of one story.
      await db.schema
        .createIndex('documents_near_duplicate')
        .on('documents')
        .column('near_duplicate_of')
        .execute();
      // Claims carry their document's date so linking finds the nearest candidates from an
      // index alone, without reading the (large) document rows.
      await db.schema.alterTable('claims').addColumn('published', 'text').execute();
      // Claims stored before this migration take their document's stated date (plain SQL-92).
      await sql`UPDATE claims SET published = (SELECT d.published FROM documents d WHERE d.id = claims.document_id)`.execute(
        db,
      );
      await db.schema.createIndex('claims_about').on('claims').columns(['about', 'published']).execute();
      await db.schema
        .createIndex('claims_claimant')
        .on('claims')
        .columns(['claimant', 'kind', 'published'])
        .execute();
      await db.schema
        .createTable('claim_links')
        .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
        .addColumn('denial_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
        .addColumn('denier', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('claim_links_pk', ['claim_id', 'denial_id'])
        .execute();
      await db.schema.createIndex('claim_links_denial').on('claim_links').column('denial_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('claim_links').ifExists().execute();
      for (const i of ['events_date', 'documents_near_duplicate', 'claims_about', 'claims_claimant']) {
        await db.schema.dropIndex(i).ifExists().execute();
      }
      await db.schema.alterTable('claims').dropColumn('published').execute();
    },
  };
}
