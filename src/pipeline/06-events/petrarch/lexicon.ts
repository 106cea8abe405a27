/**
 * The dictionaries turned into lookup tables for the coder: a word trie of actor and agent
 * names, verb forms with their regular inflections, and synsets. Built once per dictionary set.
 */
import type { PetrarchDictionaries } from '../../../model/petrarch-dictionaries.js';
import type { PetrarchCode as ActorCode, PetrarchRecord } from '../../../model/petrarch-actors.js';
import type {
  PetrarchCode,
  PetrarchPattern,
  PetrarchVerbBlock,
  PetrarchVerbDictionary,
} from '../../../model/petrarch-verbs.js';

/** A name of the actors or agents dictionary, as upper-case words. */
export interface NameEntry {
  words: readonly string[];
  kind: 'actor' | 'agent';
  codes: readonly ActorCode[];
  line: number;
}

/** One way a verb can appear: its words, and the block whose patterns apply. */
export interface VerbEntry {
  words: readonly string[];
  block: PetrarchVerbBlock;
  /** The form's own code, else the block's. */
  code: PetrarchCode;
}

export interface Lexicon {
  /** First word → names starting with it, longest first. */
  names: ReadonlyMap<string, readonly NameEntry[]>;
  /** First word → verb entries starting with it, longest first. */
  verbs: ReadonlyMap<string, readonly VerbEntry[]>;
  /** Synset name (no `&`, no trailing `_`) → members as words, nested synsets expanded. */
  synsets: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Patterns of each block, longest first (TABARI tries the most specific pattern first). */
  patterns: ReadonlyMap<PetrarchVerbBlock, readonly PetrarchPattern[]>;
  discards: readonly { words: readonly string[]; story: boolean }[];
}

const words = (name: string) =>
  name
    .toUpperCase()
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((w) => w.replace(/\.$/, ''));

/** Regular English inflections of a verb; irregular ones come from the dictionary's `{…}`. */
export function inflections(verb: string): string[] {
  const v = verb.toUpperCase();
  const out = new Set([v, `${v}S`, `${v}ED`, `${v}ING`]);
  if (v.endsWith('E')) {
    out.add(`${v}D`);
    out.add(`${v.slice(0, -1)}ING`);
  }
  if (/[^AEIOU]Y$/.test(v)) {
    out.add(`${v.slice(0, -1)}IES`);
    out.add(`${v.slice(0, -1)}IED`);
  }
  if (/(S|SH|CH|X|Z)$/.test(v)) out.add(`${v}ES`);
  // Doubled final consonant after a single vowel: STAB → STABBED, REGRET → REGRETTED.
  if (/[^AEIOU][AEIOU][BDGLMNPRT]$/.test(v)) {
    const last = v.at(-1)!;
    out.add(`${v}${last}ED`);
    out.add(`${v}${last}ING`);
  }
  return [...out];
}

function pushSorted<T extends { words: readonly string[] }>(map: Map<string, T[]>, entry: T): void {
  const key = entry.words[0]!;
  const list = map.get(key) ?? [];
  list.push(entry);
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(key, list);
}

function nameEntries(records: readonly PetrarchRecord[], kind: 'actor' | 'agent'): NameEntry[] {
  const out: NameEntry[] = [];
  for (const r of records) {
    for (const name of r.names) {
      const w = words(name);
      if (w.length === 0) continue;
      out.push({ words: w, kind, codes: r.codes, line: r.line });
      if (kind !== 'agent') continue;
      // Agents are nouns: their plurals name the same agent ({…} lists irregular ones).
      const last = w.at(-1)!;
      const plurals = new Set<string>(inflections(last).filter((x) => x.endsWith('S')));
      if (/[^AEIOU]Y$/.test(last)) plurals.add(`${last.slice(0, -1)}IES`);
      for (const p of plurals)
        out.push({ words: [...w.slice(0, -1), p], kind, codes: r.codes, line: r.line });
    }
    if (kind === 'agent')
      for (const p of r.plurals ?? []) out.push({ words: words(p), kind, codes: r.codes, line: r.line });
  }
  return out;
}

function verbEntries(dict: PetrarchVerbDictionary): VerbEntry[] {
  const out: VerbEntry[] = [];
  for (const block of dict.blocks) {
    for (const f of block.forms) {
      const code = f.code ?? block.code;
      const head = f.words[f.head]!;
      for (const inf of inflections(head)) {
        const w = [...f.words];
        w[f.head] = inf;
        out.push({ words: w, block, code });
      }
      for (const inf of f.inflections) out.push({ words: inf, block, code });
    }
  }
  return out;
}

const patternWeight = (p: PetrarchPattern) => p.before.length + p.after.length;

/**
 * Builds the lookup tables of a dictionary set.
 *
 * @example buildLexicon(loadPetrarchDictionaries(dir)).verbs.get('LEFT')
 */
export function buildLexicon(d: PetrarchDictionaries): Lexicon {
  const names = new Map<string, NameEntry[]>();
  for (const e of [...nameEntries(d.actors, 'actor'), ...nameEntries(d.agents, 'agent')])
    pushSorted(names, e);
  const verbs = new Map<string, VerbEntry[]>();
  const raw = new Map<string, (readonly string[])[]>();
  const patterns = new Map<PetrarchVerbBlock, PetrarchPattern[]>();
  for (const dict of d.verbs) {
    for (const e of verbEntries(dict)) pushSorted(verbs, e);
    for (const [name, s] of dict.synsets) raw.set(name.replace(/_+$/, ''), [...s.members]);
    for (const b of dict.blocks)
      patterns.set(
        b,
        [...b.patterns].sort((x, y) => patternWeight(y) - patternWeight(x)),
      );
  }
  // Members may name other synsets (`+&TIETYPES`): expand them, guarding against cycles.
  const synsets = new Map<string, (readonly string[])[]>();
  const expand = (name: string, seen: Set<string>): (readonly string[])[] => {
    if (synsets.has(name)) return synsets.get(name)!;
    const out: (readonly string[])[] = [];
    for (const m of raw.get(name) ?? []) {
      if (m.length === 1 && m[0]!.startsWith('&')) {
        const inner = m[0]!.slice(1).replace(/_+$/, '');
        if (!seen.has(inner)) out.push(...expand(inner, new Set([...seen, inner])));
      } else out.push(m.flatMap((w) => words(w)));
    }
    synsets.set(name, out);
    return out;
  };
  for (const name of raw.keys()) expand(name, new Set([name]));
  return {
    names,
    verbs,
    synsets,
    patterns,
    discards: d.discards.map((x) => ({ words: x.words, story: x.story })),
  };
}
