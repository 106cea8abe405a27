import type { CodedEvent, Doc } from '../../src/model/types.js';
import { makeDoc } from './make-doc.js';

/** Offsets of `part` inside `body` (the first occurrence at or after `from`). */
export function spanOf(body: string, part: string, from = 0): { start: number; end: number } {
  const start = body.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" is not in the body`);
  return { start, end: start + part.length };
}

/**
 * A one-sentence-per-event document written for the events tests (own words). Each event is
 * given by its sentence, its trigger word and its fields; offsets are computed here.
 *
 * @example eventDoc('Doc', 'Caspian Desk', '2024-03-02', [{ sentence: 'Iran warned Baku.', trigger: 'warned', code: '130' … }])
 */
export function eventDoc(
  title: string,
  outlet: string | null,
  published: string | null,
  events: (Omit<Partial<CodedEvent>, 'trigger'> & {
    sentence: string;
    trigger: string;
    code: string;
    source: string;
    target: string;
  })[],
  actors: Doc['actors'] = [],
): Doc {
  const body = events.map((e) => e.sentence).join(' ');
  let at = 0;
  const coded: CodedEvent[] = events.map(({ sentence, trigger, ...e }) => {
    const s = spanOf(body, sentence, at);
    at = s.end;
    return {
      sourceActor: null,
      targetActor: null,
      root: e.code.slice(0, 2),
      quadClass: 3,
      goldstein: -2,
      plover: null,
      date: published,
      datePrecision: published ? 'day' : 'unknown',
      modality: 'asserted',
      rule: 'accuse.verb',
      ...e,
      quote: sentence,
      start: s.start,
      end: s.end,
      trigger: spanOf(body, trigger, s.start),
    };
  });
  return makeDoc({ title, outlet, published, body, actors, events: coded, claims: [], relations: [] });
}

/** A state actor with its mentions found in `body`. */
export function stateActor(
  body: string,
  id: string,
  name: string,
  surfaces: string[],
): Doc['actors'][number] {
  const mentions = surfaces.flatMap((s) => {
    const out = [];
    for (let i = body.indexOf(s); i >= 0; i = body.indexOf(s, i + 1))
      out.push({ text: s, start: i, end: i + s.length });
    return out;
  });
  return { id, kind: 'state', name, country: id, role: null, mentions };
}
