import type { Command } from 'commander';
import { toContract } from '../model/contract.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline show ID [--json]`: one stored document (an id prefix is enough).
 *
 * @example registerShow(program, io)
 */
export function registerShow(program: Command, io: Io): void {
  const cmd = program
    .command('show')
    .description('show one stored document and what was found in it')
    .argument('<id>', 'document id, or its first characters')
    .option('--json', 'the document as the extract contract, plus its store fields');
  withDbOption(cmd).action(async (id: string, flags: { json?: boolean; db?: string }) => {
    const stored = await withStore(flags.db, io, (store) => store.getDocument(id));
    if (!stored) throw new CliError(`no document with id ${id}; list ids with faultline docs`);
    const { doc } = stored;
    if (flags.json) {
      const { id: docId, contentHash, ingestedAt, nearDuplicateOf, similarity } = stored;
      io.stdout.write(
        `${JSON.stringify({ id: docId, contentHash, ingestedAt, nearDuplicateOf, similarity, ...toContract(doc) })}\n`,
      );
      return;
    }
    const out: string[] = [
      `${stored.id}  ${doc.title ?? '(no title)'}`,
      `  input: ${stored.input}${stored.url ? `  url: ${stored.url}` : ''}`,
      `  outlet: ${doc.outlet ?? '-'}  published: ${doc.published ?? '-'}  author: ${doc.author ?? '-'}`,
    ];
    if (stored.nearDuplicateOf)
      out.push(`  near-duplicate of ${stored.nearDuplicateOf} (similarity ${stored.similarity})`);
    for (const w of stored.warnings) out.push(`  warning: ${w}`);
    out.push('', indent(doc.body.length > 1200 ? `${doc.body.slice(0, 1200)}…` : doc.body), '');
    out.push(`actors (${doc.actors.length}):`);
    for (const a of doc.actors) out.push(`  ${a.id}  ${a.name}  ${a.kind}  ×${a.mentions.length}`);
    out.push(`events (${doc.events.length}):`);
    for (const e of doc.events) {
      out.push(`  ${e.source} → ${e.target}  ${e.code}  ${e.date ?? '-'}  ${e.modality}  [${e.rule}]`);
      out.push(`    "${e.quote}"`);
    }
    out.push(`claims (${doc.claims.length}):`);
    for (const c of doc.claims) out.push(`  ${c.claimant} about ${c.about ?? '-'}: ${c.text}`);
    out.push(`relations (${doc.relations.length}):`);
    for (const r of doc.relations)
      out.push(`  ${r.a} – ${r.b}  ${r.type}${r.since ? ` since ${r.since}` : ''}`);
    io.stdout.write(`${out.join('\n')}\n`);
  });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
