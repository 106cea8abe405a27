import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isSeq, type Document } from 'yaml';
import type { ZodType } from 'zod';
import type { ActorKind } from './types.js';
import { OntologyError, InputError } from './errors.js';
import {
  ACTOR_ENTRY,
  DESCRIPTIONS_FILE,
  ORGANS_FILE,
  TITLES_FILE,
  type ActorEntryInput,
  type DescriptionsFile,
  type OrgansFile,
  type TitlesFile,
} from './actors-schema.js';
import { PhraseIndex, phraseKeys } from './actors-tokens.js';
import { readPetrarchActors } from './petrarch-actors.js';

/** A date-bounded office a person holds. Dates are inclusive, `null` = open. */
export interface ActorRole {
  title: string;
  state: string;
  office: string;
  from: string | null;
  to: string | null;
}

/** One actor of the knowledge base, validated and frozen. */
export interface ActorEntry {
  id: string;
  kind: ActorKind;
  name: string;
  country: string | null;
  sector: string | null;
  code: string | null;
  aliases: readonly string[];
  adjectives: readonly string[];
  plurals: readonly string[];
  metonyms: readonly string[];
  epithets: readonly string[];
  short: readonly string[];
  contextual: readonly string[];
  ambiguous: readonly string[];
  tags: readonly string[];
  /** Neighbouring states (alpha-3), from world-countries. */
  borders: readonly string[];
  organ: string | null;
  leader: 'head_of_state' | 'head_of_government' | 'supreme_leader';
  roles: readonly ActorRole[];
  from: string | null;
  to: string | null;
  source: { file: string; line: number | null };
}

export type FormKind =
  'name' | 'alias' | 'adjective' | 'plural' | 'metonym' | 'epithet' | 'short' | 'contextual';

/** One surface form in the gazetteer. */
export interface GazetteerForm {
  id: string;
  form: FormKind;
  /** Per token: 'exact' (acronyms), 'cap' (must start upper case) or 'any'. */
  casing: readonly ('exact' | 'cap' | 'any')[];
  /** The form's own tokens, for exact-case checks. */
  surface: readonly string[];
  ambiguous: boolean;
}

export type TitleDef = TitlesFile['titles'][number] & { isPlural: boolean };
export type OrganDef = OrgansFile['organs'][number];
export type DescriptionDef = DescriptionsFile['descriptions'][number];
export type AnaphoraDef = DescriptionsFile['anaphora'][number];

/** Cue words of the mention patterns, compiled for longest-match lookup. */
export interface ActorLexicon {
  titles: PhraseIndex<TitleDef>;
  honorifics: PhraseIndex<true>;
  roleNouns: PhraseIndex<true>;
  organs: PhraseIndex<OrganDef>;
  memberNouns: PhraseIndex<true>;
  orgNouns: PhraseIndex<true>;
  orgHeads: ReadonlySet<string>;
  descriptions: PhraseIndex<DescriptionDef>;
  anaphora: PhraseIndex<AnaphoraDef>;
  determiners: ReadonlySet<string>;
  ordinals: ReadonlySet<string>;
  premodifiers: PhraseIndex<true>;
  relationNouns: PhraseIndex<true>;
  stateNouns: PhraseIndex<true>;
  organDefs: readonly OrganDef[];
  /** Lower-cased words after which a full stop does not end a sentence ("dr"). */
  abbreviations: ReadonlySet<string>;
  titleModifiers: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  nameStopwords: ReadonlySet<string>;
  counterpartNouns: PhraseIndex<true>;
  /** Premodifiers of state names, as joined keys ("oil - rich"). */
  premodifierKeys: ReadonlySet<string>;
}

/** The loaded, frozen actor knowledge base. Stages read it through `StageContext.actors`. */
export interface ActorRegistry {
  entries: ReadonlyMap<string, ActorEntry>;
  gazetteer: PhraseIndex<GazetteerForm>;
  lexicon: ActorLexicon;
  /** `${country}|${organ}` → id of the entry that fills that organ. */
  organOf: ReadonlyMap<string, string>;
  /** Persons' roles grouped by the state or IGO they belong to. */
  rolesByState: ReadonlyMap<string, readonly { id: string; role: ActorRole }[]>;
}

