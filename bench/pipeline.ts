/**
 * Pipeline speed: per-stage CPU time of 02-sentences … 07-claims, cleaning on its own, wink
 * with only the steps 02-sentences runs (the floor of that stage), and two
 * ratios to a bare wink `readDoc` (default pipeline) of the same cleaned bodies in the same run:
 * stages 02–05 against wink (goal ≥ 0.5) and the whole pipeline against wink (goal ≥ 0.4),
 * both per document (`processArticle`) and in batches (`processArticles`, each stage over
 * BATCH_SIZE documents before the next, as `extract`/`ingest` run it). Texts: the seeds in ../shared/seeds (skipped with a note when absent) and
 * examples/text/*.txt, each read N times with a fresh document every time. Rounds are
 * interleaved (wink, ours, wink, ours …) and the best round of each measure is kept, since the
 * machine is shared. Prints a table and writes bench/results/pipeline.json; never asserts.
 *
 *   npx tsx bench/pipeline.ts [--repeat 10] [--rounds 5]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { Doc, RawArticle } from '../src/model/types.js';
import { defaultActorRegistry } from '../src/model/actors.js';
import type { StageContext } from '../src/pipeline/stage.js';
import { BATCH_SIZE, STAGES, emptyDoc, processArticle, processArticles } from '../src/pipeline/index.js';
import { cleanArticle } from '../src/pipeline/01-clean/index.js';
import { fullNlp, nlp } from '../src/pipeline/02-sentences/wink.js';
import { foldText } from '../src/pipeline/text-map.js';
import { repoRoot, resultsDir, sharedDir } from './shared.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const REPEAT = opt('--repeat', 10);
const ROUNDS = opt('--rounds', 5);
/** Stages 02–05: the part of the pipeline measured against the first goal. */
const EARLY = 4;

/** The inputs: seeds (when ../shared is there) and the examples, as raw text articles. */
function inputs(): RawArticle[] {
  const files: string[] = [];
  const shared = sharedDir();
  if (shared) {
    const seeds = path.join(shared, 'seeds');
    for (const f of readdirSync(seeds).sort()) if (f.endsWith('.txt')) files.push(path.join(seeds, f));
  } else console.log('note: ../shared is absent, seeds skipped; timing the examples only');
  const examples = path.join(repoRoot, 'examples', 'text');
  for (const f of readdirSync(examples).sort()) if (f.endsWith('.txt')) files.push(path.join(examples, f));
  return files.map((f) => ({
    input: path.relative(repoRoot, f),
    format: 'text',
    raw: readFileSync(f, 'utf8'),
    hints: {},
    warnings: [],
  }));
}

/** CPU time of this process so far, in ms (steadier than wall time on a shared machine). */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A fresh copy of a cleaned, not yet processed document (stages fill it in place). */
const fresh = (d: Doc): Doc => ({ ...d, warnings: [...d.warnings], reference: { ...d.reference } });

const ctx: StageContext = { actors: defaultActorRegistry() };
const raws = inputs();
const cleaned = raws.map((r) => emptyDoc(r, ctx));
const chars = cleaned.reduce((n, d) => n + d.body.length, 0);

function timeWink(): number {
  const t0 = cpu();
  for (let r = 0; r < REPEAT; r++) for (const d of cleaned) fullNlp().readDoc(d.body);
  return cpu() - t0;
}

/**
 * wink with only the steps 02-sentences runs (sentences, part of speech) on the folded bodies:
 * the floor of 02-sentences, and of the whole pipeline's share of wink.
 */
const folded = cleaned.map((d) => foldText(d.body));
function timeWinkLean(): number {
  const t0 = cpu();
  for (let r = 0; r < REPEAT; r++) for (const f of folded) nlp.readDoc(f);
  return cpu() - t0;
}

function timeClean(): number {
  const t0 = cpu();
  for (let r = 0; r < REPEAT; r++) for (const raw of raws) cleanArticle(raw);
  return cpu() - t0;
}

/** CPU ms per stage, each stage timed on its own around `stage.run`. */
function timeStages(): number[] {
  const ms = STAGES.map(() => 0);
  for (let r = 0; r < REPEAT; r++) {
    for (const d of cleaned) {
      let doc = fresh(d);
      for (let i = 0; i < STAGES.length; i++) {
        const t0 = cpu();
        doc = STAGES[i]!.run(doc, ctx);
        ms[i]! += cpu() - t0;
      }
    }
  }
  return ms;
}

function timeEarly(): number {
  const early = STAGES.slice(0, EARLY);
  const t0 = cpu();
  for (let r = 0; r < REPEAT; r++)
    for (const d of cleaned) {
      let doc = fresh(d);
      for (const s of early) doc = s.run(doc, ctx);
    }
  return cpu() - t0;
}

