import type { ActorKind, Doc } from '../../model/types.js';
import type { OrganDef, TitleDef } from '../../model/actors.js';

/** An actor the knowledge base does not hold, made up from the text ("Dr Jane Roe"). */
export interface Proto {
  id: string;
  kind: ActorKind;
  name: string;
  country: string | null;
  role: string | null;
  sector: string | null;
}

/** What stage 04 must do to find the actor of a mention found by 03. */
export type Resolve =
  | { by: 'surname'; key: string; ids: string[] }
  | { by: 'options'; ids: string[] }
  | { by: 'title'; title: TitleDef; state: string | null; text: string }
  | { by: 'description'; tag: string | null; only: string | null }
  | { by: 'anaphora'; via: 'person' | 'any' | 'state' | 'org' | 'neighbor' }
  | { by: 'organ'; organ: OrganDef; exceptState: string | null }
  | { by: 'counterpart'; state: string };

/** A mention as stage 03 finds it, before stage 04 resolves it. */
export interface Candidate {
  start: number;
  end: number;
  sentence: number;
  actorId: string | null;
  rule: string;
  /** Nested inside a longer mention (a title's name, a possessive's state). */
  inner: boolean;
  proto?: Proto;
  resolve?: Resolve;
}

// Stage 03's findings ride beside the document for stage 04; the contract sees only
// doc.mentions and doc.actors.
const side = new WeakMap<Doc, Candidate[]>();

/** Stores stage 03's candidates for the document. */
export function setCandidates(doc: Doc, list: Candidate[]): void {
  side.set(doc, list);
}

/**
 * Stage 03's candidates for the document (empty when 03 did not run).
 *
 * @example candidatesOf(doc).filter((c) => c.resolve?.by === 'title')
 */
export function candidatesOf(doc: Doc): Candidate[] {
  return side.get(doc) ?? [];
}

/**
 * A stable id slug from a name.
 *
 * @example slug('Jane Q. Roe') // 'jane-q-roe'
 */
export function slug(name: string): string {
  // The same names recur within and across documents; the memo is bounded all the same.
  let out = slugs.get(name);
  if (out === undefined) {
    if (slugs.size > 10_000) slugs.clear();
    slugs.set(name, (out = slugOf(name)));
  }
  return out;
}

const slugs = new Map<string, string>();

function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[əƏ]/g, 'e')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
