/**
 * Cross-document claim linking, as pure functions the store calls on save. A denial by X
 * disputes a claim about X made by someone else when their propositions overlap in words, or,
 * failing that, when the denial's document is about the same pair within a few days (or is a
 * near-duplicate of the claim's document). Every link keeps its reason and score.
 */

/**
 * Overlap coefficient of word pairs from which a denial is taken to deny a claim. Measured on
 * the paired examples in `test/store/claim-pairs.ts` (own words): restated propositions score
 * 0.25–0.80 (5 of 6 at or above 0.4), other denials by the same actor 0, except one written to
 * share only its attribution (0.5, which the two-pair and common-pair rules below answer in a
 * real pool).
 */
export const TEXT_LINK = 0.4;
/** Most days between a claim and a denial linked only because they share the dyad. */
export const DYAD_DAYS = 7;
/**
 * Most days between a dated claim and a dated denial for any link: a denial answers a recent
 * claim, and the bound keeps the candidates of one save from growing with the whole store.
 */
export const LINK_WINDOW_DAYS = 180;
/** Most stored candidates (each way) one save compares; the date window keeps them relevant. */
export const MAX_CANDIDATES = 50;

export type LinkReason = 'text' | 'near-duplicate' | 'dyad';

export interface ClaimLink {
  claimId: string;
  denialId: string;
  denier: string;
  reason: LinkReason;
  /** Word overlap (0–1) for `text` and `near-duplicate`; days apart for `dyad`. */
  score: number;
}

/** A stored or about-to-be-stored claim, as linking needs it. */
export interface LinkableClaim {
  id: string;
  documentId: string;
  claimant: string;
  about: string | null;
  kind: string | null;
  text: string;
  /** The claim's document: its publication date, near-duplicate cluster, its events' dyads. */
  published: string | null;
  cluster: string;
  /** {@link dyadKey}s of the events coded in the claim's document. */
  dyads: ReadonlySet<string>;
  /** A stored denial already linked to some claim (a dyad-only link then adds no other). */
  linked?: boolean;
}

/**
 * Content words of a claim's text in order: lowercased, words of four letters or more (short
 * words are almost all function words in English news), cut to a crude stem (see {@link stem})
 * so "drones" and "drone", "moved" and "move" meet. The `denial:` label the pipeline puts on unlinked denials is not a
 * word of it.
 *
 * @example contentWords('denial: Baku sold drones to Israel') // ['baku', 'sold', 'dron', 'israel']
 */
export function contentWords(text: string): string[] {
  const words =
    text
      .replace(/^denial:\s*/i, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length >= 4).map(stem);
}

/**
 * A crude English stem: a plural `s` (not `ss`), then a past `ed`, then a final `e` dropped.
 *
 * @example stem('blockaded') === stem('blockade') // true
 */
function stem(word: string): string {
  const w = word
    .replace(/([^s])s$/u, '$1')
    .replace(/ed$/u, '')
    .replace(/e$/u, '');
  return w.length >= 2 ? w : word;
}

/**
 * Pairs of neighbouring content words: "allow israel", "israel airfield". Pairs, not single
 * words, so the attribution every sentence shares ("officials … said") does not make two
 * propositions look alike; a one-word text gives that word.
 *
 * @example wordPairs('Baku allowed Israel to use airfields').has('allow israel') // true
 */
export function wordPairs(text: string): Set<string> {
  const w = contentWords(text);
  if (w.length < 2) return new Set(w);
  const out = new Set<string>();
  for (let i = 1; i < w.length; i++) out.add(`${w[i - 1]} ${w[i]}`);
  return out;
}

/**
 * Overlap coefficient |A∩B| / min(|A|,|B|) of word pairs: a denial restates the claim inside a
 * longer sentence, so containment, not Jaccard, is the fair measure.
 *
 * @example wordOverlap('Baku hosts foreign bases', 'denial: Baku said it hosts no foreign bases') // 0.5
 */
export function wordOverlap(a: string, b: string): number {
  return overlapOf(wordPairs(a), wordPairs(b));
}

function overlapOf(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / Math.min(x.size, y.size);
}

/**
 * The unordered pair of two actors as one key.
 *
 * @example dyadKey('IRN', 'AZE') // 'AZE|IRN'
 */
