/**
 * The tables as Kysely sees them. Types are those every engine has (text, integer, real);
 * JSON is stored as text so the same code runs on SQLite and PostgreSQL.
 */
export interface Database {
  documents: DocumentsTable;
  actors: ActorsTable;
  mentions: MentionsTable;
  events: EventsTable;
  claims: ClaimsTable;
  relations: RelationsTable;
  minhash_bands: MinhashBandsTable;
  ingest_failures: IngestFailuresTable;
  claim_links: ClaimLinksTable;
  event_groups: EventGroupsTable;
  dyad_days: DyadDaysTable;
  dyad_periods: DyadPeriodsTable;
}

export interface DocumentsTable {
  id: string;
  content_hash: string;
  input: string;
  url: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  format: string;
  body: string;
  /** JSON array of strings. */
  warnings: string;
  /** JSON of the pipeline's Doc, without its body (kept once, in `body`). */
  doc: string;
  /** MinHash signature as hex, null for a body with no words. */
  minhash: string | null;
  near_duplicate_of: string | null;
  similarity: number | null;
  actor_count: number;
  event_count: number;
  claim_count: number;
  relation_count: number;
  ingested_at: string;
}

export interface ActorsTable {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  role: string | null;
  sector: string | null;
}

export interface MentionsTable {
  document_id: string;
  idx: number;
  actor_id: string;
  text: string;
  start_offset: number;
  end_offset: number;
}

export interface EventsTable {
  /** `<document id>:e<index>`. */
  id: string;
  document_id: string;
  idx: number;
  source: string;
  target: string;
  source_actor: string | null;
  target_actor: string | null;
  code: string;
  root: string;
  quad_class: number;
  goldstein: number;
  plover: string | null;
  date: string | null;
  date_precision: string;
  modality: string;
  quote: string;
  start_offset: number;
  end_offset: number;
  rule: string;
  trigger_start: number | null;
  trigger_end: number | null;
  /**
   * 1 unless the event is a later report of its happening (its `event_groups` row names another
   * event as its group): kept with the groups (store/dyad-days.ts), migration 0008. Inserts
   * leave it out (default 1).
   */
  representative: number;
}

export interface ClaimsTable {
  id: string;
  document_id: string;
  idx: number;
  claimant: string;
  about: string | null;
  text: string;
  quote: string;
  start_offset: number;
  end_offset: number;
  /** JSON array of actor ids. */
  disputed_by: string;
  kind: string | null;
  rule: string | null;
  /** The document's published (else reference) date, copied for linking (migration 0003). */
  published: string | null;
}

export interface RelationsTable {
  id: string;
  document_id: string;
  idx: number;
  a: string;
  b: string;
  type: string;
  since: string | null;
  quote: string;
  start_offset: number;
  end_offset: number;
  rule: string | null;
}

export interface MinhashBandsTable {
  /** `band:bucket-hash`. */
  key: string;
  document_id: string;
}

export interface IngestFailuresTable {
  id: string;
  input: string;
  message: string;
  at: string;
}

/** One cross-document (or same-document) link: the denial `denial_id` disputes `claim_id`. */
export interface ClaimLinksTable {
  claim_id: string;
  denial_id: string;
  /** The denier (the denial's claimant), added to the claim's disputedBy. */
  denier: string;
  /** Why they were linked: `text` (proposition overlap) or `dyad` (same pair of actors within days). */
  reason: string;
  /** The overlap (0–1) for `text`; for `dyad`, the days between the two documents. */
  score: number;
}

/**
 * Which group of reports of one happening each event is in (migration 0005). A group's id is
 * the id of its earliest event; `dyad`, `day_from` and `published` let a save find the stored
 * events a new one may match from an index alone.
 */
export interface EventGroupsTable {
  event_id: string;
  group_id: string;
  /** Why the event is in its group: the match that put it there, `first report` or `split by user`. */
  reason: string;
  /** 1 when a user split the event off: it stays alone, regrouping never merges it again. */
  pinned: number;
  /** The unordered pair `A|B` of its source and target. */
  dyad: string;
  /** Its CAMEO root (events of other roots never match). */
  root: string;
  /** The first day it may have happened on (`YYYY-MM-DD`; undated: from its document's date). */
  day_from: string | null;
  /** Its document's published (else reference) date. */
  published: string | null;
}

/**
 * The per-day rollup behind series, tension, top dyads and alerts (migration 0007, kept by
 * store/dyad-days.ts): per ordered pair, day and modality, the events and their Goldstein sum,
 * in total and per quad class, for every report and for group representatives only (`rep_`).
 * `day` is `YYYY-MM-DD`, or `YYYY-MM` for events dated to a month only.
 */
/** Events and Goldstein sums per quad class, for every report and for representatives (`rep_`). */
export interface QuadSums {
  q1_events: number;
  q1_goldstein: number;
  q2_events: number;
  q2_goldstein: number;
  q3_events: number;
  q3_goldstein: number;
  q4_events: number;
  q4_goldstein: number;
  rep_q1_events: number;
  rep_q1_goldstein: number;
  rep_q2_events: number;
  rep_q2_goldstein: number;
  rep_q3_events: number;
  rep_q3_goldstein: number;
  rep_q4_events: number;
  rep_q4_goldstein: number;
}

export interface DyadDaysTable extends QuadSums {
  source: string;
  target: string;
  day: string;
  modality: string;
  events: number;
  goldstein: number;
  rep_events: number;
  rep_goldstein: number;
}

/**
 * Migration 0009: the per-period rollup, one row per ordered pair and period: a month
 * (`YYYY-MM`, every event at least month-dated) or an ISO week named by its Monday
 * (`YYYY-MM-DD`, day-dated events only). The quad-class columns of {@link DyadDaysTable}.
 */
export interface DyadPeriodsTable extends QuadSums {
  source: string;
  target: string;
  period: string;
}
