import type { RawArticle } from '../model/types.js';
import { statedDay } from './dates.js';
import { IngestError } from './errors.js';

/** A parsed record, or the one-line failure of its line. */
export type RecordResult = { ok: true; article: RawArticle } | { ok: false; error: IngestError };

/**
 * Records from a JSONL file (one `{id, text, title?, published?, url?}` a line), a JSON array
 * of them, or a single JSON record. A bad line fails alone, naming `file:line`; the others go on.
 *
 * @example parseRecords('a.jsonl', '{"id":"r1","text":"Baku said …"}\n')
 */
export function parseRecords(input: string, text: string): RecordResult[] {
  const whole = text.trim();
  if (!whole)
    return [
      { ok: false, error: new IngestError(input, 'empty file', 'pass a file with one json record a line') },
    ];
  if (whole.startsWith('[')) {
    try {
      const arr = JSON.parse(whole) as unknown;
      if (Array.isArray(arr))
        return arr.map((rec, i) => toArticle(`${input}[${i}]`, rec, `${input}#${i + 1}`));
    } catch {
      // Not one JSON array: read it line by line below.
    }
  }
  const results: RecordResult[] = [];
  const lines = text.split(/\r?\n/);
  const single = lines.filter((l) => l.trim()).length > 1 ? null : whole;
  if (single !== null) {
    return [parseLine(input, single, 1)];
  }
  lines.forEach((line, i) => {
    if (line.trim()) results.push(parseLine(input, line, i + 1));
  });
  return results;
}

function parseLine(input: string, line: string, n: number): RecordResult {
  const where = `${input}:${n}`;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0].toLowerCase();
    return {
      ok: false,
      error: new IngestError(where, `invalid json (${detail})`, 'fix or remove that line'),
    };
  }
  return toArticle(where, rec, `${input}#${n}`);
}

function toArticle(where: string, rec: unknown, fallbackId: string): RecordResult {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    return {
      ok: false,
      error: new IngestError(where, 'not a json object', 'write one {"id", "text"} object a line'),
    };
  }
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string' || !r.text.trim()) {
    return {
      ok: false,
      error: new IngestError(where, 'record has no "text"', 'give each record a non-empty "text" string'),
    };
  }
  const warnings: string[] = [];
  const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : fallbackId;
  let published: string | null = null;
  if (r.published != null) {
    published = statedDay(r.published);
    if (!published)
      warnings.push(`record "published" is not a date (${JSON.stringify(r.published)}); ignored`);
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    ok: true,
    article: {
      input: id,
      format: 'plain',
      raw: r.text,
      hints: {
        id,
        title: str(r.title),
        published,
        author: str(r.author),
        outlet: str(r.outlet),
        url: str(r.url),
      },
      warnings,
    },
  };
}
