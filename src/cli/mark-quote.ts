import type { EventRow, MentionRow } from '../store/store.js';

export type MarkRole = 'source' | 'target' | 'trigger';

/** A span of the quote to mark, in body offsets. */
export interface Mark {
  role: MarkRole;
  start: number;
  end: number;
}

/** How a marked span is drawn: plain `[text]{role}`, or ANSI colours on a terminal. */
export type MarkStyle = 'plain' | 'ansi';

const ANSI: Record<MarkRole, string> = {
  source: '\x1b[1;36m',
  target: '\x1b[1;35m',
  trigger: '\x1b[1;4;33m',
};
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/**
 * The mentions that stand for an event's source and target inside its quote: the specific
 * actor's mentions when the event names one, else the state's, else any actor of that state
 * (a ministry for its country). Of several, the source is the one nearest before the trigger
 * and the target the one nearest after it.
 *
 * @example actorMarks(event, mentions) // [{ role: 'source', start: 10, end: 14 }, …]
 */
export function actorMarks(event: EventRow, mentions: readonly MentionRow[]): Mark[] {
  const at = event.trigger?.start ?? event.start;
  const pick = (specific: string | null, state: string, prefer: 'before' | 'after'): MentionRow | null => {
    const tiers = [
      specific ? mentions.filter((m) => m.actorId === specific) : [],
      mentions.filter((m) => m.actorId === state),
      mentions.filter((m) => m.country === state),
    ];
    const found = tiers.find((t) => t.length);
    if (!found) return null;
    const side = found.filter((m) => (prefer === 'before' ? m.end <= at : m.start >= at));
    const pool = side.length ? side : found;
    return pool.reduce((a, b) => (Math.abs(b.start - at) < Math.abs(a.start - at) ? b : a));
  };
  const marks: Mark[] = [];
  const src = pick(event.sourceActor, event.source, 'before');
  if (src) marks.push({ role: 'source', start: src.start, end: src.end });
  const tgt = pick(event.targetActor, event.target, 'after');
  if (tgt && tgt !== src) marks.push({ role: 'target', start: tgt.start, end: tgt.end });
  return marks;
}

/**
 * The quote with the marks drawn in: `[Baku]{source} [summoned]{trigger} the envoy of
 * [Iran]{target}`. Marks outside the quote or overlapping an earlier one are left out, so the
 * output always reads as the quote with brackets added.
 *
 * @example markQuote('Baku summoned the envoy', 0, [{ role: 'source', start: 0, end: 4 }]) // '[Baku]{source} summoned the envoy'
 */
export function markQuote(
  quote: string,
  offset: number,
  marks: readonly Mark[],
  style: MarkStyle = 'plain',
): string {
  const sorted = [...marks]
    .map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }))
    .filter((m) => m.start >= 0 && m.end <= quote.length && m.end > m.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    const text = quote.slice(m.start, m.end);
    out += quote.slice(at, m.start);
    out +=
      style === 'ansi' ? `${ANSI[m.role]}${text}${RESET}${DIM}{${m.role}}${RESET}` : `[${text}]{${m.role}}`;
    at = m.end;
  }
  return out + quote.slice(at);
}