export interface LoadActorOptions {
  /** The base folder (default: the repository's ontology/actors). */
  dir?: string;
  /** Users' folders (`--actors DIR`): YAML entries and `*.actors.txt` PETRARCH dictionaries, merged last. */
  extraDirs?: readonly string[];
  /** Entries given in code (tests, importers), merged last. */
  extraEntries?: readonly (ActorEntryInput & { source?: { file: string; line: number | null } })[];
  /** Skip the world-countries base (tests). */
  noBase?: boolean;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository's ontology/actors folder. */
export const DEFAULT_ACTORS_DIR = path.resolve(HERE, '../../ontology/actors');

// ---------------------------------------------------------------------------------------------
// YAML with line numbers

interface YamlFile {
  file: string;
  doc: Document;
  lines: LineCounter;
}

function readYaml(file: string): YamlFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read: ${(err as Error).message}`, { file });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new OntologyError(`not valid YAML: ${e.message.split('\n')[0]}`, {
      file,
      line: lines.linePos(e.pos[0]).line,
    });
  }
  return { file, doc, lines };
}

/** The 1-based line of the YAML node at `path`, falling back to its nearest parent. */
function lineOf(y: YamlFile, at: readonly (string | number)[]): number | null {
  for (let n = at.length; n >= 0; n--) {
    const node = y.doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return y.lines.linePos(node.range[0]).line;
  }
  return null;
}

function validate<T>(schema: ZodType<T>, value: unknown, y: YamlFile, at: (string | number)[]): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const full = [...at, ...(issue.path as (string | number)[])];
  const field = issue.path.length ? issue.path.join('.') : at.length ? null : 'document';
  const id =
    at.length && typeof value === 'object' && value && 'id' in value
      ? ` in entry ${String((value as { id: unknown }).id)}`
      : '';
  throw new OntologyError(`${issue.message}${id}`, { file: y.file, line: lineOf(y, full), field });
}

/** Reads one YAML list of actor entries, each validated with its line. */
export function readActorEntries(
  file: string,
): (ActorEntryInput & { source: { file: string; line: number | null } })[] {
  const y = readYaml(file);
  if (y.doc.contents === null) return [];
  if (!isSeq(y.doc.contents))
    throw new OntologyError('must be a YAML list of actor entries', { file, line: 1 });
  const raw = y.doc.toJS() as unknown[];
  return raw.map((item, i) => ({
    ...validate(ACTOR_ENTRY, item, y, [i]),
    source: { file, line: lineOf(y, [i]) },
  }));
}

function readLexiconFile<T>(file: string, schema: ZodType<T>): T {
  const y = readYaml(file);
  return validate(schema, y.doc.toJS(), y, []);
}

// ---------------------------------------------------------------------------------------------
// The world-countries base

interface WorldCountry {
  cca3: string;
  unMember: boolean;
  name: { common: string; official: string };
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  borders?: string[];
}

function baseStates(): ActorEntryInput[] {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as WorldCountry[];
  return countries
    .filter((c) => c.unMember)
    .map((c) => {
      const dem = [c.demonyms?.eng?.m, c.demonyms?.eng?.f]
        .filter((d): d is string => !!d)
        .flatMap((d) => d.split(/,\s*| or /))
        .filter((d) => d.length > 2);
      // Two-letter codes ("AZ") and non-Latin spellings only add noise.
      const alt = (c.altSpellings ?? []).filter(
        (s) => s.length > 3 && /^[\p{Script=Latin}\s'’.()-]+$/u.test(s),
      );
      return {
        id: c.cca3,
        kind: 'state' as const,
        name: c.name.common,
        aliases: [...new Set([c.name.official, ...alt].filter((s) => s !== c.name.common))],
        adjectives: [...new Set(dem)],
        metonyms: (c.capital ?? []).filter((s) => s !== c.name.common),
        borders: c.borders ?? [],
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Merging

type Draft = ActorEntryInput & { source: { file: string; line: number | null } };

const LIST_FIELDS = [
  'aliases',
  'adjectives',
  'plurals',
  'metonyms',
  'epithets',
  'short',
  'contextual',
  'exclude',
  'ambiguous',
  'tags',
  'borders',
  'roles',
] as const;

function merge(into: Draft, add: Draft): Draft {
  const out: Draft = {
    ...into,
    ...Object.fromEntries(Object.entries(add).filter(([, v]) => v !== undefined)),
  } as Draft;
  for (const f of LIST_FIELDS) {
    const a = (into[f] ?? []) as unknown[];
    const b = (add[f] ?? []) as unknown[];
    if (a.length || b.length) (out as Record<string, unknown>)[f] = [...a, ...b];
  }
  out.source = into.source;
  return out;
}

function kindOf(d: Draft): ActorKind {
  if (d.kind) return d.kind;
  if (/^[A-Z]{3}$/.test(d.id)) return 'state';
  return d.id.split(':')[0] as ActorKind;
}

/** Regular plural of a demonym: Iranian → Iranians, Israeli → Israelis. */
function pluralOf(adj: string): string | null {
  if (/(an|i)$/.test(adj)) return adj + 's';
  return null;
}

function finish(d: Draft): ActorEntry {
  const kind = kindOf(d);
  if (!d.name)
    throw new OntologyError(`entry ${d.id} needs a name`, {
      file: d.source.file,
      line: d.source.line,
      field: 'name',
    });
  const exclude = new Set(d.exclude ?? []);
  const keep = (xs: readonly string[] | undefined) => [...new Set((xs ?? []).filter((x) => !exclude.has(x)))];
  const adjectives = keep(d.adjectives);
  const plurals = keep([
    ...(d.plurals ?? []),
    ...(kind === 'state' ? adjectives.map(pluralOf).filter((p): p is string => !!p) : []),
  ]);
  return Object.freeze({
    id: d.id,
    kind,
    name: d.name,
    country: kind === 'state' ? d.id : (d.country ?? null),
    sector: d.sector ?? null,
    code: d.code ?? null,
    aliases: Object.freeze(keep(d.aliases)),
    adjectives: Object.freeze(adjectives),
    plurals: Object.freeze(plurals),
    metonyms: Object.freeze(keep(d.metonyms)),
    epithets: Object.freeze(keep(d.epithets)),
    short: Object.freeze(keep(d.short)),
    contextual: Object.freeze(keep(d.contextual)),
    ambiguous: Object.freeze([...(d.ambiguous ?? [])]),
    tags: Object.freeze([...(d.tags ?? [])]),
    borders: Object.freeze([...new Set(d.borders ?? [])]),
    organ: d.organ ?? null,
    leader: d.leader ?? 'head_of_state',
    roles: Object.freeze(
      (d.roles ?? []).map((r) => Object.freeze({ ...r, from: r.from ?? null, to: r.to ?? null })),
    ),
    from: d.from ?? null,
    to: d.to ?? null,
    source: Object.freeze({ ...d.source }),
  });
}

// ---------------------------------------------------------------------------------------------
// Gazetteer and lexicon

function casingOf(surface: string[]): ('exact' | 'cap' | 'any')[] {
  return surface.map((t) => {
    if (/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(t) || /^\p{Lu}$/u.test(t)) return 'exact';
    if (/^\p{Lu}/u.test(t)) return 'cap';
    return 'any';
  });
}

function buildGazetteer(entries: Iterable<ActorEntry>): PhraseIndex<GazetteerForm> {
  const index = new PhraseIndex<GazetteerForm>();
  for (const e of entries) {
    const forms: [FormKind, readonly string[]][] = [
      ['name', [e.name]],
      ['alias', e.aliases],
      ['adjective', e.adjectives],
      ['plural', e.plurals],
      ['metonym', e.metonyms],
      ['epithet', e.epithets],
      ['short', e.short],
      ['contextual', e.contextual],
    ];
    const ambiguous = new Set(e.ambiguous);
    for (const [form, list] of forms) {
      for (const s of list) {
        // Names with a parenthesised note are not surface forms.
        if (/[()]/.test(s)) continue;
        const keys = phraseKeys(s);
        if (keys.length === 0) continue;
        const surface = keys.length ? tokenSurface(s) : [];
        index.add(keys, { id: e.id, form, casing: casingOf(surface), surface, ambiguous: ambiguous.has(s) });
      }
    }
  }
  return index;
}

function tokenSurface(s: string): string[] {
  return [...s.normalize('NFC').matchAll(/[\p{L}\p{N}]+|\S/gu)].map((m) => m[0]);
}

function phraseIndex<T>(phrases: readonly string[], value: (p: string) => T): PhraseIndex<T> {
  const index = new PhraseIndex<T>();
  for (const p of phrases) index.add(phraseKeys(p), value(p));
  return index;
}

function buildLexicon(dir: string): ActorLexicon {
  const t = readLexiconFile(path.join(dir, 'lexicon', 'titles.yaml'), TITLES_FILE);
  const o = readLexiconFile(path.join(dir, 'lexicon', 'organs.yaml'), ORGANS_FILE);
  const d = readLexiconFile(path.join(dir, 'lexicon', 'descriptions.yaml'), DESCRIPTIONS_FILE);
  const titles = new PhraseIndex<TitleDef>();
  for (const def of t.titles) {
    for (const m of def.match) titles.add(phraseKeys(m), { ...def, isPlural: false });
    for (const m of def.plural ?? []) titles.add(phraseKeys(m), { ...def, isPlural: true });
  }
  const organs = new PhraseIndex<OrganDef>();
  for (const def of o.organs) for (const w of def.words) organs.add(phraseKeys(w), def);
  const descriptions = new PhraseIndex<DescriptionDef>();
  for (const def of d.descriptions) for (const w of def.words) descriptions.add(phraseKeys(w), def);
  const anaphora = new PhraseIndex<AnaphoraDef>();
  for (const def of d.anaphora) for (const w of def.words) anaphora.add(phraseKeys(w), def);
  const yes = () => true as const;
  return {
    titles,
    honorifics: phraseIndex(
      t.honorifics.map((h) => h.replace(/\.$/, '')),
      yes,
    ),
    roleNouns: phraseIndex(t.roleNouns, yes),
    organs,
    memberNouns: phraseIndex(o.memberNouns, yes),
    orgNouns: phraseIndex(o.orgNouns, yes),
    orgHeads: new Set(o.orgHeads.map((h) => h.toLowerCase())),
    descriptions,
    anaphora,
    determiners: new Set(d.determiners),
    ordinals: new Set(d.ordinals),
    premodifiers: phraseIndex(d.premodifiers, yes),
    relationNouns: phraseIndex(d.relationNouns, yes),
    stateNouns: phraseIndex(d.stateNouns, yes),
    organDefs: o.organs,
    abbreviations: new Set(t.abbreviations.map((a) => a.toLowerCase())),
    titleModifiers: new Set(t.titleModifiers.map((a) => a.toLowerCase())),
    nameParticles: new Set(t.nameParticles.map((a) => a.toLowerCase())),
    nameStopwords: new Set(t.nameStopwords.map((a) => a.toLowerCase())),
    counterpartNouns: phraseIndex(t.counterpartNouns, yes),
    premodifierKeys: new Set(d.premodifiers.map((p) => phraseKeys(p).join(' '))),
  };
}

function listYaml(dir: string): string[] {
  if (!fs.existsSync(dir))
    throw new InputError('actors folder not found; check the path given to --actors', { file: dir });
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Loads, validates and freezes the actor knowledge base: the world-countries state layer, the
 * YAML overlay and entries of ontology/actors, then users' folders. Bad data throws an
 * {@link OntologyError} naming file, line and field.
 *
 * @example const reg = loadActorRegistry({ extraDirs: ['./my-actors'] }); reg.entries.get('AZE')?.name // 'Azerbaijan'
 */
export function loadActorRegistry(opts: LoadActorOptions = {}): ActorRegistry {
  const dir = opts.dir ?? DEFAULT_ACTORS_DIR;
  const drafts = new Map<string, Draft>();
  const put = (d: Draft) => {
    const had = drafts.get(d.id);
    drafts.set(d.id, had ? merge(had, d) : d);
  };
  if (!opts.noBase)
    for (const b of baseStates()) put({ ...b, source: { file: 'world-countries', line: null } });
  for (const f of listYaml(dir)) for (const e of readActorEntries(f)) put(e);
  for (const extra of opts.extraDirs ?? []) {
    for (const f of listYaml(extra)) for (const e of readActorEntries(f)) put(e);
    // PETRARCH/TABARI actor dictionaries may sit beside the YAML.
    const states = new Set([...drafts.keys()].filter((id) => /^[A-Z]{3}$/.test(id)));
    for (const f of fs
      .readdirSync(extra)
      .filter((x) => /\.actors\.txt$/i.test(x))
      .sort()) {
      for (const e of readPetrarchActors(path.join(extra, f), states)) put(e);
    }
  }
  for (const e of opts.extraEntries ?? []) put({ ...e, source: e.source ?? { file: 'code', line: null } });

  const entries = new Map<string, ActorEntry>();
  for (const d of drafts.values()) entries.set(d.id, finish(d));

  const organOf = new Map<string, string>();
  const rolesByState = new Map<string, { id: string; role: ActorRole }[]>();
  for (const e of entries.values()) {
    if (e.organ && e.country && !organOf.has(`${e.country}|${e.organ}`))
      organOf.set(`${e.country}|${e.organ}`, e.id);
    for (const role of e.roles) {
      const list = rolesByState.get(role.state) ?? [];
      list.push({ id: e.id, role });
      rolesByState.set(role.state, list);
    }
  }
  return Object.freeze({
    entries,
    gazetteer: buildGazetteer(entries.values()),
    lexicon: buildLexicon(dir),
    organOf,
    rolesByState,
  });
}

let cached: ActorRegistry | null = null;

/**
 * The repository's registry, loaded once.
 *
 * @example defaultActorRegistry().entries.size > 200
 */
export function defaultActorRegistry(): ActorRegistry {
  cached ??= loadActorRegistry();
  return cached;
}

const byDir = new Map<string, ActorRegistry>();

/**
 * The repository's registry plus one user folder (`--actors DIR`), loaded once per folder.
 * Throws {@link OntologyError}/{@link InputError} for a bad folder: call it before the
 * pipeline to fail early.
 *
 * @example actorRegistryFor('./my-actors').entries.has('org:acme-shipping')
 */
export function actorRegistryFor(extraDir?: string | null): ActorRegistry {
  if (!extraDir) return defaultActorRegistry();
  let reg = byDir.get(extraDir);
  if (!reg) {
    reg = loadActorRegistry({ extraDirs: [extraDir] });
    byDir.set(extraDir, reg);
  }
  return reg;
}
