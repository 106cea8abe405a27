import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, Doc } from '../../src/model/types.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES } from './engines.js';
import { eventDoc } from './event-docs.js';

const CLOCK = () => new Date('2025-02-01T12:00:00.000Z');

/** A one-sentence document with one event and one claim made from that sentence. */
function claimDoc(
  published: string,
  sentence: string,
  event: { trigger: string; code: string; source: string; target: string },
  claim: Pick<Claim, 'claimant' | 'about' | 'kind'> & { text?: string },
): Doc {
  const doc = eventDoc(`Report of ${published}`, 'Test Wire', published, [{ sentence, ...event }]);
  doc.claims = [
    {
      claimant: claim.claimant,
      about: claim.about,
      kind: claim.kind,
      // Unlinked denials come from the pipeline as `denial: ` + their sentence.
      text: claim.text ?? `denial: ${sentence}`,
      quote: sentence,
      start: 0,
      end: sentence.length,
      disputedBy: [],
      rule: `claim.${claim.kind}`,
    },
  ];
  return doc;
}

const accusation = () =>
  claimDoc(
    '2024-05-02',
    'Iranian officials accused Azerbaijan of letting Israel use its airfields near the border.',
    { trigger: 'accused', code: '112', source: 'IRN', target: 'AZE' },
    {
      claimant: 'IRN',
      about: 'AZE',
      kind: 'accusation',
      text: 'Azerbaijan letting Israel use its airfields near the border',
    },
  );
const denial = (published = '2024-05-04') =>
  claimDoc(
    published,
    'Azerbaijan denied that it let Israel use airfields near the border, a spokesman said in Baku.',
    { trigger: 'denied', code: '016', source: 'AZE', target: 'IRN' },
    { claimant: 'AZE', about: null, kind: 'denial' },
  );
const vagueDenial = (published: string, denier = 'AZE', other = 'IRN') =>
  claimDoc(
    published,
    'The government in Baku rejected the statements from Tehran as baseless and hostile.',
    { trigger: 'rejected', code: '016', source: denier, target: other },
    { claimant: denier, about: null, kind: 'denial' },
  );

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`Store claim links across documents: ${engine.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await engine.open({ now: CLOCK });
    });
    afterEach(async () => {
      await store.close();
    });

    it('links a later denial to the claim it restates, with its reason, and unions disputedBy', async () => {
      const a = await store.saveDocument(accusation());
      const b = await store.saveDocument(denial());
      const { items } = await store.claims();
      expect(items.map((c) => c.id)).toEqual([`${a.id}:c0`, `${b.id}:c0`]);
      const [claim, den] = items;
      expect(claim.disputedBy).toEqual(['AZE']);
      expect(claim.disputedIn).toEqual([
        { claimId: `${a.id}:c0`, denialId: `${b.id}:c0`, denier: 'AZE', reason: 'text', score: 0.6 },
      ]);
      expect(den.disputes).toEqual(claim.disputedIn);
      expect((await store.getDocument(a.id))!.doc.claims[0].disputedBy).toEqual(['AZE']);
    });

    it('links an earlier stored denial to a claim saved after it', async () => {
      const b = await store.saveDocument(denial());
      const a = await store.saveDocument(accusation());
      const claim = (await store.claims({ actor: 'IRN' })).items[0];
      expect(claim.disputedIn.map((l) => [l.claimId, l.denialId, l.reason])).toEqual([
        [`${a.id}:c0`, `${b.id}:c0`, 'text'],
      ]);
    });

    it('links a vague denial by dyad within a week, never one a month later or by a third party', async () => {
      const a = await store.saveDocument(accusation());
      const late = await store.saveDocument(vagueDenial('2024-06-10'));
      const other = await store.saveDocument(vagueDenial('2024-05-03', 'TUR', 'IRN'));
      const near = await store.saveDocument(vagueDenial('2024-05-05'));
      expect([late.status, other.status, near.status]).toEqual(['inserted', 'inserted', 'inserted']);
      const claim = (await store.claims()).items.find((c) => c.id === `${a.id}:c0`)!;
      expect(claim.disputedIn).toEqual([
        { claimId: `${a.id}:c0`, denialId: `${near.id}:c0`, denier: 'AZE', reason: 'dyad', score: 3 },
      ]);
      expect(claim.disputedBy).toEqual(['AZE']);
    });

    it('does not link a denial to a claim made by the denier itself', async () => {
      const own = claimDoc(
        '2024-05-02',
        'Azerbaijan claimed that Israel would use airfields near the border for training.',
        { trigger: 'claimed', code: '010', source: 'AZE', target: 'ISR' },
        {
          claimant: 'AZE',
          about: 'AZE',
          kind: 'allegation',
          text: 'Israel would use airfields near the border',
        },
      );
      await store.saveDocument(own);
      await store.saveDocument(denial());
      expect(
        (await store.claims()).items.every((c) => c.disputedIn.length === 0 && c.disputes.length === 0),
      ).toBe(true);
    });
  });
}
