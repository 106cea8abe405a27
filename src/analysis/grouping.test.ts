import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  daySpan,
  earliestKey,
  groupEvents,
  placeEvents,
  quoteOverlap,
  sameHappening,
  type GroupableEvent,
} from './grouping.js';
import { groupingRules, loadGroupingRules } from './grouping-rules.js';

/** An event in a document of its own, written for these tests. */
function ev(over: Partial<GroupableEvent> & { id: string }): GroupableEvent {
  const documentId = over.documentId ?? over.id.split(':')[0]!;
  return {
    documentId,
    cluster: documentId,
    published: '2024-03-04',
    source: 'IRN',
    target: 'AZE',
    sourceActor: null,
    targetActor: null,
    code: '172',
    root: '17',
    date: '2024-03-02',
    quote: 'Iran imposed new border restrictions on Azerbaijani lorries.',
    ...over,
  };
}

describe('sameHappening', () => {
  it('groups two reports of one happening, and says why', () => {
    const a = ev({ id: 'a:e0' });
    const b = ev({
      id: 'b:e3',
      date: '2024-03-03',
      published: '2024-03-20',
      quote: 'Tehran imposed fresh restrictions on Azerbaijani lorries at the border.',
    });
    const m = sameHappening(a, b);
    expect(m?.reason).toBe(
      'same dyad IRN→AZE, same code 172, dates 2024-03-02/2024-03-03 within 3 days, quote overlap 0.83',
    );
  });

  it('keeps the same dyad with another code family apart', () => {
    const a = ev({ id: 'a:e0' });
    expect(sameHappening(a, ev({ id: 'b:e0', code: '112', root: '11' }))).toBeNull();
    // Same root, two different specific three-digit codes: a threat is not a sanction.
    expect(sameHappening(a, ev({ id: 'b:e0', code: '173' }))).toBeNull();
    // The root's "not specified" code matches any of its codes.
    expect(sameHappening(a, ev({ id: 'b:e0', code: '170' }))?.reason).toContain('same root 17');
  });

  it('keeps the same code two months apart apart', () => {
    const a = ev({ id: 'a:e0' });
    const b = ev({ id: 'b:e0', date: '2024-05-02', published: '2024-05-03' });
    expect(sameHappening(a, b)).toBeNull();
  });

  it('keeps other targets, and the reverse direction of a directed code, apart', () => {
    const a = ev({ id: 'a:e0' });
    expect(sameHappening(a, ev({ id: 'b:e0', target: 'ARM' }))).toBeNull();
    expect(sameHappening(a, ev({ id: 'b:e0', source: 'AZE', target: 'IRN' }))).toBeNull();
  });

  it('matches either direction for a symmetric code', () => {
    const a = ev({
      id: 'a:e0',
      code: '057',
      root: '05',
      quote: 'Iran and Azerbaijan signed a transit deal.',
    });
    const b = ev({
      id: 'b:e0',
      code: '057',
      root: '05',
      source: 'AZE',
      target: 'IRN',
      quote: 'Baku and Tehran signed a transit deal.',
    });
    expect(sameHappening(a, b)?.reason).toMatch(/^same dyad IRN–AZE \(symmetric 057\), same code 057/);
  });

  it('never groups two events of one document', () => {
    expect(sameHappening(ev({ id: 'a:e0' }), ev({ id: 'a:e1' }))).toBeNull();
  });

  it('keeps two different specific actors on one side apart unless the quotes agree', () => {
    const a = ev({ id: 'a:e0', sourceActor: 'person:one', quote: 'The minister ordered closures.' });
    expect(
      sameHappening(
        a,
        ev({ id: 'b:e0', sourceActor: 'person:two', quote: 'A general spoke of closures later.' }),
      ),
    ).toBeNull();
    // One side unknown is no conflict; the same specific actor is evidence.
    expect(
      sameHappening(a, ev({ id: 'b:e0', published: '2024-04-01', quote: 'Talks went on.' }))?.reason,
    ).toContain('two exact days');
    expect(
      sameHappening(
        a,
        ev({
          id: 'b:e0',
          sourceActor: 'person:one',
          published: '2024-04-01',
          date: '2024-03',
          quote: 'Talks went on.',
        }),
      )?.reason,
    ).toContain('same actors person:one');
  });

  it('needs evidence beyond a compatible month: near-miss without it', () => {
    const a = ev({
      id: 'a:e0',
      date: '2024-03',
      published: '2024-03-28',
      quote: 'Tehran restricted lorries.',
    });
    const b = ev({
      id: 'b:e0',
      date: '2024-03',
      published: '2024-03-05',
      quote: 'Customs queues grew longer.',
    });
    expect(sameHappening(a, b)).toBeNull();
    // Two reports of the same news cycle are evidence enough.
    expect(sameHappening(a, { ...b, published: '2024-03-27' })?.reason).toContain('documents 1 day apart');
  });

  it('lets a copied story or a retold one outweigh disagreeing dates', () => {
    const a = ev({ id: 'a:e0', code: '057', root: '05', date: '2025-08-08', published: '2025-08-09' });
    const retold = ev({ id: 'b:e0', code: '057', root: '05', date: '2025-03', published: '2025-08-09' });
    expect(sameHappening(a, retold)?.reason).toContain('dates 2025-08-08/2025-03 disagree');
    // Not when the documents are of different news cycles …
    expect(sameHappening(a, { ...retold, published: '2025-06-01' })).toBeNull();
    // … unless one copies the other.
    expect(sameHappening(a, { ...retold, published: '2025-06-01', cluster: 'a' })?.reason).toContain(
      'near-duplicate documents',
    );
    // A year is too vague on its own.
    const year = ev({ id: 'c:e0', date: '2024', published: '2024-09-01' });
    expect(
      sameHappening(ev({ id: 'd:e0', date: '2024', published: '2024-02-01', quote: 'Other words.' }), year),
    ).toBeNull();
  });

  it('dates an undated event by its document', () => {
    const a = ev({ id: 'a:e0', date: null, published: '2024-03-05' });
    expect(daySpan(a)?.precision).toBe('undated');
    expect(
      sameHappening(a, ev({ id: 'b:e0', date: '2024-03-02', published: '2024-03-20' }))?.reason,
    ).toContain('dates undated (document 2024-03-05)/2024-03-02');
  });
});

