import { existsSync } from 'node:fs';
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
