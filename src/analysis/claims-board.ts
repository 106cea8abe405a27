/**
 * The claims board: each proposition once, with who asserts it, who denies it, when it was first
 * seen and in how many documents, and where sources contradict each other — a proposition both
 * asserted and denied (the stored claim links), or the same statement with other figures
 * (casualty counts, sums). Built over {@link Store.claims}; every contradiction names its reason.
 */
import { daysApart, LINK_WINDOW_DAYS, TEXT_LINK, wordOverlap } from '../store/claim-links.js';
import type { ClaimRow, Store } from '../store/store.js';

/** Options of {@link claimsBoard}: an actor who asserts, denies or is the subject; how many items. */
export interface ClaimsBoardOptions {
  actor?: string;
  limit?: number;
}

/** One report on the board: a claim asserting the proposition, or a denial of it. */
export interface BoardClaim {
  id: string;
  documentId: string;
  outlet: string | null;
  published: string | null;
  quote: string;
  /** Whose claim it is, and whether it asserts or denies the proposition. */
  claimant: string;
  role: 'asserts' | 'denies';
}

/** A proposition on the board. */
export interface BoardItem {
  /** The id of its first claim. */
  id: string;
  proposition: string;
  claimant: string;
  about: string | null;
  kind: string | null;
  /** The earliest document date of its claims. */
  firstSeen: string | null;
  /** Distinct documents asserting it. */
  sources: number;
  assertedBy: string[];
  deniedBy: string[];
  contradiction: boolean;
  /** Why it is a contradiction: who denies it where, which figures disagree. */
  reasons: string[];
  claims: BoardClaim[];
}

const PAGE = 5000;
const DEFAULT_LIMIT = 50;
/** Numbers in a text: digits with thousands separators or decimals ("1,200", "3.5"). */
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * The claims board, contradictions first, then the most reported propositions.
 *
 * @example (await claimsBoard(store, { actor: 'AZE' })).items.filter((i) => i.contradiction)
 */
export async function claimsBoard(
  store: Store,
  opts: ClaimsBoardOptions = {},
): Promise<{ items: BoardItem[]; total: number }> {
  const all: ClaimRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await store.claims({ limit: PAGE, offset });
    all.push(...items);
    if (items.length < PAGE) break;
  }
  const byId = new Map(all.map((c) => [c.id, c]));
  const propositions = clusters(all.filter((c) => c.kind !== 'denial'));
  let items = propositions.map((members) => boardItem(members, byId));
  if (opts.actor) {
    const a = opts.actor;
    items = items.filter(
      (i) => i.claimant === a || i.about === a || i.assertedBy.includes(a) || i.deniedBy.includes(a),
    );
  }
  items.sort(
    (x, y) =>
      Number(y.contradiction) - Number(x.contradiction) ||
      y.sources - x.sources ||
      (x.firstSeen ?? '~').localeCompare(y.firstSeen ?? '~') ||
      x.id.localeCompare(y.id),
  );
  return { items: items.slice(0, opts.limit ?? DEFAULT_LIMIT), total: items.length };
}

/**
 * Claims of one proposition together: the same subject and propositions overlapping in words as
 * much as a denial must to dispute a claim ({@link TEXT_LINK}). Single linkage, in date order.
 */
function clusters(claims: ClaimRow[]): ClaimRow[][] {
  const sorted = [...claims].sort(
    (a, b) => (a.published ?? '~').localeCompare(b.published ?? '~') || a.id.localeCompare(b.id),
  );
  const bySubject = new Map<string, ClaimRow[][]>();
  const out: ClaimRow[][] = [];
  for (const c of sorted) {
    const groups = bySubject.get(c.about ?? '') ?? [];
    bySubject.set(c.about ?? '', groups);
    // Only propositions seen lately (as claim linking): a claim restates recent news, and the
    // bound keeps the comparisons from growing with the whole store.
    const home = groups.find(
      (g) =>
        (daysApart(g[g.length - 1]!.published, c.published) ?? 0) <= LINK_WINDOW_DAYS &&
        g.some((m) => wordOverlap(m.text, c.text) >= TEXT_LINK),
    );
    if (home) home.push(c);
    else {
      const g = [c];
      groups.push(g);
      out.push(g);
    }
  }
  return out;
}

