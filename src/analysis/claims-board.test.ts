import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, Doc } from '../model/types.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { makeDoc } from '../../test/store/make-doc.js';
import { claimsBoard, conflictingFigures } from './claims-board.js';

/** A document holding one claim (own words), published on `published` by `outlet`. */
function claimDoc(outlet: string, published: string, claim: Omit<Claim, 'quote' | 'start' | 'end'>): Doc {
  const body = `${claim.text}. Officials gave no further details.`;
  return makeDoc({
    title: `${outlet} ${published} ${claim.text}`,
    outlet,
    published,
    body,
    reference: { date: published, estimated: false },
    events: [],
    relations: [],
    claims: [{ ...claim, quote: `${claim.text}.`, start: 0, end: claim.text.length + 1 }],
  });
}

describe('conflictingFigures', () => {
  const c = (id: string, documentId: string, text: string) => ({
    id,
    text,
    claimant: 'ARM',
    documentId,
    outlet: `Outlet ${documentId}`,
  });

  it('finds the same statement with other numbers in other documents', () => {
    expect(
      conflictingFigures([
        c('a', 'd1', 'border shelling killed 12 soldiers overnight'),
        c('b', 'd2', 'border shelling killed 15 soldiers overnight'),
      ]),
    ).toEqual(['conflicting figures: 12 (ARM, Outlet d1) vs 15 (ARM, Outlet d2)']);
  });

  it('ignores equal figures, other statements and one document', () => {
    const same = c('a', 'd1', 'border shelling killed 12 soldiers overnight');
    expect(conflictingFigures([same, { ...same, id: 'b', documentId: 'd2' }])).toEqual([]);
    expect(
      conflictingFigures([same, c('b', 'd2', 'the ministry will spend 15 million on new roads')]),
    ).toEqual([]);
    expect(conflictingFigures([same, { ...same, id: 'b', text: same.text.replace('12', '14') }])).toEqual([]);
  });
});

describe('claimsBoard', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:', { now: () => new Date('2025-01-01T00:00:00Z') });
  });
  afterEach(async () => {
    await store.close();
  });

  it('puts each proposition once, with who asserts and denies it and why it is contested', async () => {
    const text = 'Azerbaijani shelling killed 12 Armenian soldiers near Sotk';
    await store.saveDocument(
      claimDoc('Ararat Wire', '2024-05-02', {
        claimant: 'ARM',
        about: 'AZE',
        text,
        disputedBy: [],
        kind: 'accusation',
      }),
    );
    await store.saveDocument(
      claimDoc('Highland Post', '2024-05-03', {
        claimant: 'ARM',
        about: 'AZE',
        text: text.replace('12', '15'),
        disputedBy: [],
        kind: 'accusation',
      }),
    );
    await store.saveDocument(
      claimDoc('Caspian Desk', '2024-05-04', {
        claimant: 'AZE',
        about: null,
        text: 'denial: Baku said its shelling killed no Armenian soldiers near Sotk',
        disputedBy: [],
        kind: 'denial',
      }),
    );
    await store.saveDocument(
      claimDoc('Caspian Desk', '2024-06-01', {
        claimant: 'TUR',
        about: 'ARM',
        text: 'Ankara wants the border crossing opened soon',
        disputedBy: [],
        kind: 'statement',
      }),
    );
    const board = await claimsBoard(store);
    expect(board.total).toBe(2);
    const [top, other] = board.items;
    expect(top).toMatchObject({
      proposition: text,
      claimant: 'ARM',
      about: 'AZE',
      firstSeen: '2024-05-02',
      sources: 2,
      assertedBy: ['ARM'],
      deniedBy: ['AZE'],
      contradiction: true,
    });
    expect(
      top!.reasons.some((r) => /^denied by AZE in \w+ \(Caspian Desk, 2024-05-04; same proposition/.test(r)),
    ).toBe(true);
    expect(top!.reasons).toContain('conflicting figures: 12 (ARM, Ararat Wire) vs 15 (ARM, Highland Post)');
    expect(top!.claims.map((c) => c.role)).toEqual(['asserts', 'asserts', 'denies']);
    expect(other).toMatchObject({ claimant: 'TUR', contradiction: false, reasons: [], sources: 1 });
    // The actor filter keeps propositions an actor asserts, denies or is the subject of.
    expect((await claimsBoard(store, { actor: 'AZE' })).items.map((i) => i.id)).toEqual([top!.id]);
    expect((await claimsBoard(store, { actor: 'TUR' })).total).toBe(1);
    expect((await claimsBoard(store, { limit: 1 })).items).toHaveLength(1);
  });
});
