import type { Claim, CodedEvent, Doc, Relation } from '../model/types.js';
import type { SeriesQueries } from './series-queries.js';

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
  /** Relevance, higher is better (BM25 for SQLite, ts_rank_cd for PostgreSQL; title weighted above body). */
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

/** An actor's name and kind, without counts (see {@link Store.actorLabels}). */
export interface ActorLabel {
  id: string;
  name: string;
  kind: string;
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
  /** Name and kind of the given actors (all without `ids`; unknown ids left out), by id; no mention counts. */
  actorLabels(ids?: readonly string[]): Promise<ActorLabel[]>;
  actorMentions(id: string, opts?: { limit?: number }): Promise<ActorMentionRow[]>;
  /**
   * Stored events matching every filter, by date (undated last), with the total before paging;
   * each with its group of reports (see group-queries.ts). `grouped`: one row per group.
   */
  events(filter?: EventFilter): Promise<{ items: EventListItem[]; total: number }>;
  /** Every event matching the filter as a lean {@link EventLink}, in date order, unpaged (the network). */
  eventLinks(
    filter?: Omit<EventFilter, 'limit' | 'offset' | 'after' | 'grouped' | 'sort'>,
  ): Promise<EventLink[]>;
  /** Makes an event its own group, remembered (pinned) so no later grouping merges it again. */
  splitEvent(eventId: string): Promise<{ groupId: string; split: string[] }>;
  /** Undoes {@link Store.splitEvent}: the event is grouped again as if newly saved. */
  unsplitEvent(eventId: string): Promise<{ groupId: string; joined: string[] }>;
  /** The group of reports an event (id or unique prefix) is in; null when there is no such event. */
  getEventGroup(eventId: string): Promise<EventGroupDetail | null>;
  /** One event by id or unique id prefix, with the mentions inside its quote; null when none. */
  getEvent(idOrPrefix: string): Promise<EventDetail | null>;
  /** Stored claims with their cross-document links, by document date. */
  claims(filter?: ListFilter): Promise<{ items: ClaimRow[]; total: number }>;
  relations(filter?: ListFilter): Promise<{ items: RelationRow[]; total: number }>;
  /** Records an input that could not be ingested (the ingest log). */
  logFailure(input: string, message: string): Promise<void>;
  failures(opts?: { limit?: number }): Promise<FailureRow[]>;
  counts(): Promise<StoreCounts>;
  /** Aggregates (SQL GROUP BY) behind dyad series, tension and alerts; see series-queries.ts. */
  readonly aggregates: SeriesQueries;
  close(): Promise<void>;
}

/** A request the store cannot answer as asked (ambiguous id prefix …); the message says what to do. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Filters of {@link Store.events}; all optional, all combined with AND. */
export interface EventFilter {
  /** An actor on either side: matches source, target, sourceActor or targetActor. */
  actor?: string;
  /** Events between the two, either direction. */
  dyad?: readonly [string, string];
  code?: string;
  root?: string;
  quad?: 1 | 2 | 3 | 4;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; events with no date are left out when either is set. */
  from?: string;
  to?: string;
  modality?: string;
  /** The outlet of the event's document, case-insensitive. */
  outlet?: string;
  documentId?: string;
  /** One row per group of reports of one happening (its earliest event), instead of one per event. */
  grouped?: boolean;
  /** Order of the rows: by date (default; undated last) or by Goldstein score; `-` for descending. */
  sort?: EventSort;
  limit?: number;
  offset?: number;
  /**
   * Keyset paging: only rows after this cursor (`eventCursor(lastRow)` of the previous page),
   * so reading every page costs one index walk, not an ever deeper offset. Date order only
   * (no `sort`, no `offset`); such a page's `total` is not counted again and is -1.
   */
  after?: string;
}

/** An event as the network sees it: its sides (state and specific actor), quad class, Goldstein and group. */
export interface EventLink {
  id: string;
  /** Its group of reports (its own id when it has none). */
  groupId: string;
  source: string;
  target: string;
  sourceActor: string | null;
  targetActor: string | null;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
}

/** Orders {@link Store.events} can return rows in. */
export type EventSort = 'date' | '-date' | 'goldstein' | '-goldstein';

/** A stored event with its id and its document's summary. */
export interface EventRow extends CodedEvent {
  /** `<document id>:e<index>`. */
  id: string;
  documentId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** One report of a happening: an event of a group, with its document. */
export interface EventMention {
  eventId: string;
  documentId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  quote: string;
  start: number;
  end: number;
}

/** A listed event with its group: the group's id, distinct documents and every report. */
export interface EventListItem extends EventRow {
  groupId: string;
  sources: number;
  mentions: EventMention[];
}

/** An event of a group, with why it is there and whether a user split it off. */
export interface GroupMember extends EventRow {
  reason: string;
  pinned: boolean;
}

/** A group of reports of one happening, earliest first; `reason` sums up why its members are together. */
export interface EventGroupDetail {
  groupId: string;
  reason: string;
  events: GroupMember[];
}

/** A stored actor mention, with the actor's kind and country (for marking quotes). */
export interface MentionRow {
  actorId: string;
  kind: string;
  country: string | null;
  text: string;
  start: number;
  end: number;
}

/** An event and the actor mentions that fall inside its quote. */
export interface EventDetail {
  event: EventRow;
  mentions: MentionRow[];
}

/** One reason a denial disputes a claim, as stored in `claim_links`. */
export interface ClaimLinkRow {
  claimId: string;
  denialId: string;
  denier: string;
  reason: string;
  score: number;
}

/** A stored claim; `disputedBy` is the union of the document's own and the stored links. */
export interface ClaimRow extends Claim {
  id: string;
  documentId: string;
  published: string | null;
  outlet: string | null;
  /** Denials (in other documents) that dispute this claim. */
  disputedIn: ClaimLinkRow[];
  /** For a denial: the claims it disputes. */
  disputes: ClaimLinkRow[];
}

export interface RelationRow extends Relation {
  id: string;
  documentId: string;
  published: string | null;
  outlet: string | null;
}

/** Filters of {@link Store.claims} and {@link Store.relations}. */
export interface ListFilter {
  actor?: string;
  limit?: number;
  offset?: number;
}
