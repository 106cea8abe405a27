import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseLocatedYaml } from '../../../model/patterns-yaml.js';
import { ontologyDir } from '../coder-cues.js';

/**
 * English function words the dictionary coder needs to read noun phrases and clauses without a
 * parser, from `ontology/events/petrarch-grammar.yaml`. Grammar, not domain knowledge: the file
 * lists no actor, code or verb phrase.
 */
export interface GrammarWords {
  readonly determiners: ReadonlySet<string>;
  readonly conjunctions: ReadonlySet<string>;
  /** Prepositions after which an agent names the members of the next actor ("soldiers from X"). */
  readonly agentPrepositions: ReadonlySet<string>;
  /** Words that end a noun phrase: prepositions, pronouns, auxiliaries, subordinators. */
  readonly stopWords: ReadonlySet<string>;
  /** Words at which the search for a verb's subject stops: a new clause begins there. */
  readonly clauseOpeners: ReadonlySet<string>;
}

const words = z.array(z.string().regex(/^\S+$/, 'expected one word, no spaces'));
const GrammarFile = z.object({
  determiners: words,
  conjunctions: words,
  agentPrepositions: words,
  stopWords: words,
  clauseOpeners: words,
});

/**
 * Reads a grammar word file (default `ontology/events/petrarch-grammar.yaml`), upper-cased like
 * the coder's tokens. A bad file throws an OntologyError naming the file, line and field.
 *
 * @example loadGrammarWords().conjunctions.has('AND') // true
 */
export function loadGrammarWords(
  file: string = path.join(ontologyDir, 'events', 'petrarch-grammar.yaml'),
): GrammarWords {
  const shown = path.relative(process.cwd(), file) || file;
  const d = parseLocatedYaml(readFileSync(file, 'utf8'), shown, GrammarFile).data;
  const upper = (xs: string[]): ReadonlySet<string> => new Set(xs.map((x) => x.toUpperCase()));
  return Object.freeze({
    determiners: upper(d.determiners),
    conjunctions: upper(d.conjunctions),
    agentPrepositions: upper(d.agentPrepositions),
    stopWords: upper(d.stopWords),
    clauseOpeners: upper(d.clauseOpeners),
  });
}

// Read once at load: a bad file stops the coder before it reads any text.
const grammar = loadGrammarWords();

export const DETERMINERS: ReadonlySet<string> = grammar.determiners;
export const CONJUNCTIONS: ReadonlySet<string> = grammar.conjunctions;
export const AGENT_PREPOSITIONS: ReadonlySet<string> = grammar.agentPrepositions;
export const STOP_WORDS: ReadonlySet<string> = grammar.stopWords;
export const CLAUSE_OPENERS: ReadonlySet<string> = grammar.clauseOpeners;
