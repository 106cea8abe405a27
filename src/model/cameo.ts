import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, OntologyError } from './errors.js';
import { parseLocatedYaml } from './patterns-yaml.js';

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

export interface PloverMapping {
  event: string;
  mode: string | null;
}

/** One CAMEO 1.1b3 code as stored in `ontology/events/cameo.yaml`. */
export interface CameoCode {
  /** String with leading zero kept: "0211". */
  code: string;
  name: string;
  goldstein: number;
  quad: QuadClass;
  /** Two-digit root ("02"). */
  root: string;
  /** 1 for roots, 2 for three-digit codes, 3 for four-digit codes. */
  level: 1 | 2 | 3;
  /** The code one level up, or null for a root. */
  parent: string | null;
  plover: readonly PloverMapping[];
}

export interface CameoRegistry {
  codes: readonly CameoCode[];
  byCode: ReadonlyMap<string, CameoCode>;
}

export const CAMEO_PATH = fileURLToPath(new URL('../../ontology/events/cameo.yaml', import.meta.url));

const CameoFile = z.object({
  codes: z
    .array(
      z.strictObject({
        code: z.string().regex(/^\d{2,4}$/, 'code must be 2 to 4 digits, quoted'),
        name: z.string().min(1),
        goldstein: z.number().min(-10).max(10),
        quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        plover: z
          .array(z.strictObject({ event: z.string().regex(/^[A-Z]+$/), mode: z.string().min(1).optional() }))
          .nullable(),
      }),
    )
    .min(1),
});

/**
 * GDELT's QuadClass convention: roots 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.
 *
 * @example gdeltQuadOfRoot('09') // 2
 */
export function gdeltQuadOfRoot(root: string): QuadClass {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

/**
 * Loads, validates and freezes a CAMEO code file. Throws {@link OntologyError} with file, line
 * and field when the data is wrong (bad shape, unknown root, quad not GDELT's, orphan code).
 *
 * @example loadCameo().byCode.get('042')?.name // 'Make a visit'
 */
export function loadCameo(file: string = CAMEO_PATH): CameoRegistry {
  const { data, lineOf } = parseLocatedYaml(readFileSync(file, 'utf8'), file, CameoFile);
  const byCode = new Map<string, CameoCode>();
  data.codes.forEach((c, i) => {
    const fail = (field: string, msg: string): never => {
      throw new OntologyError(msg, { file, line: lineOf(['codes', i, field]), field: `codes.${i}.${field}` });
    };
    const root = c.code.slice(0, 2);
    const rootNo = Number(root);
    if (rootNo < 1 || rootNo > 20) fail('code', `code "${c.code}" has no cameo root 01-20`);
    if (byCode.has(c.code)) fail('code', `code "${c.code}" is listed twice`);
    if (c.quad !== gdeltQuadOfRoot(root)) {
      fail(
        'quad',
        `code "${c.code}" has quad ${c.quad}, but gdelt's convention gives ${gdeltQuadOfRoot(root)}`,
      );
    }
    const parent = c.code.length === 2 ? null : c.code.slice(0, c.code.length - 1);
    if (parent && !byCode.has(parent))
      fail('code', `code "${c.code}" comes before or without its parent "${parent}"`);
    const entry: CameoCode = Object.freeze({
      code: c.code,
      name: c.name,
      goldstein: c.goldstein,
      quad: c.quad,
      root,
      level: (c.code.length - 1) as 1 | 2 | 3,
      parent,
      plover: Object.freeze(
        (c.plover ?? []).map((p) => Object.freeze({ event: p.event, mode: p.mode ?? null })),
      ),
    });
    byCode.set(c.code, entry);
  });
  return Object.freeze({ codes: Object.freeze([...byCode.values()]), byCode });
}

let cached: CameoRegistry | null = null;

/** The default CAMEO registry, loaded once per process. @example cameoRegistry().codes.length // 312 */
export function cameoRegistry(): CameoRegistry {
  cached ??= loadCameo();
  return cached;
}

/**
 * Normalises loose input (number, padded or unpadded string) to a CAMEO code, or null.
 * Numbers lose their leading zero, so 42 is read as "042", 1 as "01" and 211 as "211" when it
 * exists, else "0211".
 *
 * @example maybeCameo(' 042 ')?.code // '042'
 * @example maybeCameo(42)?.code // '042'
 * @example maybeCameo('999') // null
 */
export function maybeCameo(input: unknown, registry: CameoRegistry = cameoRegistry()): CameoCode | null {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0) return null;
    const s = String(input);
    for (const width of [s.length, 2, 3, 4]) {
      const hit = registry.byCode.get(s.padStart(width, '0'));
      if (hit) return hit;
    }
    return null;
  }
  if (typeof input !== 'string') return null;
  return registry.byCode.get(input.trim()) ?? null;
}

/**
 * The CAMEO entry for an exact code string; throws when it is not a CAMEO 1.1b3 code.
 *
 * @example cameoOrThrow('0871').name // 'Declare truce, ceasefire'
 */
export function cameoOrThrow(code: string, registry: CameoRegistry = cameoRegistry()): CameoCode {
  const hit = registry.byCode.get(code);
  if (!hit) {
    throw new InputError(
      `unknown cameo code "${code}"; use a code from ontology/events/cameo.yaml (leading zero kept)`,
    );
  }
  return hit;
}

/** Root of a code. @example cameoRoot('0211') // '02' */
export function cameoRoot(code: string): string {
  return cameoOrThrow(code).root;
}

/** GDELT quad class of a code. @example quadClassOf('112') // 3 */
export function quadClassOf(code: string): QuadClass {
  return cameoOrThrow(code).quad;
}

/** Goldstein value of a code. @example goldsteinOf('190') // -10 */
export function goldsteinOf(code: string): number {
  return cameoOrThrow(code).goldstein;
}

/**
 * The PLOVER event of a code (the first mapping), or null where PLOVER has none (roots 01, 02).
 *
 * @example ploverOf('112') // 'ACCUSE'
 * @example ploverOf('010') // null
 */
export function ploverOf(code: string): string | null {
  return cameoOrThrow(code).plover[0]?.event ?? null;
}

/** True when `code` is a CAMEO code or one of its descendants. @example isUnder('0211', '02') // true */
export function isUnder(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}
