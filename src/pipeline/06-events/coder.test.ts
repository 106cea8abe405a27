import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../index.js';
import { lemmaCandidates } from './coder.js';

/** Codes a text written for these tests and returns its events as `SRC>TGT code modality`. */
function code(text: string, published = '2024-06-01'): string[] {
  const doc = processArticle({ input: 't', format: 'plain', raw: text, hints: { published }, warnings: [] });
  return doc.events.map((e) => `${e.source}>${e.target} ${e.code} ${e.modality}`);
}

describe('event coder: who did what to whom', () => {
  it('codes an active verb with subject and object', () => {
    expect(code('Azerbaijan summoned the Iranian ambassador on Monday.')).toContain('AZE>IRN 114 asserted');
  });

  it('reads a passive with a by-agent the right way round', () => {
    expect(code('Two Iranian drivers were detained by Azerbaijani police.')).toContain(
      'AZE>IRN 173 asserted',
    );
  });

  it('codes an agentless domestic passive as the state acting on its own people', () => {
    expect(code('Six Azerbaijani men were arrested near the capital.')).toContain('AZE>AZE 173 asserted');
  });

  it('takes the subject of a clause after an opener, not an earlier one', () => {
    const got = code('Talks collapsed in May after Armenia captured the town of Lachin.');
    expect(got.some((e) => e.startsWith('ARM>AZE 19'))).toBe(true);
  });

  it('gives a gerund after "accused X of" the accused as its subject, alleged', () => {
    const got = code('Turkey accused Greece of arming Cyprus.');
    expect(got).toContain('TUR>GRC 112 asserted');
    expect(got.filter((e) => e.startsWith('GRC>CYP')).every((e) => e.endsWith('alleged'))).toBe(true);
  });

  it('turns an accused act into a denied one when the accused denies it', () => {
    const got = code('Iran accused Azerbaijan of helping Israel, though Baku denied the allegations.');
    expect(got).toContain('IRN>AZE 112 asserted');
    expect(got).toContain('AZE>ISR 070 denied');
    // The bare denial answers the accuser.
    expect(got).toContain('AZE>IRN 016 asserted');
  });

  it('marks negated and hypothetical acts', () => {
    expect(code('Egypt did not attack Sudan.')).toContain('EGY>SDN 190 negated');
    expect(code('Russia could impose sanctions on Georgia.')).toContain('RUS>GEO 163 hypothetical');
    expect(
      code('Iran refused to meet Israel.').some((e) => e.endsWith('asserted') && e.includes(' 125 ')),
    ).toBe(true);
  });

  it('codes a visit both ways and a nominal visit with its possessor', () => {
    const got = code("Herzog's visit to Baku ended on Wednesday.", '2023-05-31');
    expect(got).toContain('ISR>AZE 042 asserted');
    expect(got).toContain('AZE>ISR 043 asserted');
  });

  it('codes coordinated subjects one way for talks', () => {
    const got = code('Iran and Azerbaijan held talks in Baku.');
    expect(got).toContain('IRN>AZE 040 asserted');
    expect(got).not.toContain('AZE>IRN 040 asserted');
  });

  it('keeps a place named inside an organ phrase as its own actor', () => {
    expect(code('Britain reopened its embassy in Iran.')).toContain('GBR>IRN 050 asserted');
  });

  it('codes an IGO under its CAMEO code', () => {
    expect(code('The UN Security Council condemned Iran.').some((e) => e.startsWith('IGOUNO>IRN 111'))).toBe(
      true,
    );
  });

  it('dates an event by its clause, not by a year used as a modifier', () => {
    const doc = processArticle({
      input: 't',
      format: 'plain',
      raw: 'In March 2021, Turkey sold drones to Azerbaijan under a 1992 agreement.',
      hints: { published: '2024-06-01' },
      warnings: [],
    });
    const e = doc.events.find((x) => x.code === '072');
    expect(e?.date).toBe('2021-03');
    expect(e?.datePrecision).toBe('month');
  });

  it('ties every event to its sentence, rule and trigger', () => {
    const text = 'Israel opened its embassy in Ghana in 2019. Nothing else happened.';
    const doc = processArticle({
      input: 't',
      format: 'plain',
      raw: text,
      hints: { published: '2024-06-01' },
      warnings: [],
    });
    const e = doc.events[0]!;
    expect(doc.body.slice(e.start, e.end)).toBe(e.quote);
    expect(e.rule).toMatch(/^[a-z0-9.-]+$/);
    expect(doc.body.slice(e.trigger!.start, e.trigger!.end).toLowerCase()).toContain('open');
  });
});

