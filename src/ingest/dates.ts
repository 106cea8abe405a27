const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/**
 * A stated date as YYYY-MM-DD: ISO 8601 (Atom, JSONL) or RFC 822 (RSS), keeping the day as
 * written in its own time zone; null when it cannot be read.
 *
 * @example statedDay('Fri, 27 Jan 2023 23:30:00 -0500') // '2023-01-27'
 */
export function statedDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return validDay(iso[1], iso[2], iso[3]);
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(s);
  if (rfc) {
    const month = MONTHS[rfc[2].toLowerCase()];
    if (month) return validDay(rfc[3], month, rfc[1].padStart(2, '0'));
  }
  return null;
}

function validDay(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const ok =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d);
  return ok ? `${y}-${m}-${d}` : null;
}
