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
  snippet: string;
  rank: number;
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
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<{ items: DocumentRow[]; total: number }>;
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  actors(): Promise<ActorCount[]>;
  actorMentions(id: string, opts?: { limit?: number }): Promise<ActorMentionRow[]>;
  close(): Promise<void>;
}
