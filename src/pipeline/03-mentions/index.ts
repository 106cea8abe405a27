import type { Doc, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { actorRegistryFor, type ActorRegistry } from '../../model/actors.js';
import { tokenizeFolded, type Token } from '../../model/actors-tokens.js';
import { foldText } from '../text-map.js';
import { winkViewOf, type WinkView } from '../02-sentences/wink.js';
import { setCandidates, type Candidate } from './candidate.js';
import { anchorContextual, emitHits, findHits } from './gazetteer-step.js';
import { counterpartStep, roleNounStep, titleStep } from './person-step.js';
import { extendStep, organStep, unknownOrgStep } from './org-step.js';
import { descriptionStep, stateModifierStep } from './state-step.js';
import { appositionStep } from './apposition-step.js';
import { Scan, firstBits } from './scan.js';
import { surnameMentions, surnamesOf } from './surname-step.js';

/**
 * The steps of one sentence's scan. Order matters: gazetteer hits first (everything else reads
 * them), state organs (a title after one takes its country), people (titles before role
 * nouns), other organisations, states, appositions (which
 * describe what the earlier steps found), descriptions and anaphora last.
 */
const STEPS: readonly ((scan: Scan, body: string) => void)[] = [
  (scan) => anchorContextual(scan),
  (scan) => emitHits(scan),
  organStep,
  titleStep,
  roleNounStep,
  (scan) => counterpartStep(scan),
  (scan) => extendStep(scan),
  unknownOrgStep,
  (scan) => stateModifierStep(scan),
  appositionStep,
  (scan) => descriptionStep(scan),
];

/**
 * All candidate mentions of one document, in body order (longer first at equal starts).
 *
 * @example findCandidates(doc, reg, null).map((c) => c.actorId)
 */
export function findCandidates(doc: Doc, reg: ActorRegistry, view: WinkView | null): Candidate[] {
  const all: Candidate[] = [];
  const scans: Scan[] = [];
  // Tokenize the folded body once and deal the tokens out to sentences.
  const all0 = tokenizeFolded(view?.folded ?? foldText(doc.body));
  let t = 0;
  for (const s of doc.sentences) {
    while (t < all0.length && all0[t]!.start < s.start) t++;
    const tokens: Token[] = [];
    while (t < all0.length && all0[t]!.end <= s.end) tokens.push(all0[t++]!);
    if (tokens[0]) tokens[0] = { ...tokens[0], space: true };
    const first = firstBits(reg, tokens);
    const scan = new Scan(reg, tokens, s.index, view, findHits(reg, tokens, first), first);
    for (const step of STEPS) step(scan, doc.body);
    scans.push(scan);
    all.push(...scan.out);
  }
  const surnames = surnamesOf(reg, all);
  if (surnames.size) {
    for (const scan of scans) {
      const covered = (s: number, e: number) => scan.out.some((c) => c.start < e && s < c.end);
      const found = surnameMentions(scan.tokens, surnames, covered, scan.sentence);
      for (const c of found) all.push(c);
    }
  }
  return dedupe(all);
}

function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of list) {
    const state = c.resolve && c.resolve.by === 'title' ? c.resolve.state : '';
    const k = `${c.start}|${c.end}|${c.actorId ?? ''}|${c.resolve?.by ?? ''}|${state}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * 03-mentions: gazetteer matches (names, aliases, demonyms, capitals, epithets) and patterns
 * (titles, role nouns, organs, appositions, descriptions, anaphora) over each sentence. Fills
 * `doc.mentions`; ids the KB knows are set, the rest are resolved by 04-actors. Mentions may
 * nest ("Ruritanian President Jane Roe" holds "Ruritanian" and "Jane Roe"): nested ones have a
 * rule ending in ":inner" or are contained in a longer mention.
 *
 * @example stage.run(doc, ctx).mentions[0] // { text: 'Baku', actorId: 'AZE', rule: 'gazetteer:metonym', … }
 */
export const stage: Stage = {
  name: 'mentions',
  run: (doc, ctx) => {
    try {
      // The CLI may pass only the folder of `--actors` (as `actorsDir`).
      const reg = ctx.actors ?? actorRegistryFor((ctx as { actorsDir?: string }).actorsDir);
      let view: WinkView | null = null;
      try {
        view = doc.body ? winkViewOf(doc) : null;
      } catch (err) {
        doc.warnings.push(`mentions: no part-of-speech tags (${(err as Error).message})`);
      }
      const cands = findCandidates(doc, reg, view);
      setCandidates(doc, cands);
      doc.mentions = cands.map((c): Mention => ({
        start: c.start,
        end: c.end,
        text: doc.body.slice(c.start, c.end),
        actorId: c.actorId,
        sentence: c.sentence,
        rule: c.rule,
      }));
    } catch (err) {
      doc.warnings.push(`mentions: ${(err as Error).message}`);
    }
    return doc;
  },
};
