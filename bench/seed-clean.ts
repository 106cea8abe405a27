/**
 * Seed cleaning benchmark: cleans the five scraped seed pages with the text cleaner, writes the
 * predictions in the article-extraction benchmark's format, scores 000–002 with the shared
 * scorer (body F1/P/R, per seed) and checks title/published/author against the gold files.
 *
 *   npx tsx bench/seed-clean.ts
 *
 * Writes bench/results/seed-clean.local.json (predictions, git-ignored) and
 * bench/results/seed-clean.json (the summary, committed: figures and match flags only, no seed
 * text). Skips with a note when the shared folder (../shared or FAULTLINE_SHARED) is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanText } from '../src/pipeline/01-clean/text/index.js';
import { resultsDir as RESULTS, sharedOrSkip } from './shared.js';

interface Scores {
  overall: { f1: number; precision: number; recall: number; accuracy: number };
  pages: { id: string; f1: number; precision: number | null; recall: number | null }[];
}
type Evaluate = (
  truth: Record<string, { articleBody: string }>,
  pred: Record<string, { articleBody: string }>,
  opts: { bootstrap: number },
) => Scores;

async function main(): Promise<void> {
  const shared = sharedOrSkip('seed-clean');
  if (!shared) return;
  const SEEDS = join(shared, 'seeds');
  const TRUTH = join(shared, 'bench/seed-cleaning/ground-truth.json');
  const SCORER = join(shared, 'bench/article-extraction/score.mjs');
  const GOLD = join(shared, 'gold');
  if (!existsSync(SEEDS) || !existsSync(TRUTH) || !existsSync(SCORER)) {
    console.log(`skip seed-clean: ${shared} lacks the seeds, the seed ground truth or the scorer`);
    return;
  }
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const pred: Record<
    string,
    {
      articleBody: string;
      title: string | null;
      published: string | null;
      author: string | null;
      outlet: string | null;
      warnings: string[];
    }
  > = {};
  for (const f of files) {
    const c = cleanText(readFileSync(join(SEEDS, f), 'utf8'), {});
    pred[basename(f, '.txt')] = {
      articleBody: c.body,
      title: c.title,
      published: c.published,
      author: c.author,
      outlet: c.outlet,
      warnings: c.warnings,
    };
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'seed-clean.local.json'), JSON.stringify(pred, null, 1));

  const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as Record<string, { articleBody: string }>;
  const { evaluate } = (await import(pathToFileURL(SCORER).href)) as { evaluate: Evaluate };
  const scores = evaluate(truth, pred, { bootstrap: 0 });
  const o = scores.overall;
  const f = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  console.log(
    `seed-clean: body F1 ${f(o.f1)}  P ${f(o.precision)}  R ${f(o.recall)}  exact ${f(o.accuracy)}  (${scores.pages.length} scored seeds)`,
  );
  for (const p of scores.pages)
    console.log(`  ${p.id}  F1 ${f(p.f1)}  P ${f(p.precision)}  R ${f(p.recall)}`);

  const meta: Record<string, Record<string, { got: string | null; gold: string | null; ok: boolean }>> = {};
  for (const id of Object.keys(truth)) {
    const goldFile = join(GOLD, `${id}.json`);
    if (!existsSync(goldFile)) continue;
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, string | null>;
    meta[id] = {};
    for (const field of ['title', 'published', 'author'] as const) {
      const got = pred[id]?.[field] ?? null;
      const want = gold[field] ?? null;
      meta[id][field] = { got, gold: want, ok: got === want };
    }
    const line = Object.entries(meta[id])
      .map(
        ([k, v]) =>
          `${k} ${v.ok ? 'ok' : `MISMATCH (got ${JSON.stringify(v.got)}, gold ${JSON.stringify(v.gold)})`}`,
      )
      .join('; ');
    console.log(`  ${id}  ${line}`);
  }
  const unscored = files.map((x) => basename(x, '.txt')).filter((id) => !(id in truth));
  for (const id of unscored) {
    const p = pred[id]!;
    console.log(
      `  ${id}  (no ground truth) title ${JSON.stringify(p.title)} published ${p.published} author ${JSON.stringify(p.author)} body ${p.articleBody.length} chars`,
    );
  }
  const metaOk = Object.values(meta)
    .flatMap((m) => Object.values(m))
    .filter((v) => v.ok).length;
  const metaAll = Object.values(meta).flatMap((m) => Object.values(m)).length;
  console.log(`seed-clean: metadata ${metaOk}/${metaAll} fields match gold`);

  const summary = {
    benchmark: 'seed-clean',
    scorer: 'article-extraction score.mjs (4-token shingles)',
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    body: { f1: o.f1, precision: o.precision, recall: o.recall, accuracy: o.accuracy },
    pages: scores.pages.map((p) => ({ id: p.id, f1: p.f1, precision: p.precision, recall: p.recall })),
    // Match flags only: a headline is seed text and stays out of committed files.
    metadata: Object.fromEntries(
      Object.entries(meta).map(([id, fields]) => [
        id,
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.ok])),
      ]),
    ),
    unscored: Object.fromEntries(
      unscored.map((id) => [
        id,
        {
          titleFound: pred[id]!.title !== null,
          published: pred[id]!.published,
          author: pred[id]!.author,
          bodyChars: pred[id]!.articleBody.length,
        },
      ]),
    ),
  };
  writeFileSync(join(RESULTS, 'seed-clean.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

await main();
