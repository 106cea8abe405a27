import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OntologyError } from '../../model/errors.js';
import { codeIn, coderCues, loadCoderCues, ontologyDir } from './coder-cues.js';

const real = readFileSync(path.join(ontologyDir, 'events', 'coder.yaml'), 'utf8');

/** Writes `text` as coder.yaml in a fresh temp folder and returns its path. */
function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'coder-cues-')), 'coder.yaml');
  writeFileSync(file, text);
  return file;
}

/** The error a load throws (the test fails when it does not throw). */
function failure(file: string): OntologyError {
  try {
    loadCoderCues(file);
  } catch (e) {
    expect(e).toBeInstanceOf(OntologyError);
    return e as OntologyError;
  }
  throw new Error(`expected ${file} to fail`);
}

describe('coder cues', () => {
  it('loads the ontology file, single words as sets and phrases as word lists', () => {
    const cues = coderCues();
    expect(cues.passiveAux.has('be')).toBe(true);
    expect(cues.phrases.negators).toContainEqual(['no', 'longer']);
    expect(loadCoderCues().negators).toEqual(cues.negators);
  });

  it('names the file, line and field of a list that is not a list of words', () => {
    const lines = real.split('\n');
    const at = lines.findIndex((l) => l.startsWith('passiveAux:'));
    lines[at] = 'passiveAux: 7';
    const err = failure(write(lines.join('\n')));
    expect(err.line).toBe(at + 1);
    expect(err.field).toBe('passiveAux');
    expect(err.message).toMatch(new RegExp(`coder\\.yaml:${at + 1} \\(field passiveAux\\): `));
  });

  it('reads the refusal and intent code maps by CAMEO root and rejects a code that is not one', () => {
    const cues = coderCues();
    expect(cues.refusalCodes.get('04')).toBe('125');
    expect(cues.intentCodes.get('19')).toBe('138');
    expect(cues.phrases.refusalWords).toContainEqual(['would', 'not']);
    const lines = real.split('\n');
    const at = lines.findIndex((l) => l.startsWith('refusalCodes:'));
    lines[at] = 'refusalCodes: {"04": "reject"}';
    expect(failure(write(lines.join('\n'))).field).toMatch(/^refusalCodes/);
  });

  it('reads the codes the coder treats specially and rejects an unquoted code', () => {
    const cues = coderCues();
    expect(codeIn('010', cues.statementCodes)).toBe(true);
    expect(codeIn('0161', cues.denialCodes)).toBe(true);
    expect(codeIn('112', cues.accusationCodes)).toBe(true);
    expect(codeIn('042', cues.denialCodes)).toBe(false);
    const lines = real.split('\n');
    const at = lines.findIndex((l) => l.startsWith('denialCodes:'));
    lines[at] = 'denialCodes: [16]';
    const err = failure(write(lines.join('\n')));
    expect(err.line).toBe(at + 1);
    expect(err.field).toMatch(/^denialCodes/);
  });

  it('names the line of a yaml syntax error', () => {
    const err = failure(write('clauseOpeners: [which, who\nnegators: [not]\n'));
    expect(err.message).toMatch(/coder\.yaml:\d+: not valid yaml/);
    expect(err.line).toBeGreaterThan(0);
  });
});
