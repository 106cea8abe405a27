/**
 * `npm run bench`: runs every speed benchmark in turn, each in its own process so that one
 * benchmark's warm caches do not flatter the next. Figures are printed and written to
 * bench/results/*.json; nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './shared.js';

const benches = [
  'html-clean.ts',
  'seed-clean.ts',
  'ingest.ts',
  'actors.ts',
  'dates.ts',
  'pipeline.ts',
  'pg-ingest.ts',
  'queue.ts',
  'export.ts',
  'api-speed.ts',
  'load.ts',
];
const only = process.argv.slice(2);
let failed = 0;
for (const b of benches) {
  if (only.length && !only.some((o) => b.startsWith(o))) continue;
  const file = path.join(repoRoot, 'bench', b);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench/${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', cwd: repoRoot });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
