/**
 * Reader for TABARI/PETRARCH verb dictionaries (the `PETR.Validate.verbs.txt` /
 * `CAMEO.2.0.txt` format), so the event coder can use them beside our own YAML patterns.
 *
 * The format, as this parser reads it:
 * - `<!-- ... -->` comment lines; `#` starts a comment anywhere outside `[...]` (so `[###]` is a code).
 * - `&NAME` opens a synset; its `+WORDS` lines are members until a blank line or a block header.
 * - `--- NAME [code] ---` opens a verb block; `[---]` means "no code of its own", `[032:033]` is a
 *   code plus the code for the reverse direction.
 * - Lines in a block that do not start with `-` are verb forms: `BREAK { BROKE BROKEN }`,
 *   `+BREAK_DOWN {+BROKE_DOWN}`, `WIRE_+TAP` (`+` marks the verb word of a compound), with an
 *   optional `[code]` of their own.
 * - `- tokens [code]` lines are patterns: `*` the verb, `$` source, `+` target, `%` compound
 *   actor, `^` skip one phrase, `&NAME` a synset, other tokens literal words; `_` joins words that
 *   must be adjacent.
 */
import { readFileSync } from 'node:fs';
import { cameoRegistry, type CameoRegistry } from './cameo.js';
import { OntologyError } from './errors.js';
import type { Trigger } from './patterns.js';

/** A `[code]` or `[code:reverse]` annotation; `code` is null for `[---]`. */
export interface PetrarchCode {
  raw: string;
  code: string | null;
  /** Code for the reverse direction (`[032:033]` → "033"), or null. */
  reverse: string | null;
}

export type PetrarchToken =
  | { kind: 'word'; text: string; joinNext: boolean }
  | { kind: 'verb'; joinNext: boolean }
  | { kind: 'source'; joinNext: boolean }
  | { kind: 'target'; joinNext: boolean }
  | { kind: 'compound'; joinNext: boolean }
  | { kind: 'skip'; joinNext: boolean }
  | { kind: 'synset'; name: string; joinNext: boolean };

export interface PetrarchPattern {
  line: number;
  /** Tokens before the `*`, in order. */
  before: readonly PetrarchToken[];
  /** Tokens after the `*`, in order. */
  after: readonly PetrarchToken[];
  code: PetrarchCode;
  comment: string | null;
  /** True when the first token after `*` must follow the verb directly (`*_UP`). */
  verbJoinNext?: boolean;
}

export interface PetrarchVerbForm {
  line: number;
  /** Upper-case words of the form, e.g. ["BREAK", "DOWN"]. */
  words: readonly string[];
  /** Index in `words` of the verb itself (`+`-marked, else 0). */
  head: number;
  /** Irregular forms listed in `{...}`, each as words. */
  inflections: readonly (readonly string[])[];
  code: PetrarchCode | null;
}

export interface PetrarchVerbBlock {
  name: string;
  line: number;
  code: PetrarchCode;
  /** Any further `[code]`s on the header (a few old entries carry two). */
  extraCodes: readonly PetrarchCode[];
  forms: readonly PetrarchVerbForm[];
  patterns: readonly PetrarchPattern[];
}

export interface PetrarchSynset {
  name: string;
  line: number;
  /** Each member as words; a member may itself be `&OTHER`. */
  members: readonly (readonly string[])[];
}

export interface PetrarchVerbDictionary {
  file: string;
  blocks: readonly PetrarchVerbBlock[];
  synsets: ReadonlyMap<string, PetrarchSynset>;
}

const CODE_RE = /^[0-9A-Za-z?#+-]+(?::[0-9A-Za-z?#+-]+)?$/;

/** Cuts a `#` comment that is not inside `[...]`. */
function splitComment(line: string): [string, string | null] {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '#' && depth === 0) return [line.slice(0, i), line.slice(i + 1).trim() || null];
  }
  return [line, null];
}

function parseCode(raw: string, fail: (msg: string) => never): PetrarchCode {
  const inner = raw.trim();
  if (!CODE_RE.test(inner)) fail(`bad code "[${inner}]"; write [ddd] or [ddd:ddd]`);
  const [code = '', reverse] = inner.split(':');
  return {
    raw: inner,
    code: /^-+$/.test(code) ? null : code,
    reverse: reverse && !/^-+$/.test(reverse) ? reverse : null,
  };
}

/** Pulls every `[...]` out of a line; the rest is returned with them removed. */
function takeCodes(text: string, fail: (msg: string) => never): { rest: string; codes: PetrarchCode[] } {
  const codes: PetrarchCode[] = [];
  const rest = text.replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
    codes.push(parseCode(inner, fail));
    return ' ';
  });
  if (rest.includes('[') || rest.includes(']')) fail('unbalanced "[" or "]"');
  return { rest, codes };
}

