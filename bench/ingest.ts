/**
 * Ingest throughput: synthetic scraped-text articles through the whole pipeline into SQLite,
 * on one core. Prints figures and writes bench/results/ingest.json. Never asserts on time.
 *
 *   npx tsx bench/ingest.ts [--docs 2000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc, RawArticle } from '../src/model/types.js';
import { processArticle } from '../src/pipeline/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const argDocs = process.argv.indexOf('--docs');
const DOCS = argDocs > 0 ? Number(process.argv[argDocs + 1]) : 2000;

/** Seeded generator (mulberry32) so every run ingests the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

async function main(): Promise<void> {
  const corpus = Array.from({ length: DOCS }, (_, i) => article(i));
  const bytes = corpus.reduce((s, a) => s + Buffer.byteLength(a.raw), 0);
  // Warm-up: the first document pays for loading models and the ontology.
  processArticle(article(DOCS + 1), {});

  // CPU time as well as wall time: on a shared machine the CPU figure is the steadier one.
  let t = performance.now();
  let cpu = process.cpuUsage();
  const docs: Doc[] = corpus.map((a) => processArticle(a, {}));
  const pipelineMs = performance.now() - t;
  const pipelineCpuMs = cpuMs(cpu);

  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  const store = await openSqliteStore(join(dir, 'bench.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  let duplicates = 0;
  for (const doc of docs) if ((await store.saveDocument(doc)).status === 'duplicate') duplicates++;
  const storeMs = performance.now() - t;
  const storeCpuMs = cpuMs(cpu);
  const counts = await store.counts();
  await store.close();

  // The store with documents only (what the placeholder stages gave): body, FTS, MinHash, no findings.
  const bare = docs.map((d) => ({ ...d, mentions: [], actors: [], events: [], claims: [], relations: [] }));
  const store3 = await openSqliteStore(join(dir, 'bench3.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  for (const doc of bare) await store3.saveDocument(doc);
  const bareMs = performance.now() - t;
  const bareCpuMs = cpuMs(cpu);
  await store3.close();

  // The store without claims: what cross-document claim linking (and the claim rows) cost.
  const noClaims = docs.map((d) => ({ ...d, claims: [] }));
  const store4 = await openSqliteStore(join(dir, 'bench4.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  for (const doc of noClaims) await store4.saveDocument(doc);
  const noClaimsMs = performance.now() - t;
  const noClaimsCpuMs = cpuMs(cpu);
  await store4.close();
  const linked = await openSqliteStore(join(dir, 'bench.db'));
  const claimLinks = (await linked.claims({ limit: 100_000 })).items.reduce(
    (n, c) => n + c.disputedIn.length,
    0,
  );
  await linked.close();

  // End to end as `faultline ingest` does it: pipeline then save, one document at a time.
  const store2 = await openSqliteStore(join(dir, 'bench2.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  for (const a of corpus) await store2.saveDocument(processArticle(a, {}));
  const totalMs = performance.now() - t;
  const totalCpuMs = cpuMs(cpu);
  await store2.close();
  rmSync(dir, { recursive: true, force: true });

  const rate = (ms: number) => Math.round((DOCS / ms) * 1000);
  const results = {
    benchmark: 'ingest',
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      platform: process.platform,
    },
    documents: DOCS,
    megabytes: Math.round((bytes / 1024 / 1024) * 100) / 100,
    pipelinePerSecond: rate(pipelineMs),
    storePerSecond: rate(storeMs),
    storeDocumentsOnlyPerSecond: rate(bareMs),
    storeWithoutClaimsPerSecond: rate(noClaimsMs),
    endToEndPerSecond: rate(totalMs),
    perCpuSecond: {
      pipeline: rate(pipelineCpuMs),
      store: rate(storeCpuMs),
      storeDocumentsOnly: rate(bareCpuMs),
      storeWithoutClaims: rate(noClaimsCpuMs),
      endToEnd: rate(totalCpuMs),
    },
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    duplicates,
    stored: { ...counts, claimLinks },
    note: 'one process (one core for JS; SQLite runs in-thread), SQLite WAL file in tmpdir, one transaction per document; pipeline stages as in the tree at the date above',
  };
  console.log(`ingest benchmark: ${DOCS} synthetic text articles (${results.megabytes} MB)`);
  const c = results.perCpuSecond;
  console.log(`  pipeline only   ${results.pipelinePerSecond} articles/s wall, ${c.pipeline} per cpu-second`);
  console.log(
    `  store only      ${results.storePerSecond} articles/s wall, ${c.store} per cpu-second (SQLite, FTS5, MinHash)`,
  );
  console.log(
    `  store, no findings ${results.storeDocumentsOnlyPerSecond} articles/s wall, ${c.storeDocumentsOnly} per cpu-second`,
  );
  console.log(
    `  store, no claims ${results.storeWithoutClaimsPerSecond} articles/s wall, ${c.storeWithoutClaims} per cpu-second (no claim rows, no linking)`,
  );
  console.log(`  claim links     ${claimLinks} across documents`);
  console.log(`  end to end      ${results.endToEndPerSecond} articles/s wall, ${c.endToEnd} per cpu-second`);
  console.log(`  load average    ${results.loadAverage.join(' ')} on ${results.machine.cores} cores`);
  console.log(`  stored: ${JSON.stringify(counts)}`);
  const out = new URL('./results/ingest.json', import.meta.url);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
