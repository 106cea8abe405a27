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

// Last-name keys by full name: the same people recur across documents. Bounded, since the
// names of made-up people come from the text.
const lastKeys = new Map<string, string>();

/**
 * The key of a full name's last name: its last word's key, or the three keys of a hyphenated
 * last name ("Ale-Hashem": "ale - hashem").
 *
 * @example lastNameKey('Jane Roe') // 'roe'
 */
export function lastNameKey(name: string): string {
  let key = lastKeys.get(name);
  if (key !== undefined) return key;
  const keys = tokenize(name).map((t) => t.key);
  key =
    keys.length >= 4 && keys[keys.length - 2] === '-'
      ? keys.slice(-3).join(' ')
      : (keys[keys.length - 1] ?? '');
  if (lastKeys.size > 10_000) lastKeys.clear();
  lastKeys.set(name, key);
  return key;
}

/** The last-name key of a full name, or null when its last word is not a name. */
function surnameKey(name: string): string | null {
  const key = lastNameKey(name);
  // A hyphenated last name's key holds spaces; a one-word key must start with a letter.
  return key.includes(' ') || /^[a-z]/.test(key) ? key : null;
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
