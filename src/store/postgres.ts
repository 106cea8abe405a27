import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Engine, SearchQuery } from './engine.js';
import { KyselyStore, type StoreOptions } from './kysely-store.js';
import type { Database as Schema } from './schema.js';
import { StoreError, type SearchHit, type Store } from './store.js';

/** The text search configuration the index and the queries share (created by migration 0002). */
const TS_CONFIG = 'faultline_search';
/** The SQL function that spaces out punctuation before indexing (created by migration 0002). */
const TEXT_FN = 'faultline_search_text';
/**
 * ts_rank_cd weights for D, C, B, A: title (A) counts five times the body (B), as in the
 * SQLite engine's BM25.
 */
const RANK_WEIGHTS = '{0.1, 0.1, 0.2, 1.0}';
/** ts_rank_cd normalisation 1: divides by 1 + log(length), so long documents do not win by size (as in BM25). */
const RANK_NORMALIZATION = 1;
/** Snippet length in words, as SQLite's snippet() tokens. */
const SNIPPET_WORDS = 24;
/** Marks ts_headline puts around matches; swapped for the caller's after, so they need no quoting. */
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Opens (migrating as needed) a PostgreSQL store through a `pg` pool: the database must exist;
 * tables, indexes and the text search configuration are created on first use.
 *
 * @example const store = await openPostgresStore('postgres://faultline@localhost/faultline')
 */
