import type { ActorEntry, ActorRegistry, GazetteerForm } from '../../model/actors.js';
import type { Token } from '../../model/actors-tokens.js';
import type { WinkView } from '../02-sentences/wink.js';
import { posAt } from '../02-sentences/wink.js';
import type { Candidate, Proto, Resolve } from './candidate.js';
import type { WordTokens } from './word-table.js';
import { ARTICLES, FIRST, ORGAN_OWNERS, OWNER_PRONOUNS, WORD } from './word-bits.js';
import {
  longestPhraseAt,
  triesOf,
  type LexiconTries,
  type PhraseMatch,
  type TrieNode,
} from './phrase-trie.js';

/** A gazetteer match: tokens [i, j), the forms it may be, and whether "'s" follows. */
export interface Hit {
  i: number;
  j: number;
  forms: GazetteerForm[];
  /** Token index after the possessive "'s", or null. */
  possessiveEnd: number | null;
}

/** A reference to a state made by a name, adjective, metonym or possessive. */
export interface StateRef {
  state: string;
  i: number;
  /** Token index after the reference (after "'s" when possessive). */
  j: number;
  possessive: boolean;
  form: GazetteerForm['form'];
}

const WORDLIKE = /^[\p{L}\p{N}]/u;

export { ARTICLES, FIRST, OWNER_PRONOUNS, WORD } from './word-bits.js';

const firstTables = new WeakMap<ActorRegistry, Map<string, number>>();

/** Word key → {@link FIRST} and {@link WORD} bits (but `word`), built once per (frozen) registry. */
function firstTable(reg: ActorRegistry): Map<string, number> {
  const lex = reg.lexicon;
  let table = firstTables.get(reg);
  if (table) return table;
  table = new Map();
  const add = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) table!.set(k, (table!.get(k) ?? 0) | bit);
  };
  add(lex.titles.firstKeys(), FIRST.title);
  add(lex.honorifics.firstKeys(), FIRST.honorific);
  add(lex.titleModifiers, FIRST.titleModifier);
  add(lex.roleNouns.firstKeys(), FIRST.roleNoun);
  add(lex.orgNouns.firstKeys(), FIRST.orgNoun);
  add(lex.anaphora.firstKeys(), FIRST.anaphora);
  add(lex.determiners, FIRST.determiner);
  add(reg.gazetteer.firstKeys(), FIRST.gazetteer);
  add(lex.organs.firstKeys(), FIRST.organ);
  add(lex.memberNouns.firstKeys(), FIRST.memberNoun);
  add(lex.descriptions.firstKeys(), FIRST.description);
  add(lex.relationNouns.firstKeys(), FIRST.relationNoun);
  add(lex.stateNouns.firstKeys(), FIRST.stateNoun);
  add(lex.counterpartNouns.firstKeys(), FIRST.counterpartNoun);
  add(lex.premodifiers.firstKeys(), FIRST.premodifier);
  add(ARTICLES, WORD.article);
  add(['the'], WORD.the);
  add(OWNER_PRONOUNS, WORD.ownerPronoun);
  add(ORGAN_OWNERS, WORD.organOwner);
  add(lex.nameStopwords, WORD.nameStopword);
  add(lex.orgHeads, WORD.orgHead);
  add([','], WORD.comma);
  firstTables.set(reg, table);
  return table;
}

/** The bits of one word: its key's lists and classes, and whether its text is a word. */
function bitsOf(table: Map<string, number>, t: Token): number {
  return (table.get(t.key) ?? 0) | (wordLike(t.text) ? WORD.word : 0);
}

/**
 * The {@link FIRST} and {@link WORD} bits of each token: one lookup per token for all the lists.
 *
 * @example firstBits(reg, tokenize('the envoy'))[0] & FIRST.determiner // 64
 */
export function firstBits(reg: ActorRegistry, tokens: readonly Token[]): Uint32Array {
  const table = firstTable(reg);
  const out = new Uint32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) out[k] = bitsOf(table, tokens[k]!);
  return out;
}

// Per registry: the bits of each word of the word table (-1: not looked up yet), so a word's
// bits are looked up once, not at every occurrence.
const wordBitMemo = new WeakMap<ActorRegistry, { generation: number; bits: Int32Array }>();

/**
 * {@link firstBits} of tokens [from, to) of a body tokenized by {@link wordTokens}, looked up
 * once per word of the table rather than once per token.
 *
 * @example firstBitsOfWords(reg, wordTokens(folded), 0, 5)
 */
