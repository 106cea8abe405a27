import type { Doc, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { actorRegistryFor, type ActorRegistry } from '../../model/actors.js';
import { foldText } from '../text-map.js';
import { winkViewOf, type WinkView } from '../02-sentences/wink.js';
import { setCandidates, type Candidate } from './candidate.js';
import { anchorContextual, emitHits, findHits } from './gazetteer-step.js';
import { counterpartStep, roleNounStep, titleStep } from './person-step.js';
import { extendStep, organStep, unknownOrgStep } from './org-step.js';
import { descriptionStep, stateModifierStep } from './state-step.js';
import { appositionStep } from './apposition-step.js';
import { Scan, firstBitsOfWords } from './scan.js';
import { spaced, wordTokens } from './word-table.js';
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
  const words = wordTokens(view?.folded ?? foldText(doc.body));
  const all0 = words.tokens;
  // One table for the body (a typed array per sentence would each allocate its own buffer).
  const bits = firstBitsOfWords(reg, words, 0, all0.length);
  let t = 0;
  for (const s of doc.sentences) {
    while (t < all0.length && all0[t]!.start < s.start) t++;
    const from = t;
    while (t < all0.length && all0[t]!.end <= s.end) t++;
    const tokens = all0.slice(from, t);
    if (tokens[0]) tokens[0] = spaced(tokens[0]);
    const first = bits.subarray(from, t);
    const scan = new Scan(reg, tokens, s.index, view, findHits(reg, tokens, first), first);
    for (const step of STEPS) step(scan, doc.body);
    scans.push(scan);
    all.push(...scan.out);
  }
  const surnames = surnamesOf(reg, all);
  if (surnames.size) {
    for (const scan of scans) {
      // Every recorded mention spans whole tokens, so token cover tells overlap.
      const found = surnameMentions(scan.tokens, surnames, (i, j) => scan.overlaps(i, j), scan.sentence);
      for (const c of found) all.push(c);
    }
  }
  return dedupe(all);
}

/**
 * The candidates in body order (longer first at equal starts), each (span, actor, way of
 * resolving) once: sorting first (stably) puts equal spans side by side in the order they were
 * found, so a duplicate is only looked for among the earlier candidates of its span.
 */
function dedupe(list: Candidate[]): Candidate[] {
  const sorted = list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let group = 0;
  for (const c of sorted) {
    const first = out[group];
    if (!first || first.start !== c.start || first.end !== c.end) group = out.length;
    else if (hasSame(out, group, c)) continue;
    out.push(c);
  }
  return out;
}

/** True when out[from…] holds a candidate naming the same actor the same way as c. */
function hasSame(out: readonly Candidate[], from: number, c: Candidate): boolean {
  const by = c.resolve?.by ?? '';
  const state = titleState(c);
  for (let k = from; k < out.length; k++) {
    const o = out[k]!;
    if ((o.actorId ?? '') === (c.actorId ?? '') && (o.resolve?.by ?? '') === by && titleState(o) === state)
      return true;
  }
  return false;
}

function titleState(c: Candidate): string | null {
  return c.resolve && c.resolve.by === 'title' ? c.resolve.state : '';
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
