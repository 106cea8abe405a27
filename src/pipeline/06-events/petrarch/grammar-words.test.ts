import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OntologyError } from '../../../model/errors.js';
import { CLAUSE_OPENERS, STOP_WORDS, loadGrammarWords } from './grammar-words.js';

function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'petrarch-grammar-')), 'petrarch-grammar.yaml');
  writeFileSync(file, text);
  return file;
}

describe('petrarch grammar words', () => {
  it('loads the ontology file upper-cased like the tokens', () => {
    expect(STOP_WORDS.has("N'T")).toBe(true);
    expect(STOP_WORDS.has('ON')).toBe(true);
    expect(CLAUSE_OPENERS.has('WHETHER')).toBe(true);
    expect(loadGrammarWords().determiners.has('THE')).toBe(true);
  });

  it('names the file, line and field of an entry that is not one word', () => {
    const file = write(
      [
        'determiners: [the]',
        'conjunctions: [and]',
        'agentPrepositions: [from]',
        'stopWords:',
        '  - with',
        '  - as well as',
        'clauseOpeners: [when]',
      ].join('\n'),
    );
    let err: unknown;
    try {
      loadGrammarWords(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OntologyError);
    const e = err as OntologyError;
    expect([e.line, e.field]).toEqual([6, 'stopWords.1']);
    expect(e.message).toBe(
      `${path.relative(process.cwd(), file)}:6 (field stopWords.1): expected one word, no spaces; fix the yaml`,
    );
  });
});
