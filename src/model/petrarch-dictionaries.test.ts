import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PETRARCH_OPTIONS,
  loadPetrarchDictionaries,
  maybePetrarchOptions,
  parsePetrarchDiscards,
} from './petrarch-dictionaries.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'petr-dicts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadPetrarchDictionaries', () => {
  it('loads every kind of dictionary in a folder', () => {
    const dir = folder({
      'a.actors.txt': 'GONDOR [GON]\n+MINAS_TIRITH\n',
      'a.agents.txt': 'SOLDIER [~MIL]\n',
      'a.verbs.txt': '--- MEET [031] ---\nMEET\n- * WITH + [031]\n',
      'a.discards.txt': '+HURRICANE\nWEEKS LATER\n',
    });
    const d = loadPetrarchDictionaries(dir);
    expect(d.actors[0]!.names).toEqual(['GONDOR', 'MINAS TIRITH']);
    expect(d.agents[0]!.codes[0]!.code).toBe('~MIL');
    expect(d.verbs[0]!.blocks[0]!.patterns).toHaveLength(1);
    expect(d.discards.map((x) => [x.words.join(' '), x.story])).toEqual([
      ['HURRICANE', true],
      ['WEEKS LATER', false],
    ]);
    expect(d.options).toEqual(DEFAULT_PETRARCH_OPTIONS);
  });

  it('names file and line of a malformed actor code', () => {
    const dir = folder({ 'x.actors.txt': 'GONDOR [GON]\nROHAN [ROH 95-01]\n' });
    expect(() => loadPetrarchDictionaries(dir)).toThrow(/x\.actors\.txt:2 \(field code\): bad code block/);
  });

  it('names file and line of a malformed verb pattern', () => {
    const dir = folder({ 'x.verbs.txt': '--- MEET [031] ---\nMEET\n- WITH + [031]\n' });
    expect(() => loadPetrarchDictionaries(dir)).toThrow(/x\.verbs\.txt:3: pattern has no "\*"/);
  });

  it('names file and line of a bad discard', () => {
    expect(() => parsePetrarchDiscards('OK LINE\n+[BAD]\n', 'd.discards.txt')).toThrow(/d\.discards\.txt:2/);
  });

  it('refuses a missing or empty folder', () => {
    expect(() => loadPetrarchDictionaries('/nonexistent/dicts')).toThrow(/not a directory/);
    expect(() => loadPetrarchDictionaries(folder({ 'readme.md': 'x' }))).toThrow(/no dictionaries in/);
  });
});

describe('maybePetrarchOptions', () => {
  it('reads PETR_config.ini names and keeps defaults for the rest', () => {
    const o = maybePetrarchOptions({ require_dyad: false, comma_emax: 0, new_actor_length: 'x' });
    expect(o.requireDyad).toBe(false);
    expect(o.commaEmax).toBe(0);
    expect(o.newActorLength).toBe(0);
    expect(maybePetrarchOptions(null)).toEqual(DEFAULT_PETRARCH_OPTIONS);
  });
});
