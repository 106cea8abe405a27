/**
 * English function words the dictionary coder needs to read noun phrases and clauses without a
 * parser. They are grammar, not domain knowledge: no actor, code or verb phrase is listed here.
 * (Candidates to move to `ontology/` as YAML once that folder has a home for grammar lists.)
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'A',
  'AN',
  'THE',
  'ITS',
  'HIS',
  'HER',
  'THEIR',
  'OUR',
  'THIS',
]);

export const CONJUNCTIONS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOR']);

/** Prepositions after which an agent names the members of the next actor ("soldiers from X"). */
export const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['FROM', 'IN', 'OF']);

/** Words that end a noun phrase: prepositions, pronouns, auxiliaries, subordinators. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ..."WITH TO BY ON AT FROM IN OF FOR INTO ONTO OVER UNDER AGAINST BETWEEN AMONG TOWARDS TOWARD NEAR ABOUT AFTER BEFORE DURING SINCE UNTIL WHILE WHEN WHERE WHETHER IF BECAUSE ALTHOUGH THAT WHICH WHO WHOM WHOSE IT ITS HE SHE THEY THEM HIS HER THEIR WE OUR I YOU IS ARE WAS WERE BE BEEN BEING HAS HAVE HAD WILL WOULD SHALL SHOULD CAN COULD MAY MIGHT MUST DO DOES DID NOT N'T AS THAN ALMOST NOW TODAY YESTERDAY".split(
    ' ',
  ),
]);

/** Words at which the search for a verb's subject stops: a new clause begins there. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...'AFTER BEFORE WHEN WHILE BECAUSE ALTHOUGH IF UNTIL SINCE WHETHER WHERE WHO WHICH THAT'.split(' '),
]);