export function firstBitsOfWords(
  reg: ActorRegistry,
  words: WordTokens,
  from: number,
  to: number,
): Uint32Array {
  let memo = wordBitMemo.get(reg);
  if (!memo || memo.generation !== words.generation) {
    memo = { generation: words.generation, bits: new Int32Array(1024).fill(-1) };
    wordBitMemo.set(reg, memo);
  }
  const out = new Uint32Array(to - from);
  let table: Map<string, number> | null = null;
  for (let k = from; k < to; k++) {
    const id = words.ids[k]!;
    if (id >= memo.bits.length) {
      const bigger = new Int32Array(Math.max(memo.bits.length * 2, id + 1)).fill(-1);
      bigger.set(memo.bits);
      memo.bits = bigger;
    }
    let b = memo.bits[id]!;
    if (b < 0) {
      table ??= firstTable(reg);
      b = memo.bits[id] = bitsOf(table, words.tokens[k]!);
    }
    out[k - from] = b;
  }
  return out;
}

/** True when the text starts with a letter or digit (ASCII checked without a regex). */
function wordLike(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return c >= 128 && WORDLIKE.test(text);
}

/** Sentinel of the state-reference memo: not computed yet. */
const UNSET = undefined;

/** The working state of one sentence's scan: its tokens, gazetteer hits and findings. */
export class Scan {
  readonly hitAt: (Hit | undefined)[];
  readonly out: Candidate[] = [];
  /** How many recorded mentions cover each token (for overlap checks without a scan). */
  private readonly cover: number[];
  /** Every recorded mention's tokens as a number (see {@link spanKey}). */
  private readonly spans = new Set<number>();
  /** Memo of {@link stateRefAt} per token (null: none); cleared by {@link hitsChanged}. */
  private refs: (StateRef | null | undefined)[];
  /** {@link FIRST} and {@link WORD} bits of each token. */
  private readonly first: Uint32Array;
  /** The registry's phrase tries (for {@link longest}). */
  readonly tries: LexiconTries;

  constructor(
    readonly reg: ActorRegistry,
    readonly tokens: Token[],
    readonly sentence: number,
    readonly view: WinkView | null,
    readonly hits: Hit[],
    first?: Uint32Array,
  ) {
    this.tries = triesOf(reg);
    this.hitAt = new Array(tokens.length);
    for (const h of hits) this.hitAt[h.i] = h;
    this.cover = new Array<number>(tokens.length).fill(0);
    this.first = first ?? firstBits(reg, tokens);
    this.refs = new Array(tokens.length);
  }

  /** Call after changing `hits`/`hitAt`, so memoised state references are recomputed. */
  hitsChanged(): void {
    this.refs = new Array(this.tokens.length);
  }

