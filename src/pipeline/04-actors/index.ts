import type { DocActor, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { actorRegistryFor } from '../../model/actors.js';
import { candidatesOf } from '../03-mentions/candidate.js';
import { collectPeople, countryOf, kindOf, resolveOne, type ResolveState } from './resolve.js';
import { roleAt } from './roles.js';

/**
 * 04-actors: resolves each mention within the document (surnames to full names seen before,
 * bare titles to their holder at the reference date, descriptions and anaphora to the nearest
 * fitting actor) and lists the document's actors with their mentions (the contract's
 * `actors[]`). Without a reference date, current office holders are preferred.
 *
 * @example stage.run(doc, ctx).actors.find((a) => a.id === 'AZE')?.mentions.length
 */
export const stage: Stage = {
  name: 'actors',
  run: (doc, ctx) => {
    try {
      // The CLI may pass only the folder of `--actors` (as `actorsDir`).
      const reg = ctx.actors ?? actorRegistryFor((ctx as { actorsDir?: string }).actorsDir);
      const st: ResolveState = {
        reg,
        date: doc.reference?.date ?? null,
        done: [],
        protos: new Map(),
        people: [],
      };
      const cands = candidatesOf(doc);
      collectPeople(st, cands);
      const mentions: Mention[] = [];
      const actors = new Map<string, DocActor>();
      // 03 listed one mention per candidate, in the same order: their texts are reused.
      const listed = doc.mentions.length === cands.length ? doc.mentions : null;
      for (let k = 0; k < cands.length; k++) {
        const c = cands[k]!;
        let id: string | null = null;
        try {
          id = resolveOne(st, c);
        } catch (err) {
          doc.warnings.push(
            `actors: could not resolve "${doc.body.slice(c.start, c.end)}": ${(err as Error).message}`,
          );
        }
        if (!id) continue;
        st.done.push({ c, id });
        const had = listed?.[k];
        const text =
          had && had.start === c.start && had.end === c.end ? had.text : doc.body.slice(c.start, c.end);
        mentions.push({ start: c.start, end: c.end, text, actorId: id, sentence: c.sentence, rule: c.rule });
        let a = actors.get(id);
        if (!a) {
          const e = reg.entries.get(id);
          const p = st.protos.get(id);
          a = {
            id,
            kind: e?.kind ?? p?.kind ?? kindOf(st, id) ?? 'org',
            name: e?.name ?? p?.name ?? id,
            country: countryOf(st, id),
            role: e ? roleAt(e, st.date) : (p?.role ?? null),
            sector: e?.sector ?? p?.sector ?? null,
            mentions: [],
          };
          actors.set(id, a);
        }
        if (!hasSpan(a.mentions, c.start, c.end)) a.mentions.push({ text, start: c.start, end: c.end });
      }
      inferCountries(actors, mentions);
      doc.mentions = mentions;
      doc.actors = [...actors.values()];
    } catch (err) {
      doc.warnings.push(`actors: ${(err as Error).message}`);
    }
    return doc;
  },
};

/**
 * A person the knowledge base does not know takes the state named inside their own mentions
 * ("his counterpart in Baku", "the envoy of Israel") when exactly one state is named there.
 */
function inferCountries(actors: Map<string, DocActor>, mentions: readonly Mention[]): void {
  const stateMentions = mentions.filter((m) => m.actorId && actors.get(m.actorId)?.kind === 'state');
  for (const a of actors.values()) {
    if (a.kind !== 'person' || a.country) continue;
    const states = new Set<string>();
    for (const m of a.mentions)
      for (const sm of stateMentions)
        if (sm.start >= m.start && sm.end <= m.end && !(sm.start === m.start && sm.end === m.end))
          states.add(sm.actorId!);
    if (states.size === 1) a.country = [...states][0]!;
  }
}

/** Whether one of `list` spans exactly [start, end) (a loop: a closure over the loop's candidate would allocate a scope per candidate). */
function hasSpan(list: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const m of list) if (m.start === start && m.end === end) return true;
  return false;
}
