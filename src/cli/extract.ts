import type { Command } from 'commander';
import { toContract } from '../model/contract.js';
import { eachDocument } from './each-document.js';
import type { Io } from './io.js';
import { toIngestOptions, toStageContext, withInputOptions, type InputFlags } from './options.js';

interface ExtractFlags extends InputFlags {
  json?: boolean;
}

/**
 * Registers `faultline extract INPUT... [--json]`: the contract's JSONL on stdout (one object per
 * document), or a short human summary. Nothing is stored.
 *
 * @example registerExtract(program, io, status)
 */
export function registerExtract(program: Command, io: Io, status: { exitCode: number }): void {
  const cmd = program
    .command('extract')
    .description('run the pipeline on inputs and print what it found (nothing is stored)')
    .argument('<input...>', 'files, folders, globs, http(s) urls or - for stdin')
    .option('--json', 'one json object per document (see CONTRACT.md)');
  withInputOptions(cmd).action(async (inputs: string[], flags: ExtractFlags) => {
    const opts = toIngestOptions(flags, io);
    const ctx = toStageContext(flags, io);
    const totals = await eachDocument(inputs, opts, ctx, io, {
      onDocument(doc) {
        if (flags.json) {
          io.stdout.write(`${JSON.stringify(toContract(doc))}\n`);
          return;
        }
        const head = [doc.title ?? '(no title)', doc.outlet, doc.published].filter(Boolean).join(' | ');
        io.stdout.write(`${doc.input}\n  ${head}\n`);
        io.stdout.write(
          `  ${doc.body.length} characters, ${doc.actors.length} actors, ${doc.events.length} events, ${doc.claims.length} claims, ${doc.relations.length} relations\n`,
        );
        for (const w of doc.warnings) io.stdout.write(`  warning: ${w}\n`);
      },
    });
    if (!flags.json) io.stdout.write(`${totals.documents} documents, ${totals.failed} failed\n`);
    if (totals.failed) status.exitCode = 1;
  });
}
