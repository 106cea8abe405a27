import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Engine, SearchQuery } from './engine.js';
import { KyselyStore, type StoreOptions } from './kysely-store.js';
import type { Database as Schema } from './schema.js';
import type { SearchHit, Store } from './store.js';

/** Title matches count this many times a body match in BM25 ranking. */
const TITLE_WEIGHT = 5;

/**
 * Opens (creating and migrating as needed) an SQLite store through better-sqlite3: WAL
 * journal so readers never block the writer and a killed process leaves a consistent file,
 * FTS5 for search. `:memory:` gives a throwaway store.
 *
 * @example const store = await openSqliteStore('./faultline.db')
 */
export async function openSqliteStore(path: string, opts: StoreOptions = {}): Promise<Store> {
  const database = new Database(path);
  if (path !== ':memory:') database.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: commits survive a crashed process; only a power cut may lose the last ones.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A bigger page cache (32 MB) keeps index pages of a long ingest in memory.
  database.pragma('cache_size = -32768');
  // DISTINCT and ORDER BY of the claim-linking and listing queries sort in memory, not in temp files.
  database.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: an ingest rewrites the same hot
  // index pages document after document, and each checkpoint copies them back into the file
  // again. Commits stay as durable; the WAL file is only larger between checkpoints.
  database.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const store = new KyselyStore(db, sqliteEngine(), opts);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * SQLite specifics: an FTS5 table kept in step by triggers (its own copy of title and body, so
 * a VACUUM renumbering rowids cannot unhook it), queried with bm25() and snippet()/highlight().
 */
export function sqliteEngine(): Engine {
  return {
    name: 'sqlite',
    async createSearchIndex(db) {
      await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
        id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (id, title, body) VALUES (new.id, new.title, new.body); END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE id = old.id; END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
        UPDATE documents_fts SET title = new.title, body = new.body WHERE id = old.id; END`.execute(db);
    },
    async dropSearchIndex(db) {
      for (const t of ['documents_fts_insert', 'documents_fts_delete', 'documents_fts_update']) {
        await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db);
      }
      await sql`DROP TABLE IF EXISTS documents_fts`.execute(db);
    },
    async search(db, query, { limit, mark }) {
      const [open, close] = mark;
      const result = await sql<{
        id: string;
        title: string | null;
        title_marked: string | null;
        snippet: string;
        score: number;
        published: string | null;
        outlet: string | null;
      }>`SELECT f.id, d.title, highlight(documents_fts, 1, ${open}, ${close}) AS title_marked,
            snippet(documents_fts, 2, ${open}, ${close}, '…', 24) AS snippet,
            bm25(documents_fts, 0.0, ${TITLE_WEIGHT}, 1.0) AS score, d.published, d.outlet
          FROM documents_fts f JOIN documents d ON d.id = f.id
          WHERE documents_fts MATCH ${toFts5(query)}
          ORDER BY score LIMIT ${limit}`.execute(db);
      return result.rows.map((r): SearchHit => ({
        id: r.id,
        title: r.title,
        titleMarked: r.title_marked,
        snippet: r.snippet.replace(/\s+/g, ' ').trim(),
        // bm25() is lower-is-better and negative; flip it so higher is better.
        rank: Number((-r.score).toPrecision(6)),
        published: r.published,
        outlet: r.outlet,
      }));
    },
    async destroy() {},
  };
}

/**
 * A parsed query in FTS5 syntax, every term a quoted string so nothing is read as an operator.
 *
 * @example toFts5({ terms: [{ text: 'baku', prefix: true, phrase: false }], any: false }) // '{title body} : "baku"*'
 */
export function toFts5(query: SearchQuery): string {
  const parts = query.terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`);
  return `{title body} : (${parts.join(query.any ? ' OR ' : ' AND ')})`;
}

/** Distinct SQL texts kept prepared; the ingest path uses a few dozen. */
const STATEMENT_CACHE = 256;

/**
 * The database as Kysely's driver sees it, with prepared statements reused: Kysely prepares
 * every query afresh, and preparing costs more than running the small inserts of an ingest.
 *
 * @example new SqliteDialect({ database: withStatementCache(new Database(path)) })
 */
export function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        // Re-insert to keep the map in least-recently-used order.
        cache.delete(text);
      } else {
        stmt = database.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}
