import type { Command } from 'commander';
import type { ClaimRow } from '../store/store.js';
import type { Io } from './io.js';
import { registerActorList } from './list-command.js';

/**
 * Registers `faultline claims [--actor ID] [--json]`: stored claims, with the denials (from any
 * document) that dispute them and why they were linked.
 *
 * @example registerClaims(program, io)
 */
export function registerClaims(program: Command, io: Io): void {
  registerActorList(program, io, {
    name: 'claims',
    description: 'list stored claims and the denials that dispute them, across documents',
    actorHelp: 'claims an actor makes or is the subject of',
    noun: 'claim',
    list: (store, filter) => store.claims(filter),
    text: claimText,
  });
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
