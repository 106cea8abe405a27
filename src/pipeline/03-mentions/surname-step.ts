import type { ActorRegistry } from '../../model/actors.js';
import { tokenize, type Token } from '../../model/actors-tokens.js';
import type { Candidate } from './candidate.js';

/** Last-name keys of the people found in the document ("roe" for Jane Roe). */
export function surnamesOf(reg: ActorRegistry, found: readonly Candidate[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const c of found) {
    const name =
      c.proto?.kind === 'person'
        ? c.proto.name
        : c.actorId?.startsWith('person:')
          ? reg.entries.get(c.actorId)?.name
          : null;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const key = surnameKey(name);
    if (key !== null) out.add(key);
  }
  return out;
}

// Surname keys by full name: the same people recur across documents (bounded all the same).
const surnameKeys = new Map<string, string | null>();

/** The last-name key of a full name, or null when its last word is not a name. */
function surnameKey(name: string): string | null {
  let key = surnameKeys.get(name);
  if (key !== undefined) return key;
  const keys = tokenize(name).map((t) => t.key);
  const last = keys[keys.length - 1];
  // "Ale-Hashem": the hyphenated last name is three tokens.
  if (keys.length >= 4 && keys[keys.length - 2] === '-') key = keys.slice(-3).join(' ');
  else key = last && /^[a-z]/.test(last) ? last : null;
  if (surnameKeys.size > 10_000) surnameKeys.clear();
  surnameKeys.set(name, key);
  return key;
}

// First words of a document's surnames, computed once per set rather than once per sentence.
const firstsMemo = new WeakMap<ReadonlySet<string>, Set<string>>();
function firstsOf(surnames: ReadonlySet<string>): Set<string> {
  let out = firstsMemo.get(surnames);
  if (!out) firstsMemo.set(surnames, (out = new Set([...surnames].map((s) => s.split(' ')[0]!))));
  return out;
}

/**
 * Bare surnames of people found elsewhere in the document ("Roe said"), for stage 04 to tie
 * to the full name.
 *
 * @example surnameMentions(tokens, new Set(['roe']), covered, 0)
 */
export function surnameMentions(
  tokens: readonly Token[],
  surnames: ReadonlySet<string>,
  /** True when a mention found before covers part of tokens [i, j). */
  covered: (i: number, j: number) => boolean,
  sentence: number,
): Candidate[] {
  const out: Candidate[] = [];
  const firsts = firstsOf(surnames);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || !firsts.has(t.key)) continue;
    for (const len of [3, 1]) {
      const span = tokens.slice(i, i + len);
      if (span.length < len) continue;
      const key = span.map((x) => x.key).join(' ');
      if (!surnames.has(key)) continue;
      const start = t.start;
      const end = span[span.length - 1]!.end;
      if (covered(i, i + len)) break;
      out.push({
        start,
        end,
        sentence,
        actorId: null,
        rule: 'surname',
        inner: false,
        resolve: { by: 'surname', key, ids: [] },
      });
      i += len - 1;
      break;
    }
  }
  return out;
}
