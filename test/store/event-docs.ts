import type { CodedEvent, Doc } from '../../src/model/types.js';
import { makeDoc } from './make-doc.js';

/** Offsets of `part` inside `body` (the first occurrence at or after `from`). */
export function spanOf(body: string, part: string, from = 0): { start: number; end: number } {
  const start = body.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" is not in the body`);
  return { start, end: start + part.length };
}

/** One event of `eventDoc`: its sentence, its trigger word and its fields. */
export type EventSpec = Omit<Partial<CodedEvent>, 'trigger'> & {
  sentence: string;
  trigger: string;
  code: string;
  source: string;
  target: string;
};

/** Three Caspian events shared by the event-listing and network tests (each adds its own fields). */
export const ACCUSATION: EventSpec = {
  sentence: 'Iran accused Azerbaijan of hosting foreign advisers.',
  trigger: 'accused',
  code: '112',
  source: 'IRN',
  target: 'AZE',
  date: '2024-03-01',
};
export const ENVOY_TO_ANKARA: EventSpec = {
  sentence: 'Azerbaijan sent its minister to Ankara for talks.',
  trigger: 'sent',
  code: '042',
  source: 'AZE',
  target: 'TUR',
  quadClass: 1,
  goldstein: 1.9,
};
export const BORDER_FIRE: EventSpec = {
  sentence: 'Azerbaijan fired on Iranian border posts overnight.',
  trigger: 'fired',
  code: '190',
  source: 'AZE',
  target: 'IRN',
  quadClass: 4,
  goldstein: -10,
  date: '2024-07-19',
};

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
  events: EventSpec[],
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

/** A person actor the text names nowhere: stored, with no mentions. */
export const IRAN_ENVOY: Doc['actors'][number] = {
  id: 'person:iran-envoy',
  kind: 'person',
  name: 'Iranian envoy',
  country: 'IRN',
  role: null,
  mentions: [],
};
