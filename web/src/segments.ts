/** A span of the body to mark, with what it is (actor mention, event sentence …). */
export interface Mark {
  start: number;
  end: number;
  kind: string;
  /** Index of the thing marked in its own list (the event's index in `doc.events` …). */
  index: number;
  /** For mentions, the actor id the span links to. */
  ref?: string | null;
}

/** A run of body text covered by the same set of marks. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

/**
 * Cuts `body` at every mark boundary, so overlapping marks (an actor mention inside two
 * events' sentence) render as flat runs that each know every mark covering them. Offsets
 * index the body, as the pipeline stores them; marks outside it are clipped.
 *
 * @example segments('Iran warned Baku.', [{ start: 0, end: 4, kind: 'mention', index: 0 }])
 * // [{ text: 'Iran', marks: [mention] }, { text: ' warned Baku.', marks: [] }]
 */
export function segments(body: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(body.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, body.length]);
  for (const m of valid) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({
      start,
      end,
      text: body.slice(start, end),
      marks: valid.filter((m) => m.start <= start && m.end >= end),
    });
  }
  return out;
}
