/**
 * Distributed ingest throughput: the demo corpus (`examples/`, repeated with a varied sentence
 * so every copy is its own document) queued on pg-boss and drained by 1 worker process, then by
 * 2, in one run, interleaved over rounds (the machine is shared; best round kept, all printed).
 * Each mode gets a fresh database. Workers are started first and jobs released only once every
 * worker is ready, so process start-up is not timed; the window is the database's own clock,
 * from release to the last job's completion (polled over one connection, so the polling adds
 * no backend start-ups to the server's CPU). CPU of the workers and of the PostgreSQL server
 * (postmaster and children, found while a backend of ours runs) is read from /proc for the
 * per-article cost, with each round's load average and CPU steal (time the host gave to other
 * guests: rounds with steal are not comparable); database size per article comes from
 * pg_total_relation_size. Writes bench/results/queue.json (queue-cN.json with --concurrency N);
 * never asserts on time.
 *
 *   npx tsx bench/queue.ts [--copies 20] [--rounds 2] [--concurrency 1]
 *   DATABASE_URL=postgres://… npx tsx bench/queue.ts   # an existing server (else a throwaway one)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import pg from 'pg';
import { ingestOptions } from '../src/ingest/index.js';
import { openBoss } from '../src/queue/boss.js';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { openStore } from '../src/store/open.js';
import { startTestPostgres } from '../test/pg-server.js';
import { machine, numberArg, repoRoot, resultsDir } from './shared.js';

const COPIES = numberArg('--copies', 20);
const ROUNDS = numberArg('--rounds', 2);
/** Jobs in flight per worker process (`faultline worker --concurrency`). */
const CONCURRENCY = numberArg('--concurrency', 1);
const MODES = [1, 2] as const;
const TICK = 100; // clock ticks per second in /proc/*/stat (USER_HZ on Linux)

/** Writes every example `COPIES` times, each copy with one sentence of its own. */
function writeCorpus(dir: string): number {
  let n = 0;
  const files = ['text', 'html'].flatMap((sub) =>
    readdirSync(join(repoRoot, 'examples', sub)).map((f) => join(repoRoot, 'examples', sub, f)),
  );
  for (let copy = 0; copy < COPIES; copy++) {
    const out = join(dir, `copy-${String(copy).padStart(2, '0')}`);
    mkdirSync(out, { recursive: true });
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const note = ` Edition ${copy + 1} of this report was filed from desk ${(copy * 7) % 13}.`;
      // Into the longest run of text (HTML: between tags; text: a line), surely the article
      // body, which is what the content hash covers.
      const html = extname(file) === '.html';
      const runs = html ? [...text.matchAll(/>\s*[A-Z][^<>{}]{60,}</g)] : [...text.matchAll(/^.{60,}$/gm)];
      const longest = runs.sort((a, b) => b[0].length - a[0].length)[0];
      const at = longest ? longest.index! + longest[0].length - (html ? 1 : 0) : text.length;
      const varied = text.slice(0, at) + note + text.slice(at);
      writeFileSync(join(out, file.split('/').pop()!), varied);
      n++;
    }
  }
  return n;
}

/**
 * The machine's CPU time so far, in clock ticks, all cores: in total and stolen (field 8 of
 * /proc/stat's `cpu` line: time this virtual machine was ready to run but its host ran another).
 * Null where /proc/stat is missing.
 */
function machineTicks(): { total: number; steal: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: f.reduce((a, x) => a + x, 0), steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

/** utime + stime of a process, in seconds; null once it is gone. */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return null;
  }
}

/** CPU seconds of a PostgreSQL server: the postmaster, its live children, and reaped ones. */
function serverCpu(postmaster: number | null): number | null {
  if (!postmaster) return null;
  try {
    const own = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
    const f = own.slice(own.lastIndexOf(')') + 2).split(' ');
    let total = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const s = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const g = s.slice(s.lastIndexOf(')') + 2).split(' ');
        if (Number(g[1]) === postmaster) total += (Number(g[11]) + Number(g[12])) / TICK;
      } catch {
        // gone meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function startWorker(url: string): {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'src/cli/main.ts'),
      'worker',
      '--poll',
      '0.2',
      '--concurrency',
      String(CONCURRENCY),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  const ready = new Promise<void>((res, rej) => {
    child.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('worker waiting for jobs')) res();
    });
    child.on('exit', () => rej(new Error(`worker exited early: ${err.trim()}`)));
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, ready, exited };
}

