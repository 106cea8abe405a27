import { serve, type ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp, DEFAULT_RATE_LIMIT, DEFAULT_WEB_ROOT } from '../api/app.js';
import type { Store } from '../store/store.js';
import { CliError, type Io } from './io.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
  readOnly?: boolean;
  cors?: string;
  rateLimit: string;
  cacheTtl: string;
  web?: string;
}

/** A running server: its URL and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (at most `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Registers `faultline serve`: the HTTP API and the dashboard, until SIGINT or SIGTERM.
 *
 * @example registerServe(program, io)
 */
export function registerServe(program: Command, io: Io): void {
  withDbOption(
    program
      .command('serve')
      .description('serve the http api and the dashboard (stops on ctrl-c)')
      .configureHelp({ showGlobalOptions: true })
      .option('--port <n>', 'port to listen on (0: any free port)', '8787')
      .option(
        '--host <address>',
        'address to listen on; 0.0.0.0 exposes the server to the network',
        '127.0.0.1',
      )
      .option('--token <token>', 'bearer token writes need (default: $FAULTLINE_TOKEN; none: writes refused)')
      .option('--read-only', 'refuse every write')
      .option('--cors <origin>', 'let this origin call the api from a browser, e.g. http://localhost:5173')
      .option(
        '--rate-limit <n>',
        'requests a second per client, bursts of 3x (0: no limit)',
        String(DEFAULT_RATE_LIMIT.perSecond),
      )
      .option('--cache-ttl <seconds>', 'keep answers to repeated reads this long (0: never)', '1')
      .option('--web <dir>', 'the built dashboard (default: dist/web)'),
  ).action(async (flags: ServeFlags) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new CliError(`--port must be a whole number 0–65535 (got "${flags.port}")`);
    }
    const rate = Number(flags.rateLimit);
    if (!Number.isFinite(rate) || rate < 0) {
      throw new CliError(
        `--rate-limit must be a number of requests a second, 0 for none (got "${flags.rateLimit}")`,
      );
    }
    const ttl = Number(flags.cacheTtl);
    if (!Number.isFinite(ttl) || ttl < 0) {
      throw new CliError(`--cache-ttl must be a number of seconds, 0 for none (got "${flags.cacheTtl}")`);
    }
    if (flags.cors !== undefined && !/^https?:\/\/[^/\s]+$/i.test(flags.cors)) {
      throw new CliError(
        `--cors must be an origin such as http://localhost:5173, with no path (got "${flags.cors}")`,
      );
    }
    const token = flags.token ?? (io.env.FAULTLINE_TOKEN || undefined);
    const webRoot = flags.web ? resolve(io.cwd, flags.web) : DEFAULT_WEB_ROOT;
    await withStore(flags.db, io, async (store) => {
      const server = await startServer(store, {
        port,
        host: flags.host,
        token,
        readOnly: !!flags.readOnly,
        cors: flags.cors,
        rateLimit: rate > 0 ? { perSecond: rate, burst: Math.max(1, Math.ceil(rate * 3)) } : false,
        webRoot,
        cacheTtlMs: ttl * 1000,
        log: (line) => io.stderr.write(`${line}\n`),
      });
      const writes = flags.readOnly
        ? 'read-only'
        : token
          ? 'writes need the bearer token'
          : 'writes disabled (no --token)';
      const web = existsSync(join(webRoot, 'index.html'))
        ? 'dashboard'
        : 'dashboard not built: npm run build:web';
      io.stdout.write(`faultline serving ${server.url} (${web}; ${writes})\n`);
      await untilSignal();
      io.stdout.write('faultline: shutting down\n');
      await server.close();
    });
  });
}

/**
 * Listens on `host:port` with the API app over `store`; resolves once listening.
 *
 * @example const s = await startServer(store, { port: 0, host: '127.0.0.1' }); … await s.close()
 */
export async function startServer(
  store: Store,
  opts: { port: number; host: string } & Omit<Parameters<typeof createApp>[0], 'store'>,
): Promise<RunningServer> {
  const { port, host, ...appOpts } = opts;
  const app = createApp({ store, ...appOpts });
  let server!: ServerType;
  const info = await new Promise<{ port: number }>((ok, fail) => {
    server = serve({ fetch: app.fetch, port, hostname: host }, (i) => ok(i));
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        new CliError(
          err.code === 'EADDRINUSE'
            ? `cannot listen on ${host}:${port}: the port is in use; pass --port with a free one`
            : `cannot listen on ${host}:${port}: ${err.message.toLowerCase()}`,
        ),
      ),
    );
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${info.port}`,
    port: info.port,
    close: (graceMs = 5000) =>
      new Promise<void>((done) => {
        const http = server as import('node:http').Server;
        // Idle keep-alive sockets would hold close() open; busy ones get `graceMs` to finish.
        const force = setTimeout(() => http.closeAllConnections?.(), graceMs);
        force.unref();
        http.close(() => {
          clearTimeout(force);
          done();
        });
        http.closeIdleConnections?.();
      }),
  };
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const on = (sig: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
