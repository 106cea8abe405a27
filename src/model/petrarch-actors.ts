import fs from 'node:fs';
import { OntologyError } from './errors.js';
import type { ActorEntryInput } from './actors-schema.js';

/** One CAMEO code of a dictionary entry, with its date restriction. */
export interface PetrarchCode {
  code: string;
  from: string | null;
  to: string | null;
}

/** One entry of a PETRARCH/TABARI actors or agents dictionary. */
export interface PetrarchRecord {
  /** Names as written, `_` joins turned to spaces ("GAZA CITY"). */
  names: string[];
  /** `{…}` plural or alternative forms (agents); empty array for `{}`. */
  plurals: string[] | null;
  codes: PetrarchCode[];
  file: string;
  line: number;
}

const CODE_BLOCK = /^([~A-Za-z0-9/+#-]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$/;

/**
 * A dictionary date (YYMMDD or YYYYMMDD) as YYYY-MM-DD. Two-digit years are 19YY from 30 on
 * and 20YY below (the dictionaries date from the 1990s on).
 */
function isoDate(d: string, file: string, line: number): string {
  const full = d.length === 6 ? `${Number(d.slice(0, 2)) >= 30 ? '19' : '20'}${d}` : d;
  const y = full.slice(0, 4);
  const m = full.slice(4, 6);
  const day = full.slice(6, 8);
  if (Number(m) < 1 || Number(m) > 12 || Number(day) < 1 || Number(day) > 31) {
    throw new OntologyError(`bad date "${d}" in code block: expected YYMMDD or YYYYMMDD`, {
      file,
      line,
      field: 'date',
    });
  }
  return `${y}-${m}-${day}`;
}

function parseCode(inner: string, file: string, line: number): PetrarchCode {
  const m = CODE_BLOCK.exec(inner.trim());
  if (!m)
    throw new OntologyError(
      `bad code block "[${inner}]": expected [CODE], [CODE >DATE], [CODE <DATE] or [CODE DATE - DATE]`,
      { file, line, field: 'code' },
    );
  const code = m[1]!.toUpperCase();
  if (m[2] === '>') return { code, from: isoDate(m[3]!, file, line), to: null };
  if (m[2] === '<') return { code, from: null, to: isoDate(m[3]!, file, line) };
  if (m[4]) return { code, from: isoDate(m[4], file, line), to: isoDate(m[5]!, file, line) };
  return { code, from: null, to: null };
}

/**
 * Parses a PETRARCH/TABARI dictionary: `NAME_WITH_UNDERSCORES [CODE]`, `+SYNONYM` lines,
 * indented `[CODE >YYMMDD]` date blocks, `{…}` plural blocks, `# comments`, `<!-- … -->`
 * comments and `!SUBST! = A, B` substitution sets (expanded in names). Malformed lines throw an
 * {@link OntologyError} naming file and line.
 *
 * @example parsePetrarch('ISRAEL [ISR]\n+ISRAELI\n', 'x.txt')[0].names // ['ISRAEL', 'ISRAELI']
 */
export function parsePetrarch(text: string, file: string): PetrarchRecord[] {
  const out: PetrarchRecord[] = [];
  const subst = new Map<string, string[]>();
  let cur: PetrarchRecord | null = null;
  let inComment = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = n + 1;
    let s = lines[n]!;
    if (inComment) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      s = s.slice(end + 3);
    }
    // <!-- … --> (also the "<! --" spelling some files use)
    const open = s.search(/<!\s*--/);
    if (open >= 0) {
      const end = s.indexOf('-->', open);
      if (end < 0) {
        inComment = true;
        s = s.slice(0, open);
      } else s = s.slice(0, open) + s.slice(end + 3);
    }
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    const indented = /^\s/.test(s);
    s = s.trim();
    if (!s) continue;
    const sub = /^!([A-Z0-9_]+)!\s*=\s*(.+)$/.exec(s);
    if (sub) {
      subst.set(
        sub[1]!,
        sub[2]!
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      );
      continue;
    }
    if (s.startsWith('+')) {
      if (!cur) throw new OntologyError('synonym line "+…" before any entry', { file, line, field: 'name' });
      const name = cleanName(s.slice(1), file, line);
      if (name) cur.names.push(name);
      continue;
    }
    if (s.startsWith('[')) {
      if (!cur) throw new OntologyError('code block before any entry', { file, line, field: 'code' });
      const close = s.indexOf(']');
      if (close < 0) throw new OntologyError('code block "[" without "]"', { file, line, field: 'code' });
      cur.codes.push(parseCode(s.slice(1, close), file, line));
      continue;
    }
    if (indented && cur && !/[[{]/.test(s))
      throw new OntologyError(`unexpected indented text "${s}": expected [CODE] or +SYNONYM`, { file, line });
    const b = s.indexOf('[');
    const c = s.indexOf('{');
    const cut = [b, c].filter((x) => x >= 0);
    const nameRaw = cut.length ? s.slice(0, Math.min(...cut)) : s;
    let plurals: string[] | null = null;
    if (c >= 0) {
      const ce = s.indexOf('}', c);
      if (ce < 0) throw new OntologyError('plural block "{" without "}"', { file, line, field: 'plural' });
      plurals = s
        .slice(c + 1, ce)
        .split(/[,\s]+/)
        .map((x) => x.replace(/_/g, ' ').trim())
        .filter(Boolean);
    }
    const codes: PetrarchCode[] = [];
    if (b >= 0) {
      const be = s.indexOf(']', b);
      if (be < 0) throw new OntologyError('code block "[" without "]"', { file, line, field: 'code' });
      codes.push(parseCode(s.slice(b + 1, be), file, line));
      if (s.slice(be + 1).trim())
        throw new OntologyError(`text after the code block: "${s.slice(be + 1).trim()}"`, { file, line });
    }
    const name = cleanName(nameRaw, file, line);
    if (!name) throw new OntologyError('entry without a name', { file, line, field: 'name' });
    cur = { names: expand(name, subst), plurals, codes, file, line };
    out.push(cur);
  }
  if (inComment) throw new OntologyError('comment "<!--" never closed', { file, line: lines.length });
  for (const r of out)
    if (r.codes.length === 0)
      throw new OntologyError(`entry "${r.names[0]}" has no [CODE]`, { file, line: r.line, field: 'code' });
  return out;
}

function cleanName(raw: string, file: string, line: number): string {
  const name = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (/[[\]{}]/.test(name))
    throw new OntologyError(`bad characters in name "${name}"`, { file, line, field: 'name' });
  return name;
}

/** Expands `!SUBST!` markers into one name per listed word. */
function expand(name: string, subst: ReadonlyMap<string, string[]>): string[] {
  const m = /!([A-Z0-9_]+)!/.exec(name);
  if (!m) return [name];
  const words = subst.get(m[1]!) ?? [];
  return words.flatMap((w) =>
    expand(
      name
        .replace(m[0], ' ' + w + ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      subst,
    ),
  );
}

/** "GAZA CITY" → "Gaza City": dictionary names are upper case; text names are capitalised. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/**
 * Registry entries from an actors dictionary: 3-letter codes add names to that state; other
 * codes make `org:`/`igo:` entries with the CAMEO `code`; date-restricted codes become roles
 * (`office: coded`) with their from/to. Discard codes (`---`, `+++`, `###`) are skipped.
 *
 * @example petrarchToEntries(parsePetrarch('ISRAEL [ISR]', 'a.txt'))[0] // { id: 'ISR', aliases: ['Israel'], … }
 */
export function petrarchToEntries(
  records: readonly PetrarchRecord[],
  states: ReadonlySet<string> = new Set(),
): (ActorEntryInput & { source: { file: string; line: number } })[] {
  const out: (ActorEntryInput & { source: { file: string; line: number } })[] = [];
  for (const r of records) {
    const names = r.names.map(titleCase);
    const codes = r.codes.filter(
      (c) => !/^[-+#]+$/.test(c.code) && !c.code.startsWith('~') && !c.code.endsWith('~'),
    );
    if (codes.length === 0) continue;
    const source = { file: r.file, line: r.line };
    const first = codes[0]!;
    const dated = codes.some((c) => c.from || c.to);
    if (
      !dated &&
      codes.length === 1 &&
      /^[A-Z]{3}$/.test(first.code) &&
      (states.size === 0 || states.has(first.code))
    ) {
      out.push({ id: first.code, aliases: names, source });
      continue;
    }
    const igo = first.code.startsWith('IGO');
    const country =
      /^[A-Z]{3}/.test(first.code) && states.has(first.code.slice(0, 3)) ? first.code.slice(0, 3) : null;
    const code = /^[A-Z0-9]{3,12}$/.test(first.code) ? first.code : undefined;
    out.push({
      id: `${igo ? 'igo' : 'org'}:petrarch-${slugOf(names[0]!)}`,
      kind: igo ? 'igo' : 'org',
      name: names[0]!,
      aliases: names.slice(1),
      country,
      ...(code ? { code } : {}),
      ...(dated
        ? {
            roles: codes.map((c) => ({
              title: `CAMEO ${c.code}`,
              state: c.code.slice(0, 3),
              office: 'coded',
              from: c.from,
              to: c.to,
            })),
          }
        : {}),
      source,
    });
  }
  return out;
}

/**
 * Reads a `*.actors.txt` dictionary file into registry entries (for `--actors DIR`).
 *
 * @example readPetrarchActors('my.actors.txt').length
 */
export function readPetrarchActors(
  file: string,
  states: ReadonlySet<string> = new Set(),
): ReturnType<typeof petrarchToEntries> {
  return petrarchToEntries(parsePetrarch(fs.readFileSync(file, 'utf8'), file), states);
}
