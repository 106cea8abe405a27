import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The scraped-text cleaner's vocabulary, compiled from `ontology/cleaning/text-*.yaml`. */
export interface TextCues {
  /** Whole lines that are page furniture wherever they stand. */
  dropLine: RegExp;
  /** Header-only furniture (read time, audio player): dropped, and it extends the header. */
  headerLine: RegExp;
  /** Line endings that mark a photo caption or credit. */
  captionEnding: RegExp;
  /** Whole lines after which the article is over. */
  endMarker: RegExp;
  /** Headings of a box of teasers for other stories. */
  teaserMarker: RegExp;
  sectionLabels: ReadonlySet<string>;
  /** `By`, `Written by` … followed by the name (capture group 1). */
  bylineStart: RegExp;
  /** " and staff", " with agencies": a desk after the names of a byline. */
  bylineTail: RegExp;
  bioRole: RegExp;
  /** Verbs joining a name to a role in a bio ("is", "serves as"). */
  bioVerb: RegExp;
  /** Verbs of a beat bio ("covers", "reports on"). */
  bioBeatVerb: RegExp;
  honorific: RegExp;
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlySet<string>;
  leads: readonly string[];
  revisionLead: RegExp;
  zones: ReadonlySet<string>;
  /** How an ambiguous all-numeric date ("03/09/2024") is read. */
  numericOrder: 'dmy' | 'mdy';
}

/** Bad cue data: names the file and the field so the YAML can be fixed. */
export class CueFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`bad cue file ${file}: ${detail}; fix the yaml`);
    this.name = 'CueFileError';
  }
}

const words = z.array(
  z
    .string()
    .min(1)
    .regex(/^[^A-Z]*$/, 'entries must be lowercase'),
);

const CueFile = z.object({
  dropLines: words,
  headerLines: words,
  captionEndings: z.array(z.string().min(1)),
  agencies: words,
  endMarkers: words,
  teaserMarkers: words,
  sectionLabels: words,
  bylineStarts: words,
  bylineTails: words,
  bioRoles: words,
  bioVerbs: words,
  bioBeatVerbs: words,
  honorifics: words,
});

const DateFile = z.object({
  months: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(1).max(12)),
  weekdays: words,
  leads: words,
  revisionLeads: words,
  zones: words,
  numericOrder: z.enum(['dmy', 'mdy']),
});

const ONTOLOGY_DIR = fileURLToPath(new URL('../../../../ontology/cleaning/', import.meta.url));

function loadYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CueFileError(file, (e as Error).message);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CueFileError(file, `${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of whole words, longest first so "getty images" wins over "getty". */
const alternation = (xs: readonly string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => escape(x).replace(/ /g, '\\s+'))
    .join('|');

function compile(file: string, field: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new CueFileError(file, `${field}: ${(e as Error).message}`);
  }
}

let cached: TextCues | null = null;

/**
 * The text-cleaning cues of the ontology, loaded once per process.
 *
 * @example textCues().dropLine.test('Skip to main content') // true
 */
export function textCues(): TextCues {
  cached ??= loadTextCues(ONTOLOGY_DIR);
  return cached;
}

/**
 * Loads, validates, compiles and freezes `text-cues.yaml` and `text-dates.yaml` from `dir`.
 * Throws {@link CueFileError} naming the file and field when the data is bad.
 *
 * @example loadTextCues('ontology/cleaning').months.get('feb') // 2
 */
export function loadTextCues(dir: string): TextCues {
  const cueFile = join(dir, 'text-cues.yaml');
  const dateFile = join(dir, 'text-dates.yaml');
  const cues = loadYaml(cueFile, CueFile);
  const dates = loadYaml(dateFile, DateFile);
  const agency = alternation(cues.agencies);
  const whole = (field: string, xs: string[]) =>
    compile(cueFile, field, `^(?:${xs.map((x) => `(?:${x})`).join('|')})$`, 'iu');
  return Object.freeze({
    dropLine: whole('dropLines', cues.dropLines),
    headerLine: whole('headerLines', cues.headerLines),
    captionEnding: compile(
      cueFile,
      'captionEndings',
      `(?:${cues.captionEndings.map((x) => `(?:${x.replaceAll('{agency}', agency)})`).join('|')})$`,
      'iu',
    ),
    endMarker: whole('endMarkers', cues.endMarkers),
    teaserMarker: whole('teaserMarkers', cues.teaserMarkers),
    sectionLabels: new Set(cues.sectionLabels),
    bylineStart: compile(
      cueFile,
      'bylineStarts',
      `^(?:${alternation(cues.bylineStarts)})\\s*[:\\-–—]?\\s+(.+)$`,
      'iu',
    ),
    bylineTail: compile(
      cueFile,
      'bylineTails',
      `\\s+(?:and|with|&)\\s+(?:${alternation(cues.bylineTails)})$`,
      'iu',
    ),
    bioVerb: compile(cueFile, 'bioVerbs', `(?:${alternation(cues.bioVerbs)})`, 'u'),
    bioBeatVerb: compile(cueFile, 'bioBeatVerbs', `(?:${alternation(cues.bioBeatVerbs)})`, 'u'),
    bioRole: compile(cueFile, 'bioRoles', `\\b(?:${alternation(cues.bioRoles)})\\b`, 'iu'),
    honorific: compile(cueFile, 'honorifics', `^(?:${alternation(cues.honorifics)})\\.?\\s+`, 'iu'),
    months: new Map(Object.entries(dates.months)),
    weekdays: new Set(dates.weekdays),
    leads: Object.freeze([...dates.leads].sort((a, b) => b.length - a.length)),
    revisionLead: compile(dateFile, 'revisionLeads', `^(?:${alternation(dates.revisionLeads)})\\b`, 'iu'),
    zones: new Set(dates.zones),
    numericOrder: dates.numericOrder,
  });
}
