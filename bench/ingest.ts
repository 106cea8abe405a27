/**
 * Ingest throughput: synthetic scraped-text articles into SQLite, on one core, in several
 * modes: cleaning alone, clean + store with no later stages (what the foundation issue's
 * ≥ 500 articles/s goal measures), the pipeline alone, the store alone (with and without
 * findings), and end to end. CPU time (`process.cpuUsage`), best of interleaved rounds: the
 * machine is shared and wall time moves with its load. Prints figures and writes
 * bench/results/ingest.json. Never asserts on time.
 *
 *   npx tsx bench/ingest.ts [--docs 2000] [--rounds 3]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc, RawArticle } from '../src/model/types.js';
import { emptyDoc, processArticle } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { machine, numberArg, rng } from './shared.js';

const DOCS = numberArg('--docs', 2000);
const ROUNDS = numberArg('--rounds', 3);

// Sentence parts written for this benchmark; varied enough that articles differ.
const STATES = ['Azerbaijan', 'Iran', 'Armenia', 'Turkey', 'Russia', 'Israel', 'Georgia', 'Kazakhstan'];
const CAPITALS = ['Baku', 'Tehran', 'Yerevan', 'Ankara', 'Moscow', 'Jerusalem', 'Tbilisi', 'Astana'];
const VERBS = [
  'accused {B} of stalling the border talks',
  'signed a transit agreement with {B}',
  'summoned the ambassador of {B} over remarks by a senior official',
  'held a joint naval drill with {B}',
  'offered to mediate between {B} and its neighbours',
  'condemned a missile test carried out by {B}',
  'agreed with {B} to reopen a rail link closed for years',
  'denied reports that it had sold drones to {B}',
  'expelled two diplomats of {B}',
  'hosted a delegation from {B} for energy talks',
];
const DAYS = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'last week',
  'earlier this month',
];
const OUTLETS = ['Caspian Desk', 'Steppe Courier', 'Border Ledger', 'Gulf Monitor', 'Highland Times'];
const ASIDES = [
  'Analysts said the move reflected a shift in regional alliances.',
  'The statement did not give further details.',
  'Officials declined to comment on the timing.',
  'Trade between the two countries has grown in recent years.',
  'The talks are expected to continue next month.',
];

function article(i: number): RawArticle {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const sentences: string[] = [];
  const n = 8 + Math.floor(r() * 14);
  for (let s = 0; s < n; s++) {
    const a = Math.floor(r() * STATES.length);
    let b = Math.floor(r() * STATES.length);
    if (b === a) b = (b + 1) % STATES.length;
    sentences.push(
      r() < 0.25
        ? pick(ASIDES)
        : `${STATES[a]} ${pick(VERBS).replace('{B}', STATES[b])} ${pick(DAYS)}, officials in ${CAPITALS[a]} said (report ${i}.${s}).`,
    );
  }
  const paragraphs: string[] = [];
  for (let p = 0; p < sentences.length; p += 3) paragraphs.push(sentences.slice(p, p + 3).join(' '));
  const day = String(1 + (i % 28)).padStart(2, '0');
  const raw = `${pick(OUTLETS)}\n\n${STATES[i % STATES.length]} and ${STATES[(i + 3) % STATES.length]}: report ${i}\n2024-05-${day}\n\n${paragraphs.join('\n\n')}\n`;
  return { input: `bench/${i}.txt`, format: 'text', raw, hints: {}, warnings: [] };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs `work` once and returns its wall and CPU time (user + system, this process). */
async function timed(work: () => Promise<void> | void): Promise<Timing> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const d = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t, cpuMs: (d.user + d.system) / 1000 };
}

type Mode =
  'clean' | 'cleanStore' | 'pipeline' | 'store' | 'storeWithoutClaims' | 'storeDocumentsOnly' | 'endToEnd';

const LABELS: Record<Mode, string> = {
  clean: 'clean only (read → clean)',
  cleanStore: 'clean + store, no later stages',
  pipeline: 'pipeline only (clean → 07-claims)',
  store: 'store only, with findings',
  storeWithoutClaims: 'store only, findings without claims',
  storeDocumentsOnly: 'store only, no findings',
  endToEnd: 'end to end (clean → pipeline → store)',
};

