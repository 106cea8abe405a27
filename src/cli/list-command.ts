import type { Command } from 'commander';
import type { ListFilter, Store } from '../store/store.js';
import { maybeActorId, offsetOrThrow } from './event-filter.js';
import type { Io } from './io.js';
import { parseCount, withDbOption } from './options.js';
import { withStore } from './with-store.js';

/** The flags every list command shares. */
export interface ListFlags {
  limit?: string;
  offset?: string;
  json?: boolean;
  db?: string;
}

/** What a list command lists: one item's name (`claim`; the plural adds an s) and its page size. */
export interface ListNoun {
  noun: string;
  limit?: number;
  /** False for lists that cannot be paged (search hits come best first, cut at --limit). */
  offset?: boolean;
}

/**
 * Adds the options every list command shares, after its own: `--limit`, `--offset`, `--json`, `--db`.
 *
 * @example withListOptions(program.command('claims'), { noun: 'claim' })
 */
export function withListOptions(cmd: Command, { noun, limit = 50, offset = true }: ListNoun): Command {
  cmd.option('--limit <n>', `most ${noun}s to show`, String(limit));
  if (offset) cmd.option('--offset <n>', `${noun}s to skip`);
  return withDbOption(cmd.option('--json', `one json line per ${noun}`));
}

/**
 * The page a list command's flags ask for, validated at the edge.
 *
 * @example pageOrThrow({ limit: '10', offset: '20' }) // { limit: 10, offset: 20 }
 */
export function pageOrThrow(flags: ListFlags, limit = 50): { limit: number; offset: number } {
  return { limit: parseCount('--limit', flags.limit, limit), offset: offsetOrThrow(flags.offset) };
}

/** How a list prints as text: each item's lines, and the footer or the line for no items. */
export interface ListText<T> {
  text: (item: T) => string;
  /** With a total, a footer `3 of 12 claims`. */
  total?: number;
  noun?: string;
  /** Printed instead of the items when there are none. */
  empty?: string;
}

/**
 * Prints a list: one json line per item with --json, else each item's text and a footer.
 *
 * @example writeList(io, items, flags.json, { text: (c) => `${c.id}\n`, total, noun: 'claim' })
 */
export function writeList<T>(io: Io, items: readonly T[], json: boolean | undefined, out: ListText<T>): void {
  if (json) {
    for (const item of items) io.stdout.write(`${JSON.stringify(item)}\n`);
    return;
  }
  if (!items.length && out.empty !== undefined) {
    io.stdout.write(out.empty);
    return;
  }
  for (const item of items) io.stdout.write(out.text(item));
  if (out.total !== undefined) io.stdout.write(`${items.length} of ${out.total} ${out.noun ?? 'item'}s\n`);
}

/** A stored list filtered by an actor (`claims`, `relations`): what to fetch and how to print one item. */
export interface ActorList<T> {
  name: string;
  description: string;
  /** Help for `--actor`. */
  actorHelp: string;
  noun: string;
  list: (store: Store, filter: ListFilter) => Promise<{ items: T[]; total: number }>;
  text: (item: T) => string;
}

/**
 * Registers a list command over one stored list: `NAME [--actor ID] [--limit N] [--offset N] [--json]`.
 *
 * @example registerActorList(program, io, { name: 'claims', noun: 'claim', list: (s, f) => s.claims(f), … })
 */
export function registerActorList<T>(program: Command, io: Io, spec: ActorList<T>): void {
  const cmd = program.command(spec.name).description(spec.description).option('--actor <id>', spec.actorHelp);
  withListOptions(cmd, { noun: spec.noun }).action(async (flags: ListFlags & { actor?: string }) => {
    const filter = {
      actor: flags.actor === undefined ? undefined : maybeActorId(flags.actor),
      ...pageOrThrow(flags),
    };
    const { items, total } = await withStore(flags.db, io, (store) => spec.list(store, filter));
    writeList(io, items, flags.json, { text: spec.text, total, noun: spec.noun });
  });
}