function timeFull(): number {
  const t0 = cpu();
  for (let r = 0; r < REPEAT; r++) for (const raw of raws) processArticle(raw, ctx);
  return cpu() - t0;
}

/** The same REPEAT × texts documents in batches of BATCH_SIZE, results dropped per batch as the CLI does. */
const stream = Array.from({ length: REPEAT }, () => raws).flat();
function timeBatched(): number {
  const t0 = cpu();
  for (let i = 0; i < stream.length; i += BATCH_SIZE) processArticles(stream.slice(i, i + BATCH_SIZE), ctx);
  return cpu() - t0;
}

// Warm-up: JIT, lazily built registries and caches.
for (let i = 0; i < 2; i++) {
  for (const d of cleaned) fullNlp().readDoc(d.body);
  for (const raw of raws) processArticle(raw, ctx);
}

const best = {
  wink: Infinity,
  winkLean: Infinity,
  clean: Infinity,
  early: Infinity,
  full: Infinity,
  batched: Infinity,
  stages: STAGES.map(() => Infinity),
};
for (let round = 0; round < ROUNDS; round++) {
  best.wink = Math.min(best.wink, timeWink());
  best.early = Math.min(best.early, timeEarly());
  best.wink = Math.min(best.wink, timeWink());
  best.full = Math.min(best.full, timeFull());
  best.wink = Math.min(best.wink, timeWink());
  best.batched = Math.min(best.batched, timeBatched());
  best.wink = Math.min(best.wink, timeWink());
  best.winkLean = Math.min(best.winkLean, timeWinkLean());
  best.clean = Math.min(best.clean, timeClean());
  const st = timeStages();
  best.stages = best.stages.map((b, i) => Math.min(b, st[i]!));
}

const n = REPEAT * raws.length;
const perDoc = (ms: number) => (ms / n).toFixed(3);
const share = (ms: number) => ((100 * ms) / best.full).toFixed(1);
const rows: [string, number][] = [
  ['bare wink readDoc (default pipeline)', best.wink],
  ['wink readDoc, sentences + POS only', best.winkLean],
  ['01-clean', best.clean],
  ...STAGES.map((s, i): [string, number] => [`${String(i + 2).padStart(2, '0')}-${s.name}`, best.stages[i]!]),
  ['02–05 together', best.early],
  ['processArticle (clean → claims)', best.full],
  [`processArticles, batches of ${BATCH_SIZE}`, best.batched],
];
console.log(
  `${raws.length} texts × ${REPEAT} (${(chars / 1000).toFixed(0)} kchar each pass), best of ${ROUNDS} rounds, CPU time`,
);
console.log(`${'measure'.padEnd(40)} ${'ms/doc'.padStart(8)} ${'% full'.padStart(7)}`);
for (const [name, ms] of rows)
  console.log(`${name.padEnd(40)} ${perDoc(ms).padStart(8)} ${share(ms).padStart(7)}`);
const earlyRatio = best.wink / best.early;
const fullRatio = best.wink / best.full;
const batchedRatio = best.wink / best.batched;
const perSecond = n / (best.full / 1000);
const batchedPerSecond = n / (best.batched / 1000);
console.log(`ratio 02–05 / wink   ${earlyRatio.toFixed(2)}  (goal ≥ 0.5; wink time ÷ our time)`);
console.log(`ratio full / wink    ${fullRatio.toFixed(2)}  (goal ≥ 0.4; one document at a time)`);
console.log(
  `ratio batched / wink ${batchedRatio.toFixed(2)}  (goal ≥ 0.4; batches of ${BATCH_SIZE}, as extract/ingest run)`,
);
console.log(
  `articles/s (one core, full extract) ${perSecond.toFixed(0)} one at a time, ${batchedPerSecond.toFixed(0)} batched`,
);
// The full ratio could not pass this even if cleaning and stages 03–07 cost nothing.
const leanBound = best.wink / best.winkLean;
console.log(`bound on full / wink ${leanBound.toFixed(2)}  (wink ÷ wink with sentences + POS only)`);

mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'pipeline.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}, load ${loadavg()[0]!.toFixed(2)}`,
      texts: raws.length,
      repeat: REPEAT,
      rounds: ROUNDS,
      charsPerPass: chars,
      cpuMsPerDoc: Object.fromEntries(rows.map(([name, ms]) => [name, ms / n])),
      earlyRatio,
      fullRatio,
      batchedRatio,
      batchSize: BATCH_SIZE,
      leanBound,
      articlesPerSecond: perSecond,
      batchedArticlesPerSecond: batchedPerSecond,
    },
    null,
    2,
  ) + '\n',
);
