import type {
  ActorRegistry,
  AnaphoraDef,
  DescriptionDef,
  GazetteerForm,
  OrganDef,
  TitleDef,
} from '../../model/actors.js';
import type { PhraseIndex, Token } from '../../model/actors-tokens.js';
import { FIRST } from './word-bits.js';

/** A phrase match: its length in tokens and the value stored for the phrase. */
export interface PhraseMatch<T> {
  readonly length: number;
  readonly value: T;
}

/** One node of a phrase trie: the phrases ending here (in the index's order) and the next words. */
export interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  /** Values of the phrases with exactly this key sequence, in the index's order. */
  readonly values: T[];
  /** The match for the first of `values` (shared: read it, never change it); null when none end here. */
  match: PhraseMatch<T> | null;
  /** On a root from {@link triesOf}: the {@link FIRST} bit of its first words (0: none), for a pre-check. */
  readonly firstBit: number;
}

// One trie per (frozen) index, built on first use: a longest match then costs one map lookup
// per word of the phrase instead of a comparison with every phrase sharing its first word
// (72 gazetteer names start with "the").
const tries = new WeakMap<PhraseIndex<unknown>, TrieNode<unknown>>();

function node<T>(): TrieNode<T> {
  return { next: new Map(), values: [], match: null, firstBit: 0 };
}

/**
 * The trie of a phrase index, built once per index from its phrases.
 *
 * @example trieOf(reg.lexicon.titles).next.get('foreign')?.next.get('minister')?.match?.length // 2
 */
export function trieOf<T>(index: PhraseIndex<T>): TrieNode<T> {
  const had = tries.get(index as PhraseIndex<unknown>);
  if (had) return had as TrieNode<T>;
  const root = node<T>();
  for (const first of index.firstKeys()) {
    // Longest first, and insertion order among equal lengths: values stay in the index's order.
    for (const p of index.startingWith(first)) {
      let at = root;
      for (let depth = 0; depth < p.keys.length; depth++) {
        const k = p.keys[depth]!;
        let child = at.next.get(k);
        if (!child) at.next.set(k, (child = node<T>()));
        at = child;
      }
      at.values.push(p.value);
      at.match ??= { length: p.keys.length, value: p.value };
    }
  }
  tries.set(index as PhraseIndex<unknown>, root as TrieNode<unknown>);
  return root;
}

/** The tries of a registry's gazetteer and of the lexicon's phrase lists. */
export interface LexiconTries {
  gazetteer: TrieNode<GazetteerForm>;
  titles: TrieNode<TitleDef>;
  honorifics: TrieNode<true>;
  roleNouns: TrieNode<true>;
  organs: TrieNode<OrganDef>;
  memberNouns: TrieNode<true>;
  orgNouns: TrieNode<true>;
  descriptions: TrieNode<DescriptionDef>;
  anaphora: TrieNode<AnaphoraDef>;
  relationNouns: TrieNode<true>;
  stateNouns: TrieNode<true>;
  counterpartNouns: TrieNode<true>;
}

const lexiconTries = new WeakMap<ActorRegistry, LexiconTries>();

/**
 * The phrase tries of a (frozen) registry, built once per registry.
 *
 * @example longestPhraseAt(triesOf(reg).titles, tokenize('foreign minister'), 0)?.length // 2
 */
export function triesOf(reg: ActorRegistry): LexiconTries {
  let out = lexiconTries.get(reg);
  if (out) return out;
  const lex = reg.lexicon;
  // Each root's first words are exactly the words with its FIRST bit (see scan.ts firstTable).
  // A copy of the root carries the bit: an index's trie is shared (by every registry holding
  // the index) and stays as trieOf built it.
  const rooted = <T>(index: PhraseIndex<T>, bit: number): TrieNode<T> => ({
    ...trieOf(index),
    firstBit: bit,
  });
  out = {
    gazetteer: rooted(reg.gazetteer, FIRST.gazetteer),
    titles: rooted(lex.titles, FIRST.title),
    honorifics: rooted(lex.honorifics, FIRST.honorific),
    roleNouns: rooted(lex.roleNouns, FIRST.roleNoun),
    organs: rooted(lex.organs, FIRST.organ),
    memberNouns: rooted(lex.memberNouns, FIRST.memberNoun),
    orgNouns: rooted(lex.orgNouns, FIRST.orgNoun),
    descriptions: rooted(lex.descriptions, FIRST.description),
    anaphora: rooted(lex.anaphora, FIRST.anaphora),
    relationNouns: rooted(lex.relationNouns, FIRST.relationNoun),
    stateNouns: rooted(lex.stateNouns, FIRST.stateNoun),
    counterpartNouns: rooted(lex.counterpartNouns, FIRST.counterpartNoun),
  };
  lexiconTries.set(reg, out);
  return out;
}

/**
 * The longest phrase of a trie starting at token i, as `index.longestAt(tokens, i)` finds it
 * (the first such phrase in the index's order), or null.
 *
 * @example longestPhraseAt(triesOf(reg).titles, tokenize('the foreign minister'), 1)?.length // 2
 */
export function longestPhraseAt<T>(
  root: TrieNode<T>,
  tokens: readonly Token[],
  i: number,
): PhraseMatch<T> | null {
  let at = root;
  let best: PhraseMatch<T> | null = null;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    const child = t && at.next.get(t.key);
    if (!child) break;
    at = child;
    if (at.match) best = at.match;
  }
  return best;
}

/**
 * The nodes of the phrases that start at token i, shortest first, written into `out` (cleared
 * first, so one array serves every call), for callers that must look at every value of a
 * length, such as the gazetteer's case rules. Returns `out`.
 *
 * @example phraseNodesAt(triesOf(reg).gazetteer, tokenize('the United States'), 0, []).map((n) => n.match?.length)
 */
export function phraseNodesAt<T>(
  root: TrieNode<T>,
  tokens: readonly Token[],
  i: number,
  out: TrieNode<T>[],
): TrieNode<T>[] {
  out.length = 0;
  let at = root;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    const child = t && at.next.get(t.key);
    if (!child) break;
    at = child;
    if (at.match) out.push(at);
  }
  return out;
}
