/**
 * The dashboard's view of the HTTP API (`src/api/`): typed fetch helpers, one per route.
 * Shapes are `import type`d from src/ (erased at build, nothing bundled); hand-written types
 * remain only for routes without a src type the web config can check.
 */

import type { Alert } from '../../src/analysis/alerts.js';
import type { BoardItem } from '../../src/analysis/claims-board.js';
import type { Network as Graph } from '../../src/analysis/network-types.js';
import type { Span } from '../../src/model/types.js';
import type { DyadSeries, Interval, PointExplanation, SeriesPoint } from '../../src/analysis/series.js';
import type { DyadSummary } from '../../src/analysis/top-dyads.js';
import type {
  ActorCount,
  ActorMentionRow,
  DocumentRow,
  EventListItem,
  EventMention,
  EventRow as StoredEventRow,
  RelationRow,
  SearchHit,
} from '../../src/store/store.js';

export type {
  ActorCount,
  Alert,
  BoardItem,
  DocumentRow,
  DyadSeries,
  EventMention,
  Graph,
  Interval,
  PointExplanation,
  RelationRow,
  SearchHit,
  SeriesPoint,
};

/** `/api/events` lists carry the group fields; document and actor detail events do not. */
export type EventRow = StoredEventRow & Partial<Pick<EventListItem, 'groupId' | 'sources' | 'mentions'>>;
/** A mention of an actor, with its document and surrounding context. */
export type ActorMention = ActorMentionRow;
export type Quad = '1' | '2' | '3' | '4';

/** A row of `GET /api/dyads`. */
export type TopDyad = DyadSummary;

export interface DocClaim extends Span {
  id: string;
  claimant: string;
  about: string | null;
  text: string;
  quote: string;
  kind?: string;
}

export interface DocMention extends Span {
  text: string;
  actorId: string | null;
  name?: string;
}

/** `GET /api/documents/{id}`: the row, the cleaned body and everything read from it (offsets index body). */
export interface DocumentDetail extends DocumentRow {
  body: string;
  warnings: string[];
  actors: { id: string; name: string; kind: string }[];
  mentions: DocMention[];
  events: EventRow[];
  claims: DocClaim[];
  relations: RelationRow[];
}

export interface ActorDetail extends ActorCount {
  mentionsIn: ActorMention[];
  events: Page<EventRow>;
}

export interface Health {
  status?: string;
  counts?: Record<string, number>;
  [key: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** An answer the API refused (RFC 9457 problem details), with its one-line reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * GETs `/api/<path>` with the given query (empty values left out) and parses the JSON.
 *
 * @example await getJson<Page<TopDyad>>('dyads', { limit: 10 })
 */
export async function getJson<T>(path: string, query: Query = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  const res = await fetch(`api/${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const problem = (await res.json()) as { detail?: string; title?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(res.status, detail);
  }
  return (await res.json()) as T;
}

/** Accepts both `{ items }` and a bare array, so a page keeps working while routes settle. */
export function itemsOf<T>(value: Page<T> | T[] | { items?: T[] } | null | undefined): T[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return value.items ?? [];
}

const enc = encodeURIComponent;

/** One function per route, so pages never build URLs by hand. */
export const api = {
  health: () => getJson<Health>('health'),
  documents: (q: Query = {}) => getJson<Page<DocumentRow>>('documents', q),
  document: (id: string) => getJson<DocumentDetail>(`documents/${enc(id)}`),
  search: (q: string, limit = 30) => getJson<Page<SearchHit> | SearchHit[]>('search', { q, limit }),
  actors: (q: Query = {}) => getJson<Page<ActorCount> | ActorCount[]>('actors', q),
  actor: (id: string) => getJson<ActorDetail>(`actors/${enc(id)}`),
  events: (q: Query = {}) => getJson<Page<EventRow>>('events', q),
  event: (id: string) => getJson<Record<string, unknown>>(`events/${enc(id)}`),
  series: (a: string, b: string, interval: Interval) =>
    getJson<DyadSeries>(`dyads/${enc(a)}/${enc(b)}/series`, { interval }),
  point: (a: string, b: string, period: string, interval: Interval) =>
    getJson<PointExplanation>(`dyads/${enc(a)}/${enc(b)}/series/${enc(period)}`, { interval }),
  dyads: (q: Query = {}) => getJson<Page<TopDyad> | TopDyad[]>('dyads', q),
  alerts: (q: Query = {}) => getJson<Page<Alert> | Alert[]>('alerts', q),
  graph: (q: Query = {}) => getJson<Graph>('graph', q),
  claims: (q: Query = {}) => getJson<Page<BoardItem> | BoardItem[]>('claims', q),
  relations: (q: Query = {}) => getJson<Page<RelationRow>>('relations', q),
};

/** The document id of an event id `<document id>:e<index>`. */
export function documentOfEvent(eventId: string): string {
  const i = eventId.lastIndexOf(':e');
  return i < 0 ? eventId : eventId.slice(0, i);
}

/** The index of an event inside its document's `doc.events`, or -1. */
export function indexOfEvent(eventId: string): number {
  const m = /:e(\d+)$/.exec(eventId);
  return m ? Number(m[1]) : -1;
}
