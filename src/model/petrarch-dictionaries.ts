/**
 * Loads a folder of TABARI/PETRARCH dictionaries (`--dictionaries DIR`): every
 * `*.actors.txt`, `*.agents.txt`, `*.verbs.txt` and `*.discards.txt` in it. A malformed line
 * throws {@link OntologyError} naming `file:line` (and the field when known).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, OntologyError } from './errors.js';
import { parsePetrarch, type PetrarchRecord } from './petrarch-actors.js';
import { parsePetrarchVerbs, type PetrarchVerbDictionary } from './petrarch-verbs.js';

/** Coder options of PETRARCH's `PETR_config.ini` that the unit records set. */
export interface PetrarchOptions {
  /** Drop events with an empty source or target. */
  requireDyad: boolean;
  /** >0: an unknown noun phrase of up to N words becomes the actor text. */
  newActorLength: number;
  commaMin: number;
  commaMax: number;
  commaBmin: number;
  commaBmax: number;
  commaEmin: number;
  commaEmax: number;
}

export const DEFAULT_PETRARCH_OPTIONS: PetrarchOptions = Object.freeze({
  requireDyad: true,
  newActorLength: 0,
  commaMin: 2,
  commaMax: 8,
  commaBmin: 0,
  commaBmax: 0,
  commaEmin: 2,
  commaEmax: 8,
});

/** One discard phrase: story-level (`+` in the file) drops the whole article. */
export interface PetrarchDiscard {
  words: readonly string[];
  story: boolean;
  file: string;
  line: number;
}

export interface PetrarchDictionaries {
  actors: readonly PetrarchRecord[];
  agents: readonly PetrarchRecord[];
  verbs: readonly PetrarchVerbDictionary[];
  discards: readonly PetrarchDiscard[];
  options: PetrarchOptions;
}

/**
 * Parses a discards file: one phrase a line, `+` for story-level, `#` comments.
 *
 * @example parsePetrarchDiscards('+TYPHOON # storms\nYEARS LATER\n', 'd.txt')[0].story // true
 */
export function parsePetrarchDiscards(text: string, file: string): PetrarchDiscard[] {
  const out: PetrarchDiscard[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const s = raw.replace(/#.*$/, '').trim();
    if (!s) return;
    const story = s.startsWith('+');
    const words = s
      .replace(/^\+/, '')
      .split(/[\s_]+/)
      .filter(Boolean)
      .map((w) => w.toUpperCase());
    if (words.length === 0)
      throw new OntologyError('discard line has no words', { file, line: i + 1, field: 'phrase' });
    if (words.some((w) => /[[\]{}]/.test(w)))
      throw new OntologyError(`bad characters in discard "${s}"`, { file, line: i + 1, field: 'phrase' });
    out.push({ words, story, file, line: i + 1 });
  });
  return out;
}

/** Maps a record's `config` (snake_case, PETR_config.ini names) onto our options. */
export function maybePetrarchOptions(config: unknown): PetrarchOptions {
  const c = (config && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const num = (k: string, d: number) => (typeof c[k] === 'number' ? (c[k] as number) : d);
  const d = DEFAULT_PETRARCH_OPTIONS;
  return {
    requireDyad: typeof c.require_dyad === 'boolean' ? c.require_dyad : d.requireDyad,
    newActorLength: num('new_actor_length', d.newActorLength),
    commaMin: num('comma_min', d.commaMin),
    commaMax: num('comma_max', d.commaMax),
    commaBmin: num('comma_bmin', d.commaBmin),
    commaBmax: num('comma_bmax', d.commaBmax),
    commaEmin: num('comma_emin', d.commaEmin),
    commaEmax: num('comma_emax', d.commaEmax),
  };
}

/**
 * Loads every dictionary in `dir`. Throws {@link InputError} when the folder is missing or holds
 * none, {@link OntologyError} (file:line) on a bad line.
 *
 * @example loadPetrarchDictionaries('../shared/bench/petrarch/dicts').verbs[0].blocks.length
 */
export function loadPetrarchDictionaries(
  dir: string,
  options: PetrarchOptions = DEFAULT_PETRARCH_OPTIONS,
): PetrarchDictionaries {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(`cannot read dictionaries folder ${dir}: not a directory`);
  const files = readdirSync(dir).sort();
  const pick = (suffix: string) =>
    files.filter((f) => f.toLowerCase().endsWith(suffix)).map((f) => path.join(dir, f));
  const read = (f: string) => readFileSync(f, 'latin1');
  const actors = pick('.actors.txt').flatMap((f) => parsePetrarch(read(f), f));
  const agents = pick('.agents.txt').flatMap((f) => parsePetrarch(read(f), f));
  const verbs = pick('.verbs.txt').map((f) => parsePetrarchVerbs(read(f), f));
  const discards = pick('.discards.txt').flatMap((f) => parsePetrarchDiscards(read(f), f));
  if (actors.length + agents.length + verbs.length === 0)
    throw new InputError(
      `no dictionaries in ${dir}: expected *.actors.txt, *.agents.txt, *.verbs.txt or *.discards.txt`,
    );
  return Object.freeze({ actors, agents, verbs, discards, options });
}
