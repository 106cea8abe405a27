import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { Migrator, sql } from 'kysely';
import type { Doc } from '../model/types.js';
import { linksOf, listClaims, listRelations, saveClaimLinks, unionDisputedBy } from './claim-queries.js';
import { contentHash, ID_LENGTH } from './content-hash.js';
import { decodeDoc, encodeDoc } from './doc-codec.js';
import { addDocumentToDyadDays } from './dyad-days.js';
import { actorLabels } from './actor-labels.js';
import { eventLinks } from './event-links.js';
import { eventDetail } from './event-queries.js';
import { getEventGroup, listEventItems, saveEventGroups, splitEvent, unsplitEvent } from './group-queries.js';
import { seriesQueries, type SeriesQueries } from './series-queries.js';
import { parseSearchQuery, type Engine } from './engine.js';
import { migrationProvider } from './migrations/index.js';
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  NEAR_DUPLICATE,
  signature,
  similarity,
} from './minhash.js';
import type { Database, DocumentsTable } from './schema.js';
import {
  StoreError,
  type ActorCount,
  type ActorLabel,
  type ActorMentionRow,
  type ClaimRow,
  type EventDetail,
  type EventFilter,
  type EventGroupDetail,
  type EventLink,
  type EventListItem,
  type ListFilter,
  type RelationRow,
  type DocumentRow,
  type FailureRow,
  type SaveResult,
  type SearchHit,
  type SearchOptions,
  type Store,
  type StoreCounts,
  type StoredDocument,
} from './store.js';

export interface StoreOptions {
  /** The clock stamped on rows; tests pass a fixed one. */
  now?: () => Date;
}

/** Both SQLite (32766) and PostgreSQL (65535) accept this many bound values in one statement. */
const MAX_PARAMS = 30_000;
const CONTEXT_CHARS = 90;

/**
 * The store's domain methods, written once in Kysely. Only {@link Engine} knows the engine
 * (connection, full-text search); see sqlite.ts.
 *
 * @example const store = new KyselyStore(db, sqliteEngine); await store.migrate();
 */
