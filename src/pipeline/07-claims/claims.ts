import type { Claim, Doc, Sentence } from '../../model/types.js';
import type { Chunk } from '../06-events/coder.js';
import { sentenceFacts } from '../06-events/sentence-facts.js';
import { inList, listBit, type Word } from '../06-events/words.js';
import type { Tok } from '../06-events/tokens.js';
import type { ClaimCues, ClaimVerb } from './cues.js';

const QUOTES = new Set(['“', '”', '"', '«', '»']);
const CLOSING = new Set(['”', '»']);

/** Where the claim's proposition starts: after "that", after "of", or at the quote. */
function complementStart(toks: readonly Tok[], verb: number, v: ClaimVerb): number {
  const window = toks.slice(verb + 1, verb + 7);
  const that = window.findIndex((t) => t.lower === 'that');
  if (that >= 0) return verb + 1 + that + 1;
  if (v.complement === 'quote' || v.complement === 'that') {
    // Only an opening mark starts a quotation: "maintain ties” because …" closes one.
    const q = toks.findIndex((t, i) => i > verb && QUOTES.has(t.text) && !CLOSING.has(t.text));
    if (q >= 0 && (v.complement === 'quote' || q - verb <= 3)) return q;
    // "believes Iran's Guards may have been involved": a clause with no "that".
    if (v.complement === 'that' && startsClause(toks, verb + 1)) return verb + 1;
    return -1;
  }
  // "accused X of …", "blamed X for …"
  const of = window.findIndex((t) => t.lower === 'of' || t.lower === 'for');
  if (of >= 0) return verb + 1 + of + 1;
  return verb + 1;
}

/** Does a clause start at i: a noun phrase followed within six words by a verb or auxiliary? */
function startsClause(toks: readonly Tok[], i: number): boolean {
  const first = toks[i];
  if (!first || !['PROPN', 'NOUN', 'DET', 'PRON', 'ADJ'].includes(first.pos)) return false;
  for (let k = i + 1; k < Math.min(toks.length, i + 7); k++) {
    const t = toks[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos === 'PUNCT' && t.lower !== "'" && t.lower !== '’') return false;
  }
  return false;
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
  const text = clean(body, toks, from, to);
  // "accused Baku of collaborating …" → "Baku collaborating …"
  if (text && about && aboutName && toks[from]!.lower.endsWith('ing') && from > about.end)
    return `${aboutName} ${text}`;
  return text;
}

/** A claim record quoting sentence `s`; nobody disputes it yet. */
function claimIn(s: Sentence, fields: Pick<Claim, 'claimant' | 'about' | 'text' | 'kind' | 'rule'>): Claim {
  return {
    claimant: fields.claimant,
    about: fields.about,
    text: fields.text,
    kind: fields.kind,
    rule: fields.rule,
    quote: s.text,
    start: s.start,
    end: s.end,
    disputedBy: [],
  };
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
  // Each token's word record (lemma candidates included), shared with 06-events.
  const { words } = sentenceFacts(toks);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos !== 'VERB' && !(t.pos === 'NOUN' && (t.lower.endsWith('ed') || t.lower.endsWith('ing'))))
      continue;
    const v = claimVerbOf(words[i]!, cues);
    if (!v) continue;
    // "“…,” said X": a statement verb right after a closing quote attributes the quotation,
    // and its speaker follows the verb; attributedClaims records it.
    if (
      v.kind === 'statement' &&
      t.pos === 'VERB' &&
      toks.slice(Math.max(0, i - 4), i).some((x) => x.text === '”' || x.text === '"')
    )
      continue;
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
    claims.push(
      claimIn(s, {
        claimant: who,
        about: about?.state ?? null,
        text,
        kind: v.kind,
        rule: `claim.${t.lemma}`,
      }),
    );
  }
  attributedClaims(doc, s, toks, chunks, cues, subjectAt, claimantOf, claims);
  return { claims, denials };
}

// Per cue set, the claim verb of each word record (shared by all occurrences of a word form).
const verbsByWord = new WeakMap<ClaimCues, Map<Word, ClaimVerb | null>>();

/** The first of the word's candidate lemmas that is a claim verb, or null. */
function claimVerbOf(word: Word, cues: ClaimCues): ClaimVerb | null {
  let memo = verbsByWord.get(cues);
  if (!memo) verbsByWord.set(cues, (memo = new Map()));
  let v = memo.get(word);
  if (v === undefined) {
    v = null;
    for (const l of word.forms) if ((v = cues.verbs.get(l) ?? null)) break;
    // Bounded like the word records it is keyed by.
    if (memo.size > 50_000) memo.clear();
    memo.set(word, v);
  }
  return v;
}

