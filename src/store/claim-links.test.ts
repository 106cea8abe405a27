import { describe, expect, it } from 'vitest';
import { OTHER, SAME } from '../../test/store/claim-pairs.js';
import {
  contentWords,
  daysApart,
  dyadKey,
  linkClaims,
  linkOf,
  TEXT_LINK,
  wordOverlap,
  type LinkableClaim,
} from './claim-links.js';

const claim = (over: Partial<LinkableClaim>): LinkableClaim => ({
  id: 'a:c0',
  documentId: 'a',
  claimant: 'IRN',
  about: 'AZE',
  kind: 'accusation',
  text: 'Baku allowed Israel to use its airfields for strikes',
  published: '2024-05-01',
  cluster: 'a',
  dyads: new Set([dyadKey('IRN', 'AZE')]),
  ...over,
});
const denial = (over: Partial<LinkableClaim>) =>
  claim({
    id: 'b:c0',
    documentId: 'b',
    claimant: 'AZE',
    about: null,
    kind: 'denial',
    text: SAME[0]!.denial,
    published: '2024-05-03',
    cluster: 'b',
    ...over,
  });

describe('the text-link threshold, measured on our paired examples', () => {
  const same = SAME.map((p) => wordOverlap(p.claim, p.denial));
  const other = OTHER.map((p) => wordOverlap(p.claim, p.denial));

  it('separates restated propositions from other denials by the same actor', () => {
    // Measured: same 0.25–0.80 (median 0.55), other 0–0.50 (one deliberately attribution-heavy pair).
    expect(same.filter((s) => s >= TEXT_LINK).length).toBe(5);
    expect(other.filter((s) => s >= TEXT_LINK).length).toBe(1);
    expect(Math.min(...other.slice(0, -1))).toBe(0);
  });

  it('reads words, not attribution or the denial label', () => {
    expect(contentWords('denial: Baku sold drones to Israel')).toEqual(['baku', 'sold', 'dron', 'israel']);
    expect(wordOverlap('', 'anything at all')).toBe(0);
    expect(daysApart('2024-05-01', '2024-05-04')).toBe(3);
    expect(daysApart('2024', '2024-01-08')).toBe(7);
    expect(daysApart(null, '2024')).toBeNull();
  });
});

describe('linkOf and linkClaims', () => {
  it('links by text first, then near-duplicate, then dyad within a week', () => {
    expect(linkOf(claim({}), denial({}))).toMatchObject({ reason: 'text', denier: 'AZE' });
    const vague = 'denial: the government rejected the statements as hostile';
    expect(linkOf(claim({}), denial({ text: vague, cluster: 'a' }))).toMatchObject({
      reason: 'near-duplicate',
    });
    expect(linkOf(claim({}), denial({ text: vague }))).toMatchObject({ reason: 'dyad', score: 2 });
    expect(linkOf(claim({}), denial({ text: vague, published: '2024-05-20' }))).toBeNull();
    expect(linkOf(claim({}), denial({ text: vague, dyads: new Set() }))).toBeNull();
    expect(linkOf(claim({}), denial({ text: vague, linked: true }))).toBeNull();
  });

  it('never links within a document, to the denier’s own claim, or a claim about someone else', () => {
    expect(linkOf(claim({}), denial({ documentId: 'a' }))).toBeNull();
    expect(linkOf(claim({ claimant: 'AZE' }), denial({}))).toBeNull();
    expect(linkOf(claim({ about: 'ARM' }), denial({}))).toBeNull();
    expect(linkOf(claim({}), denial({ kind: 'statement' }))).toBeNull();
  });

  it('keeps only the nearest claim for a dyad-only denial, and all text links', () => {
    const vague = 'denial: the government rejected the statements as hostile';
    const near = claim({ id: 'c:c0', documentId: 'c', published: '2024-05-04' });
    const far = claim({ id: 'd:c0', documentId: 'd', published: '2024-04-28' });
    const links = linkClaims([denial({ text: vague })], [far, near]);
    expect(links.map((l) => [l.claimId, l.reason])).toEqual([['c:c0', 'dyad']]);
    const both = linkClaims([denial({})], [claim({}), claim({ id: 'e:c0', documentId: 'e' })]);
    expect(both.map((l) => l.claimId)).toEqual(['a:c0', 'e:c0']);
    // Pairs of two stored claims are not reconsidered.
    expect(linkClaims([], [claim({}), denial({})])).toEqual([]);
  });
});

describe('boilerplate shared by many compared texts', () => {
  it('does not link on an attribution every text carries, but still on the proposition', () => {
    const tail = ', officials in the capital said earlier this month';
    const topics = [
      'grain',
      'cable',
      'tunnel',
      'bridge',
      'radar',
      'tanker',
      'convoy',
      'satellite',
      'vaccine',
      'ferry',
      'museum',
    ];
    const stored = topics.map((t, i) =>
      claim({ id: `s${i}:c0`, documentId: `s${i}`, text: `Baku delayed the ${t} contract payments${tail}` }),
    );
    const vague = denial({
      text: `denial: Azerbaijan denied new reports about its drone factory${tail}.`,
      dyads: new Set(),
    });
    expect(linkClaims([vague], stored)).toEqual([]);
    const restated = denial({
      text: `denial: Azerbaijan denied it delayed the radar contract payments${tail}.`,
      dyads: new Set(),
    });
    expect(linkClaims([restated], stored).map((l) => [l.claimId, l.reason])).toEqual([['s4:c0', 'text']]);
  });
});