export class KyselyStore implements Store {
  readonly dialect: Engine['name'];
  readonly aggregates: SeriesQueries;
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    opts: StoreOptions = {},
  ) {
    this.dialect = engine.name;
    this.aggregates = seriesQueries(db, engine.name);
    this.now = opts.now ?? (() => new Date());
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.engine) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed =
        results?.find((r: { status: string }) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new StoreError(
        `database migration ${failed} failed: ${(error as Error).message}; restore a backup or use a new --db`,
      );
    }
  }

  async saveDocument(doc: Doc): Promise<SaveResult> {
    const hash = contentHash(doc.title, doc.body);
    const id = hash.slice(0, ID_LENGTH);
    const sig = signature(doc.body);
    const keys = sig ? bandKeys(sig) : [];
    try {
      return await this.db.transaction().execute(async (trx) => {
        // One round trip answers both "stored already?" and "a near-duplicate of what?".
        const found = await storedOrSharingBands(trx, hash, keys);
        const existing = found.find((r) => Number(r.exact) === 1);
        if (existing) return duplicate(existing);
        const near = sig ? nearestDuplicate(sig, found) : null;
        await saveFindings(trx, this.dialect, id, doc, [
          { table: 'documents', rows: [documentRow(id, hash, doc, sig, near, this.now())] },
          { table: 'minhash_bands', rows: keys.map((key) => ({ key, document_id: id })) },
        ]);
        await saveClaimLinks(trx, id, doc, near?.id ?? id);
        await saveEventGroups(trx, id, doc, near?.id ?? id);
        await addDocumentToDyadDays(trx, id, doc.events);
        return {
          id,
          status: 'inserted' as const,
          nearDuplicateOf: near?.id ?? null,
          similarity: near?.similarity ?? null,
        };
      });
    } catch (err) {
      // Another writer stored the same content between our check and our insert.
      const again = await this.db
        .selectFrom('documents')
        .select(['id', 'near_duplicate_of', 'similarity'])
        .where('content_hash', '=', hash)
        .executeTakeFirst();
      if (again) return duplicate(again);
      throw err;
    }
  }

  async getDocument(idOrPrefix: string): Promise<StoredDocument | null> {
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{1,64}$/.test(key)) return null;
    let rows = await this.db.selectFrom('documents').selectAll().where('id', '=', key).execute();
    if (!rows.length) {
      rows = await this.db
        .selectFrom('documents')
        .selectAll()
        .where('id', 'like', `${key}%`)
        .orderBy('id')
        .limit(5)
        .execute();
    }
    if (rows.length > 1) {
      throw new StoreError(
        `id prefix ${key} matches ${rows.length === 5 ? 'several' : rows.length} documents (${rows.map((r) => r.id).join(', ')}); give more characters`,
      );
    }
    const row = rows[0];
    if (!row) return null;
    const doc = decodeDoc(row.doc, row.body);
    // Denials stored in other documents add to a claim's disputedBy.
    const links = await linksOf(
      this.db,
      doc.claims.map((_c, i) => `${row.id}:c${i}`),
    );
    doc.claims.forEach((c, i) => {
      const mine = links.filter((l) => l.claimId === `${row.id}:c${i}`);
      if (mine.length) c.disputedBy = unionDisputedBy(c.disputedBy, mine);
    });
    return { ...summary(row), body: row.body, warnings: JSON.parse(row.warnings) as string[], doc };
  }

  async listDocuments(
    opts: { limit?: number; offset?: number } = {},
  ): Promise<{ items: DocumentRow[]; total: number }> {
    const rows = await this.db
      .selectFrom('documents')
      .select(SUMMARY_COLUMNS)
      .orderBy('ingested_at')
      .orderBy('input')
      .limit(opts.limit ?? 50)
      .offset(opts.offset ?? 0)
      .execute();
    const { n } = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(summary), total: Number(n) };
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const parsed = parseSearchQuery(query);
    if (!parsed.terms.length) return [];
    return this.engine.search(this.db, parsed, { limit: opts.limit ?? 20, mark: opts.mark ?? ['[', ']'] });
  }

  async actors(): Promise<ActorCount[]> {
    const rows = await this.db
      .selectFrom('actors')
      .leftJoin('mentions', 'mentions.actor_id', 'actors.id')
      .select((eb) => [
        'actors.id',
        'actors.kind',
        'actors.name',
        'actors.country',
        eb.fn.count<number | string>('mentions.idx').as('mentions'),
        eb.fn.count<number | string>('mentions.document_id').distinct().as('documents'),
      ])
      .groupBy(['actors.id', 'actors.kind', 'actors.name', 'actors.country'])
      .orderBy('mentions', 'desc')
      .orderBy('actors.id')
      .execute();
    return rows.map((r) => ({ ...r, mentions: Number(r.mentions), documents: Number(r.documents) }));
  }

  actorLabels(ids?: readonly string[]): Promise<ActorLabel[]> {
    return actorLabels(this.db, ids);
  }

  async actorMentions(id: string, opts: { limit?: number } = {}): Promise<ActorMentionRow[]> {
    const rows = await this.db
      .selectFrom('mentions')
      .innerJoin('documents', 'documents.id', 'mentions.document_id')
      .select([
        'mentions.document_id',
        'documents.title',
        'mentions.text',
        'mentions.start_offset',
        'mentions.end_offset',
      ])
      .where('mentions.actor_id', '=', id)
      .orderBy('documents.ingested_at')
      .orderBy('mentions.document_id')
      .orderBy('mentions.start_offset')
      .limit(opts.limit ?? 50)
      .execute();
    const ids = [...new Set(rows.map((r) => r.document_id))];
    const bodies = new Map<string, string>();
    if (ids.length) {
      const docs = await this.db
        .selectFrom('documents')
        .select(['id', 'body'])
        .where('id', 'in', ids)
        .execute();
      for (const d of docs) bodies.set(d.id, d.body);
    }
    return rows.map((r) => ({
      documentId: r.document_id,
      title: r.title,
      text: r.text,
      start: r.start_offset,
      end: r.end_offset,
      context: contextAround(bodies.get(r.document_id) ?? '', r.start_offset, r.end_offset),
    }));
  }

  events(filter: EventFilter = {}): Promise<{ items: EventListItem[]; total: number }> {
    return listEventItems(this.db, filter);
  }

  eventLinks(filter: Parameters<Store['eventLinks']>[0] = {}): Promise<EventLink[]> {
    return eventLinks(this.db, filter);
  }

  splitEvent(eventId: string): Promise<{ groupId: string; split: string[] }> {
    return splitEvent(this.db, eventId);
  }

  unsplitEvent(eventId: string): Promise<{ groupId: string; joined: string[] }> {
    return unsplitEvent(this.db, eventId);
  }

  getEventGroup(eventId: string): Promise<EventGroupDetail | null> {
    return getEventGroup(this.db, eventId);
  }

  getEvent(idOrPrefix: string): Promise<EventDetail | null> {
    return eventDetail(this.db, idOrPrefix);
  }

  claims(filter: ListFilter = {}): Promise<{ items: ClaimRow[]; total: number }> {
    return listClaims(this.db, filter);
  }

  relations(filter: ListFilter = {}): Promise<{ items: RelationRow[]; total: number }> {
    return listRelations(this.db, filter);
  }

  async logFailure(input: string, message: string): Promise<void> {
    await this.db
      .insertInto('ingest_failures')
      .values({ id: randomUUID(), input, message, at: this.now().toISOString() })
      .execute();
  }

  async failures(opts: { limit?: number } = {}): Promise<FailureRow[]> {
    return this.db
      .selectFrom('ingest_failures')
      .selectAll()
      .orderBy('at', 'desc')
      .limit(opts.limit ?? 50)
      .execute();
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: keyof Database) => {
      const { n } = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n);
    };
    return {
      documents: await count('documents'),
      actors: await count('actors'),
      mentions: await count('mentions'),
      events: await count('events'),
      claims: await count('claims'),
      relations: await count('relations'),
      minhashBands: await count('minhash_bands'),
      failures: await count('ingest_failures'),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

const SUMMARY_COLUMNS = [
  'id',
  'input',
  'url',
  'title',
  'published',
  'author',
  'outlet',
  'content_hash',
  'ingested_at',
  'actor_count',
  'event_count',
  'claim_count',
  'relation_count',
  'near_duplicate_of',
  'similarity',
] as const;

type SummaryRow = Pick<DocumentsTable, (typeof SUMMARY_COLUMNS)[number]>;

function summary(r: SummaryRow): DocumentRow {
  return {
    id: r.id,
    input: r.input,
    url: r.url,
    title: r.title,
    published: r.published,
    author: r.author,
    outlet: r.outlet,
    contentHash: r.content_hash,
    ingestedAt: r.ingested_at,
    actorCount: Number(r.actor_count),
    eventCount: Number(r.event_count),
    claimCount: Number(r.claim_count),
    relationCount: Number(r.relation_count),
    nearDuplicateOf: r.near_duplicate_of,
    similarity: r.similarity == null ? null : Number(r.similarity),
  };
}

function duplicate(row: {
  id: string;
  near_duplicate_of: string | null;
  similarity: number | null;
}): SaveResult {
  return {
    id: row.id,
    status: 'duplicate',
    nearDuplicateOf: row.near_duplicate_of,
    similarity: row.similarity,
  };
}

/**
 * The document stored with this content hash (`exact` 1), if any, and every stored document
 * sharing one of the LSH band keys (`exact` 0), in one statement. A semi-join on the bands, so
 * each document comes once without sorting its wide minhash column to drop repeats.
 */
async function storedOrSharingBands(trx: Transaction<Database>, hash: string, keys: string[]) {
  const exact = trx
    .selectFrom('documents')
    .select(['id', 'minhash', 'near_duplicate_of', 'similarity', sql<number>`1`.as('exact')])
    .where('content_hash', '=', hash);
  if (!keys.length) return exact.execute();
  return exact
    .unionAll(
      trx
        .selectFrom('documents')
        .select(['id', 'minhash', 'near_duplicate_of', 'similarity', sql<number>`0`.as('exact')])
        .where('id', 'in', trx.selectFrom('minhash_bands').select('document_id').where('key', 'in', keys)),
    )
    .execute();
}

/**
 * The most similar stored document sharing an LSH band, if its estimated Jaccard is at least
 * {@link NEAR_DUPLICATE}. Links go to the first of a cluster so a story's copies share one root.
 */
function nearestDuplicate(
  sig: Uint32Array,
  found: { id: string; minhash: string | null; near_duplicate_of: string | null; exact: number }[],
) {
  // Engines return rows in their own order; equal similarities must pick the same document.
  const candidates = found
    .filter((c) => Number(c.exact) === 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let best: { id: string; similarity: number } | null = null;
  for (const c of candidates) {
    if (!c.minhash) continue;
    const s = similarity(sig, decodeSignature(c.minhash));
    if (s >= NEAR_DUPLICATE && (!best || s > best.similarity || (s === best.similarity && c.id < best.id))) {
      best = { id: c.near_duplicate_of ?? c.id, similarity: s };
    }
  }
  return best;
}

function documentRow(
  id: string,
  hash: string,
  doc: Doc,
  sig: Uint32Array | null,
  near: { id: string; similarity: number } | null,
  now: Date,
): DocumentsTable {
  return {
    id,
    content_hash: hash,
    input: doc.input,
    url: doc.url,
    title: doc.title,
    published: doc.published,
    author: doc.author,
    outlet: doc.outlet,
    format: doc.format,
    body: doc.body,
    warnings: JSON.stringify(doc.warnings),
    // Without the body and the quotes its offsets rebuild (see doc-codec.ts).
    doc: encodeDoc(doc),
    minhash: sig ? encodeSignature(sig) : null,
    near_duplicate_of: near?.id ?? null,
    similarity: near ? Math.round(near.similarity * 1000) / 1000 : null,
    actor_count: doc.actors.length,
    event_count: doc.events.length,
    claim_count: doc.claims.length,
    relation_count: doc.relations.length,
    ingested_at: now.toISOString(),
  };
}

/** Rows for one table, and whether rows already there (shared actors) are skipped. */
interface InsertBatch {
  table: keyof Database;
  rows: object[];
  ignoreConflicts?: boolean;
}

/**
 * Writes a new document's rows: `lead` (the document, its bands), then actors (shared across
 * documents: first seen wins), mentions, events, claims, relations. On PostgreSQL all of them
 * go in one statement (see {@link insertBatches}).
 */
async function saveFindings(
  trx: Transaction<Database>,
  dialect: Engine['name'],
  id: string,
  doc: Doc,
  lead: InsertBatch[],
): Promise<void> {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const batches: InsertBatch[] = [...lead];
  batches.push({
    table: 'actors',
    // In id order, so concurrent PostgreSQL writers lock shared actor rows in one order (no deadlock).
    rows: [...actors.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        country: a.country,
        role: a.role,
        sector: a.sector ?? null,
      })),
    ignoreConflicts: true,
  });
  let m = 0;
  batches.push({
    table: 'mentions',
    rows: doc.actors.flatMap((a) =>
      a.mentions.map((x) => ({
        document_id: id,
        idx: m++,
        actor_id: a.id,
        text: x.text,
        start_offset: x.start,
        end_offset: x.end,
      })),
    ),
  });
  batches.push({
    table: 'events',
    rows: doc.events.map((e, i) => ({
      id: `${id}:e${i}`,
      document_id: id,
      idx: i,
      source: e.source,
      target: e.target,
      source_actor: e.sourceActor,
      target_actor: e.targetActor,
      code: e.code,
      root: e.root,
      quad_class: e.quadClass,
      goldstein: e.goldstein,
      plover: e.plover,
      date: e.date,
      date_precision: e.datePrecision,
      modality: e.modality,
      quote: e.quote,
      start_offset: e.start,
      end_offset: e.end,
      rule: e.rule,
      trigger_start: e.trigger?.start ?? null,
      trigger_end: e.trigger?.end ?? null,
    })),
  });
  batches.push({
    table: 'claims',
    rows: doc.claims.map((c, i) => ({
      id: `${id}:c${i}`,
      document_id: id,
      idx: i,
      claimant: c.claimant,
      about: c.about,
      text: c.text,
      quote: c.quote,
      start_offset: c.start,
      end_offset: c.end,
      disputed_by: JSON.stringify(c.disputedBy ?? []),
      kind: c.kind ?? null,
      rule: c.rule ?? null,
      published: doc.published ?? doc.reference.date,
    })),
  });
  batches.push({
    table: 'relations',
    rows: doc.relations.map((r, i) => ({
      id: `${id}:r${i}`,
      document_id: id,
      idx: i,
      a: r.a,
      b: r.b,
      type: r.type,
      since: r.since,
      quote: r.quote,
      start_offset: r.start,
      end_offset: r.end,
      rule: r.rule ?? null,
    })),
  });
  await insertBatches(trx, batches, dialect === 'postgres');
}

