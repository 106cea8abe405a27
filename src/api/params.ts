import { z } from '@hono/zod-openapi';
import { firstDayOf, lastDayOf } from '../analysis/periods.js';
import { invalidParameter } from './problem.js';

/**
 * Parameter schemas shared by the routes. Each states its own error text, so a bad value is
 * answered with `invalid query parameter 'NAME': TEXT` (see problem.ts).
 */

/** Largest page a list route returns. */
export const MAX_LIMIT = 500;

const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TEXT = 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD';

/** A whole number in [min, max] from a query string; add `.optional()` or `.default(n)`. */
export function intParam(min: number, max: number) {
  const text =
    max === Infinity ? `expected a whole number ≥ ${min}` : `expected a whole number ${min}–${max}`;
  return z.coerce
    .number({ error: text })
    .int({ error: text })
    .min(min, { error: text })
    .max(max === Infinity ? Number.MAX_SAFE_INTEGER : max, { error: text });
}

/** A calendar date at year, month or day precision (`2024`, `2024-03`, `2024-03-04`). */
export const dateParam = z
  .string()
  .regex(DATE, { error: DATE_TEXT })
  .refine(validDay, { error: DATE_TEXT })
  .optional();

/** An actor code: a state code (`IRN`) or an actor id (`person:ilham-aliyev`, `igo:nato`). */
export const actorParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}$/, {
  error: 'expected an actor code such as IRN or an actor id such as person:ilham-aliyev',
});

/** A state-level code as used on either side of a dyad (`IRN`, `---` is never a dyad side). */
export const codeParam = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{1,15}$/, { error: 'expected an actor code such as IRN' })
  .transform((s) => s.toUpperCase());

/** `IRN-AZE`: two codes joined by `-`, either order. */
export const dyadParam = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{1,15}-[A-Za-z][A-Za-z0-9_]{1,15}$/, {
    error: "expected two actor codes joined by '-', such as IRN-AZE",
  })
  .transform((s) => s.toUpperCase().split('-') as [string, string])
  .optional();

export const intervalParam = z.enum(['day', 'week', 'month'], { error: 'expected day, week or month' });

/** Whether a happening reported by several documents counts once (`true`, default) or per report. */
export const groupedParam = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .default('true')
  .openapi({ description: 'count one happening once (true, default) or every report (false)' });

export const quadParam = intParam(1, 4).optional().openapi({
  description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict',
});

export const limitParam = (fallback = 50) =>
  intParam(1, MAX_LIMIT)
    .default(fallback)
    .openapi({ description: `rows per page, at most ${MAX_LIMIT}` });

export const offsetParam = intParam(0, Infinity).default(0).openapi({ description: 'rows to skip' });

/** Document ids are hex (the first 16 of the content hash); a unique prefix of 4 or more works. */
export const documentIdParam = z
  .string()
  .regex(/^[0-9a-fA-F]{4,64}$/, { error: 'expected a document id: 4 to 64 hex digits' });

/** Event ids are `<document id>:e<index>`; a unique prefix works as for documents. */
export const eventIdParam = z
  .string()
  .regex(/^[0-9a-fA-F]{4,64}(?::e\d{1,6})?$/, { error: 'expected an event id such as 3fa2c1d4e5f60718:e4' });

/**
 * Refuses `to` before `from` (compared at their precisions, so `from=2024-03-15&to=2024` passes),
 * which the analysis would report as an error of its own and the store would answer with nothing.
 *
 * @example checkRange('2024-03', '2024-01') // throws a 400 naming 'to'
 */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && lastDayOf(to) < firstDayOf(from))
    throw invalidParameter('query', 'to', `${to} is before 'from' (${from})`);
}

function validDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCDate() === +m[3];
}
