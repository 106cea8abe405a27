import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePetrarch, petrarchToEntries } from './petrarch-actors.js';
import { loadActorRegistry } from './actors.js';
import { OntologyError } from './errors.js';

const DICTS = path.resolve(import.meta.dirname, '../../../shared/bench/petrarch/dicts');
const hasShared = fs.existsSync(path.join(DICTS, 'PETR.Validate.actors.txt'));

describe('PETRARCH dictionary importer', () => {
  it('reads names, synonyms, comments and date-restricted codes', () => {
    const text = [
      '<!-- a comment',
      'spanning lines -->',
      'RURITANIA [RUR] # trailing comment',
      '+RURITANIAN',
      'OLD_KING  # no code on this line',
      '\t[RURGOV <19950601]',
      '\t[RURREB 950602 - 990815]',
      '\t[RURELI >990816]',
      'MINISTRY_OF_FISH {MINISTRIES_OF_FISH} [~GOV]',
    ].join('\n');
    const r = parsePetrarch(text, 'own.actors.txt');
    expect(r[0]).toMatchObject({
      names: ['RURITANIA', 'RURITANIAN'],
      codes: [{ code: 'RUR', from: null, to: null }],
      line: 3,
    });
    expect(r[1]!.codes).toEqual([
      { code: 'RURGOV', from: null, to: '1995-06-01' },
      { code: 'RURREB', from: '1995-06-02', to: '1999-08-15' },
      { code: 'RURELI', from: '1999-08-16', to: null },
    ]);
    expect(r[2]).toMatchObject({
      names: ['MINISTRY OF FISH'],
      plurals: ['MINISTRIES OF FISH'],
      codes: [{ code: '~GOV' }],
    });
    const e = petrarchToEntries(r, new Set(['RUR']));
    expect(e[0]).toMatchObject({ id: 'RUR', aliases: ['Ruritania', 'Ruritanian'] });
    expect(e[1]).toMatchObject({ id: 'org:petrarch-old-king', country: 'RUR' });
    expect(e[1]!.roles).toHaveLength(3);
  });

  it('fails on malformed lines with file and line', () => {
    const bad = (text: string) => () => parsePetrarch(text, 'u.actors.txt');
    expect(bad('A [AAA]\n+\nB [BBB <1995]')).toThrow(/u\.actors\.txt:3 \(field code\): bad code block/);
    expect(bad('+ORPHAN')).toThrow(/u\.actors\.txt:1 \(field name\): synonym line/);
    expect(bad('X [XXX')).toThrow(/u\.actors\.txt:1 \(field code\): code block "\[" without "\]"/);
    expect(bad('X [XXX >991399]')).toThrow(/u\.actors\.txt:1 \(field date\): bad date/);
    expect(bad('NOCODE\nY [YYY]')).toThrow(/u\.actors\.txt:1 \(field code\): entry "NOCODE" has no \[CODE\]/);
    expect(bad('<!-- open')).toThrow(OntologyError);
  });

  it('merges a user dictionary into the registry through extraDirs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-petr-'));
    fs.writeFileSync(path.join(dir, 'mine.actors.txt'), 'ACME_SHIPPING_LINES [AZEBUS]\n+ACME_LINES\n');
    const reg = loadActorRegistry({ extraDirs: [dir] });
    expect(reg.entries.get('org:petrarch-acme-shipping-lines')).toMatchObject({
      country: 'AZE',
      code: 'AZEBUS',
      aliases: ['Acme Lines'],
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasShared)('parses the shared validation dictionaries (skipped without ../shared)', () => {
    const actors = parsePetrarch(
      fs.readFileSync(path.join(DICTS, 'PETR.Validate.actors.txt'), 'utf8'),
      'actors',
    );
    const gollum = actors.find((r) => r.names[0] === 'GOLLUM')!;
    expect(gollum.names).toEqual(['GOLLUM', 'SMEAGOL', 'SLINKER', 'STINKER']);
    expect(gollum.codes.map((c) => c.code)).toEqual(['HOB', 'HOBGOV', 'HOBREB']);
    expect(actors.find((r) => r.names[0] === 'ISRAEL')?.codes[0]?.code).toBe('ISR');
    const agents = parsePetrarch(
      fs.readFileSync(path.join(DICTS, 'PETR.Validate.agents.txt'), 'utf8'),
      'agents',
    );
    expect(agents.find((r) => r.names[0] === 'FOREIGN MINISTER')?.codes[0]?.code).toBe('~GOVFRM');
    expect(agents.some((r) => r.names.includes('CONGRESS MAN'))).toBe(true);
  });
});