export async function openPostgresStore(url: string, opts: StoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'faultline',
    // An unreachable host fails in seconds instead of hanging the command.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
  });
  // A server restart kills idle clients; the pool drops them and the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreError(connectionMessage(url, err));
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyStore(db, postgresEngine(), opts);
  try {
    await store.migrate();
    await byteOrderText(db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * PostgreSQL specifics: a stored generated tsvector column over title (weight A) and body
 * (weight B) with a GIN index, queried with to_tsquery, ranked with ts_rank_cd, marked with
 * ts_headline. The `faultline_search` configuration is `simple` (no stemming, no stop words,
 * as SQLite's unicode61 tokenizer) plus `unaccent` when the extension can be created, so
 * "Erdogan" finds "Erdoğan" as SQLite's remove_diacritics does. Text is indexed through
 * `faultline_search_text`, which turns punctuation into spaces first: PostgreSQL's parser would
 * otherwise read "Iğdır–Nakhchivan", "example.org" or "U.S." as one word where SQLite reads
 * two, and the two engines would find different documents.
 */
export function postgresEngine(): Engine {
  return {
    name: 'postgres',
    async createSearchIndex(db) {
      await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.id(TS_CONFIG)} (COPY = pg_catalog.simple)`.execute(db);
      // Migrations run in one transaction: a refused CREATE EXTENSION (no privilege, no contrib
      // package) must not abort it, so it gets a savepoint of its own.
      await sql`SAVEPOINT faultline_unaccent`.execute(db);
      try {
        await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
        await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.id(TS_CONFIG)}
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(db);
        await sql`RELEASE SAVEPOINT faultline_unaccent`.execute(db);
      } catch {
        await sql`ROLLBACK TO SAVEPOINT faultline_unaccent`.execute(db);
      }
      // One character for one: offsets into the result are offsets into the text.
      await sql`CREATE FUNCTION ${sql.id(TEXT_FN)}(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS ${sql.lit(`SELECT regexp_replace(t, '${separatorClass()}', ' ', 'g')`)}`.execute(db);
      await sql`ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(${sql.lit(TS_CONFIG)}::regconfig, ${sql.id(TEXT_FN)}(coalesce(title, ''))), 'A') ||
          setweight(to_tsvector(${sql.lit(TS_CONFIG)}::regconfig, ${sql.id(TEXT_FN)}(body)), 'B')) STORED`.execute(
        db,
      );
      await sql`CREATE INDEX documents_search ON documents USING gin (search)`.execute(db);
    },
    async dropSearchIndex(db) {
      await sql`DROP INDEX IF EXISTS documents_search`.execute(db);
      await sql`ALTER TABLE documents DROP COLUMN IF EXISTS search`.execute(db);
      await sql`DROP FUNCTION IF EXISTS ${sql.id(TEXT_FN)}(text)`.execute(db);
      await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${sql.id(TS_CONFIG)}`.execute(db);
    },
    async search(db, query, { limit, mark }) {
      const config = sql`${sql.lit(TS_CONFIG)}::regconfig`;
      const fn = sql.id(TEXT_FN);
      const options = `StartSel=${OPEN}, StopSel=${CLOSE}`;
      const snippetOptions = `${options}, MaxFragments=1, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.floor(SNIPPET_WORDS / 2)}, ShortWord=0`;
      // Rank and cut first, then mark only the hits kept: ts_headline re-parses each body. It
      // marks the spaced text the index saw; `at` places its passage in the body as written.
      const result = await sql<{
        id: string;
        title: string | null;
        title_marked: string | null;
        snippet: string;
        passage: string | null;
        at: number;
        body_length: number;
        score: number;
        published: string | null;
        outlet: string | null;
      }>`WITH q AS (SELECT to_tsquery(${config}, ${toTsquery(query)}) AS q),
        hits AS (
          SELECT d.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], d.search, q.q, ${RANK_NORMALIZATION}::int) AS score
          FROM documents d, q WHERE d.search @@ q.q
          ORDER BY score DESC, d.id LIMIT ${limit})
        SELECT h.id, h.score, d.title, d.published, d.outlet, length(d.body) AS body_length,
          ts_headline(${config}, ${fn}(d.title), q.q, ${`${options}, HighlightAll=true`}) AS title_marked,
          s.snippet, p.at, substr(d.body, p.at, length(s.plain)) AS passage
        FROM hits h JOIN documents d ON d.id = h.id CROSS JOIN q
        CROSS JOIN LATERAL (SELECT ts_headline(${config}, ${fn}(d.body), q.q, ${snippetOptions}) AS snippet) s0
        CROSS JOIN LATERAL (SELECT s0.snippet, replace(replace(s0.snippet, ${OPEN}, ''), ${CLOSE}, '') AS plain) s
        CROSS JOIN LATERAL (SELECT strpos(${fn}(d.body), s.plain) AS at) p
        ORDER BY h.score DESC, h.id`.execute(db);
      // ts_headline marks each word; a phrase query is marked as one span, as SQLite does.
      const phrases = query.terms.some((t) => t.phrase);
      const marked = (s: string) =>
        (phrases ? s.replace(new RegExp(`${CLOSE}(\\s+)${OPEN}`, 'g'), '$1') : s)
          .replaceAll(OPEN, mark[0])
          .replaceAll(CLOSE, mark[1]);
      return result.rows.map((r): SearchHit => {
        const at = Number(r.at);
        const passage = at > 0 && r.passage !== null ? withMarksOf(r.snippet, r.passage) : r.snippet;
        const cutEnd = at > 0 && at - 1 + [...(r.passage ?? '')].length < Number(r.body_length);
        return {
          id: r.id,
          title: r.title,
          titleMarked:
            r.title_marked === null || r.title === null ? null : marked(withMarksOf(r.title_marked, r.title)),
          snippet: `${at > 1 ? '…' : ''}${marked(passage.replace(/\s+/g, ' ').trim())}${cutEnd ? '…' : ''}`,
          rank: Number(Number(r.score).toPrecision(6)),
          published: r.published,
          outlet: r.outlet,
        };
      });
    },
    async destroy() {},
  };
}

/**
 * The marks of a ts_headline result carried over to the original text it was made from (the
 * same characters, punctuation spaced out): the text as written, marked where the headline is.
 *
 * @example withMarksOf('\u0001Iğdır\u0002 Nakhchivan', 'Iğdır–Nakhchivan') // '\u0001Iğdır\u0002–Nakhchivan'
 */
export function withMarksOf(headline: string, original: string): string {
  const chars = [...original];
  let i = 0;
  let out = '';
  for (const ch of headline) out += ch === OPEN || ch === CLOSE ? ch : (chars[i++] ?? '');
  return out + chars.slice(i).join('');
}

/**
 * A regular expression bracket matching one punctuation, symbol, space or control character
 * (Unicode P, S, Z, Cc, Cf) of the Basic Multilingual Plane: what SQLite's unicode61 tokenizer
 * separates words on, as ranges of `\uXXXX` escapes PostgreSQL's regular expressions read.
 *
 * @example separatorClass().startsWith("[\\u0001-\\u002f") // true
 */
export function separatorClass(): string {
  const sep = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/u;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const ranges: string[] = [];
  let start = -1;
  // From 1: PostgreSQL text never holds NUL, and its regular expressions refuse \u0000.
  for (let c = 1; c <= 0x10000; c++) {
    const isSep = c < 0x10000 && (c < 0xd800 || c > 0xdfff) && sep.test(String.fromCharCode(c));
    if (isSep && start < 0) start = c;
    if (!isSep && start >= 0) {
      ranges.push(start === c - 1 ? hex(start) : `${hex(start)}-${hex(c - 1)}`);
      start = -1;
    }
  }
  return `[${ranges.join('')}]`;
}

/**
 * Gives every text column the "C" collation when the database's own is another (en_US, ICU …),
 * so text sorts and compares by code point as in SQLite: ids, inputs and actor codes list in
 * the same order, and the `YYYY-MM~` upper bound of a date filter stays above every day of the
 * month. Run after migrations, so columns added by later migrations are covered too; a no-op
 * on a "C" database. Columns feeding the generated search column keep theirs (PostgreSQL
 * cannot retype them, and they are never sorted on).
 *
 * @example await byteOrderText(db)
 */
export async function byteOrderText(db: Kysely<Schema>): Promise<void> {
  // to_jsonb: `datlocprovider` exists from PostgreSQL 15 only.
  const { rows: info } = await sql<{ collate: string; provider: string | null }>`
    SELECT datcollate AS collate, to_jsonb(d) ->> 'datlocprovider' AS provider
    FROM pg_database d WHERE datname = current_database()`.execute(db);
  const own = info[0];
  if (own && own.provider !== 'i' && /^(C|POSIX)(\..*)?$/i.test(own.collate)) return;
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type = 'text' AND c.collation_name IS DISTINCT FROM 'C'
      AND c.table_name NOT LIKE 'kysely\_%'
      AND NOT EXISTS (SELECT 1 FROM information_schema.column_column_usage u
        WHERE u.table_schema = c.table_schema AND u.table_name = c.table_name AND u.column_name = c.column_name)
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  if (!byTable.size) return;
  await db.transaction().execute(async (trx) => {
    for (const [table, columns] of byTable) {
      const alters = columns.map((c) => sql`ALTER COLUMN ${sql.id(c)} TYPE text COLLATE "C"`);
      await sql`ALTER TABLE ${sql.id(table)} ${sql.join(alters)}`.execute(trx);
    }
  });
}

/**
 * A parsed query as to_tsquery text: each word a quoted lexeme (so nothing in it is an
 * operator), `:*` for a prefix, `<->` between the words of a phrase, `&` or `|` between terms.
 *
 * @example toTsquery({ terms: [{ text: 'baku', prefix: true, phrase: false }], any: false }) // "'baku':*"
 */
export function toTsquery(query: SearchQuery): string {
  const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const parts = query.terms.map((t) => {
    const words = t.text.split(/\s+/).filter(Boolean);
    const text = words.map(lexeme).join(' <-> ');
    return t.prefix ? `${text}:*` : words.length > 1 ? `(${text})` : text;
  });
  return parts.join(query.any ? ' | ' : ' & ');
}

/**
 * A PostgreSQL URL fit for messages: the password replaced by `***`.
 *
 * @example maskUrl('postgres://me:secret@db/f') // 'postgres://me:***@db/f'
 */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

/** One line for a failed first connection: which server, what went wrong, what to do. */
function connectionMessage(url: string, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const where = `cannot open postgresql database ${maskUrl(url)}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused; start the server or fix the host and port in --database-url`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: unknown host; fix the host in --database-url`;
    case '28P01':
    case '28000':
      return `${where}: authentication failed; check the user and password in --database-url`;
    case '3D000':
      return `${where}: the database does not exist; create it (createdb) or name another in --database-url`;
    default: {
      const msg = (e.message ?? String(err)).split('\n')[0]!.toLowerCase();
      return `${where}: ${msg || 'no answer'}; check that the server runs and --database-url is right`;
    }
  }
}
