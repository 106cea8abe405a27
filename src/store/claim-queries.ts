import type { Kysely, Transaction } from 'kysely';
import type { Claim, Doc, Relation } from '../model/types.js';
import {
  daysApart,
  DYAD_DAYS,
  dyadKey,
  LINK_WINDOW_DAYS,
  MAX_CANDIDATES,
  linkClaims,
  type LinkableClaim,
} from './claim-links.js';
import type { Database } from './schema.js';
import { paged } from './paged.js';
import type { ClaimLinkRow, ClaimRow, ListFilter, RelationRow } from './store.js';

/**
 * Links the claims of a document being saved with the stored ones (see claim-links.ts) and
 * writes the links to `claim_links`. Runs inside the document's transaction.
 *
 * @example await saveClaimLinks(trx, 'a1b2c3d4e5f60708', doc, 'a1b2c3d4e5f60708')
 */
export async function saveClaimLinks(
  trx: Transaction<Database>,
  id: string,
  doc: Doc,
  cluster: string,
): Promise<number> {
  if (!doc.claims.length) return 0;
  const dyads = new Set(doc.events.map((e) => dyadKey(e.source, e.target)));
  const fresh: LinkableClaim[] = doc.claims.map((c, i) => ({
    id: `${id}:c${i}`,
    documentId: id,
    claimant: c.claimant,
    about: c.about,
    kind: c.kind ?? null,
    text: c.text,
    published: doc.published ?? doc.reference.date,
    cluster,
    dyads,
  }));
  // Whom new claims are about (their deniers), and who denies in this document.
  const deniers = [...new Set(fresh.filter((c) => c.kind !== 'denial' && c.about).map((c) => c.about!))];
  const denied = [...new Set(fresh.filter((c) => c.kind === 'denial').map((c) => c.claimant))];
  if (!deniers.length && !denied.length) return 0;
  const published = doc.published ?? doc.reference.date;
  const candidates = (kind: 'denials' | 'claims', actors: string[]) => {
    let q = trx
      .selectFrom('claims')
      .select([
        'claims.id',
        'claims.document_id',
        'claims.claimant',
        'claims.about',
        'claims.kind',
        'claims.text',
        'claims.published',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('claim_links')
              .select('claim_links.denial_id')
              .whereRef('claim_links.denial_id', '=', 'claims.id'),
          )
          .as('linked'),
      )
      .where('claims.document_id', '<>', id);
    q =
      kind === 'denials'
        ? q.where('claims.kind', '=', 'denial').where('claims.claimant', 'in', actors)
        : q
            .where('claims.about', 'in', actors)
            .where((eb) => eb.or([eb('claims.kind', 'is', null), eb('claims.kind', '<>', 'denial')]));
    const window = dateWindow(published);
    // A plain range on the indexed date, so the index yields the newest few without a scan.
    // Undated stored claims are left out here (they link when a later save brings their match).
    if (window) q = q.where('claims.published', '>=', window[0]).where('claims.published', '<=', window[1]);
    // The most recently published first: a denial answers news, not the archive. Undated last
    // and ties by id, so every engine picks the same candidates.
    return q
      .orderBy('claims.published', (ob) => ob.desc().nullsLast())
      .orderBy('claims.id')
      .limit(MAX_CANDIDATES)
      .execute();
  };
  const rows = [
    ...(deniers.length ? await candidates('denials', deniers) : []),
    ...(denied.length ? await candidates('claims', denied) : []),
  ];
  if (!rows.length) return 0;
  // Stored documents in this one's near-duplicate cluster: none unless it joined an earlier one.
  const members = new Set<string>();
  if (cluster !== id) {
    members.add(cluster);
    const ms = await trx
      .selectFrom('documents')
      .select('id')
      .where('near_duplicate_of', '=', cluster)
      .execute();
    for (const m of ms) members.add(m.id);
  }
  const dyadsIn = new Map<string, Set<string>>();
  const linked = new Set<string>();
  const denials = rows.filter((r) => r.kind === 'denial');
  for (const r of denials) if (Number(r.linked)) linked.add(r.id);
  // Dyads matter only for unlinked denials near enough in time to link by dyad, and only
  // with the new claims' claimants.
  const claimants = [...new Set(fresh.filter((c) => c.kind !== 'denial').map((c) => c.claimant))];
  const dyadDocs = [
    ...new Set(
      denials
        .filter((r) => !linked.has(r.id) && (daysApart(r.published, published) ?? Infinity) <= DYAD_DAYS)
        .map((r) => r.document_id),
    ),
  ];
  if (claimants.length && dyadDocs.length) {
    const es = await trx
      .selectFrom('events')
      .select(['document_id', 'source', 'target'])
      .where('document_id', 'in', dyadDocs)
      .where((eb) => eb.or([eb('source', 'in', claimants), eb('target', 'in', claimants)]))
      .distinct()
      .execute();
    for (const e of es) {
      const set = dyadsIn.get(e.document_id) ?? new Set<string>();
      set.add(dyadKey(e.source, e.target));
      dyadsIn.set(e.document_id, set);
    }
  }
  const stored: LinkableClaim[] = rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    claimant: r.claimant,
    about: r.about,
    kind: r.kind,
    text: r.text,
    published: r.published,
    cluster: members.has(r.document_id) ? cluster : r.document_id,
    dyads: dyadsIn.get(r.document_id) ?? new Set(),
    linked: linked.has(r.id),
  }));
  const links = linkClaims(fresh, stored);
  if (links.length) {
    await trx
      .insertInto('claim_links')
      .values(
        links.map((l) => ({
          claim_id: l.claimId,
          denial_id: l.denialId,
          denier: l.denier,
          reason: l.reason,
          score: l.score,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return links.length;
}

/**
 * Every stored link touching the given claims, both as the disputed claim and as the denial.
 *
 * @example await linksOf(db, ['a1b2:c0'])
 */
export async function linksOf(db: Kysely<Database>, ids: readonly string[]): Promise<ClaimLinkRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('claim_links')
    .selectAll()
    .where((eb) => eb.or([eb('claim_id', 'in', ids), eb('denial_id', 'in', ids)]))
    .orderBy('claim_id')
    .orderBy('denial_id')
    .execute();
  return rows.map((r) => ({
    claimId: r.claim_id,
    denialId: r.denial_id,
    denier: r.denier,
    reason: r.reason,
    score: Number(r.score),
  }));
}

/**
 * A claim's `disputedBy` as stored: the document's own deniers plus every linked denier.
 *
 * @example unionDisputedBy(['AZE'], [{ denier: 'IRN', … }]) // ['AZE', 'IRN']
 */
export function unionDisputedBy(own: readonly string[], links: readonly ClaimLinkRow[]): string[] {
  return [...new Set([...own, ...links.map((l) => l.denier)])];
}

/**
 * Stored claims (optionally those an actor makes or is the subject of) with their links.
 *
 * @example await listClaims(db, { actor: 'AZE' })
 */
export async function listClaims(
  db: Kysely<Database>,
  f: ListFilter = {},
): Promise<{ items: ClaimRow[]; total: number }> {
  const base = db
    .selectFrom('claims')
    .innerJoin('documents', 'documents.id', 'claims.document_id')
    .where((eb) =>
      f.actor ? eb.or([eb('claims.claimant', '=', f.actor), eb('claims.about', '=', f.actor)]) : eb.and([]),
    );
  const { rows, total } = await paged(
    base,
    (q) =>
      q
        .selectAll('claims')
        .select(['documents.published', 'documents.outlet'])
        // NULLs sort first in SQLite and last in PostgreSQL: say it explicitly.
        .orderBy('documents.published', (ob) => ob.asc().nullsFirst())
        .orderBy('claims.document_id')
        .orderBy('claims.idx'),
    f,
  );
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r): ClaimRow => {
    const disputedIn = links.filter((l) => l.claimId === r.id);
    const claim: Claim = {
      claimant: r.claimant,
      about: r.about,
      text: r.text,
      quote: r.quote,
      start: Number(r.start_offset),
      end: Number(r.end_offset),
      disputedBy: unionDisputedBy(JSON.parse(r.disputed_by) as string[], disputedIn),
    };
    if (r.kind) claim.kind = r.kind as NonNullable<Claim['kind']>;
    if (r.rule) claim.rule = r.rule;
    return {
      id: r.id,
      documentId: r.document_id,
      published: r.published,
      outlet: r.outlet,
      ...claim,
      disputedIn,
      disputes: links.filter((l) => l.denialId === r.id),
    };
  });
  return { items, total };
}

/**
 * Stored relations (optionally those with an actor on either side).
 *
 * @example await listRelations(db, { actor: 'TUR' })
 */
export async function listRelations(
  db: Kysely<Database>,
  f: ListFilter = {},
): Promise<{ items: RelationRow[]; total: number }> {
  const base = db
    .selectFrom('relations')
    .innerJoin('documents', 'documents.id', 'relations.document_id')
    .where((eb) =>
      f.actor ? eb.or([eb('relations.a', '=', f.actor), eb('relations.b', '=', f.actor)]) : eb.and([]),
    );
  const { rows, total } = await paged(
    base,
    (q) =>
      q
        .selectAll('relations')
        .select(['documents.published', 'documents.outlet'])
        // NULLs sort first in SQLite and last in PostgreSQL: say it explicitly.
        .orderBy('documents.published', (ob) => ob.asc().nullsFirst())
        .orderBy('relations.document_id')
        .orderBy('relations.idx'),
    f,
  );
  const items = rows.map((r): RelationRow => {
    const rel: Relation = {
      a: r.a,
      b: r.b,
      type: r.type as Relation['type'],
      since: r.since,
      quote: r.quote,
      start: Number(r.start_offset),
      end: Number(r.end_offset),
    };
    if (r.rule) rel.rule = r.rule;
    return { id: r.id, documentId: r.document_id, published: r.published, outlet: r.outlet, ...rel };
  });
  return { items, total };
}

/**
 * The published dates within {@link LINK_WINDOW_DAYS} of a date, as `YYYY-MM-DD` bounds, or
 * null for an unknown date.
 *
 * @example dateWindow('2024-05-10') // ['2023-11-12', '2024-11-06']
 */
export function dateWindow(date: string | null): [string, string] | null {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return null;
  const t = Date.UTC(+m[1]!, (+(m[2] ?? 1) || 1) - 1, +(m[3] ?? 1) || 1);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // Stored published dates are whole days (YYYY-MM-DD), so day bounds compare as strings.
  return [day(t - LINK_WINDOW_DAYS * 86_400_000), day(t + LINK_WINDOW_DAYS * 86_400_000)];
}
