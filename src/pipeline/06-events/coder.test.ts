import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../index.js';
import { lemmaCandidates } from './words.js';

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
    expect(got).toContain('CHL>PER 020 asserted');
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
    const released = code('Israel released a member of Hamas jailed over a year ago.');
    expect(released).toContain('ISR>PSE 084 asserted');
    expect(released.some((e) => / 17\d /.test(e))).toBe(false);
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

describe('event coder: general constructions (issue 4 item 9)', () => {
  it('joins comma-separated parties only when "and"/"or" closes the list', () => {
    const got = code("After the Polish president's visit to Lithuania, Russian rhetoric hardened.");
    expect(got).toContain('POL>LTU 042 asserted');
    expect(got.some((e) => e.includes('>RUS'))).toBe(false);
    const list = code('Norway sent aid to Sudan, Chad and Niger.');
    expect(list).toEqual(
      expect.arrayContaining(['NOR>SDN 070 asserted', 'NOR>TCD 070 asserted', 'NOR>NER 070 asserted']),
    );
  });

  it('negates an act after "from" that a preventing verb rules out', () => {
    expect(code('Hungary banned its buses from travelling to Serbia.')).toContain('HUN>SRB 042 negated');
    expect(code('Hungary let its buses travel to Serbia.')).not.toContain('HUN>SRB 042 negated');
  });

  it('codes no single act for a standing disposition ("historically sided with")', () => {
    expect(code('Egypt has historically sided with Sudan.')).toEqual([]);
    expect(code('Egypt sided with Sudan in the dispute.')).toContain('EGY>SDN 052 asserted');
  });

  it('reads an -ing form before adjectives and a noun as a description, not an act', () => {
    expect(code("Poland's deepening economic ties with Ukraine worry Moscow.")).not.toContain(
      'POL>UKR 050 asserted',
    );
    // The finite verb is an act.
    expect(code('Poland expanded economic ties with Ukraine.')).toContain('POL>UKR 050 asserted');
  });

  it('gives a noun coordinated with the first object ("as well as") the same verb', () => {
    const got = code('Chile answered with loans to Peru as well as closer ties to Bolivia.');
    expect(got).toContain('CHL>PER 071 asserted');
    expect(got).toContain('CHL>BOL 050 asserted');
    // Two modifiers of one noun are not two objects.
    expect(code('Chile expanded naval and air cooperation with Peru.')).not.toContain('CHL>PER 060 asserted');
  });

  it('reads "X said Y attacked" as an accusation of Y, but not a plan', () => {
    expect(code('Japan said that China had shelled its patrol boats.')).toContain('JPN>CHN 112 asserted');
    expect(code('Japan said that China will shell its patrol boats.')).not.toContain('JPN>CHN 112 asserted');
    expect(code('Japan said shells were fired at its boats from China.')).toContain('JPN>CHN 112 asserted');
  });
});