const claimWords = new WeakMap<ClaimCues, ReadonlySet<string>>();

/** Every claim verb's lemma and claim noun: the words attributed claims start from. */
function claimVocabulary(cues: ClaimCues): ReadonlySet<string> {
  let v = claimWords.get(cues);
  if (!v) claimWords.set(cues, (v = new Set([...cues.verbs.keys(), ...cues.nouns])));
  return v;
}

/** Trims quotes, attribution and trailing punctuation from a stretch of body text. */
function clean(body: string, toks: readonly Tok[], from: number, to: number): string {
  if (to <= from) return '';
  const text = body
    .slice(toks[from]!.start, toks[to - 1]!.end)
    .replace(/[“”"«»]/g, '')
    .replace(/^[\s,.;:]+|[\s,.;:]+$/gu, '')
    .trim();
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/**
 * Claims attributed after the fact: "“…,” said X" / "“…,” X said", "…, according to X", and
 * claim nouns ("the view from Tehran is that …", "X's allegation that …").
 */
function attributedClaims(
  doc: Doc,
  s: Sentence,
  toks: readonly Tok[],
  chunks: readonly Chunk[],
  cues: ClaimCues,
  subjectAt: (i: number) => Chunk | null,
  claimantOf: (c: Chunk) => string,
  claims: Claim[],
): void {
  const push = (who: Chunk, from: number, to: number, rule: string, kind: Claim['kind']) => {
    const claimant = claimantOf(who);
    if (claims.some((c) => c.claimant === claimant)) return;
    const text = clean(doc.body, toks, from, to);
    if (text.split(/\s+/).length < 3) return;
    const about = chunks.find((c) => c.start >= from && c.end <= to && c.state !== who.state) ?? null;
    claims.push(claimIn(s, { claimant, about: about?.state ?? null, text, kind, rule }));
  };
  const { words } = sentenceFacts(toks);
  const vocab = claimVocabulary(cues);
  const bit = listBit(vocab);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    // "…, according to X": X claims what comes before.
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      // Only a person or a state speaks; "according to reports from X's embassy" is a source, not a claimant.
      const who = chunks.find(
        (c) => c.start > i + 1 && c.start <= i + 6 && (c.kind === 'person' || c.kind === 'state'),
      );
      if (who) push(who, 0, i, 'claim.according-to', 'statement');
      continue;
    }
    // Only a claim verb or noun starts one of the forms below (a memoised test per word).
    if (!inList(words[i]!, vocab, bit)) continue;
    // "“…,” said X" / "“…,” X said": a statement verb right after a closing quote.
    const v = cues.verbs.get(t.lemma);
    if (v && v.kind === 'statement' && t.pos === 'VERB') {
      const closing = toks.slice(Math.max(0, i - 4), i).some((x) => x.text === '”' || x.text === '"');
      if (!closing) continue;
      const who =
        chunks.find(
          (c) => c.start === i + 1 || (c.start > i && c.start <= i + 3 && toks[i + 1]?.pos === 'DET'),
        ) ?? subjectAt(i);
      const open = toks.findIndex((x) => x.text === '“' || x.text === '"');
      if (who && open >= 0 && open < i) push(who, open, i, `claim.${t.lemma}.quoted`, 'statement');
      continue;
    }
    // "the view from Tehran is that …", "Iran's allegation that …"
    if (cues.nouns.has(t.lemma) && t.pos === 'NOUN') {
      const that = toks.findIndex((x, k) => k > i && k <= i + 5 && x.lower === 'that');
      if (that < 0) continue;
      const who =
        chunks.find((c) => c.end === i && c.modifier) ??
        chunks.find(
          (c) => c.start > i && c.end <= that && (c.prep === 'from' || c.prep === 'of' || c.prep === 'in'),
        );
      if (who) push(who, that + 1, toks.length, `claim.${t.lemma}.noun`, 'allegation');
    }
  }
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
    unlinked.push(
      claimIn(d.sentence, {
        claimant: d.denier,
        about: null,
        text: `denial: ${d.sentence.text.replace(/\s+/g, ' ').slice(0, 180)}`,
        kind: 'denial',
        rule: 'claim.denial',
      }),
    );
  }
  void doc;
  return unlinked;
}
