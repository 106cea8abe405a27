import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { SearchHit } from './store.js';

/**
 * What only an engine knows: its full-text index and how to query it. Everything else is
 * written once in Kysely (kysely-store.ts). A new engine is one file implementing this.
 */
export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  /** Creates the full-text index over documents' title and body, kept in step on insert/delete. */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  dropSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Ranked hits for an already parsed query; `mark` wraps matched terms in the snippet. */
  search(
    db: Kysely<Database>,
    query: SearchQuery,
    opts: { limit: number; mark: readonly [string, string] },
  ): Promise<SearchHit[]>;
  /** Releases the connection. */
  destroy(): Promise<void>;
}

/** A user's query as terms: words (optionally prefix `word*`) and quoted phrases, all required unless `any`. */
export interface SearchQuery {
  terms: { text: string; prefix: boolean; phrase: boolean }[];
  /** True when the user wrote OR: any term may match. */
  any: boolean;
}

/**
 * Parses a search box query: `"exact phrase"`, `word`, `pref*`, `a OR b`. Punctuation is ignored,
 * so no user input can be an engine syntax error.
 *
 * @example parseSearchQuery('"foreign ministry" Baku*').terms.length // 2
 */
export function parseSearchQuery(input: string): SearchQuery {
  const terms: SearchQuery['terms'] = [];
  let any = false;
  const re = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)(\*)?/gu;
  for (const m of input.matchAll(re)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) terms.push({ text: words.join(' '), prefix: false, phrase: true });
    } else if (m[2] === 'OR') {
      any = true;
    } else if (m[2] !== 'AND') {
      const words = (m[2] ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length > 1) terms.push({ text: words.join(' '), prefix: false, phrase: true });
      else if (words[0]) terms.push({ text: words[0], prefix: Boolean(m[3]), phrase: false });
    }
  }
  return { terms, any };
}
