// The bits of the per-token table of 03-mentions (see scan.ts): which lexicon lists a word
// starts and which word classes it belongs to.

/**
 * Bits of `Scan.startsAny`: which lexicon lists hold a phrase whose first word is a
 * token's key. One lookup per token replaces one per list and step in the per-token loops.
 */
export const FIRST = {
  title: 1,
  honorific: 2,
  titleModifier: 4,
  roleNoun: 8,
  orgNoun: 16,
  anaphora: 32,
  determiner: 64,
  gazetteer: 128,
  // Above the WORD bits:
  organ: 1 << 16,
  memberNoun: 1 << 17,
  description: 1 << 18,
  relationNoun: 1 << 19,
  stateNoun: 1 << 20,
  counterpartNoun: 1 << 21,
  premodifier: 1 << 22,
} as const;

/** Articles that open a noun phrase the steps read ("the embassy", "a rival"). */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/** Owners of a counterpart ("his counterpart"). */
export const OWNER_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'their']);
/** Owners of an organ ("its embassy"). */
export const ORGAN_OWNERS: ReadonlySet<string> = new Set(['its', 'their']);

/**
 * Bits of `Scan.isA`, beside {@link FIRST} in the same table: word classes the per-token
 * loops test, looked up once per word instead of at every token and step.
 */
export const WORD = {
  /** Starts with a letter or digit (not punctuation). */
  word: 256,
  article: 512,
  the: 1024,
  ownerPronoun: 2048,
  organOwner: 4096,
  nameStopword: 8192,
  orgHead: 16384,
  comma: 32768,
} as const;
