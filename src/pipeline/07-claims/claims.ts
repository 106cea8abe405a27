import type { Claim, Doc, Sentence } from '../../model/types.js';
import { lemmaCandidates, type Chunk } from '../06-events/coder.js';
import type { Tok } from '../06-events/tokens.js';
import type { ClaimCues, ClaimVerb } from './cues.js';

const QUOTES = new Set(['“', '”', '"', '«', '»']);

/** Where the claim's proposition starts: after "that", after "of", or at the quote. */
function complementStart(toks: readonly Tok[], verb: number, v: ClaimVerb): number {
  const window = toks.slice(verb + 1, verb + 7);
  const that = window.findIndex((t) => t.lower === 'that');
  if (that >= 0) return verb + 1 + that + 1;
  if (v.complement === 'quote' || v.complement === 'that') {
    const q = toks.findIndex((t, i) => i > verb && QUOTES.has(t.text));
    if (q >= 0 && (v.complement === 'quote' || q - verb <= 3)) return q;
    return -1;
  }
  const of = window.findIndex((t) => t.lower === 'of');
  if (of >= 0) return verb + 1 + of + 1;
  return verb + 1;
}

/** A short, normalised proposition: the complement's words, quotes and trailing punctuation stripped. */
function proposition(
  body: string,
  toks: readonly Tok[],
  from: number,
  about: Chunk | null,
  aboutName: string | null,
): string {
  let to = toks.length;
  for (let k = from; k < toks.length; k++) {
    if (toks[k]!.lower === ';' || (k > from + 3 && toks[k]!.lower === ',' && toks[k + 1]?.pos === 'SCONJ')) {
      to = k;
      break;
    }
  }
  if (to <= from) return '';
  let text = body.slice(toks[from]!.start, toks[to - 1]!.end);
  text = text
    .replace(/[“”"«»]/g, '')
    .replace(/[\s.,;:]+$/u, '')
    .trim();
  // "accused Baku of collaborating …" → "Baku collaborating …"
  if (about && aboutName && toks[from]!.lower.endsWith('ing') && from > about.end)
    text = `${aboutName} ${text}`;
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/**
 * Finds claims in one sentence: a claim verb, who makes it, whom it is about and the
 * proposition. Denials are returned separately for linking to the claims they deny.
 *
 * @example sentenceClaims(doc, sentence, toks, chunks, cues, names)
 */
export function sentenceClaims(
  doc: Doc,
  s: Sentence,
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  cues: ClaimCues,
  names: ReadonlyMap<string, string>,
  subjectAt: (i: number) => Chunk | null,
  claimantOf: (c: Chunk) => string,
): { claims: Claim[]; denials: { denier: string; at: number }[] } {
  const claims: Claim[] = [];
  const denials: { denier: string; at: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos !== 'VERB' && !(t.pos === 'NOUN' && /(ed|ing)$/.test(t.lower))) continue;
    const v = lemmaCandidates(t)
      .map((l) => cues.verbs.get(l))
      .find(Boolean);
    if (!v) continue;
    // Passive reporting ("as acknowledged by officials in Baku") names the claimant with "by".
    const by = toks[i + 1]?.lower === 'by' ? chunks.find((c) => c.start > i && c.prep === 'by') : null;
    const claimant = by ?? subjectAt(i);
    if (!claimant) continue;
    if (v.kind === 'denial') {
      denials.push({ denier: claimant.state, at: t.start });
      continue;
    }
    const from = complementStart(toks, i, v);
    if (from < 0 || from >= toks.length) continue;
    // Whom it is about: the accused object, else the first other actor in the proposition.
    const after = chunks.filter((c) => c.start >= i + 1);
    const about =
      after.find((c) => c.start < from && c.state !== claimant.state) ??
      after.find((c) => c.start >= from && c.state !== claimant.state) ??
      after.find((c) => c.start >= from) ??
      null;
    if (v.complement === 'any' && !about && from === i + 1) continue;
    const text = proposition(
      doc.body,
      toks,
      from,
      about,
      about ? (names.get(about.state) ?? about.state) : null,
    );
    if (text.split(/\s+/).length < 2) continue;
    // One claim per claimant and sentence: "spoke … and called X “…”" is one assertion.
    const who = claimantOf(claimant);
    if (claims.some((c) => c.claimant === who)) continue;
    claims.push({
      claimant: who,
      about: about?.state ?? null,
      text,
      quote: s.text,
      start: s.start,
      end: s.end,
      disputedBy: [],
      kind: v.kind,
      rule: `claim.${t.lemma}`,
    });
  }
  return { claims, denials };
}

/**
 * Links each denial to the latest earlier claim in the document about the denier (or made
 * against it), adding the denier to that claim's `disputedBy`. Denials that deny nothing in
 * the document are returned as claims of kind `denial`, so a store can link them across
 * documents.
 */
export function linkDenials(
  doc: Doc,
  claims: Claim[],
  denials: readonly { denier: string; at: number; sentence: Sentence }[],
): Claim[] {
  const unlinked: Claim[] = [];
  for (const d of denials) {
    const target = [...claims]
      .reverse()
      .find((c) => c.start <= d.at && c.about === d.denier && c.claimant !== d.denier);
    if (target) {
      if (!target.disputedBy.includes(d.denier)) target.disputedBy.push(d.denier);
      continue;
    }
    unlinked.push({
      claimant: d.denier,
      about: null,
      text: `denial: ${d.sentence.text.replace(/\s+/g, ' ').slice(0, 180)}`,
      quote: d.sentence.text,
      start: d.sentence.start,
      end: d.sentence.end,
      disputedBy: [],
      kind: 'denial',
      rule: 'claim.denial',
    });
  }
  void doc;
  return unlinked;
}