interface RoundResult {
  workers: number;
  articles: number;
  stored: number;
  seconds: number;
  articlesPerSecond: number;
  workerCpuSeconds: number;
  serverCpuSeconds: number | null;
  /** One-minute load average when the round started (the machine is shared). */
  load: number;
  /**
   * Share of the machine's CPU time its host took for other guests during the window (steal):
   * a round's figures are comparable only when it is near 0.
   */
  steal: number | null;
}

async function round(
  baseUrl: string,
  corpus: string,
  workers: number,
  postmaster: number | null,
): Promise<RoundResult & { bytes: Record<string, number> }> {
  const name = `faultline_qbench_${workers}_${Date.now().toString(36)}`;
  await query(baseUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
  const url = Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  try {
    // Schema first (store migrations, pg-boss tables), then the jobs, held back until release.
    await (await openStore(url)).close();
    const boss = await openBoss(url);
    const totals = await enqueueInputs(boss, [corpus], ingestOptions({ cwd: corpus }), {});
    await boss.getDb().executeSql(`UPDATE pgboss.job SET start_after = now() + interval '1 hour'`, []);
    const baseline = await query<{ bytes: string }>(
      url,
      `SELECT pg_database_size(current_database()) AS bytes`,
    );
    const procs = Array.from({ length: workers }, () => startWorker(url));
    await Promise.all(procs.map((p) => p.ready));
    const cpu0 = procs.map((p) => cpuOf(p.child.pid!) ?? 0);
    const server0 = serverCpu(postmaster);
    const load = Number(loadavg()[0].toFixed(2));
    const ticks0 = machineTicks();
    const [{ released }] = await query<{ released: Date }>(
      url,
      `UPDATE pgboss.job SET start_after = now() RETURNING now() AS released`,
    );
    let cpu1 = cpu0;
    // One connection for the polling: a new one every 100 ms would add a backend's start-up
    // to the server CPU charged to the articles.
    const poller = new pg.Client({ connectionString: url });
    await poller.connect();
    try {
      for (;;) {
        const { rows } = await poller.query<{ left: string }>(
          `SELECT count(*) AS left FROM pgboss.job WHERE state < 'completed'`,
        );
        cpu1 = procs.map((p, i) => cpuOf(p.child.pid!) ?? cpu1[i]);
        if (Number(rows[0]!.left) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await poller.end();
    }
    const server1 = serverCpu(postmaster);
    const ticks1 = machineTicks();
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await boss.stop({ graceful: false });
    const [{ last, stored }] = await query<{ last: Date; stored: string }>(
      url,
      `SELECT (SELECT max(completed_on) FROM pgboss.job) AS last, (SELECT count(*) FROM documents) AS stored`,
    );
    const seconds = (new Date(last).getTime() - new Date(released).getTime()) / 1000;
    const sizes = await query<{ table_name: string; bytes: string }>(
      url,
      `SELECT c.relname AS table_name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'pgboss')`,
    );
    const store = sizes.filter(
      (s) =>
        !s.table_name.startsWith('j') &&
        !['job', 'archive', 'queue', 'version', 'schedule', 'subscription'].includes(s.table_name),
    );
    const queueRows = sizes.filter((s) => s.table_name.startsWith('j') && s.table_name.length > 40);
    const [{ bytes: after }] = await query<{ bytes: string }>(
      url,
      `SELECT pg_database_size(current_database()) AS bytes`,
    );
    const sum = (xs: { bytes: string }[]) => xs.reduce((a, x) => a + Number(x.bytes), 0);
    return {
      workers,
      articles: totals.enqueued,
      stored: Number(stored),
      seconds,
      articlesPerSecond: totals.enqueued / seconds,
      workerCpuSeconds: cpu1.reduce((a, c, i) => a + c - cpu0[i], 0),
      serverCpuSeconds: server0 !== null && server1 !== null ? server1 - server0 : null,
      load,
      steal:
        ticks0 && ticks1 && ticks1.total > ticks0.total
          ? Number(((ticks1.steal - ticks0.steal) / (ticks1.total - ticks0.total)).toFixed(3))
          : null,
      bytes: {
        storeTables: sum(store),
        queueJobs: sum(queueRows),
        databaseGrowth: Number(after) - Number(baseline[0].bytes),
      },
    };
  } finally {
    await query(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
}

async function main() {
  const given =
    process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)
      ? process.env.DATABASE_URL
      : null;
  const server = given ? null : await startTestPostgres();
  const baseUrl = given ?? server?.url;
  if (!baseUrl) {
    console.log('skip queue bench: no DATABASE_URL and no postgresql binaries under /usr/lib/postgresql');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'faultline-qbench-'));
  try {
    const articles = writeCorpus(dir);
    // The backend's parent is the postmaster: read it while the backend still runs.
    const probe = new pg.Client({ connectionString: baseUrl });
    await probe.connect();
    let postmaster: number | null = null;
    try {
      const { rows } = await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const s = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
      postmaster = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      postmaster = null; // a remote server: no CPU figures for it
    } finally {
      await probe.end();
    }
    console.log(
      `${articles} articles (examples/ × ${COPIES}), ${ROUNDS} rounds, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const workers of MODES) {
        const res = await round(baseUrl, dir, workers, postmaster);
        rounds.push(res);
        console.log(
          `round ${r + 1}, ${workers} worker process${workers > 1 ? 'es' : ''}: ${res.articlesPerSecond.toFixed(1)} articles/s ` +
            `(${res.stored}/${res.articles} stored in ${res.seconds.toFixed(2)} s; worker cpu ${res.workerCpuSeconds.toFixed(2)} s, ` +
            `server cpu ${res.serverCpuSeconds?.toFixed(2) ?? '?'} s; load ${res.load}; ` +
            `steal ${res.steal === null ? '?' : `${(res.steal * 100).toFixed(1)}%`})`,
        );
        if (workers === 2) {
          const single = rounds.at(-2)!;
          console.log(
            `round ${r + 1} ratio ${(res.articlesPerSecond / single.articlesPerSecond).toFixed(2)}×`,
          );
        }
      }
    }
    const best = (w: number) =>
      rounds.filter((r) => r.workers === w).sort((a, b) => b.articlesPerSecond - a.articlesPerSecond)[0];
    const one = best(1);
    const two = best(2);
    const ratio = two.articlesPerSecond / one.articlesPerSecond;
    const perArticle = (r: (typeof rounds)[number]) => ({
      workerCpuMs: (r.workerCpuSeconds / r.articles) * 1000,
      serverCpuMs: r.serverCpuSeconds === null ? null : (r.serverCpuSeconds / r.articles) * 1000,
      storeBytes: r.bytes.storeTables / r.stored,
      queueBytes: r.bytes.queueJobs / r.articles,
      databaseBytes: r.bytes.databaseGrowth / r.articles,
    });
    console.log(
      `best: 1 worker ${one.articlesPerSecond.toFixed(1)}/s, 2 workers ${two.articlesPerSecond.toFixed(1)}/s, ratio ${ratio.toFixed(2)}×`,
    );
    const cost = perArticle(one);
    console.log(
      `per article (1 worker): worker cpu ${cost.workerCpuMs.toFixed(1)} ms, postgresql cpu ${cost.serverCpuMs?.toFixed(1) ?? '?'} ms, ` +
        `store ${(cost.storeBytes / 1024).toFixed(1)} KB, queue row ${(cost.queueBytes / 1024).toFixed(1)} KB`,
    );
    mkdirSync(resultsDir, { recursive: true });
    const result = {
      benchmark: 'queue',
      date: new Date().toISOString(),
      machine: machine(),
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      corpus: `examples/ × ${COPIES}, one varied sentence per copy`,
      concurrencyPerWorker: CONCURRENCY,
      articles,
      rounds: rounds.map((r) => ({ ...r, articlesPerSecond: Number(r.articlesPerSecond.toFixed(2)) })),
      best: { oneWorker: one.articlesPerSecond, twoWorkers: two.articlesPerSecond, ratio },
      perArticle: { oneWorker: perArticle(one), twoWorkers: perArticle(two) },
      note:
        `worker processes run \`faultline worker\` (concurrency ${CONCURRENCY}, poll 0.2 s) against a local PostgreSQL 15 (fsync off when throwaway); ` +
        'window = job release to last completion by the database clock; cpu from /proc (utime+stime), postgresql = postmaster and its children; ' +
        'the 2-core machine is shared with other work, so figures move with its load',
    };
    // The goal's figure (one job at a time per process) is queue.json; other concurrencies beside it.
    const file = CONCURRENCY === 1 ? 'queue.json' : `queue-c${CONCURRENCY}.json`;
    writeFileSync(join(resultsDir, file), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote bench/results/${file}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  }
}

await main();
