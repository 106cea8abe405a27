/**
 * Actor benchmark: runs sentences → mentions → actors on the gold-annotated seeds (bodies cut
 * at the gold's body_first/body_last), scores actor-mention recall exactly as
 * ../shared/bench/score-gold.mjs does (by running it on a JSONL of contract objects), and
 * times our three stages against a bare wink `readDoc` of the same texts.
 * Usage: npx tsx bench/actors.ts [--shared ../shared] [--repeat 20] [--dump]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Doc } from '../src/model/types.js';
import { toContract } from '../src/model/contract.js';
import { defaultActorRegistry } from '../src/model/actors.js';
import { compose, type StageContext } from '../src/pipeline/stage.js';
import { blankDoc } from '../src/pipeline/index.js';
import { stage as sentences } from '../src/pipeline/02-sentences/index.js';
import { stage as mentions } from '../src/pipeline/03-mentions/index.js';
import { stage as actors } from '../src/pipeline/04-actors/index.js';
import { fullNlp } from '../src/pipeline/02-sentences/wink.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const shared = path.resolve(opt('--shared', path.join(import.meta.dirname, '../../shared')));
const repeat = Number(opt('--repeat', '20'));
const goldDir = path.join(shared, 'gold');
const seedDir = path.join(shared, 'seeds');
if (!fs.existsSync(goldDir)) {
  console.log(`skipped: ${goldDir} not found (pass --shared DIR)`);
  process.exit(0);
}

interface Gold {
  file: string;
  title: string | null;
  published: string | null;
  published_estimate?: string | null;
  body_first: string;
  body_last: string;
}

/** A fresh document from a seed cut at the gold's body boundaries. */
function docFor(base: string, gold: Gold, text?: string): Doc {
  const raw = text ?? fs.readFileSync(path.join(seedDir, gold.file), 'utf8');
  const a = raw.indexOf(gold.body_first);
  const b = raw.indexOf(gold.body_last, a);
  const body = text === undefined && a >= 0 && b >= 0 ? raw.slice(a, b + gold.body_last.length) : raw;
  return blankDoc(body, { input: base + '.txt', title: gold.title, published: gold.published });
}

