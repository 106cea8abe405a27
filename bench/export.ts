/**
 * Export throughput: rows per second of every `faultline export` format on a synthetic store —
 * the demo corpus (examples/) run through the pipeline once, then its documents saved again
 * as copies (each body marked so none is a duplicate) until the store holds `--copies` times
 * the demo's events (letters scrambled and dates moved back a year per copy, so copies are
 * distinct happenings, not one group of many reports). Each format is exported to a file in a temp folder, as the CLI does
 * (paged reads, temporary file renamed at the end). Reports CPU time (best of `--rounds`;
 * the machine is shared), wall time, file size and the largest RSS seen, which stays flat
 * as the store grows because exports stream page by page. Prints figures and writes
 * bench/results/export.json. Never asserts on time.
 *
 *   npx tsx bench/export.ts [--copies 40] [--rounds 2]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../src/cli/demo.js';
import { EXPORT_FORMATS } from '../src/export/formats.js';
import { runExport } from '../src/export/run-export.js';
import { expandInputs, ingestOptions, readSource } from '../src/ingest/index.js';
import type { Doc } from '../src/model/types.js';
import { processArticle } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { machine, numberArg } from './shared.js';

const COPIES = numberArg('--copies', 40);
const ROUNDS = numberArg('--rounds', 2);

/** The text with each letter replaced by a letter drawn from a generator seeded by `seed`. */
function scramble(text: string, seed: number): string {
  let a = (seed + 1) * 0x9e3779b1;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % 26;
  };
  return text.replace(/[a-z]/gi, (ch) => String.fromCharCode((ch <= 'Z' ? 65 : 97) + next()));
}

/** A partial date `years` earlier (29 February becomes the 28th). */
function earlier(date: string | null, years: number): string | null {
  if (!date) return date;
  return `${Number(date.slice(0, 4)) - years}${date.slice(4).replace('-02-29', '-02-28')}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-export-'));
  try {
    const docs: Doc[] = [];
    const opts = ingestOptions({ cwd: EXAMPLES_DIR });
    for (const source of await expandInputs([EXAMPLES_DIR], EXAMPLES_DIR)) {
      for (const item of await readSource(source, opts)) if (item.ok) docs.push(processArticle(item.article));
    }
    const store = await openSqliteStore(join(dir, 'bench.db'), {
      now: () => new Date('2025-02-01T12:00:00Z'),
    });
    const t0 = Date.now();
    for (let c = 0; c < COPIES; c++) {
      for (const d of docs) {
        // Letters scrambled per copy (same length, so every offset holds) and dates moved back
        // c + 1 years: copies are distinct happenings, not one group of many reports.
        const body = scramble(d.body, c);
        await store.saveDocument({
          ...d,
          input: `${d.input}#copy-${c}`,
          title: d.title && scramble(d.title, c),
          body,
          published: earlier(d.published, c + 1),
          events: d.events.map((e) => ({
            ...e,
            quote: body.slice(e.start, e.end),
            date: earlier(e.date, c + 1),
          })),
        });
      }
    }
    const { events, documents } = await store.counts();
    console.log(
      `store: ${documents} documents, ${events} events (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );

    const results: Record<
      string,
      { rowsPerCpuSecond: number; rowsPerWallSecond: number; rows: number; bytes: number; peakRssMb: number }
    > = {};
    for (const format of EXPORT_FORMATS.keys()) {
      let bestCpu = Infinity;
      let bestWall = Infinity;
      let rows = 0;
      let bytes = 0;
      let peak = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const out = join(dir, `out.${format}`);
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const cpu0 = process.cpuUsage();
        const wall0 = performance.now();
        rows = await runExport(store, { format, out });
        const wall = (performance.now() - wall0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
        bestWall = Math.min(bestWall, wall);
        bytes = statSync(out).size;
      }
      // Graph formats return edges; their speed is measured in events read.
      const read = format === 'graphml' || format === 'gexf' ? events : rows;
      results[format] = {
        rows,
        rowsPerCpuSecond: Math.round(read / bestCpu),
        rowsPerWallSecond: Math.round(read / bestWall),
        bytes,
        peakRssMb: Math.round(peak / 1024 / 1024),
      };
      console.log(
        `  ${format.padEnd(15)} ${String(results[format]!.rowsPerCpuSecond).padStart(7)} rows per cpu-second  ${String(results[format]!.rowsPerWallSecond).padStart(7)} /s wall  ${String(rows).padStart(6)} rows  ${(bytes / 1024).toFixed(0).padStart(6)} KB  rss ≤ ${results[format]!.peakRssMb} MB`,
      );
    }
    await store.close();
    console.log(
      `  load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} on ${cpus().length} cores`,
    );
    const report = {
      benchmark: 'export',
      date: new Date().toISOString(),
      machine: machine(),
      store: { documents, events, copies: COPIES },
      rounds: ROUNDS,
      note: 'graphml/gexf rows are edges; their rates count the events read. gdelt-mentions rows are reports.',
      formats: results,
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/export.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