function tokenize(text: string, fail: (msg: string) => never): PetrarchToken[] {
  const out: PetrarchToken[] = [];
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    const parts = chunk.split('_').filter(Boolean);
    parts.forEach((part, i) => {
      const joinNext = i < parts.length - 1;
      if (part === '*') out.push({ kind: 'verb', joinNext });
      else if (part === '$') out.push({ kind: 'source', joinNext });
      else if (part === '+') out.push({ kind: 'target', joinNext });
      else if (part === '%') out.push({ kind: 'compound', joinNext });
      else if (part === '^') out.push({ kind: 'skip', joinNext });
      else if (part.startsWith('&')) {
        if (part.length < 2) fail('"&" needs a synset name');
        out.push({ kind: 'synset', name: part.slice(1), joinNext });
      } else if (/^[A-Z0-9][A-Z0-9'.-]*$/i.test(part))
        out.push({ kind: 'word', text: part.toUpperCase(), joinNext });
      else fail(`cannot read token "${part}"`);
    });
  }
  return out;
}

function formWords(text: string): { words: string[]; head: number } {
  const parts = text.split(/[\s_]+/).filter(Boolean);
  const head = Math.max(
    0,
    parts.findIndex((p) => p.startsWith('+')),
  );
  return { words: parts.map((p) => p.replace(/^\+/, '').toUpperCase()), head };
}

/**
 * Parses a verb dictionary; a malformed line throws {@link OntologyError} naming `file:line`.
 *
 * @example
 * parsePetrarchVerbs('--- MEET [040] ---\nMEET\n- * WITH + [040]\n', 'v.txt').blocks[0].patterns.length // 1
 */
export function parsePetrarchVerbs(text: string, file: string): PetrarchVerbDictionary {
  const blocks: PetrarchVerbBlock[] = [];
  const synsets = new Map<string, PetrarchSynset>();
  let block: (PetrarchVerbBlock & { forms: PetrarchVerbForm[]; patterns: PetrarchPattern[] }) | null = null;
  let synset: (PetrarchSynset & { members: string[][] }) | null = null;
  let inHtmlComment = false;
  let commentLine = 0;
  const lines = text.split(/\r?\n/);

  lines.forEach((raw, i) => {
    const line = i + 1;
    const fail = (msg: string): never => {
      throw new OntologyError(msg, { file, line });
    };
    let s = raw.trim();
    if (inHtmlComment) {
      if (s.includes('-->')) inHtmlComment = false;
      return;
    }
    if (s.startsWith('<!--')) {
      if (!s.includes('-->')) {
        inHtmlComment = true;
        commentLine = line;
      }
      return;
    }
    if (s.startsWith('---')) {
      const m = /^---\s+(.*\S)\s+---$/.exec(s);
      if (!m) fail('verb block header must read "--- NAME [code] ---"');
      const [inner] = splitComment(m![1]!.replace(/#[^[\]]*$/, ''));
      const { rest, codes } = takeCodes(inner, fail);
      const name = rest.trim().replace(/\s+/g, ' ');
      if (!name) fail('verb block header has no name');
      if (codes.length === 0) fail(`verb block "${name}" has no [code]; write [---] for none`);
      block = { name, line, code: codes[0]!, extraCodes: codes.slice(1), forms: [], patterns: [] };
      blocks.push(block);
      synset = null;
      return;
    }
    const [body, comment] = splitComment(s);
    s = body.trim();
    if (!s) {
      if (!comment) synset = null;
      return;
    }
    if (s.startsWith('&')) {
      const name = s.slice(1).trim();
      if (!/^[A-Z0-9_]+$/i.test(name)) fail(`bad synset name "&${name}"`);
      if (synsets.has(name)) fail(`synset "&${name}" is defined twice`);
      synset = { name, line, members: [] };
      synsets.set(name, synset);
      return;
    }
    if (synset && s.startsWith('+')) {
      const member = s.slice(1).trim();
      if (!member) fail('empty synset member');
      synset.members.push(member.split(/[\s_]+/).filter(Boolean));
      return;
    }
    synset = null;
    if (!block) fail('verb or pattern line outside a "--- NAME [code] ---" block');
    const b = block!;
    if (s.startsWith('-')) {
      const { rest, codes } = takeCodes(s.slice(1), fail);
      if (codes.length !== 1)
        fail(codes.length ? 'pattern has more than one [code]' : 'pattern has no [code]');
      const tokens = tokenize(rest, fail);
      const at = tokens.findIndex((t) => t.kind === 'verb');
      if (at < 0) fail('pattern has no "*" for the verb');
      if (tokens.filter((t) => t.kind === 'verb').length > 1) fail('pattern has more than one "*"');
      b.patterns.push({
        line,
        before: tokens.slice(0, at),
        after: tokens.slice(at + 1),
        verbJoinNext: tokens[at]!.joinNext,
        code: codes[0]!,
        comment,
      });
      return;
    }
    // A verb form: WORDS {INFLECTIONS} [code]
    const brace = /^([^{}]*)(?:\{([^{}]*)\})?([^{}]*)$/.exec(s);
    if (!brace) fail('verb form has unbalanced "{" or "}"');
    const { rest, codes } = takeCodes(`${brace![1]} ${brace![3]}`, fail);
    if (codes.length > 1) fail('verb form has more than one [code]');
    const { words, head } = formWords(rest);
    if (words.length === 0) fail('verb form has no words');
    const inflections = (brace![2] ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => formWords(w).words);
    b.forms.push({ line, words, head, inflections, code: codes[0] ?? null });
  });
  if (inHtmlComment) throw new OntologyError('unclosed "<!--" comment', { file, line: commentLine });
  return Object.freeze({ file, blocks: Object.freeze(blocks), synsets });
}

/**
 * Reads and parses a dictionary file.
 *
 * @example readPetrarchVerbs('dicts/PETR.Validate.verbs.txt').blocks.length
 */
export function readPetrarchVerbs(file: string): PetrarchVerbDictionary {
  return parsePetrarchVerbs(readFileSync(file, 'latin1'), file);
}

/** A pattern converted from a dictionary: our trigger form, no example (the source has none). */
export interface PetrarchDerivedPattern {
  id: string;
  code: string;
  trigger: Trigger;
  source: 'subject';
  target: 'object';
  symmetric: boolean;
  paired: string | null;
  /** Words are dictionary surface forms (SAID, LEFT), not lemmas: match on text or lemma. */
  origin: { file: string; line: number };
}

export interface PetrarchConversion {
  patterns: PetrarchDerivedPattern[];
  /** Entries not converted: codes outside CAMEO, or tokens our form cannot say ($, %, ^, &, words before *). */
  skipped: number;
}

function directions(
  code: PetrarchCode,
  cameo: CameoRegistry,
): { symmetric: boolean; paired: string | null } | null {
  if (!code.code || !cameo.byCode.has(code.code)) return null;
  if (!code.reverse) return { symmetric: false, paired: null };
  if (code.reverse === code.code) return { symmetric: true, paired: null };
  return cameo.byCode.has(code.reverse)
    ? { symmetric: false, paired: code.reverse }
    : { symmetric: false, paired: null };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Converts the simple entries of a dictionary to our trigger form: plain verb forms (lemma, with
 * a particle for two-word forms) under a CAMEO-coded block, and patterns of the shape
 * `* WORD WORD [code]` (optionally ending in `+`) as phrases. Everything else is counted as skipped.
 *
 * @example petrarchToPatterns(dict).patterns.find((p) => p.trigger.kind === 'phrase')
 */
export function petrarchToPatterns(
  dict: PetrarchVerbDictionary,
  cameo: CameoRegistry = cameoRegistry(),
): PetrarchConversion {
  const patterns: PetrarchDerivedPattern[] = [];
  let skipped = 0;
  for (const b of dict.blocks) {
    const base = slug(b.name) || 'verb';
    for (const f of b.forms) {
      const dir = directions(f.code ?? b.code, cameo);
      const simple = f.head === 0 && f.words.length <= 2;
      if (!dir || !simple) {
        skipped++;
        continue;
      }
      const [verb = '', particle] = f.words.map((w) => w.toLowerCase());
      patterns.push({
        id: `petrarch.${base}.form-${f.line}`,
        code: (f.code ?? b.code).code!,
        trigger: { kind: 'lemma', lemma: verb, particle: particle ?? null },
        source: 'subject',
        target: 'object',
        ...dir,
        origin: { file: dict.file, line: f.line },
      });
    }
    const verb = b.forms[0]?.words[b.forms[0].head]?.toLowerCase();
    for (const p of b.patterns) {
      const dir = directions(p.code, cameo);
      const after = p.after.at(-1)?.kind === 'target' ? p.after.slice(0, -1) : p.after;
      const plain = after.length > 0 && after.every((t) => t.kind === 'word');
      if (!dir || !verb || p.before.length > 0 || !plain) {
        skipped++;
        continue;
      }
      const words = [verb, ...after.map((t) => (t.kind === 'word' ? t.text.toLowerCase() : ''))];
      patterns.push({
        id: `petrarch.${base}.line-${p.line}`,
        code: p.code.code!,
        trigger: { kind: 'phrase', text: words.join(' '), words, content: words },
        source: 'subject',
        target: 'object',
        ...dir,
        origin: { file: dict.file, line: p.line },
      });
    }
  }
  return { patterns, skipped };
}
