import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/model/types.js';
import type { EventListItem, Store } from '../../src/store/store.js';
import { ENGINES } from '../store/engines.js';
import { demoDocs, demoId } from './demo-docs.js';

const CLOCK = () => new Date('2025-09-01T12:00:00.000Z');

/** Pairs of demo documents that report the same happening (see examples/README.md). */
const SAME_STORY = [
  ['01-', '13-'],
  ['07-', '16-'],
  ['12-', '20-'],
] as const;

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`event groups over the demo corpus: ${engine.name}`, () => {
    let store: Store;
    let docs: Doc[];
    const ids: string[] = [];
    let grouped: EventListItem[];

    beforeAll(async () => {
      docs = await demoDocs();
      store = await engine.open({ now: CLOCK });
      for (const d of docs) ids.push((await store.saveDocument(d)).id);
      grouped = (await store.events({ grouped: true, limit: 1000 })).items;
    });
    afterAll(async () => {
      await store?.close();
    });

    it('puts every event in exactly one group, named after its earliest event', async () => {
      const all = await store.events({ limit: 1000 });
      expect(all.total).toBe(docs.reduce((n, d) => n + d.events.length, 0));
      expect(grouped.reduce((n, g) => n + g.mentions.length, 0)).toBe(all.total);
      expect(new Set(grouped.flatMap((g) => g.mentions.map((m) => m.eventId))).size).toBe(all.total);
      for (const g of grouped) {
        expect(g.groupId).toBe(g.id);
        // A document's events are different statements: never two of them in one group.
        expect(new Set(g.mentions.map((m) => m.documentId)).size).toBe(g.mentions.length);
        expect(g.sources).toBe(g.mentions.length);
      }
      const listed = all.items.find((e) => e.sources > 1)!;
      expect(listed.mentions.map((m) => m.eventId)).toContain(listed.id);
      expect((await store.events({ grouped: true })).total).toBe(grouped.length);
      expect(grouped.length).toBeLessThan(all.total);
    });

    it('groups the reports of each same-story pair of documents', () => {
      for (const [a, b] of SAME_STORY) {
        const x = demoId(docs, ids, a);
        const y = demoId(docs, ids, b);
        const both = grouped.filter((g) => {
          const d = g.mentions.map((m) => m.documentId);
          return d.includes(x) && d.includes(y);
        });
        expect(both.length, `${a} and ${b}`).toBeGreaterThan(0);
      }
      // The agency copy (07/16) is the same text: every one of its events is grouped.
      const copy = demoId(docs, ids, '07-');
      const ofCopy = grouped.filter((g) => g.mentions.some((m) => m.documentId === copy));
      expect(ofCopy.every((g) => g.sources === 2)).toBe(true);
    });

    it('applies filters to any report of a group and pages groups', async () => {
      const x = demoId(docs, ids, '01-');
      const y = demoId(docs, ids, '13-');
      const pair = grouped.find(
        (g) => g.mentions.some((m) => m.documentId === x) && g.mentions.some((m) => m.documentId === y),
      )!;
      // Filtering on one report's document still yields the group, with the other report.
      for (const documentId of [x, y]) {
        const hit = (await store.events({ grouped: true, documentId, limit: 100 })).items.find(
          (g) => g.groupId === pair.groupId,
        );
        expect(hit?.sources).toBe(2);
      }
      const page = await store.events({ grouped: true, limit: 5, offset: 5 });
      expect(page.items.map((g) => g.groupId)).toEqual(grouped.slice(5, 10).map((g) => g.groupId));
    });

    it('explains a group and splits an event off for good, reversibly', async () => {
      const copy = demoId(docs, ids, '07-');
      const group = grouped.find(
        (g) => g.mentions.some((m) => m.documentId === copy) && g.code.startsWith('08'),
      )!;
      const member = group.mentions.find((m) => m.eventId !== group.groupId)!.eventId;
      const detail = await store.getEventGroup(member);
      expect(detail?.groupId).toBe(group.groupId);
      expect(detail?.events).toHaveLength(2);
      expect(detail?.reason).toMatch(/near-duplicate documents/);

      const split = await store.splitEvent(member);
      expect(split).toEqual({ groupId: member, split: [group.groupId] });
      const alone = await store.getEventGroup(member);
      expect(alone?.events.map((e) => e.id)).toEqual([member]);
      expect(alone?.events[0]?.pinned).toBe(true);
      expect((await store.getEventGroup(group.groupId))?.events).toHaveLength(1);

      // A third copy of the story joins the group, never the split event.
      const original = docs[ids.indexOf(copy)]!;
      const third = await store.saveDocument({
        ...original,
        title: `${original.title} (third copy)`,
        published: '2023-12-09',
      });
      expect(third.nearDuplicateOf).not.toBeNull();
      expect((await store.getEventGroup(member))?.events).toHaveLength(1);
      expect((await store.getEventGroup(group.groupId))?.events).toHaveLength(2);

      const undo = await store.unsplitEvent(member);
      expect(undo.groupId).toBe(group.groupId);
      expect((await store.getEventGroup(member))?.events).toHaveLength(3);
      await expect(store.splitEvent('ffffffffffffffff:e0')).rejects.toThrow(/no event ffffffffffffffff:e0/);
    });
  });
}
