import type { Doc } from '../model/types.js';

/** A stored document's summary row. */
export interface DocumentRow {
  id: string;
  input: string;
  url: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  contentHash: string;
  ingestedAt: string;
  actorCount: number;
  eventCount: number;
  claimCount: number;
  relationCount: number;
  /** Id of an earlier document this one nearly duplicates (same story, other outlet). */
  nearDuplicateOf: string | null;
  similarity: number | null;
}

export interface StoredDocument extends DocumentRow {
  body: string;
  warnings: string[];
  /** The full pipeline output as stored (actors, events, claims, relations). */
  doc: Doc;
}

export interface SaveResult {
  id: string;
  status: 'inserted' | 'duplicate';
  nearDuplicateOf: string | null;
  similarity: number | null;
}

export interface SearchHit {
  id: string;
  title: string | null;
  /** The title with matched terms wrapped in the markers (the title as is when none match). */
  titleMarked: string | null;
  /** A short passage of the body around the matches, terms wrapped in the markers. */
  snippet: string;
  /** Relevance, higher is better (BM25 for SQLite, title weighted above body). */
  rank: number;
  published: string | null;
  outlet: string | null;
}

/** Options of {@link Store.search}. */
export interface SearchOptions {
  limit?: number;
  /** Markers around matched terms; default `[`, `]`. */
  mark?: readonly [string, string];
}

/** Row counts of every table, for status lines and integrity checks. */
export interface StoreCounts {
  documents: number;
  actors: number;
  mentions: number;
  events: number;
  claims: number;
  relations: number;
  minhashBands: number;
  failures: number;
}

/** One logged ingest failure. */
export interface FailureRow {
  id: string;
  input: string;
  message: string;
  at: string;
}

export interface ActorCount {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  mentions: number;
  documents: number;
}

export interface ActorMentionRow {
  documentId: string;
  title: string | null;
  text: string;
  start: number;
  end: number;
  context: string;
}

/**
 * The one storage interface. Domain methods are written once against Kysely; only the
 * dialect files (sqlite.ts, postgres.ts) know their engine.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /** Saves a processed document in one transaction; a document with the same content hash is a no-op. */
  saveDocument(doc: Doc): Promise<SaveResult>;
  /** By id or unique id prefix; null when none matches; throws StoreError when a prefix is ambiguous. */
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<{ items: DocumentRow[]; total: number }>;
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  actors(): Promise<ActorCount[]>;
  actorMentions(id: string, opts?: { limit?: number }): Promise<ActorMentionRow[]>;
  /** Records an input that could not be ingested (the ingest log). */
  logFailure(input: string, message: string): Promise<void>;
  failures(opts?: { limit?: number }): Promise<FailureRow[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

/** A request the store cannot answer as asked (ambiguous id prefix …); the message says what to do. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
