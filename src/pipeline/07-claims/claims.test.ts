import { describe, expect, it } from 'vitest';
import { processArticle } from '../index.js';

const run = (text: string) =>
  processArticle({
    input: 't',
    format: 'plain',
    raw: text,
    hints: { published: '2024-06-01' },
    warnings: [],
  });

describe('claims', () => {
  it('records an accusation with claimant, subject and proposition, and links the denial', () => {
    const doc = run('Turkey accused Greece of arming militias on Cyprus. Athens denied the accusation.');
    const c = doc.claims.find((x) => x.kind === 'accusation');
    expect(c).toMatchObject({ claimant: 'TUR', about: 'GRC' });
    expect(c!.text).toMatch(/arming militias/);
    expect(c!.disputedBy).toEqual(['GRC']);
    expect(doc.body.slice(c!.start, c!.end)).toBe(c!.quote);
    // A denial that found its claim is not repeated as a claim of its own.
    expect(doc.claims.filter((x) => x.kind === 'denial')).toHaveLength(0);
  });

  it('keeps a denial that denies nothing in the document as its own claim', () => {
    const doc = run('Moscow denied any role in the blast.');
    expect(doc.claims.map((x) => [x.claimant, x.kind])).toEqual([['RUS', 'denial']]);
  });

  it('needs a that-clause or a quotation for a plain statement', () => {
    expect(run('Japan said nothing about China.').claims).toHaveLength(0);
    const doc = run('Japan said that China had broken the fishing accord.');
    expect(doc.claims[0]).toMatchObject({ claimant: 'JPN', about: 'CHN', kind: 'statement' });
  });

  it('gives "“…,” said X" only to the speaker after the verb, not to a state inside the quote', () => {
    const doc = run(
      '“Nobody expected Chile to sign the accord so soon,” said Vladimir Putin, who thinks that the deal helps Peru.',
    );
    expect(doc.claims.map((c) => [c.claimant, c.rule])).toEqual([['RUS', 'claim.say.quoted']]);
  });

  it('gives the claim of a relative clause to its antecedent', () => {
    const doc = run('The row worsened with Iran, which accuses Baku of hosting foreign spies.');
    expect(doc.claims.find((x) => x.kind === 'accusation')?.claimant).toBe('IRN');
  });
});

describe('attributed claims', () => {
  it('gives a quotation to the speaker named after it', () => {
    const doc = run('“Serbia will never accept the new border,” said Kosovo’s prime minister Albin Kurti.');
    expect(doc.claims.some((c) => c.rule === 'claim.say.quoted' && c.text.includes('never accept'))).toBe(
      true,
    );
  });

  it('gives "according to" text to the person or state named', () => {
    const doc = run('Chile is buying French submarines, according to Peru.');
    expect(doc.claims).toContainEqual(
      expect.objectContaining({ claimant: 'PER', rule: 'claim.according-to' }),
    );
    expect(run('Chile bought rifles, according to reports from the Spanish embassy.').claims).toHaveLength(0);
  });

  it('reads a claim noun with its holder', () => {
    const doc = run('The view from Caracas is that Guyana is arming itself against Venezuela.');
    expect(doc.claims[0]).toMatchObject({ claimant: 'VEN', about: 'GUY', kind: 'allegation' });
  });
});

describe('relations', () => {
  it('finds a typed tie between two states with its since-year', () => {
    const doc = run('Ghana and Togo signed a mutual defence pact in 2019.');
    expect(doc.relations).toContainEqual(
      expect.objectContaining({ a: 'GHA', b: 'TGO', type: 'alliance', since: '2019' }),
    );
  });

  it('pairs the clause subject with the state after the cue, and reads "between X and Y"', () => {
    const a = run('Peru answered with aid to Bolivian farmers as well as closer ties to Chile.');
    expect(a.relations).toContainEqual(expect.objectContaining({ a: 'PER', b: 'CHL', type: 'partnership' }));
    const b = run('Analysts in Brazil noted the rivalry between Morocco and Algeria.');
    expect(b.relations).toContainEqual(expect.objectContaining({ a: 'MAR', b: 'DZA', type: 'rivalry' }));
  });

  it('needs a companion word for arms and energy ties', () => {
    expect(run('Chile and Peru discussed oil prices.').relations.some((r) => r.type === 'energy')).toBe(
      false,
    );
    expect(
      run('Norway is the main gas supplier to Germany.').relations.some((r) => r.type === 'energy'),
    ).toBe(true);
  });
});
