import type { Command } from 'commander';
import { claimsBoard, type BoardItem } from '../analysis/claims-board.js';
import { maybeActorId } from './event-filter.js';
import type { ClaimRow } from '../store/store.js';
import type { Io } from './io.js';
import { pageOrThrow, withListOptions, writeList, type ListFlags } from './list-command.js';
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
    .description(
      'list stored claims and the denials that dispute them, across documents (--board: by proposition)',
    )
    .option(
      '--actor <id>',
      'claims an actor makes or is the subject of (--board: asserts, denies or is the subject of)',
    )
    .option('--board', 'each proposition once: who asserts and denies it, sources, contradictions first');
  withListOptions(cmd, { noun: 'claim' }).action(
    async (flags: ListFlags & { actor?: string; board?: boolean }) => {
      const actor = flags.actor === undefined ? undefined : maybeActorId(flags.actor);
      const page = pageOrThrow(flags);
      if (flags.board) {
        const { items, total } = await withStore(flags.db, io, (store) =>
          claimsBoard(store, { actor, limit: page.limit }),
        );
        writeList(io, items, flags.json, { text: boardText, total, noun: 'proposition' });
        return;
      }
      const { items, total } = await withStore(flags.db, io, (store) => store.claims({ actor, ...page }));
      writeList(io, items, flags.json, { text: claimText, total, noun: 'claim' });
    },
  );
}

/**
 * A proposition of the claims board as a few lines: first seen, sources, who asserts and denies,
 * and why it is a contradiction.
 *
 * @example boardText(item) // '! 2023-01-27  IRN about AZE (statement): …  [1 source]\n  asserted by IRN; denied by AZE\n  - denied by AZE in …\n'
 */
export function boardText(i: BoardItem): string {
  const lines = [
    `${i.contradiction ? '!' : ' '} ${i.firstSeen ?? '-'}  ${i.claimant} about ${i.about ?? '-'} (${i.kind ?? 'claim'}): ${i.proposition}  [${i.sources} source${i.sources === 1 ? '' : 's'}]`,
    `  asserted by ${i.assertedBy.join(', ')}${i.deniedBy.length ? `; denied by ${i.deniedBy.join(', ')}` : ''}`,
  ];
  for (const r of i.reasons) lines.push(`  - ${r}`);
  return `${lines.join('\n')}\n`;
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
