import type { Command } from 'commander';
import type { ClaimRow } from '../store/store.js';
import type { Io } from './io.js';
import { maybeActorId, offsetOrThrow } from './event-filter.js';
import { parseCount, withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline claims [--actor ID] [--json]`: stored claims, with the denials (from any
 * document) that dispute them and why they were linked.
 *
 * @example registerClaims(program, io)
 */
export function registerClaims(program: Command, io: Io): void {
  const cmd = program
    .command('claims')
    .description('list stored claims and the denials that dispute them, across documents')
    .option('--actor <id>', 'claims an actor makes or is the subject of')
    .option('--limit <n>', 'most claims to show', '50')
    .option('--offset <n>', 'claims to skip')
    .option('--json', 'one json line per claim');
  withDbOption(cmd).action(
    async (flags: { actor?: string; limit?: string; offset?: string; json?: boolean; db?: string }) => {
      const filter = {
        actor: flags.actor === undefined ? undefined : maybeActorId(flags.actor),
        limit: parseCount('--limit', flags.limit, 50),
        offset: offsetOrThrow(flags.offset),
      };
      const { items, total } = await withStore(flags.db, io, (store) => store.claims(filter));
      if (flags.json) {
        for (const c of items) io.stdout.write(`${JSON.stringify(c)}\n`);
        return;
      }
      for (const c of items) io.stdout.write(claimText(c));
      io.stdout.write(`${items.length} of ${total} claims\n`);
    },
  );
}

/**
 * A claim as a few lines: who claims what about whom, who disputes it and through which link.
 *
 * @example claimText(row) // 'a1b2…:c0  2024-04-15  ARM about AZE (accusation): Baku delays …\n  disputed by AZE\n'
 */
export function claimText(c: ClaimRow): string {
  const lines = [
    `${c.id}  ${c.published ?? '-'}  ${c.claimant} about ${c.about ?? '-'} (${c.kind ?? 'claim'}): ${c.text}`,
  ];
  if (c.disputedBy.length) lines.push(`  disputed by ${c.disputedBy.join(', ')}`);
  for (const l of c.disputedIn)
    lines.push(`  ← denied in ${l.denialId} by ${l.denier} (${linkReason(l.reason, l.score)})`);
  for (const l of c.disputes) lines.push(`  → disputes ${l.claimId} (${linkReason(l.reason, l.score)})`);
  return `${lines.join('\n')}\n`;
}

function linkReason(reason: string, score: number): string {
  if (reason === 'text') return `same proposition, word overlap ${score}`;
  if (reason === 'near-duplicate') return 'near-duplicate documents';
  return `same dyad, ${score} days apart`;
}