  /** The index of the token ending at `offset`, or -1. */
  tokenEndingAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.tokens[mid]!.end;
      if (e === offset) return mid;
      if (e < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Marks tokens [i, j) as covered by a mention. */
  private mark(i: number, j: number, by: number): void {
    for (let k = i; k < j; k++) this.cover[k] = Math.max(0, this.cover[k]! + by);
  }

  /** Removes a recorded mention (and its cover). */
  drop(index: number): void {
    const c = this.out[index]!;
    this.out.splice(index, 1);
    const i = this.tokenStartingAt(c.start);
    const j = this.tokenEndingAt(c.end) + 1;
    if (i >= 0 && j > 0) this.mark(i, j, -1);
  }

  /** The index of the token starting at `offset`, or -1. */
  tokenStartingAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.tokens[mid]!.start;
      if (s === offset) return mid;
      if (s < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * True when token i's key starts a phrase of one of the lists in `bits` (false past the end).
   * A cheap pre-check: `startsAny(i, FIRST.roleNoun)` is false exactly when
   * `lexicon.roleNouns.longestAt(tokens, i)` must be null.
   */
  startsAny(i: number, bits: number): boolean {
    return i >= 0 && i < this.first.length && (this.first[i]! & bits) !== 0;
  }

  /** The longest phrase of a trie of {@link tries} starting at token i, or null. */
  longest<T>(trie: TrieNode<T>, i: number): PhraseMatch<T> | null {
    // The trie's first words have a bit: most tokens are ruled out without a lookup.
    if (trie.firstBit && !this.startsAny(i, trie.firstBit)) return null;
    return longestPhraseAt(trie, this.tokens, i);
  }

  /** True when token i is of one of the {@link WORD} classes in `bits` (false past the end). */
  isA(i: number, bits: number): boolean {
    return i >= 0 && i < this.first.length && (this.first[i]! & bits) !== 0;
  }

  word(i: number): boolean {
    return this.isA(i, WORD.word);
  }

  capWord(i: number): boolean {
    return this.isA(i, WORD.word) && this.tokens[i]!.cap;
  }

  key(i: number): string {
    // Bounds checked by hand: callers often look one token past either end.
    return i >= 0 && i < this.tokens.length ? this.tokens[i]!.key : '';
  }

  pos(i: number): string | null {
    const t = this.tokens[i];
    return t && this.view ? posAt(this.view, t.start) : null;
  }

  /**
   * Is token i a lower-case descriptive word (adjective or noun, not a name stop word) that may
   * stand inside a title or organisation phrase ("senior", "intelligence")?
   */
  modifierWord(i: number): boolean {
    const t = this.tokens[i];
    if (!t || t.cap || !/^[a-z]/.test(t.text)) return false;
    const pos = this.pos(i);
    return (pos === 'ADJ' || pos === 'NOUN') && !this.reg.lexicon.nameStopwords.has(t.key);
  }

  /** Token index after "'s" at i (no space before the apostrophe), or null. */
  possessiveAt(i: number): number | null {
    const a = this.tokens[i];
    const s = this.tokens[i + 1];
    if (a && s && a.key === "'" && !a.space && s.key === 's' && !s.space) return i + 2;
    return null;
  }

  entry(id: string): ActorEntry | undefined {
    return this.reg.entries.get(id);
  }

  /** The state a hit at token i names, if any. */
  stateRefAt(i: number): StateRef | null {
    const h = this.hitAt[i];
    if (!h) return null;
    // Memoised: steps ask for the same token many times. Callers only read the result.
    const had = this.refs[i];
    if (had !== UNSET) return had;
    // A loop, not find(): a closure here would allocate a scope on every call, memo hits too.
    let f: GazetteerForm | undefined;
    for (const x of h.forms)
      if (this.reg.entries.get(x.id)?.kind === 'state') {
        f = x;
        break;
      }
    const ref = f
      ? { state: f.id, i, j: h.possessiveEnd ?? h.j, possessive: h.possessiveEnd !== null, form: f.form }
      : null;
    this.refs[i] = ref;
    return ref;
  }

  /** The state reference that ends right before token k ("Iran's |", "Iranian |"), if any. */
  stateRefEndingAt(k: number): StateRef | null {
    for (let i = Math.max(0, k - 6); i < k; i++) {
      const r = this.stateRefAt(i);
      if (r && r.j === k) return r;
    }
    return null;
  }

  /** The hit that ends at token k (exclusive), if any. */
  hitEndingAt(k: number): Hit | null {
    for (let i = Math.max(0, k - 8); i < k; i++) {
      const h = this.hitAt[i];
      if (h && h.j === k) return h;
    }
    return null;
  }

  startOf(i: number): number {
    return this.tokens[i]!.start;
  }

  endOf(j: number): number {
    return this.tokens[j - 1]!.end;
  }

  /** Records a mention of tokens [i, j). */
  emit(
    i: number,
    j: number,
    c: { actorId?: string | null; rule: string; inner?: boolean; proto?: Proto; resolve?: Resolve },
  ): void {
    if (i >= j || j > this.tokens.length) return;
    const start = this.startOf(i);
    const end = this.endOf(j);
    this.spans.add(i * (this.tokens.length + 1) + j);
    this.mark(i, j, 1);
    const cand: Candidate = {
      start,
      end,
      sentence: this.sentence,
      actorId: c.actorId ?? c.proto?.id ?? null,
      rule: c.rule,
      inner: c.inner ?? false,
    };
    if (c.proto) cand.proto = c.proto;
    if (c.resolve) cand.resolve = c.resolve;
    this.out.push(cand);
  }

  /** True when a mention already covers exactly tokens [i, j). */
  has(i: number, j: number): boolean {
    return this.spans.has(this.spanKey(i, j));
  }

  /** Tokens [i, j) as one small integer (distinct spans of tokens cover distinct text); as in emit. */
  private spanKey(i: number, j: number): number {
    // startOf/endOf throw on a span outside the sentence, as callers expect of a bad span.
    this.startOf(i);
    this.endOf(j);
    return i * (this.tokens.length + 1) + j;
  }

  /** True when some recorded mention overlaps tokens [i, j). */
  overlaps(i: number, j: number): boolean {
    for (let k = i; k < j; k++) if (this.cover[k]) return true;
    return false;
  }
}
