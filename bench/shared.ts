import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The shared benchmark folder (`../shared` beside the checkout, or `FAULTLINE_SHARED`),
 * or null when it is absent — as in a user's fresh clone.
 */
export function sharedDir(): string | null {
  const dir = process.env.FAULTLINE_SHARED ?? path.resolve(repoRoot, '..', 'shared');
  return existsSync(path.join(dir, 'bench')) ? dir : null;
}

/** Prints why a benchmark is skipped and returns null, so scripts can `?? return`. */
export function sharedOrSkip(what: string): string | null {
  const dir = sharedDir();
  if (!dir) console.log(`skip ${what}: ../shared (benchmarks and seeds) is not beside this checkout`);
  return dir;
}

/** Where benchmark results go; `*.local.json` files there are git-ignored. */
export const resultsDir = path.join(repoRoot, 'bench', 'results');

/**
 * The value after `name` on the command line, or undefined when the flag is absent.
 *
 * @example
 * const out = arg('--out') ?? 'store.db';
 */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/**
 * The number after `name` on the command line, or `fallback` when the flag is absent.
 *
 * @example
 * const rounds = numberArg('--rounds', 3);
 */
export function numberArg(name: string, fallback: number): number {
  const value = arg(name);
  return value === undefined ? fallback : Number(value);
}

/**
 * The machine a benchmark ran on, as recorded in bench/results/*.json.
 *
 * @example
 * writeFileSync(out, JSON.stringify({ benchmark: 'export', machine: machine() }));
 */
export function machine(): { cpu: string; cores: number; node: string; platform: string } {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: process.platform,
  };
}

/**
 * A seeded generator of numbers in [0, 1) (mulberry32: small and fast), so every run of a
 * benchmark builds the same data.
 *
 * @example
 * const next = rng(42);
 * const pick = STATES[Math.floor(next() * STATES.length)];
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