describe('event coder: general constructions', () => {
  it('reads "officials in <capital>" as the capital\'s state', () => {
    expect(code("Officials in Ankara condemned the visit of Greece's president.")).toContain(
      'TUR>GRC 111 asserted',
    );
  });

  it('codes the asking, not the act asked for', () => {
    const got = code('Chile urged Peru to withdraw its troops from the border.');
    expect(got.some((e) => e.startsWith('PER>'))).toBe(false);
  });

  it('codes a refusal to cooperate as a rejection and an announced attack as a threat', () => {
    expect(code('Serbia said it would not provide aid to Kosovo.')).toContain('SRB>XKX 121 asserted');
    expect(code('Sudan vowed to attack Chad.')).toContain('SDN>TCD 138 asserted');
    // A mere possibility stays a hypothetical attack.
    expect(code('Sudan could attack Chad.')).toContain('SDN>TCD 190 hypothetical');
  });

  it('does not take the month "May" for a modal', () => {
    expect(code('In May 1995, Norway brought Colombian and Venezuelan envoys to Oslo for talks.')).toEqual(
      expect.arrayContaining(['NOR>COL 045 asserted', 'NOR>VEN 045 asserted', 'COL>VEN 046 asserted']),
    );
  });

  it('finds the target of an object relative clause in its antecedent', () => {
    expect(
      code(
        'The Georgian region of Abkhazia, which Russian troops gained control over in 2008, stayed tense.',
      ),
    ).toContain('RUS>GEO 192 asserted');
  });

  it('leaves reduced relatives and nouns after a reporting verb without a subject', () => {
    expect(
      code('Israel released a member of Hamas jailed over a year ago.').some((e) => / 17\d /.test(e)),
    ).toBe(false);
    expect(code('Syria said eight people were killed in an air strike.')).toEqual([]);
  });

  it('codes words against an "anti-X" modifier', () => {
    expect(code("Venezuela's anti-Colombia rhetoric grew sharper.")).toContain('VEN>COL 111 asserted');
  });

  it("does not code capture of one's own territory as a domestic event", () => {
    expect(code('Ukraine recaptured the city of Kherson.').some((e) => e.startsWith('UKR>UKR'))).toBe(false);
  });

  it('takes the subject after a fronted clause and its comma', () => {
    expect(code("After the talks ended in Rome, Italy's foreign minister thanked Egypt.")).toContain(
      'ITA>EGY 051 asserted',
    );
  });
});

describe('lemmaCandidates', () => {
  it('finds the verb behind a mis-tagged inflection and hyphenated words', () => {
    expect(lemmaCandidates({ lemma: 'accused', lower: 'accused' })).toContain('accuse');
    expect(lemmaCandidates({ lemma: 'supplied', lower: 'supplied' })).toContain('supply');
    expect(lemmaCandidates({ lemma: 'de-escalated', lower: 'de-escalated' })).toContain('de-escalate');
    expect(lemmaCandidates({ lemma: 'cease-fire', lower: 'cease-fire' })).toContain('ceasefire');
  });
});

describe('event coder on odd text', () => {
  it('never throws and keeps offsets inside the body', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = `Iran accused Azerbaijan. ${s} Baku denied it.`;
        const doc = processArticle({ input: 't', format: 'plain', raw: text, hints: {}, warnings: [] });
        for (const e of doc.events) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(doc.body.length);
          expect(doc.body.slice(e.start, e.end)).toBe(e.quote);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
