/**
 * Load on the HTTP server: `npx tsx bench/load.ts [--connections 200] [--duration 30] [--cache-ttl 1]`.
 * Builds the demo store (examples/) in a temporary file with `faultline demo`, starts
 * `faultline serve` on it (loopback, a free port, rate limit off) in its own process, and runs
 * autocannon from this process against a mix of endpoints: event pages (plain, dyad, quad and
 * date filters, sorted), dyad series (month, week), a point explanation, documents (list and
 * one), search, top dyads and the graph. Bounded in time; loopback only. Prints requests/s,
 * p50/p99 latency, errors and non-2xx answers, and latency and timeouts per endpoint (autocannon
 * clients take the endpoints in turn; each client's response and timeout events are read with
 * the endpoint it was on); writes bench/results/load.json (load-uncached.json with
 * `--cache-ttl 0`). Asserts nothing.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numberArg, repoRoot, resultsDir } from './shared.js';

const connections = numberArg('--connections', 200);
const duration = numberArg('--duration', 30);
// The server's GET cache (seconds); `--cache-ttl 0` measures every request down to the store.
const cacheTtl = numberArg('--cache-ttl', 1);

const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-load-'));
const db = path.join(dir, 'demo.db');
const cli = ['--import', 'tsx', path.join(repoRoot, 'src', 'cli', 'main.ts')];

const demo = spawnSync(process.execPath, [...cli, 'demo', '--no-serve', '--db', db], {
  cwd: repoRoot,
  encoding: 'utf8',
});
if (demo.status !== 0) throw new Error(`faultline demo failed: ${demo.stderr}`);
console.log(demo.stdout.trim().split('\n').at(-1));

const server = spawn(
  process.execPath,
  [
    ...cli,
    'serve',
    '--db',
    db,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--rate-limit',
    '0',
    '--cache-ttl',
    String(cacheTtl),
  ],
  {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const stopped = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
const url = await new Promise<string>((done, fail) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d;
    const m = /faultline serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) done(m[1]!);
  });
  server.on('exit', () => fail(new Error(`faultline serve exited: ${out}`)));
});
console.log(`server ${url}`);

// Real ids and a busy dyad for the mix, read through the API itself (setup, not measured).
const json = async (p: string) => {
  const res = await fetch(`${url}${p}`);
  if (!res.ok) throw new Error(`GET ${p}: ${res.status}`);
  return res.json() as Promise<Record<string, unknown>>;
};
const docs = (await json('/api/documents?limit=5')).items as { id: string }[];
const top = ((await json('/api/dyads?from=2020&to=2025-12&limit=1')).items as { a: string; b: string }[])[0]!;
const series = (await json(`/api/dyads/${top.a}/${top.b}/series?interval=month`)).points as {
  period: string;
  events: number;
}[];
const busy = series.find((p) => p.events > 0)!.period;
const event = ((await json('/api/events?limit=1')).items as { id: string }[])[0]!.id;

const paths = [
  '/api/events?limit=50',
  `/api/events?dyad=${top.a}-${top.b}&limit=50`,
  '/api/events?quad=4&from=2023&to=2024-12&sort=-goldstein&limit=50',
  `/api/events/${event}`,
  `/api/dyads/${top.a}/${top.b}/series?interval=month`,
  `/api/dyads/${top.a}/${top.b}/series?interval=week&from=2023&to=2024`,
  `/api/dyads/${top.a}/${top.b}/series/${busy}`,
  '/api/documents?limit=20',
  `/api/documents/${docs[0]!.id}`,
  '/api/search?q=embassy',
  '/api/dyads?from=2020&to=2025-12',
  '/api/graph',
];

/** Latencies (ms) and timeouts per endpoint, in the order of `paths`. */
const perPath = paths.map(() => ({ latencies: [] as number[], timeouts: 0 }));
/** The slice of autocannon's client this benchmark reads (not in its type definitions). */
interface ClientEvents {
  on(event: 'response', fn: (status: number, bytes: number, ms: number) => void): void;
  on(event: 'timeout', fn: () => void): void;
  requestIterator: { currentRequestIndex: number };
}
const loadBefore = os.loadavg();

console.log(
  `autocannon: ${connections} connections, ${duration} s, ${paths.length} endpoints in turn, server cache ${cacheTtl} s`,
);
const result = await autocannon({
  url,
  connections,
  duration,
  requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  // Without pipelining a client's current request is the one answered (or timed out).
  setupClient: (c) => {
    const client = c as unknown as ClientEvents;
    client.on('response', (_s, _b, ms) =>
      perPath[client.requestIterator.currentRequestIndex]?.latencies.push(ms),
    );
    client.on('timeout', () => perPath[client.requestIterator.currentRequestIndex]!.timeouts++);
  },
});
const loadAfter = os.loadavg();

server.kill('SIGTERM');
const exitCode = await stopped;
rmSync(dir, { recursive: true, force: true });

const figures = {
  requestsPerSecond: Math.round(result.requests.average),
  requests: result.requests.total,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  throughputMBps: Math.round((result.throughput.average / 2 ** 20) * 10) / 10,
  perEndpoint: paths.map((p, i) => {
    const ms = perPath[i]!.latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!) : null;
    return {
      path: p,
      responses: ms.length,
      p50: at(0.5),
      p99: at(0.99),
      max: at(1),
      timeouts: perPath[i]!.timeouts,
    };
  }),
};
console.log(
  `${figures.requestsPerSecond} requests/s (${figures.requests} in ${duration} s), latency p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms`,
);
console.log(
  `errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non2xx}; server exit code ${exitCode}`,
);
for (const e of figures.perEndpoint) {
  console.log(
    `  ${String(e.responses).padStart(6)} answers, p50 ${String(e.p50).padStart(5)} ms, p99 ${String(e.p99).padStart(5)} ms, max ${String(e.max).padStart(5)} ms, ${e.timeouts} timeouts  ${e.path}`,
  );
}
const round1 = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
console.log(
  `load average (1, 5, 15 min): before ${round1(loadBefore).join(' ')}, after ${round1(loadAfter).join(' ')}`,
);

mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, cacheTtl > 0 ? 'load.json' : 'load-uncached.json');
writeFileSync(
  out,
  `${JSON.stringify(
    {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      date: new Date().toISOString().slice(0, 10),
      loadAverage: round1(loadAfter),
      loadAverageBefore: round1(loadBefore),
      store: 'demo corpus (examples/), sqlite',
      connections,
      durationSeconds: duration,
      cacheTtlSeconds: cacheTtl,
      endpoints: paths,
      goal: 'zero errors and zero non-2xx',
      ...figures,
      serverExitCode: exitCode,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
