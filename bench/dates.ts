/**
 * Date-stage benchmark: (1) against the gold annotations of seeds 000–002, the share of dated
 * gold events whose date the date expressions around their sentence give, under four scopes;
 * (2) the estimated reference of seeds without a stated publication date; (3) speed, ours
 * against chrono-node over the whole body. Prints figures, writes bench/results/dates.json,
 * never asserts. Skips with a note when /work/shared is absent.
 *
 * Run: npx tsx bench/dates.ts
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { cleanArticle } from '../src/pipeline/01-clean/index.js';
import { dateForSpan, resolveDates } from '../src/pipeline/05-dates/index.js';
import type { Span } from '../src/model/types.js';
import type { DateScope } from '../src/pipeline/05-dates/index.js';
import { repoRoot, sharedDir } from './shared.js';

const SHARED = sharedDir() ?? join(repoRoot, '..', 'shared');
const SEEDS = join(SHARED, 'seeds');
const GOLD = join(SHARED, 'gold');
const OUT = new URL('./results/dates.json', import.meta.url);

interface GoldEvent {
  id: string;
  sentence: string;
  date: string | null;
  date_precision: string;
}
interface Gold {
  file: string;
  published: string | null;
  published_estimate?: string | null;
  events: GoldEvent[];
}

if (!existsSync(SEEDS) || !existsSync(GOLD)) {
  console.log(`skipped: ${SHARED} not found (set FAULTLINE_SHARED)`);
  process.exit(0);
}

/** The cleaned body, or the raw text when the cleaner fails (it is someone else's stage). */
function bodyOf(file: string): { body: string; published: string | null } {
  const raw = readFileSync(join(SEEDS, file), 'utf8');
  try {
    const c = cleanArticle({ input: file, format: 'text', raw, hints: {}, warnings: [] });
    if (c.body.length > raw.length / 3) return { body: c.body, published: c.published };
  } catch {
    // fall through to the raw text
  }
  return { body: raw, published: null };
}

const fold = (s: string): string =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\u00a0/g, ' ');

/** Where the gold quote sits in the body (quotes and spaces folded), null when absent. */
function locate(body: string, quote: string): Span | null {
  const i = fold(body).indexOf(fold(quote));
  return i < 0 ? null : { start: i, end: i + quote.length };
}

type Scope = DateScope | 'paragraph+reference';
const SCOPES: Scope[] = ['span', 'sentence', 'paragraph', 'document', 'paragraph+reference'];
const tally = Object.fromEntries(SCOPES.map((s) => [s, { right: 0, wrong: 0, none: 0 }])) as Record<
  Scope,
  { right: number; wrong: number; none: number }
>;
let dated = 0;
let missingQuote = 0;
const estimates: { file: string; estimated: string | null; gold: string | null }[] = [];
const misses: string[] = [];

const goldFiles = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json'))
  .sort();
for (const gf of goldFiles) {
  const gold = JSON.parse(readFileSync(join(GOLD, gf), 'utf8')) as Gold;
  const seed = readdirSync(SEEDS).find((f) => f.startsWith(gf.replace(/\.json$/, '')));
  if (!seed) continue;
  const { body } = bodyOf(seed);
  // The gold's published date is what the cleaner should state; without one we estimate.
  const r = resolveDates(body, gold.published);
  if (!gold.published)
    estimates.push({ file: seed, estimated: r.reference.date, gold: gold.published_estimate ?? null });
  for (const ev of gold.events) {
    if (!ev.date) continue;
    dated++;
    const clause = locate(body, ev.sentence);
    if (!clause) {
      missingQuote++;
      continue;
    }
    for (const scope of SCOPES) {
      let got = dateForSpan(r.dates, clause, body, scope === 'paragraph+reference' ? 'paragraph' : scope);
      if (!got.date && scope === 'paragraph+reference' && r.reference.date)
        got = { date: r.reference.date.slice(0, 7), datePrecision: 'month', from: null };
      const t = tally[scope];
      if (!got.date) t.none++;
      else if (got.date.startsWith(ev.date)) t.right++;
      else {
        t.wrong++;
        if (scope === 'paragraph+reference')
          misses.push(
            `${gf.slice(0, 3)} ${ev.id}: gold ${ev.date}, got ${got.date} from "${got.from?.text ?? 'reference'}"`,
          );
      }
    }
  }
}

// Speed: all seed bodies, many rounds.
const bodies = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => bodyOf(f).body);
// CPU time, not wall time: parallel jobs on a shared machine make wall time meaningless.
const time = (fn: (b: string) => unknown, rounds: number): number => {
  for (const b of bodies) fn(b);
  const c0 = process.cpuUsage();
  for (let k = 0; k < rounds; k++) for (const b of bodies) fn(b);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / (rounds * bodies.length);
};
const oursMs = time((b) => resolveDates(b, '2025-02-03'), 200);
const oursNoRefMs = time((b) => resolveDates(b, null), 200);
const chronoMs = time((b) => chrono.en.parse(b, new Date(Date.UTC(2025, 1, 3))), 20);
const found = bodies.map((b) => resolveDates(b, '2025-02-03').dates.length);

const pct = (n: number) => (dated ? ((100 * n) / dated).toFixed(1) : '0.0');
console.log(`gold events with a date: ${dated} (quote not found in body: ${missingQuote})`);
for (const s of SCOPES) {
  const t = tally[s];
  console.log(
    `  scope ${s.padEnd(20)} right ${pct(t.right)}%  wrong ${pct(t.wrong)}%  no date ${pct(t.none)}%`,
  );
}
for (const e of estimates)
  console.log(`estimated reference ${e.file}: ${e.estimated} (gold estimate ${e.gold})`);
if (misses.length) console.log(`wrong under paragraph+reference:\n  ${misses.join('\n  ')}`);
console.log(`date expressions per seed: ${found.join(', ')}`);
console.log(
  `speed (CPU time, ${bodies.length} seed bodies): ${oursMs.toFixed(3)} ms/article (${Math.round(1000 / oursMs)} articles/s); no reference ${oursNoRefMs.toFixed(3)} ms; chrono-node whole body ${chronoMs.toFixed(3)} ms`,
);

writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      dated,
      missingQuote,
      scopes: Object.fromEntries(
        SCOPES.map((s) => [s, { ...tally[s], share: dated ? tally[s].right / dated : 0 }]),
      ),
      estimates,
      msPerArticle: oursMs,
      chronoMsPerArticle: chronoMs,
    },
    null,
    2,
  ) + '\n',
);