export function dyadKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Days between two dates of any precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`; the first day of
 * a month or year), or null when either is unknown.
 *
 * @example daysApart('2024-05-01', '2024-05-04') // 3
 */
export function daysApart(a: string | null, b: string | null): number | null {
  const x = dayOf(a);
  const y = dayOf(b);
  return x === null || y === null ? null : Math.abs(x - y) / 86_400_000;
}

// Linking compares the same few dates thousands of times per save: parse each once.
const DAYS = new Map<string, number | null>();
const DAYS_CACHE = 10_000;

/** Milliseconds of a date's first day, or null when it is not a date. */
function dayOf(d: string | null): number | null {
  if (!d) return null;
  let t = DAYS.get(d);
  if (t === undefined) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
    t = m ? Date.UTC(+m[1]!, (+(m[2] ?? 1) || 1) - 1, +(m[3] ?? 1) || 1) : null;
    if (DAYS.size >= DAYS_CACHE) DAYS.clear();
    DAYS.set(d, t);
  }
  return t;
}

/**
 * Whether `denial` disputes `claim`, and why: word overlap first; failing that, a near-duplicate
 * document, or the same dyad (the claimant is present in the denial's document) within
 * {@link DYAD_DAYS}. Null when they are not linked (same document, same side, other subject).
 *
 * @example linkOf(claim, denial)?.reason // 'text'
 */
export function linkOf(
  claim: LinkableClaim,
  denial: LinkableClaim,
  overlap = wordOverlap(claim.text, denial.text),
): ClaimLink | null {
  if (denial.kind !== 'denial' || claim.kind === 'denial') return null;
  if (claim.documentId === denial.documentId) return null;
  if (claim.about !== denial.claimant || claim.claimant === denial.claimant) return null;
  const base = { claimId: claim.id, denialId: denial.id, denier: denial.claimant };
  const score = Math.round(overlap * 1000) / 1000;
  if (score >= TEXT_LINK) return { ...base, reason: 'text', score };
  if (claim.cluster === denial.cluster) return { ...base, reason: 'near-duplicate', score };
  const days = daysApart(claim.published, denial.published);
  const dyad = dyadKey(claim.claimant, denial.claimant);
  if (!denial.linked && days !== null && days <= DYAD_DAYS && denial.dyads.has(dyad)) {
    return { ...base, reason: 'dyad', score: days };
  }
  return null;
}

/** From this many texts compared at once, pairs most of them share are set aside (see commonPairs). */
export const COMMON_MIN_TEXTS = 10;
/** Share of the compared texts from which a word pair is boilerplate, not a proposition. */
export const COMMON_SHARE = 0.1;

/**
 * Word pairs that too many of the compared texts share to tell propositions apart: an outlet's
 * attribution ("officials … said") and time phrases ("earlier this month") would otherwise link
 * any denial to any claim about the same actor. Only from {@link COMMON_MIN_TEXTS} texts on, so a
 * small store is compared on every pair.
 *
 * @example commonPairs(twelveTextsEndingInTheSameAttribution).has('official said') // true
 */
export function commonPairs(texts: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  if (texts.length < COMMON_MIN_TEXTS) return out;
  const df = new Map<string, number>();
  for (const t of texts) for (const w of t) df.set(w, (df.get(w) ?? 0) + 1);
  // A claim and its denial share a pair by definition: two texts never make a pair common.
  const most = Math.max(2, texts.length * COMMON_SHARE);
  for (const [w, n] of df) if (n > most) out.add(w);
  return out;
}

const PAIRS_CACHE = 20_000;
const PAIRS = new Map<string, Set<string>>();

/**
 * The links a batch of new claims makes with the stored ones, both ways (a new denial of old
 * claims, an old denial of a new claim). A denial linked by text keeps only its text links; a
 * denial linked only by dyad keeps the nearest claim in time, so a vague denial never fans out.
 *
 * @example linkClaims(newClaims, storedCandidates).length
 */
export function linkClaims(fresh: readonly LinkableClaim[], stored: readonly LinkableClaim[]): ClaimLink[] {
  const wordsOf = (c: LinkableClaim) => {
    let w = PAIRS.get(c.text);
    if (!w) {
      w = wordPairs(c.text);
      // A bounded cache: an ingest compares the same stored claims again and again.
      if (PAIRS.size >= PAIRS_CACHE) PAIRS.delete(PAIRS.keys().next().value as string);
      PAIRS.set(c.text, w);
    }
    return w;
  };
  const common = commonPairs([...fresh, ...stored].map(wordsOf));
  const kept = new Map<string, Set<string>>();
  const specific = (c: LinkableClaim) => {
    let w = kept.get(c.id);
    if (!w) {
      const all = wordsOf(c);
      kept.set(c.id, (w = common.size ? new Set([...all].filter((x) => !common.has(x))) : all));
    }
    return w;
  };
  const byDenial = new Map<string, ClaimLink[]>();
  const consider = (claim: LinkableClaim, denial: LinkableClaim) => {
    const c = specific(claim);
    const d = specific(denial);
    // One shared pair is a phrase, not a proposition: a text link needs two (or all of a one-pair claim).
    let shared = 0;
    for (const w of c) if (d.has(w)) shared++;
    const overlap = shared >= Math.min(2, c.size) ? overlapOf(c, d) : 0;
    const link = linkOf(claim, denial, overlap);
    if (link) byDenial.set(denial.id, [...(byDenial.get(denial.id) ?? []), link]);
  };
  // Only pairs with at least one new side: stored pairs were linked when they were saved.
  for (const f of fresh) {
    if (f.kind === 'denial') for (const c of [...fresh, ...stored]) consider(c, f);
    else for (const d of stored) if (d.kind === 'denial') consider(f, d);
  }
  const out: ClaimLink[] = [];
  for (const links of byDenial.values()) {
    const strong = links.filter((l) => l.reason !== 'dyad');
    if (strong.length) out.push(...strong);
    else
      out.push(
        links.reduce((a, b) => (b.score < a.score || (b.score === a.score && b.claimId < a.claimId) ? b : a)),
      );
  }
  return out.sort((a, b) => (a.claimId + a.denialId < b.claimId + b.denialId ? -1 : 1));
}