const ctx: StageContext = { actors: defaultActorRegistry() };
const run = compose([sentences, mentions, actors]);
const golds = fs
  .readdirSync(goldDir)
  .filter((f) => /^\d.*\.json$/.test(f))
  .sort()
  .map(
    (f) =>
      [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')) as Gold] as const,
  );

// --- recall via the shared scorer
const docs = golds.map(([base, g]) => run(docFor(base, g), ctx));
const out = path.join(os.tmpdir(), `faultline-actors-${process.pid}.jsonl`);
fs.writeFileSync(out, docs.map((d) => JSON.stringify(toContract(d))).join('\n') + '\n');
const scored = JSON.parse(
  execFileSync(
    'node',
    [path.join(shared, 'bench/score-gold.mjs'), '--gold', goldDir, '--pred', out, '--json'],
    { encoding: 'utf8' },
  ),
);
console.log(
  `actor-mention recall ${(100 * scored.mentionRecall).toFixed(1)}%  states ${(100 * scored.stateMentionRecall).toFixed(1)}%`,
);
if (args.includes('--dump')) {
  for (const d of docs) {
    console.log(`# ${d.input}`);
    for (const a of d.actors)
      console.log(
        `  ${a.id} [${a.kind}] ${a.name} (${a.country ?? '-'}; ${a.role ?? '-'}): ${[...new Set(a.mentions.map((m) => m.text))].join(' | ')}`,
      );
  }
}

// --- precision sample: mentions predicted on texts written for this benchmark (own words,
// not taken from any article), printed for a person to judge. `--sample` prints 50.
const OWN_TEXTS: [string, string][] = [
  [
    '2024-03-10',
    'Azerbaijani Foreign Minister Jeyhun Bayramov travelled to Tehran on Sunday for talks with his Iranian counterpart. ' +
      'The two ministers discussed the Zangezur corridor and trade across the Aras river. Bayramov later told reporters that Baku wanted calm relations with its southern neighbour.\n' +
      'In Ankara, Turkish officials welcomed the visit, while the Kremlin said Moscow was ready to help. Russia’s foreign ministry issued a short statement.\n' +
      'Meanwhile Israel’s Defense Ministry denied reports that Israeli drones had been delivered to Armenia. Dr Sara Klein, a senior analyst at a Berlin think tank, said the denial was expected.',
  ],
  [
    '1996-06-01',
    'The president of Azerbaijan met oil executives in Baku to sign a production-sharing deal with BP and SOCAR. ' +
      'Georgian officials hoped a pipeline would cross their country. The Armenian government protested, and the prime minister of Armenia called the deal unfair.\n' +
      'Iran’s president said the Caspian Sea must be shared fairly, and the Islamic Republic would not accept foreign warships there.',
  ],
  [
    '2023-10-15',
    'Hamas fighters crossed into Israel, and the Israel Defense Forces responded with air strikes on Gaza. ' +
      'The UN Security Council met in New York; the United States and the United Kingdom blocked a Russian draft. ' +
      'Hezbollah fired rockets from Lebanon, and Iran’s supreme leader praised the attack. Egyptian mediators and Qatar sought a truce.\n' +
      'Turkish President Recep Tayyip Erdoğan called Prime Minister Benjamin Netanyahu a threat to the region; Netanyahu replied that Ankara supported terror. ' +
      'The European Union and NATO urged restraint. Saudi Arabia paused talks on normalisation with the Jewish state.',
  ],
];
if (args.includes('--sample')) {
  const all = OWN_TEXTS.flatMap(([date, body], n) => {
    const d = run(
      docFor(`own-${n}`, { file: '', title: null, published: date, body_first: '', body_last: '' }, body),
      ctx,
    );
    return d.mentions.map((m) => `${m.text} → ${m.actorId} (${m.rule})`);
  });
  // A fixed-seed shuffle so the sample is the same from run to run.
  let seed = 42;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const picked = [...all].sort(() => rnd() - 0.5).slice(0, 50);
  console.log(`precision sample: 50 of ${all.length} predicted mentions`);
  for (const p of picked) console.log('  ' + p);
}

// --- speed: our three stages vs bare wink on the same texts
const texts = golds.map(([base, g]) => docFor(base, g));
const chars = texts.reduce((n, d) => n + d.body.length, 0) * repeat;
const nlp = fullNlp();
for (const d of texts) nlp.readDoc(d.body); // warm-up
for (const d of texts) run({ ...d, warnings: [] }, ctx);
// Interleaved, in CPU time: other processes on the machine disturb wall-clock figures.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let wink = 0;
let ours = 0;
for (let r = 0; r < repeat; r++) {
  for (const d of texts) {
    let t0 = cpu();
    nlp.readDoc(d.body);
    wink += cpu() - t0;
    const fresh = { ...d, warnings: [] };
    t0 = cpu();
    run(fresh, ctx);
    ours += cpu() - t0;
  }
}
const kps = (ms: number) => (chars / 1000 / (ms / 1000)).toFixed(0);
console.log(
  `speed: bare wink ${kps(wink)} kchar/s, sentences+mentions+actors ${kps(ours)} kchar/s, ratio ${(wink / ours).toFixed(2)} (${repeat}× ${texts.length} texts)`,
);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(import.meta.dirname, 'results', 'actors.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`,
      mentionRecall: scored.mentionRecall,
      stateMentionRecall: scored.stateMentionRecall,
      speedRatio: wink / ours,
    },
    null,
    2,
  ) + '\n',
);
if (args.includes('--keep')) console.log(`kept ${out}`);
else fs.rmSync(out, { force: true });