describe('placeEvents and groupEvents', () => {
  it('joins the best match and takes at most one event per document into a group', () => {
    const stored = [
      { ...ev({ id: 's:e0' }), groupId: 's:e0' },
      { ...ev({ id: 't:e0', quote: 'Something else entirely happened.' }), groupId: 't:e0' },
    ];
    const fresh = [ev({ id: 'n:e0' }), ev({ id: 'n:e1' })];
    const placed = placeEvents(fresh, stored);
    expect(placed[0]).toMatchObject({ groupId: 's:e0', matched: 's:e0' });
    expect(placed[1]).toMatchObject({ groupId: 't:e0' });
    expect(placed[0]!.reason).toMatch(/^matches s:e0: same dyad IRN→AZE/);
  });

  it('leaves a pinned event alone', () => {
    const stored = [{ ...ev({ id: 's:e0' }), groupId: 's:e0', pinned: true }];
    expect(placeEvents([ev({ id: 'n:e0' })], stored)[0]).toMatchObject({
      groupId: null,
      reason: 'first report',
    });
  });

  it('names each group after its earliest event, and keeps near-misses in groups of their own', () => {
    const groups = groupEvents([
      ev({ id: 'b:e0', date: '2024-03-03' }),
      ev({ id: 'a:e0', date: '2024-03-02' }),
      ev({ id: 'c:e0', date: '2024-05-10', published: '2024-05-11' }),
      ev({ id: 'd:e0', code: '112', root: '11' }),
    ]);
    const multi = groups.filter((g) => g.eventIds.length > 1);
    expect(multi).toHaveLength(1);
    expect(multi[0]!.groupId).toBe('a:e0');
    expect(multi[0]!.eventIds.sort()).toEqual(['a:e0', 'b:e0']);
    expect(groups).toHaveLength(3);
    expect(earliestKey(ev({ id: 'x:e0', date: null, published: null }))).toBe('~|x:e0');
  });
});

describe('quoteOverlap and rules', () => {
  it('measures containment of content words', () => {
    expect(
      quoteOverlap(
        'Baku expelled four Iranian diplomats',
        'Azerbaijan expelled four Iranian diplomats on Thursday',
      ),
    ).toBe(0.8);
    expect(quoteOverlap('', 'anything')).toBe(0);
  });

  it('loads the rules from yaml and names a bad field', () => {
    expect(groupingRules().symmetric).toContain('057');
    const dir = mkdtempSync(join(tmpdir(), 'faultline-grouping-'));
    try {
      const file = join(dir, 'grouping.yaml');
      writeFileSync(file, 'dateSlack: {day: 3, month: 3, year: null}\nundatedDays: -1\n');
      expect(() => loadGroupingRules(file)).toThrow(/grouping\.yaml:2 \(field undatedDays\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
