import { describe, expect, it } from 'vitest';
import { idOf, readActors } from './test-helpers.js';

// Line-format goldens in our own words: `text {mention => actor id}` per case.
const CASES: [string, string | null, Record<string, string>][] = [
  [
    'President Ilham Aliyev met the delegation in Baku on Monday.',
    '2021-03-01',
    { 'President Ilham Aliyev': 'person:ilham-aliyev', 'Ilham Aliyev': 'person:ilham-aliyev', Baku: 'AZE' },
  ],
  ['Tehran rejected the note, and the Kremlin stayed silent.', null, { Tehran: 'IRN', 'the Kremlin': 'RUS' }],
  [
    'Officials in Ankara and Yerevan traded barbs with Washington.',
    null,
    { Ankara: 'TUR', Yerevan: 'ARM', Washington: 'USA' },
  ],
  ["Iran’s envoy and Israel's navy were both mentioned.", null, { Iran: 'IRN', Israel: 'ISR' }],
  [
    'The Islamic Republic warned the Jewish state.',
    null,
    { 'The Islamic Republic': 'IRN', 'the Jewish state': 'ISR' },
  ],
  [
    'İlham Əliyev spoke in Bakı about Azərbaycan.',
    '2022-01-01',
    { 'İlham Əliyev': 'person:ilham-aliyev', Azərbaycan: 'AZE' },
  ],
  [
    'The president of Azerbaijan flew to Moscow.',
    '1995-05-01',
    { 'The president of Azerbaijan': 'person:heydar-aliyev', Moscow: 'RUS' },
  ],
  [
    'The president of Azerbaijan flew to Moscow.',
    '2015-05-01',
    { 'The president of Azerbaijan': 'person:ilham-aliyev' },
  ],
  [
    'Analysts say the Azerbaijani leader will not yield.',
    '1999-01-01',
    { 'the Azerbaijani leader': 'person:heydar-aliyev' },
  ],
  [
    "Israel's Defense Ministry said the tests went well.",
    null,
    { "Israel's Defense Ministry": 'org:isr-mod' },
  ],
  [
    'The Iranian Foreign Ministry summoned the ambassador.',
    null,
    { 'The Iranian Foreign Ministry': 'org:irn-mfa' },
  ],
  [
    'Azerbaijan’s State Security Service made arrests, Turkish intelligence said.',
    null,
    { 'Azerbaijan’s State Security Service': 'org:aze-sss', 'Turkish intelligence': 'org:mit' },
  ],
  [
    'Georgian student Nino Beridze was detained at the border.',
    null,
    { 'Georgian student Nino Beridze': 'person:nino-beridze', 'Nino Beridze': 'person:nino-beridze' },
  ],
  [
    'Dr Lena Marsh, a senior fellow at a Vienna institute, disagreed. Marsh said the talks would fail.',
    null,
    { 'Dr Lena Marsh': 'person:lena-marsh', Marsh: 'person:lena-marsh' },
  ],
  [
    'Kazakhstan signed the deal. The Central Asian country had hesitated for months.',
    null,
    { 'The Central Asian country': 'KAZ' },
  ],
  ['The sanctions were imposed by the Trump administration.', null, { 'the Trump administration': 'USA' }],
  [
    'Foreign Minister Sergei Lavrov met his counterpart. Lavrov said little.',
    '2020-01-01',
    { Lavrov: 'person:sergei-lavrov' },
  ],
  [
    'Hezbollah and the IRGC were named; NATO and the EU responded.',
    null,
    { Hezbollah: 'group:hezbollah', IRGC: 'org:irgc', NATO: 'igo:nato', EU: 'igo:eu' },
  ],
];

describe('04-actors goldens', () => {
  for (const [text, date, want] of CASES) {
    it(`${text} (${date ?? 'no date'})`, () => {
      const doc = readActors(text, date);
      for (const [mention, id] of Object.entries(want)) expect(idOf(doc, mention), mention).toBe(id);
    });
  }

  it('gives a person the role held at the reference date', () => {
    const doc = readActors('Ilham Aliyev spoke.', '2003-09-01');
    expect(doc.actors.find((a) => a.id === 'person:ilham-aliyev')?.role).toBe('Prime Minister of Azerbaijan');
  });

  it('lists actors with kind, country and offsets into the body', () => {
    const doc = readActors('Yesterday SOCAR and Baku signed.');
    const socar = doc.actors.find((a) => a.id === 'org:socar')!;
    expect(socar).toMatchObject({ kind: 'org', country: 'AZE', sector: 'BUS' });
    for (const a of doc.actors)
      for (const m of a.mentions) expect(doc.body.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not take the bird or a first name for a state', () => {
    const doc = readActors('We ate turkey. Jordan Peterson spoke; Michael Jordan played.');
    expect(doc.actors.map((a) => a.id)).not.toContain('TUR');
    expect(doc.actors.map((a) => a.id)).not.toContain('JOR');
  });

  it('resolves "his Turkish counterpart" to the same office in Turkey at the date', () => {
    const doc = readActors('Russian President Vladimir Putin phoned his Turkish counterpart.', '2016-01-01');
    expect(idOf(doc, 'his Turkish counterpart')).toBe('person:recep-tayyip-erdogan');
  });

  it('does not take "the leader of the opposition" for a head of state', () => {
    const doc = readActors('Azerbaijan held a vote. The leader of the opposition spoke.', '2020-01-01');
    expect(doc.mentions.some((m) => m.text.startsWith('The leader'))).toBe(false);
  });

  it('does not guess a holder for a title with no state and no earlier holder', () => {
    const doc = readActors('Speaking in Atlanta, Georgia, the senator said no.', '2020-01-01');
    expect(idOf(doc, 'the senator')).toBeNull();
    expect(doc.actors.map((a) => a.id)).not.toContain('GEO');
  });

  it('gives a spokesman the country of the ministry before the title', () => {
    const doc = readActors("Iran's Foreign Ministry spokesman Darius Nouri said no.", '2025-01-01');
    expect(doc.actors.find((a) => a.id === 'person:darius-nouri')?.country).toBe('IRN');
  });

  it('does not take an organ word used as an adjective for the organ', () => {
    const doc = readActors(
      'It bought Israel’s military technology. Israel’s military said nothing.',
      '2024-01-01',
    );
    expect(doc.mentions.filter((m) => m.actorId === 'org:idf').map((m) => m.text)).toEqual([
      'Israel’s military',
      'military',
    ]);
    expect(doc.mentions.find((m) => m.start < 30 && m.actorId === 'org:idf')).toBeUndefined();
  });

  it('resolves "his country" through the nearest person', () => {
    const doc = readActors(
      'Armenian Prime Minister Nikol Pashinyan said his country wanted peace.',
      '2020-01-01',
    );
    expect(idOf(doc, 'his country')).toBe('ARM');
  });
});
