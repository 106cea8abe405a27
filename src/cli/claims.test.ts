import { describe, expect, it } from 'vitest';
import type { ClaimRow } from '../store/store.js';
import { claimText } from './claims.js';

const row: ClaimRow = {
  id: 'aaaa:c0',
  documentId: 'aaaa',
  published: '2024-05-02',
  outlet: 'Test Wire',
  claimant: 'IRN',
  about: 'AZE',
  kind: 'accusation',
  text: 'Baku lets foreign aircraft use its airfields',
  quote: 'Tehran said Baku lets foreign aircraft use its airfields.',
  start: 0,
  end: 57,
  disputedBy: ['AZE'],
  disputedIn: [
    { claimId: 'aaaa:c0', denialId: 'bbbb:c0', denier: 'AZE', reason: 'text', score: 0.6 },
    { claimId: 'aaaa:c0', denialId: 'cccc:c1', denier: 'AZE', reason: 'dyad', score: 2 },
  ],
  disputes: [],
};

describe('claimText', () => {
  it('shows the claim, its deniers and why each denial was linked', () => {
    expect(claimText(row)).toBe(
      [
        'aaaa:c0  2024-05-02  IRN about AZE (accusation): Baku lets foreign aircraft use its airfields',
        '  disputed by AZE',
        '  ← denied in bbbb:c0 by AZE (same proposition, word overlap 0.6)',
        '  ← denied in cccc:c1 by AZE (same dyad, 2 days apart)',
        '',
      ].join('\n'),
    );
  });

  it('shows what a denial disputes', () => {
    const denial: ClaimRow = {
      ...row,
      id: 'bbbb:c0',
      claimant: 'AZE',
      about: null,
      kind: 'denial',
      text: 'denial: Baku denied it',
      disputedBy: [],
      disputedIn: [],
      disputes: [row.disputedIn[0]!],
    };
    expect(claimText(denial)).toBe(
      'bbbb:c0  2024-05-02  AZE about - (denial): denial: Baku denied it\n  → disputes aaaa:c0 (same proposition, word overlap 0.6)\n',
    );
  });
});
