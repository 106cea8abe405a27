import type { SelectQueryBuilder } from 'kysely';

/** How much of a list to return: at most `limit` rows (50 by default) after `offset`. */
export interface PageFilter {
  limit?: number;
  offset?: number;
}

/**
 * One page of a filtered list plus the total it is cut from: `select` adds the columns and
 * order to `base`, the page bounds and the count are written here once for every list.
 *
 * @example await paged(db.selectFrom('claims'), (q) => q.selectAll().orderBy('id'), { limit: 10 })
 */
export async function paged<DB, TB extends keyof DB, R>(
  base: SelectQueryBuilder<DB, TB, object>,
  select: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, R>,
  f: PageFilter,
): Promise<{ rows: R[]; total: number }> {
  const rows = (await select(base)
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute()) as R[];
  // Kysely cannot name the aliased column through the generic tables: say its shape.
  const { n } = (await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string };
  return { rows, total: Number(n) };
}
