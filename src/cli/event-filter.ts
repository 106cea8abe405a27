import type { Command } from 'commander';
import { cameoRegistry } from '../model/cameo.js';
import type { EventFilter } from '../store/store.js';
import { CliError } from './io.js';
import { parseCount } from './options.js';

/** The flags of `faultline events`, as commander hands them over. */
export interface EventFlags {
  actor?: string;
  dyad?: string;
  code?: string;
  root?: string;
  quad?: string;
  from?: string;
  to?: string;
  modality?: string;
  outlet?: string;
  limit?: string;
  offset?: string;
}

/**
 * Adds the event filter flags (`--actor` … `--outlet`) that `faultline events` and `faultline
 * export` share, so both read them the same way through {@link eventFilterOrThrow}.
 *
 * @example withEventFilterOptions(program.command('events')).option('--grouped', '…')
 */
export function withEventFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <id>', 'an actor on either side, e.g. AZE or org:aze-mfa')
    .option('--dyad <a-b>', 'events between two actors, either direction, e.g. IRN-AZE')
    .option('--code <code>', 'cameo code, leading zero kept, e.g. 042')
    .option('--root <root>', 'cameo root, e.g. 11')
    .option(
      '--quad <n>',
      'quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict',
    )
    .option('--from <date>', 'on or after YYYY[-MM[-DD]]')
    .option('--to <date>', 'on or before YYYY[-MM[-DD]]')
    .option('--modality <m>', 'asserted, alleged, denied, hypothetical or negated')
    .option('--outlet <name>', "the document's outlet");
}

const MODALITIES = ['asserted', 'alleged', 'denied', 'hypothetical', 'negated'];

/**
 * An actor id from a flag: three-letter state codes are upper-cased (`irn` → `IRN`); other ids
 * (`person:…`, `org:…`) are kept as written.
 *
 * @example maybeActorId(' aze ') // 'AZE'
 */
export function maybeActorId(value: string): string {
  const v = value.trim();
  return /^[a-z]{3}$/i.test(v) ? v.toUpperCase() : v;
}

/**
 * A dyad from `--dyad`: two state codes joined by `-` (`IRN-AZE`), or any two actor ids joined
 * by `,` (`person:x,AZE`).
 *
 * @example dyadOrThrow('irn-aze') // ['IRN', 'AZE']
 */
export function dyadOrThrow(value: string): [string, string] {
  const v = value.trim();
  const parts = /^[a-z]{3}-[a-z]{3}$/i.test(v) ? v.split('-') : v.split(',');
  const [a, b] = parts.map(maybeActorId);
  if (parts.length !== 2 || !a || !b || /\s/.test(a + b)) {
    throw new CliError(`--dyad must be two actors as IRN-AZE (or id,id for other actors) (got "${value}")`);
  }
  if (a === b) throw new CliError(`--dyad needs two different actors (got "${value}")`);
  return [a, b];
}

/**
 * A partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists.
 *
 * @example partialDateOrThrow('--from', '2024-02') // '2024-02'
 */
export function partialDateOrThrow(flag: string, value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  const ok =
    m &&
    (!m[2] || (+m[2] >= 1 && +m[2] <= 12)) &&
    (!m[3] || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3])).getUTCDate() === +m[3]);
  if (!ok) throw new CliError(`${flag} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value.trim();
}

/**
 * The store filter from `faultline events` flags, every value checked at the edge.
 *
 * @example eventFilterOrThrow({ dyad: 'IRN-AZE', quad: '3' }) // { dyad: ['IRN', 'AZE'], quad: 3, limit: 50, offset: 0 }
 */
export function eventFilterOrThrow(flags: EventFlags): EventFilter {
  const f: EventFilter = {
    limit: parseCount('--limit', flags.limit, 50),
    offset: offsetOrThrow(flags.offset),
  };
  if (flags.actor !== undefined) {
    if (!flags.actor.trim())
      throw new CliError('--actor needs an actor id such as AZE or person:ilham-aliyev');
    f.actor = maybeActorId(flags.actor);
  }
  if (flags.dyad !== undefined) f.dyad = dyadOrThrow(flags.dyad);
  if (flags.code !== undefined) {
    const code = flags.code.trim();
    if (!cameoRegistry().byCode.has(code) || code.length < 3) {
      throw new CliError(
        `--code must be a cameo code of three or four digits, leading zero kept, e.g. 042 (got "${flags.code}"); for a two-digit root use --root`,
      );
    }
    f.code = code;
  }
  if (flags.root !== undefined) {
    const root = flags.root.trim().padStart(2, '0');
    if (!/^\d{2}$/.test(root) || !cameoRegistry().byCode.has(root)) {
      throw new CliError(`--root must be a cameo root from 01 to 20 (got "${flags.root}")`);
    }
    f.root = root;
  }
  if (flags.quad !== undefined) {
    if (!/^[1-4]$/.test(flags.quad.trim())) {
      throw new CliError(
        `--quad must be 1, 2, 3 or 4 (verbal/material cooperation, verbal/material conflict) (got "${flags.quad}")`,
      );
    }
    f.quad = Number(flags.quad) as 1 | 2 | 3 | 4;
  }
  if (flags.from !== undefined) f.from = partialDateOrThrow('--from', flags.from);
  if (flags.to !== undefined) f.to = partialDateOrThrow('--to', flags.to);
  if (f.from && f.to && f.from > `${f.to}~`) throw new CliError(`--from ${f.from} is after --to ${f.to}`);
  if (flags.modality !== undefined) {
    const m = flags.modality.trim().toLowerCase();
    if (!MODALITIES.includes(m)) {
      throw new CliError(`--modality must be one of ${MODALITIES.join(', ')} (got "${flags.modality}")`);
    }
    f.modality = m;
  }
  if (flags.outlet !== undefined) f.outlet = flags.outlet.trim();
  return f;
}

/**
 * `--offset`: a whole number, 0 or more.
 *
 * @example offsetOrThrow('20') // 20
 */
export function offsetOrThrow(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--offset must be a whole number, 0 or more (got "${value}")`);
  return n;
}
