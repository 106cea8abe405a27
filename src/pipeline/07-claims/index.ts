import type { Claim, Relation, Sentence } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { sentenceChunks, subjectFinder, type Chunk } from '../06-events/coder.js';
import { coderCues } from '../06-events/coder-cues.js';
import { sentenceTokens } from '../06-events/tokens.js';
import { actorStates } from '../06-events/actor-states.js';
import { linkDenials, sentenceClaims } from './claims.js';
import { claimCues, relationCues } from './cues.js';
import { sentenceRelations } from './relations.js';

/** 07-claims: claims and denials, and standing relations between states. */
export const stage: Stage = {
  name: 'claims',
  run(doc, ctx) {
    const cues = claimCues();
    const rcues = relationCues();
    const ccues = coderCues();
    // Who makes a claim: a state's official speaks for the state; a person with no state
    // office (an analyst, a scholar) speaks for themselves.
    const byId = new Map(doc.actors.map((a) => [a.id, a] as const));
    const claimantOf = (c: Chunk): string => {
      const a = byId.get(c.actorId);
      return a && a.kind === 'person' && !a.role ? a.id : c.state;
    };
    // A person tied to no state (an analyst) can still make a claim: they stand for themselves.
    const states = actorStates(doc, ctx.actors);
    for (const a of doc.actors)
      if (a.kind === 'person' && !states.has(a.id)) states.set(a.id, { state: a.id, kind: 'person' });
    const names = new Map(doc.actors.filter((a) => a.kind === 'state').map((a) => [a.id, a.name] as const));
    const claims: Claim[] = [];
    const relations: Relation[] = [];
    const denials: { denier: string; at: number; sentence: Sentence }[] = [];
    const spans = new Map<
      number,
      { start: number; end: number; actorId: string; state: string; kind: string }[]
    >();
    for (const m of doc.mentions) {
      const st = m.actorId ? states.get(m.actorId) : undefined;
      if (!st || !m.actorId) continue;
      const list = spans.get(m.sentence) ?? [];
      list.push({ start: m.start, end: m.end, actorId: m.actorId, state: st.state, kind: st.kind });
      spans.set(m.sentence, list);
    }
    for (const s of doc.sentences) {
      const sp = spans.get(s.index);
      if (!sp?.length) continue;
      try {
        const toks = sentenceTokens(doc, s);
        const chunks = sentenceChunks(toks, sp, ccues);
        const subjectAt = subjectFinder(toks, chunks, ccues);
        const found = sentenceClaims(doc, s, toks, chunks, cues, names, subjectAt, claimantOf);
        claims.push(...found.claims);
        denials.push(...found.denials.map((d) => ({ ...d, sentence: s })));
        relations.push(...sentenceRelations(s, toks, chunks, rcues, doc.dates, subjectAt));
      } catch (err) {
        doc.warnings.push(`claims: sentence ${s.index} skipped: ${(err as Error).message}`);
      }
    }
    claims.push(...linkDenials(doc, claims, denials));
    // One relation of a type per pair of states and sentence.
    const seen = new Set<string>();
    doc.relations = relations.filter((r) => {
      // The pair in string order, as sorting it would give.
      const k = `${r.start}|${r.a <= r.b ? `${r.a}-${r.b}` : `${r.b}-${r.a}`}|${r.type}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    doc.claims = claims;
    return doc;
  },
};
