import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fillerText } from '../store/make-doc.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const STATES = ['Azerbaijan', 'Iran', 'Armenia', 'Turkey', 'Russia', 'Georgia'];
const VERBS = [
  'accused',
  'met envoys of',
  'signed an agreement with',
  'condemned',
  'summoned the ambassador of',
];

/**
 * Writes `n` distinct news-like text files (`doc-000.txt` …) into `dir`: a title, a dated
 * lead naming two states, and filler, so the pipeline has actors and events to find.
 */
export function writeCorpus(dir: string, n: number, sentences = 12): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = STATES[i % STATES.length];
    const b = STATES[(i + 1 + (i % 4)) % STATES.length];
    const verb = VERBS[i % VERBS.length];
    const name = `doc-${String(i).padStart(3, '0')}.txt`;
    writeFileSync(
      join(dir, name),
      `${a} and ${b}, report ${i}\n\nBaku, 4 March 2024 — ${a} ${verb} ${b} on Monday, officials said. ${fillerText(7000 + i, sentences)}\n`,
    );
    names.push(name);
  }
  return names;
}

/** A `faultline worker` child process (through tsx, as in the checkout), its output gathered. */
export interface WorkerChild {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnWorker(url: string, args: string[]): WorkerChild {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'worker', '--json', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((res) => child.on('exit', (code, signal) => setImmediate(() => res({ code, signal, stdout, stderr }))));
  return { child, exited };
}

/** The JSON lines of a worker's `--json` output: one per job, then `{ summary }`. */
export function jobLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** One number from SQL on the test database (0 while the table does not exist yet). */
export async function sqlCount(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string | null }>(`SELECT (${sql}) AS n`);
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
