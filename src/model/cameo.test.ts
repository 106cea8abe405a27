import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cameoOrThrow,
  cameoRegistry,
  cameoRoot,
  gdeltQuadOfRoot,
  goldsteinOf,
  loadCameo,
  maybeCameo,
  ploverOf,
  quadClassOf,
} from './cameo.js';
import { OntologyError } from './errors.js';
import { SHARED_DIR } from '../../test/shared-dir.js';

const SHARED = join(SHARED_DIR, 'bench/cameo/codes.json');

function tmpYaml(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cameo-')), 'cameo.yaml');
  writeFileSync(file, text);
  return file;
}

describe('cameo registry', () => {
  it('holds all 312 CAMEO 1.1b3 codes: 20 roots, 147 three-digit, 145 four-digit', () => {
    const { codes } = cameoRegistry();
    expect(codes).toHaveLength(312);
    expect(codes.filter((c) => c.level === 1)).toHaveLength(20);
    expect(codes.filter((c) => c.level === 2)).toHaveLength(147);
    expect(codes.filter((c) => c.level === 3)).toHaveLength(145);
  });

  it('is frozen', () => {
    const c = cameoOrThrow('042');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(cameoRegistry().codes)).toBe(true);
  });

  it('looks codes up with their facts', () => {
    expect(cameoOrThrow('042')).toMatchObject({ name: 'Make a visit', goldstein: 1.9, quad: 1, root: '04' });
    expect(cameoRoot('0871')).toBe('08');
    expect(quadClassOf('0871')).toBe(2);
    expect(goldsteinOf('190')).toBe(-10);
    expect(ploverOf('112')).toBe('ACCUSE');
    expect(ploverOf('010')).toBeNull();
    expect(cameoOrThrow('041').plover).toEqual([{ event: 'CONSULT', mode: 'phone' }]);
    // The PLOVER table lists 175 twice; the duplicate is dropped.
    expect(cameoOrThrow('175').plover).toHaveLength(1);
    expect(cameoOrThrow('1123').parent).toBe('112');
  });

  it('uses the CAMEO 1.1b3 meanings of 105-108, not GDELT labels', () => {
    expect(cameoOrThrow('106').name).toMatch(/meeting/i);
    expect(cameoOrThrow('108').name).toMatch(/mediation/i);
  });

  it("follows GDELT's quad convention for every root, including 09 and 14", () => {
    expect(quadClassOf('09')).toBe(2);
    expect(quadClassOf('141')).toBe(3);
    for (const c of cameoRegistry().codes) expect(c.quad).toBe(gdeltQuadOfRoot(c.root));
  });

  it('normalises loose input with maybeCameo', () => {
    expect(maybeCameo(' 042 ')?.code).toBe('042');
    expect(maybeCameo(42)?.code).toBe('042');
    expect(maybeCameo(1)?.code).toBe('01');
    expect(maybeCameo(211)?.code).toBe('0211');
    expect(maybeCameo(190)?.code).toBe('190');
    expect(maybeCameo('999')).toBeNull();
    expect(maybeCameo(null)).toBeNull();
    expect(maybeCameo(4.5)).toBeNull();
  });

  it('throws a message that says what to do for unknown codes', () => {
    expect(() => cameoOrThrow('42')).toThrow(/unknown cameo code "42"; use a code from/);
  });
});

describe('loadCameo errors', () => {
  it('names file, line and field of a bad value', () => {
    const file = tmpYaml(
      'codes:\n  - {code: "01", name: "A", goldstein: 0.0, quad: 1, plover: null}\n  - {code: "010", name: "B", goldstein: 42, quad: 1, plover: null}\n',
    );
    try {
      loadCameo(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OntologyError);
      const err = e as OntologyError;
      expect(err.line).toBe(3);
      expect(err.field).toBe('codes.1.goldstein');
      expect(err.message).toContain(`${file}:3 (field codes.1.goldstein): `);
    }
  });

  it('rejects a quad that is not GDELT convention', () => {
    const file = tmpYaml('codes:\n  - {code: "09", name: "I", goldstein: -2.0, quad: 3, plover: null}\n');
    expect(() => loadCameo(file)).toThrow(/quad 3, but gdelt's convention gives 2/);
  });

  it('rejects an orphan code and broken yaml', () => {
    expect(() =>
      loadCameo(tmpYaml('codes:\n  - {code: "042", name: "V", goldstein: 1.9, quad: 1, plover: null}\n')),
    ).toThrow(/without its parent "04"/);
    expect(() => loadCameo(tmpYaml('codes: [\n'))).toThrow(OntologyError);
  });
});

describe.skipIf(!existsSync(SHARED))('cameo.yaml against the shared codebook', () => {
  it('carries the same code, name, goldstein and quad as codes.json', () => {
    const source = JSON.parse(readFileSync(SHARED, 'utf8')) as {
      code: string;
      name: string;
      goldstein: number;
      quad: number;
    }[];
    const reg = cameoRegistry();
    expect(reg.codes.map((c) => c.code)).toEqual(source.map((s) => s.code));
    for (const s of source)
      expect(cameoOrThrow(s.code)).toMatchObject({ name: s.name, goldstein: s.goldstein, quad: s.quad });
  });
});
