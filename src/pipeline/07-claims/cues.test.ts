import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OntologyError } from '../../model/errors.js';
import { claimCues, relationCues } from './cues.js';

/** Writes `text` under `name` in a fresh temp folder and returns its path. */
function write(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'claim-cues-')), name);
  writeFileSync(file, text);
  return file;
}

/** The error `load` throws (the test fails when it does not throw). */
function failure(load: () => unknown): OntologyError {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(OntologyError);
    return e as OntologyError;
  }
  throw new Error('expected the load to fail');
}

describe('claim cues', () => {
  it('loads the ontology files', () => {
    expect(claimCues().verbs.get('deny')?.kind).toBe('denial');
    expect(relationCues().some((r) => r.type === 'trade')).toBe(true);
  });

  it('reads another claims file afresh', () => {
    const file = write(
      'claims.yaml',
      'verbs:\n  - {lemma: grumble, kind: statement, complement: that}\nnouns: []\n',
    );
    expect([...claimCues(file).verbs.keys()]).toEqual(['grumble']);
  });

  it('names the file, line and field of a claim verb with an unknown kind', () => {
    const file = write(
      'claims.yaml',
      [
        '# own test data',
        'verbs:',
        '  - {lemma: grumble, kind: statement, complement: that}',
        '  - {lemma: mutter, kind: rumour, complement: any}',
        'nouns: [view]',
      ].join('\n'),
    );
    const err = failure(() => claimCues(file));
    expect(err.line).toBe(4);
    expect(err.field).toBe('verbs.1.kind');
    expect(err.message).toMatch(/claims\.yaml:4 \(field verbs\.1\.kind\): .*; fix the yaml$/);
  });

  it('names the file, line and field of a relation cue with no example', () => {
    const file = write(
      'relations.yaml',
      ['relations:', '  - id: rel.test', '    type: trade', '    cues: [barter]', '    example: short'].join(
        '\n',
      ),
    );
    const err = failure(() => relationCues(file));
    expect(err.line).toBe(5);
    expect(err.field).toBe('relations.0.example');
    expect(err.message).toContain('relations.yaml:5 (field relations.0.example)');
  });
});