/** Multi-row inserts, split to stay under every engine's bound-parameter limit. */
async function insertChunked<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: object[],
  ignoreConflicts = false,
): Promise<void> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += size) {
    // The row shapes are built above from the schema's own columns.
    const q = trx.insertInto(table).values(rows.slice(i, i + size) as never);
    await (ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q).execute();
  }
}

/**
 * Inserts the batches in order. With `combine` (PostgreSQL) they go as one statement of
 * data-modifying CTEs, one round trip instead of one per table: PostgreSQL checks foreign keys
 * at the end of the statement, when every CTE has run, so rows may refer to rows inserted by
 * a sibling CTE. Past the bound-parameter limit, or without `combine`, one chunked statement
 * per table (SQLite runs in-process: a statement there costs no round trip).
 */
async function insertBatches(
  trx: Transaction<Database>,
  batches: InsertBatch[],
  combine: boolean,
): Promise<void> {
  const full = batches.filter((b) => b.rows.length);
  const params = full.reduce((n, b) => n + b.rows.length * Object.keys(b.rows[0]!).length, 0);
  if (combine && full.length > 1 && params <= MAX_PARAMS) {
    const parts = full.map((b, i) => {
      // The row shapes are built above from the schema's own columns.
      const q = trx.insertInto(b.table).values(b.rows as never);
      return sql`${sql.id(`i${i}`)} as (${b.ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q})`;
    });
    await sql`with ${sql.join(parts)} select 1`.execute(trx);
    return;
  }
  for (const b of full) await insertChunked(trx, b.table, b.rows, b.ignoreConflicts);
}

/**
 * The passage around a mention: about {@link CONTEXT_CHARS} characters each side, cut at word
 * boundaries, on one line.
 *
 * @example contextAround('Officials in Baku said on Monday', 13, 17) // 'Officials in Baku said on Monday'
 */
export function contextAround(body: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(body.length, end + CONTEXT_CHARS);
  if (from > 0) from = body.indexOf(' ', from) + 1 || from;
  if (to < body.length) to = body.lastIndexOf(' ', to) > end ? body.lastIndexOf(' ', to) : to;
  const text = body.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${text}${to < body.length ? '…' : ''}`;
}
