import { Command, CommanderError } from 'commander';
import { pathToFileURL } from 'node:url';
import { packageVersion } from '../ingest/user-agent.js';
import { registerActors } from './actors.js';
import { registerAlerts } from './alerts.js';
import { registerClaims } from './claims.js';
import { registerDemo } from './demo.js';
import { registerDocs } from './docs.js';
import { registerEnqueue } from './enqueue.js';
import { registerEvents } from './events.js';
import { registerExplain } from './explain.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerGraph } from './graph.js';
import { registerIngest } from './ingest.js';
import { registerJobs } from './jobs.js';
import { CliError, processIo, type Io } from './io.js';
import { withDatabaseUrlOption } from './options.js';
import { registerRelations } from './relations.js';
import { registerReport } from './report.js';
import { registerSearch } from './search.js';
import { registerSeries } from './series.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerWorker } from './worker.js';
import { StoreError } from '../store/store.js';

/**
 * Builds the command tree; every command gets `--help`.
 *
 * @example buildProgram(processIo(), { exitCode: 0 }).parseAsync(process.argv)
 */
export function buildProgram(io: Io, status: { exitCode: number }): Command {
  const program = new Command('faultline')
    .description('reads geopolitical news articles and rebuilds actors, events, claims and relations')
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  withDatabaseUrlOption(program);
  registerIngest(program, io, status);
  registerExtract(program, io, status);
  registerSearch(program, io);
  registerDocs(program, io);
  registerShow(program, io);
  registerActors(program, io);
  registerEvents(program, io);
  registerExplain(program, io);
  registerClaims(program, io);
  registerRelations(program, io);
  registerGraph(program, io);
  registerSeries(program, io);
  registerAlerts(program, io);
  registerReport(program, io);
  registerExport(program, io);
  registerDemo(program, io, status);
  registerServe(program, io);
  registerEnqueue(program, io, status);
  registerWorker(program, io, status);
  registerJobs(program, io);
  return program;
}

/**
 * Runs the CLI and resolves to its exit code (never calls process.exit, so tests can run it
 * in-process). `argv` is process.argv-shaped: node, script, then the arguments.
 *
 * @example process.exitCode = await main(process.argv)
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const status = { exitCode: 0 };
  const program = buildProgram(io, status);
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return status.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError || err instanceof StoreError) {
      io.stderr.write(`faultline: ${err.message}\n`);
      return err instanceof CliError ? err.exitCode : 1;
    }
    const e = err as Error;
    io.stderr.write(`faultline: ${e.message?.split('\n')[0] ?? String(err)}\n`);
    if (io.env.FAULTLINE_DEBUG) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

/** Run directly (`node --import tsx src/cli/main.ts …`): behave like the bin. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
