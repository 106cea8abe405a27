import type { ActorKind, CodedEvent, Span } from '../model/types.js';
import type { Store } from '../store/store.js';

/** What the GDELT and ICEWS exports need of an event's document, kept small for caching. */
export interface DocumentFacts {
  id: string;
  input: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  ingestedAt: string;
  bodyLength: number;
  /** End of the lead paragraph (the body up to its first line break). */
  leadEnd: number;
  sentences: readonly Span[];
  /** Actor mentions in body order. */
  mentions: readonly { actorId: string; start: number; end: number }[];
  actors: ReadonlyMap<
    string,
    { name: string; kind: ActorKind; country: string | null; sector: string | null }
  >;
  events: readonly Pick<
    CodedEvent,
    'source' | 'target' | 'sourceActor' | 'targetActor' | 'start' | 'end' | 'trigger'
  >[];
}

/**
 * Documents by id for the exports, read through `Store.getDocument` and kept in a small
 * least-recently-used cache: events come by date, so a document's events are near each other
 * but not always together, and a store's documents never all sit in memory.
 *
 * @example const docs = new DocumentCache(store); const facts = await docs.get(event.documentId)
 */
export class DocumentCache {
  private readonly cache = new Map<string, DocumentFacts | null>();

  constructor(
    private readonly store: Store,
    private readonly size = 256,
  ) {}

  /** The document's facts; null when it is gone (deleted between pages). */
  async get(id: string): Promise<DocumentFacts | null> {
    const hit = this.cache.get(id);
    if (hit !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const stored = await this.store.getDocument(id);
    const facts: DocumentFacts | null = stored && {
      id: stored.id,
      input: stored.input,
      url: stored.url,
      title: stored.title,
      outlet: stored.outlet,
      published: stored.published,
      ingestedAt: stored.ingestedAt,
      bodyLength: stored.body.length,
      leadEnd: leadEnd(stored.body),
      sentences: (stored.doc.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
      mentions: (stored.doc.mentions ?? [])
        .filter((m): m is typeof m & { actorId: string } => !!m.actorId)
        .map((m) => ({ actorId: m.actorId, start: m.start, end: m.end })),
      actors: new Map(
        (stored.doc.actors ?? []).map((a) => [
          a.id,
          { name: a.name, kind: a.kind, country: a.country, sector: a.sector ?? null },
        ]),
      ),
      events: (stored.doc.events ?? []).map((e) => ({
        source: e.source,
        target: e.target,
        sourceActor: e.sourceActor,
        targetActor: e.targetActor,
        start: e.start,
        end: e.end,
        trigger: e.trigger,
      })),
    };
    this.cache.set(id, facts);
    if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value!);
    return facts;
  }
}

function leadEnd(body: string): number {
  const trimmed = body.length - body.trimStart().length;
  const nl = body.indexOf('\n', trimmed);
  return nl < 0 ? body.length : nl;
}

/**
 * The 1-based number of the sentence holding `offset`; the nearest sentence before it when it
 * falls between sentences; null when the document has no sentences.
 *
 * @example sentenceNumber([{ start: 0, end: 10 }, { start: 11, end: 30 }], 15) // 2
 */
export function sentenceNumber(sentences: readonly Span[], offset: number): number | null {
  if (!sentences.length) return null;
  let lo = 0;
  let hi = sentences.length - 1;
  // Sentences are in body order: the last one starting at or before the offset holds it.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Where in the body an actor of an event is named: the first mention inside the event's
 * span of the specific actor, else of the state side, else of any actor of that state.
 * -1 when none is (GDELT's convention for an offset it does not have).
 *
 * @example actorOffset(facts, { start: 100, end: 180 }, 'person:x', 'AZE') // 112
 */
export function actorOffset(facts: DocumentFacts, span: Span, actor: string | null, state: string): number {
  const inside = facts.mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const tries: ((id: string) => boolean)[] = [
    (id) => !!actor && id === actor,
    (id) => id === state,
    (id) => facts.actors.get(id)?.country === state,
  ];
  for (const matches of tries) {
    const m = inside.find((x) => matches(x.actorId));
    if (m) return m.start;
  }
  return -1;
}
