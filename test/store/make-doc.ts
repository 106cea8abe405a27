import type { Doc } from '../../src/model/types.js';

/**
 * A processed document for store tests, written in our own words. Offsets index `body`.
 *
 * @example makeDoc({ title: 'Other' })
 */
export function makeDoc(over: Partial<Doc> = {}): Doc {
  const body =
    over.body ??
    'Armenia and Azerbaijan resumed border talks in Tbilisi on Monday. The Armenian delegation accused Baku of delaying the work of the commission. Officials in Yerevan said the meeting was useful.';
  const find = (s: string) => {
    const start = body.indexOf(s);
    return { text: s, start, end: start + s.length };
  };
  const sentence = body.split('. ')[1] ?? body;
  const s = body.indexOf(sentence);
  return {
    input: 'talks.txt',
    url: 'https://example.org/talks',
    format: 'text',
    title: 'Border talks resume',
    published: '2024-04-15',
    author: 'A. Writer',
    outlet: 'Test Wire',
    body,
    warnings: ['a warning kept as stated'],
    reference: { date: '2024-04-15', estimated: false },
    sentences: [],
    mentions: [],
    actors: [
      {
        id: 'ARM',
        kind: 'state',
        name: 'Armenia',
        country: 'ARM',
        role: null,
        mentions: [find('Armenia'), find('Yerevan')].filter((m) => m.start >= 0),
      },
      {
        id: 'AZE',
        kind: 'state',
        name: 'Azerbaijan',
        country: 'AZE',
        role: null,
        sector: 'GOV',
        mentions: [find('Azerbaijan'), find('Baku')].filter((m) => m.start >= 0),
      },
    ],
    dates: [],
    events: [
      {
        source: 'ARM',
        target: 'AZE',
        sourceActor: null,
        targetActor: null,
        code: '112',
        root: '11',
        quadClass: 3,
        goldstein: -2,
        plover: 'ACCUSE',
        date: '2024-04-15',
        datePrecision: 'day',
        modality: 'asserted',
        quote: sentence,
        start: s,
        end: s + sentence.length,
        rule: 'test:accuse',
        trigger: { start: s + 24, end: s + 32 },
      },
    ],
    claims: [
      {
        claimant: 'ARM',
        about: 'AZE',
        text: 'Baku delays the commission',
        quote: sentence,
        start: s,
        end: s + sentence.length,
        disputedBy: ['AZE'],
        kind: 'accusation',
        rule: 'test:claim',
      },
    ],
    relations: [
      {
        a: 'ARM',
        b: 'AZE',
        type: 'dispute',
        since: '1991',
        quote: sentence,
        start: s,
        end: s + sentence.length,
        rule: 'test:rel',
      },
    ],
    ...over,
  };
}

/** Deterministic filler text: `n` sentences from a fixed-seed generator. */
export function fillerText(seed: number, n: number): string {
  const words = [
    'ministers',
    'border',
    'talks',
    'pipeline',
    'gas',
    'envoy',
    'summit',
    'trade',
    'troops',
    'ceasefire',
    'embassy',
    'sanctions',
    'railway',
    'corridor',
    'visit',
    'statement',
    'protest',
    'agreement',
    'drill',
    'exports',
  ];
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 8 + Math.floor(rand() * 10);
    const w = Array.from({ length: len }, () => words[Math.floor(rand() * words.length)]);
    out.push(`${w[0][0].toUpperCase()}${w.join(' ').slice(1)}.`);
  }
  return out.join(' ');
}
