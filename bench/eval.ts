/**
 * `npm run eval`: Faultline's quality figures against the shared benchmarks.
 *
 * 1. HTML bodies — Article Extraction Benchmark, dev half (body F1).
 * 2. Scraped-text bodies — seeds 000–002 against bench/seed-cleaning (body F1).
 * 3. Gold articles — `extract --json` on seeds 000–002 scored by score-gold.mjs
 *    (events, dates, modality, actor mentions, claims, metadata).
 * 4. PETRARCH records — dev.jsonl scored by score-petrarch.mjs (both suites).
 *
 * Prints a summary and writes bench/results/eval.json. Skips (exit 0) when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { resultsDir, sharedOrSkip } from './shared.js';
import { cleanArticle } from '../src/pipeline/01-clean/index.js';
import { processArticle } from '../src/pipeline/index.js';
import { toContract } from '../src/model/contract.js';
import type { RawArticle } from '../src/model/types.js';
import { petrarchContext } from './petrarch-context.js';

const shared = sharedOrSkip('eval');
if (!shared) process.exit(0);
mkdirSync(resultsDir, { recursive: true });

const only = new Set(process.argv.slice(2));
const want = (k: string) => only.size === 0 || only.has(k);
const out: Record<string, unknown> = { date: new Date().toISOString().slice(0, 10) };

/** Runs the article-extraction scorer on one prediction file; returns its overall figures. */
function scoreBodies(pred: string, truth: string): any {
  const json = pred.replace(/\.json$/, '.score.json');
  runScorer(path.join(shared!, 'bench/article-extraction/score.mjs'), [
    '--pred',
    pred,
    '--truth',
    truth,
    '--bootstrap',
    '0',
    '--json',
    json,
  ]);
  const report = JSON.parse(readFileSync(json, 'utf8'));
  return (Object.values(report)[0] as any).overall;
}

function runScorer(script: string, args: string[]): any {
  const stdout = execFileSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  return line ? JSON.parse(line) : null;
}

const raw = (input: string, format: RawArticle['format'], text: string, hints = {}): RawArticle => ({
  input,
  format,
  raw: text,
  hints,
  warnings: [],
});

const f3 = (x: number) => x.toFixed(3);

if (want('html')) {
  const dir = path.join(shared, 'bench/article-extraction');
  const ids = readFileSync(path.join(dir, 'ids.txt'), 'utf8').split('\n').filter(Boolean);
  const pred: Record<string, { articleBody: string }> = {};
  for (const id of ids) {
    const html = gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    pred[id] = { articleBody: cleanArticle(raw(id, 'html', html)).body };
  }
  const file = path.join(resultsDir, 'eval-html.local.json');
  writeFileSync(file, JSON.stringify(pred));
  out.html = scoreBodies(file, path.join(dir, 'ground-truth.json'));
}

if (want('seeds')) {
  const truth = path.join(shared, 'bench/seed-cleaning/ground-truth.json');
  const ids = Object.keys(JSON.parse(readFileSync(truth, 'utf8')));
  const pred: Record<string, { articleBody: string }> = {};
  for (const id of ids) {
    const text = readFileSync(path.join(shared, 'seeds', `${id}.txt`), 'utf8');
    pred[id] = { articleBody: cleanArticle(raw(id, 'text', text)).body };
  }
  const file = path.join(resultsDir, 'eval-seeds.local.json');
  writeFileSync(file, JSON.stringify(pred));
  out.seeds = scoreBodies(file, truth);
}

if (want('gold')) {
  const seeds = path.join(shared, 'seeds');
  const lines = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      JSON.stringify(
        toContract(
          processArticle(raw(path.join(seeds, f), 'text', readFileSync(path.join(seeds, f), 'utf8'))),
        ),
      ),
    );
  const file = path.join(resultsDir, 'eval-gold.local.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const r = runScorer(path.join(shared, 'bench/score-gold.mjs'), [
    '--gold',
    path.join(shared, 'gold'),
    '--pred',
    file,
    '--json',
  ]);
  if (r) delete r.perDoc;
  out.gold = r;
}

if (want('petrarch')) {
  const suite = path.join(shared, 'bench/petrarch/dev.jsonl');
  const records = readFileSync(suite, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const ctx = petrarchContext(path.join(shared, 'bench/petrarch/dicts'));
  const lines = records.map((r) => {
    const c = ctx.forRecord(r);
    const doc = processArticle(raw(r.id, 'plain', r.text, { published: r.date }), {
      ...c,
      published: r.date,
    });
    return JSON.stringify(toContract(doc));
  });
  const file = path.join(resultsDir, 'eval-petrarch.local.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const score = path.join(shared, 'bench/score-petrarch.mjs');
  out.petrarch = {
    unit: runScorer(score, ['--suite', suite, '--pred', file, '--only', 'petrarch2-unit', '--json']),
    gsr: runScorer(score, ['--suite', suite, '--pred', file, '--only', 'up-gsr', '--json']),
  };
}

// A partial run (`npm run eval -- gold`) updates its own sections and keeps the others.
const evalFile = path.join(resultsDir, 'eval.json');
const previous =
  only.size && existsSync(evalFile)
    ? (JSON.parse(readFileSync(evalFile, 'utf8')) as Record<string, unknown>)
    : {};
writeFileSync(evalFile, JSON.stringify({ ...previous, ...out }, null, 2) + '\n');

const o = out as any;
console.log(`Faultline eval (${o.date})`);
if (o.html)
  console.log(
    `html bodies (AEB dev, ${o.html.pages ?? '?'} pages): F1 ${f3(o.html.f1)}  P ${f3(o.html.precision)}  R ${f3(o.html.recall)}`,
  );
if (o.seeds)
  console.log(
    `seed bodies (000-002): F1 ${f3(o.seeds.f1)}  P ${f3(o.seeds.precision)}  R ${f3(o.seeds.recall)}`,
  );
if (o.gold) {
  const g = o.gold;
  console.log(
    `gold events: strict F1 ${f3(g.strict.F1)}  dyad F1 ${f3(g.dyad.F1)}  quad F1 ${f3(g.quad.F1)}  (gold ${g.events.gold}, predicted ${g.events.pred})`,
  );
  console.log(
    `gold event dates right ${f3(g.dateAccuracy)}  modality right ${f3(g.modalityAccuracy)}  claims F1 ${f3(g.claims.F1)}`,
  );
  console.log(
    `gold actor mentions recall ${f3(g.mentionRecall)} (states ${f3(g.stateMentionRecall)})  title/date/author right ${f3(g.metadataAccuracy)}`,
  );
}
if (o.petrarch) {
  const p = o.petrarch;
  if (p.unit)
    console.log(
      `petrarch2-unit: exactly right ${f3(p.unit.exactRecords)} of ${p.unit.records}  triple F1 ${f3(p.unit.triples.F1)}`,
    );
  if (p.gsr)
    console.log(
      `up-gsr: exactly right ${f3(p.gsr.exactRecords)} of ${p.gsr.records}  triple F1 ${f3(p.gsr.triples.F1)} (root ${f3(p.gsr.triplesRoot.F1)})`,
    );
}