function boardItem(members: ClaimRow[], byId: Map<string, ClaimRow>): BoardItem {
  const first = members[0]!;
  const reasons: string[] = [];
  const deniedBy = new Set<string>();
  const denials = new Map<string, ClaimRow>();
  for (const m of members) {
    for (const l of m.disputedIn) {
      deniedBy.add(l.denier);
      const d = byId.get(l.denialId);
      if (d && !denials.has(d.id)) {
        denials.set(d.id, d);
        const why =
          l.reason === 'text'
            ? `same proposition, word overlap ${l.score}`
            : l.reason === 'dyad'
              ? `same dyad, ${l.score} days apart`
              : 'near-duplicate documents';
        reasons.push(
          `denied by ${l.denier} in ${d.documentId} (${d.outlet ?? 'unknown outlet'}, ${d.published ?? 'undated'}; ${why})`,
        );
      }
    }
    // Denials the pipeline found in the claim's own document.
    for (const who of m.disputedBy) {
      if (!deniedBy.has(who)) {
        deniedBy.add(who);
        reasons.push(`denied by ${who} in the same document ${m.documentId}`);
      }
    }
  }
  reasons.push(...conflictingFigures(members));
  const assertedBy = [...new Set(members.map((m) => m.claimant))];
  const claims: BoardClaim[] = [
    ...members.map((m) => boardClaim(m, 'asserts')),
    ...[...denials.values()].map((d) => boardClaim(d, 'denies')),
  ];
  return {
    id: first.id,
    proposition: first.text,
    claimant: first.claimant,
    about: first.about,
    kind: first.kind ?? null,
    firstSeen:
      members
        .map((m) => m.published)
        .filter((p): p is string => !!p)
        .sort()[0] ?? null,
    sources: new Set(members.map((m) => m.documentId)).size,
    assertedBy,
    deniedBy: [...deniedBy],
    contradiction: reasons.length > 0,
    reasons,
    claims,
  };
}

function boardClaim(c: ClaimRow, role: BoardClaim['role']): BoardClaim {
  return {
    id: c.id,
    documentId: c.documentId,
    outlet: c.outlet,
    published: c.published,
    quote: c.quote,
    claimant: c.claimant,
    role,
  };
}

/**
 * Pairs of claims from different documents saying the same thing with other numbers: the texts
 * match once numbers are masked, and their numbers differ.
 *
 * @example conflictingFigures([claim('12 soldiers were killed'), claim('15 soldiers were killed')]) // ['conflicting figures: …']
 */
export function conflictingFigures(
  claims: readonly Pick<ClaimRow, 'id' | 'text' | 'claimant' | 'documentId' | 'outlet'>[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const numbered = claims.filter((c) => /\d/.test(c.text));
  for (let i = 0; i < numbered.length; i++) {
    for (let j = i + 1; j < numbered.length; j++) {
      const a = numbered[i]!;
      const b = numbered[j]!;
      if (a.documentId === b.documentId) continue;
      const na = a.text.match(NUMBER) ?? [];
      const nb = b.text.match(NUMBER) ?? [];
      if (na.join(' ') === nb.join(' ')) continue;
      const shape = (t: string) => t.replace(NUMBER, ' ');
      if (wordOverlap(shape(a.text), shape(b.text)) < TEXT_LINK) continue;
      const key = `${na.join(' ')}|${nb.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        `conflicting figures: ${na.join(', ')} (${a.claimant}, ${a.outlet ?? a.documentId}) vs ${nb.join(', ')} (${b.claimant}, ${b.outlet ?? b.documentId})`,
      );
    }
  }
  return out;
}
