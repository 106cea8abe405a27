import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEB_ROOT } from '../api/app.js';
import { ingestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { documentLine } from './docs.js';
import { ingestInto, type IngestTotals } from './ingest.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { startServer } from './serve.js';
import { withStore } from './with-store.js';

/** The demo corpus, two folders up from src/cli and dist/cli alike. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

interface DemoFlags {
  db?: string;
  examples: string;
  serve: boolean;
  port: string;
}

/**
 * Registers `faultline demo`, what `npm start` runs: ingest the examples, then serve the
 * dashboard over them until ctrl-c (`--no-serve` stops after ingesting).
 *
 * @example registerDemo(program, io, status)
 */
export function registerDemo(program: Command, io: Io, status: { exitCode: number }): void {
  withDbOption(
    program
      .command('demo')
      .description('ingest the bundled examples/, print what was stored, then serve the dashboard')
      .option('--examples <dir>', 'corpus folder', EXAMPLES_DIR)
      .option('--no-serve', 'stop after ingesting')
      .option('--port <n>', 'port of the dashboard (0: any free port)', '8787'),
  ).action(async (flags: DemoFlags) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new CliError(`--port must be a whole number 0–65535 (got "${flags.port}")`);
    }
    await withStore(flags.db, io, async (store) => {
      const totals = await runDemo(store, flags.examples, io);
      if (totals.failed) status.exitCode = 1;
      if (flags.serve) await serveDemo(store, port, io);
    });
  });
}

/** Serves the API and dashboard over the demo store on loopback until SIGINT or SIGTERM. */
async function serveDemo(store: Store, port: number, io: Io): Promise<void> {
  const server = await startServer(store, {
    port,
    host: '127.0.0.1',
    webRoot: DEFAULT_WEB_ROOT,
    log: (line) => io.stderr.write(`${line}\n`),
  });
  const built = existsSync(join(DEFAULT_WEB_ROOT, 'index.html'));
  io.stdout.write(
    built
      ? `\ndashboard: ${server.url}/ (ctrl-c stops it)\n`
      : `\napi: ${server.url}/api/health — the dashboard is not built: run npm run build:web (ctrl-c stops the server)\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stdout.write('faultline: shutting down\n');
  await server.close();
}

/**
 * Ingests the corpus (recursively; already stored documents are no-ops) and prints every
 * stored document with its counts, then totals. Serving is left to the command, so tests and
 * callers can ingest the demo corpus alone.
 *
 * @example await runDemo(store, EXAMPLES_DIR, io)
 */
export async function runDemo(store: Store, dir: string, io: Io): Promise<IngestTotals> {
  // Inputs are named as the user would type them: relative when the corpus is below the cwd.
  const rel = relative(io.cwd, dir);
  const input = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
  io.stdout.write(`ingesting ${input}\n`);
  const totals = await ingestInto(
    store,
    [input],
    ingestOptions({ stdin: io.stdin, cwd: io.cwd }),
    {},
    io,
    {},
  );
  const { items, total } = await store.listDocuments({ limit: 1000 });
  io.stdout.write(`\nstored documents (${total}):\n`);
  for (const d of items) io.stdout.write(`  ${documentLine(d)}\n`);
  const c = await store.counts();
  io.stdout.write(
    `\n${c.documents} documents, ${c.actors} actors, ${c.mentions} mentions, ${c.events} events, ${c.claims} claims, ${c.relations} relations\n`,
  );
  return totals;
}
