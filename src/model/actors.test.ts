import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultActorRegistry, loadActorRegistry } from './actors.js';
import { OntologyError, InputError } from './errors.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-actors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function userDir(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('actor registry', () => {
  const reg = defaultActorRegistry();

  it('holds every UN member from world-countries plus historical and disputed entities', () => {
    for (const id of [
      'AZE',
      'IRN',
      'ISR',
      'TUR',
      'ARM',
      'RUS',
      'GEO',
      'USA',
      'VAT',
      'PSE',
      'XKX',
      'TWN',
      'SUN',
      'YUG',
      'CSK',
      'DDR',
    ]) {
      expect(reg.entries.get(id)?.kind, id).toBe('state');
    }
    expect([...reg.entries.values()].filter((e) => e.kind === 'state').length).toBeGreaterThanOrEqual(200);
  });

  it('adds the overlay: demonyms, metonyms, epithets', () => {
    const aze = reg.entries.get('AZE')!;
    expect(aze.adjectives).toEqual(expect.arrayContaining(['Azerbaijani', 'Azeri']));
    expect(aze.metonyms).toContain('Baku');
    expect(reg.entries.get('IRN')!.epithets).toContain('the Islamic Republic');
    expect(reg.entries.get('USA')!.metonyms).not.toContain('Washington D.C.');
  });

  it('is frozen', () => {
    const aze = reg.entries.get('AZE')!;
    expect(Object.isFrozen(aze)).toBe(true);
    expect(() => (aze.aliases as string[]).push('x')).toThrow();
  });

  it('merges a user folder: a new entry is one YAML item', () => {
    const dir = userDir('good', {
      'mine.yaml':
        '- id: org:acme-shipping\n  kind: org\n  name: Acme Shipping\n  country: AZE\n  aliases: [Acme]\n',
    });
    const r = loadActorRegistry({ extraDirs: [dir] });
    expect(r.entries.get('org:acme-shipping')).toMatchObject({ name: 'Acme Shipping', country: 'AZE' });
  });

  it('names file, line and field of a bad entry', () => {
    const dir = userDir('bad-field', {
      'people.yaml':
        '- id: person:jane-roe\n  kind: person\n  name: Jane Roe\n  roles:\n    - title: Mayor\n      state: AZE\n      office: mayor\n      from: 20-01-2001\n',
    });
    let err: unknown;
    try {
      loadActorRegistry({ extraDirs: [dir] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OntologyError);
    const e = err as OntologyError;
    expect(e.file).toBe(path.join(dir, 'people.yaml'));
    expect(e.line).toBe(8);
    expect(e.field).toBe('roles.0.from');
    expect(e.message).toMatch(/people\.yaml:8 \(field roles\.0\.from\): must be a date/);
  });

  it('rejects unknown fields and bad ids with their line', () => {
    const dir = userDir('bad-id', {
      'x.yaml': '- id: org:ok\n  kind: org\n  name: OK\n- id: Not An Id\n  name: X\n',
    });
    expect(() => loadActorRegistry({ extraDirs: [dir] })).toThrow(
      /x\.yaml:4 \(field id\): must be an alpha-3 code/,
    );
    const dir2 = userDir('bad-key', { 'x.yaml': '- id: org:ok\n  kind: org\n  name: OK\n  colour: red\n' });
    expect(() => loadActorRegistry({ extraDirs: [dir2] })).toThrow(/x\.yaml:1.*colour/);
  });

  it('reports broken YAML with its line', () => {
    const dir = userDir('broken', { 'y.yaml': '- id: org:ok\n  name: [unclosed\n' });
    expect(() => loadActorRegistry({ extraDirs: [dir] })).toThrow(/y\.yaml:\d+: not valid YAML/);
  });

  it('says when a user folder does not exist', () => {
    expect(() => loadActorRegistry({ extraDirs: [path.join(tmp, 'nope')] })).toThrow(InputError);
  });
});

describe('actorRegistryFor', () => {
  it('loads a user folder once and fails early on a bad one', async () => {
    const { actorRegistryFor } = await import('./actors.js');
    const dir = userDir('for-dir', {
      'a.yaml': '- id: org:acme-ferries\n  kind: org\n  name: Acme Ferries\n',
    });
    const reg = actorRegistryFor(dir);
    expect(reg.entries.has('org:acme-ferries')).toBe(true);
    expect(actorRegistryFor(dir)).toBe(reg);
    const bad = userDir('for-bad', { 'a.yaml': '- id: org:x\n  kind: nation\n  name: X\n' });
    expect(() => actorRegistryFor(bad)).toThrow(/a\.yaml:2 \(field kind\)/);
  });
});
