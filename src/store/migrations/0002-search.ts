import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { Engine } from '../engine.js';

/** Full-text search over documents: each engine builds its own index (FTS5, tsvector …). */
export function search(engine: Engine): Migration {
  return {
    up: (db: Kysely<unknown>) => engine.createSearchIndex(db),
    down: (db: Kysely<unknown>) => engine.dropSearchIndex(db),
  };
}