async function main(): Promise<void> {
  const corpus = Array.from({ length: DOCS }, (_, i) => article(i));
  const bytes = corpus.reduce((s, a) => s + Buffer.byteLength(a.raw), 0);
  // Warm-up: the first document pays for loading models and the ontology.
  processArticle(article(DOCS + 1), {});
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  let db = 0;
  /** Saves `docs` one transaction each into a fresh database. */
  const saveAll = async (docs: Iterable<Doc> | (() => Iterable<Doc>)) => {
    const store = await openSqliteStore(join(dir, `bench${db++}.db`));
    let duplicates = 0;
    const t = await timed(async () => {
      for (const doc of typeof docs === 'function' ? docs() : docs)
        if ((await store.saveDocument(doc)).status === 'duplicate') duplicates++;
    });
    return { t, store, duplicates };
  };

  const best = new Map<Mode, Timing>();
  const keep = (mode: Mode, t: Timing) => {
    const b = best.get(mode);
    best.set(mode, {
      wallMs: Math.min(b?.wallMs ?? Infinity, t.wallMs),
      cpuMs: Math.min(b?.cpuMs ?? Infinity, t.cpuMs),
    });
  };
  let docs: Doc[] = [];
  let counts: Awaited<ReturnType<Awaited<ReturnType<typeof openSqliteStore>>['counts']>> | null = null;
  let claimLinks = 0;
  let duplicates = 0;
  for (let round = 0; round < ROUNDS; round++) {
    keep(
      'clean',
      await timed(() => {
        for (const a of corpus) emptyDoc(a, {});
      }),
    );
    // Clean + store: the document with its body, FTS row and MinHash, no findings.
    const cleaned = await saveAll(function* () {
      for (const a of corpus) yield emptyDoc(a, {});
    });
    keep('cleanStore', cleaned.t);
    await cleaned.store.close();

    keep(
      'pipeline',
      await timed(() => {
        docs = corpus.map((a) => processArticle(a, {}));
      }),
    );
    const full = await saveAll(docs);
    keep('store', full.t);
    duplicates = full.duplicates;
    counts = await full.store.counts();
    claimLinks = (await full.store.claims({ limit: 100_000 })).items.reduce(
      (n, c) => n + c.disputedIn.length,
      0,
    );
    await full.store.close();

    // Without claims: what cross-document claim linking (and the claim rows) cost.
    const noClaims = await saveAll(docs.map((d) => ({ ...d, claims: [] })));
    keep('storeWithoutClaims', noClaims.t);
    await noClaims.store.close();
    const bare = await saveAll(
      docs.map((d) => ({ ...d, mentions: [], actors: [], events: [], claims: [], relations: [] })),
    );
    keep('storeDocumentsOnly', bare.t);
    await bare.store.close();

    // End to end as `faultline ingest` does it: pipeline then save, one document at a time.
    const e2e = await saveAll(function* () {
      for (const a of corpus) yield processArticle(a, {});
    });
    keep('endToEnd', e2e.t);
    await e2e.store.close();
  }
  rmSync(dir, { recursive: true, force: true });

  const rate = (ms: number) => Math.round((DOCS / ms) * 1000);
  const modes = [...best.keys()];
  const results = {
    benchmark: 'ingest',
    date: new Date().toISOString(),
    machine: machine(),
    documents: DOCS,
    rounds: ROUNDS,
    megabytes: Math.round((bytes / 1024 / 1024) * 100) / 100,
    /** Articles per CPU-second, best round: the figure to compare across runs. */
    perCpuSecond: Object.fromEntries(modes.map((m) => [m, rate(best.get(m)!.cpuMs)])),
    /** CPU milliseconds per article, best round. */
    cpuMsPerArticle: Object.fromEntries(
      modes.map((m) => [m, Math.round((best.get(m)!.cpuMs / DOCS) * 1000) / 1000]),
    ),
    /** Articles per wall-clock second, best round (moves with the machine's load). */
    perWallSecond: Object.fromEntries(modes.map((m) => [m, rate(best.get(m)!.wallMs)])),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    duplicates,
    stored: { ...counts, claimLinks },
    note: 'one process (one core for JS; SQLite runs in-thread), SQLite WAL file in tmpdir, one transaction per document; cleanStore = cleanArticle then saveDocument with no findings; pipeline stages as in the tree at the date above',
  };
  console.log(
    `ingest benchmark: ${DOCS} synthetic text articles (${results.megabytes} MB), best of ${ROUNDS} rounds`,
  );
  for (const m of modes)
    console.log(
      `  ${LABELS[m].padEnd(40)} ${String(results.perCpuSecond[m]).padStart(6)} per cpu-second  ${results.cpuMsPerArticle[m]!.toFixed(3)} ms each  (${results.perWallSecond[m]} /s wall)`,
    );
  console.log(`  claim links ${claimLinks} across documents`);
  console.log(`  load average ${results.loadAverage.join(' ')} on ${results.machine.cores} cores`);
  console.log(`  stored: ${JSON.stringify(counts)}`);
  const out = new URL('./results/ingest.json', import.meta.url);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
