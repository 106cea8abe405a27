import type { SeriesPoint } from '../api';
import { num, QUADS } from '../format';
import { linear, ticks } from './scale';

const W = 900;
const LEFT = 48;
const RIGHT = 16;
const LINE_H = 220;
const BAR_H = 150;
const PAD = 18;

/**
 * Tension over time (line with one clickable point per period) above the events of each
 * period stacked by quad class. Periods are spaced evenly: news is bursty, and a time axis
 * would squeeze most points into a few pixels.
 *
 * @example <DyadChart points={series.points} selected="2023-04" onSelect={(p) => …} />
 */
export function DyadChart(props: {
  points: SeriesPoint[];
  selected?: string | null;
  onSelect: (period: string) => void;
}) {
  const { points, selected, onSelect } = props;
  const n = points.length;
  const step = (W - LEFT - RIGHT) / Math.max(n, 1);
  const x = (i: number) => LEFT + step * (i + 0.5);
  const tension = points.map((p) => p.tension);
  const lo = Math.min(0, ...tension);
  const hi = Math.max(0, ...tension, 1);
  const y = linear([lo, hi], [LINE_H - PAD, PAD]);
  const maxEvents = Math.max(1, ...points.map((p) => p.events));
  const yb = linear([0, maxEvents], [BAR_H - PAD, PAD + 4]);
  const barW = Math.max(2, Math.min(40, step * 0.7));
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  // Long daily series: mark only the periods that have events, the line carries the rest.
  const sparse = n > 60;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.tension).toFixed(1)}`).join('');
  return (
    <div class="dyad-chart">
      <svg viewBox={`0 0 ${W} ${LINE_H}`} role="img" aria-label="tension over time" class="tension-chart">
        {ticks(lo, hi, 4).map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} class={t === 0 ? 'axis zero' : 'grid'} />
            <text x={LEFT - 6} y={y(t) + 4} class="tick" text-anchor="end">
              {num(t, 1)}
            </text>
          </g>
        ))}
        <text x={LEFT} y={11} class="axis-title">
          tension
        </text>
        <path d={path} class="tension-line" />
        {points.map((p, i) => (
          <g
            key={p.period}
            class={`point${p.period === selected ? ' selected' : ''}`}
            data-period={p.period}
            onClick={() => onSelect(p.period)}
            role="button"
            tabIndex={0}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(p.period)}
          >
            {/* A wide invisible target: points are small, clicks should not need precision. */}
            <rect x={x(i) - step / 2} y={0} width={step} height={LINE_H} class="hit" />
            {!sparse || p.events > 0 || p.period === selected ? (
              <circle cx={x(i)} cy={y(p.tension)} r={p.period === selected ? 7 : sparse ? 4 : 5} />
            ) : null}
            <title>
              {p.period}: tension {num(p.tension, 2)}, {p.events} events, Goldstein {num(p.goldstein, 1)}
            </title>
          </g>
        ))}
      </svg>
      <svg viewBox={`0 0 ${W} ${BAR_H + 22}`} role="img" aria-label="events by quad class" class="quad-chart">
        {ticks(0, maxEvents, 3).map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - RIGHT} y1={yb(t)} y2={yb(t)} class={t === 0 ? 'axis' : 'grid'} />
            <text x={LEFT - 6} y={yb(t) + 4} class="tick" text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        <text x={LEFT} y={11} class="axis-title">
          events
        </text>
        {points.map((p, i) => {
          let base = 0;
          return (
            <g
              key={p.period}
              class={`bar${p.period === selected ? ' selected' : ''}`}
              data-period={p.period}
              onClick={() => onSelect(p.period)}
            >
              {QUADS.map((q) => {
                const v = p.quad[q.key] ?? 0;
                const top = yb(base + v);
                const h = yb(base) - top;
                base += v;
                return v ? (
                  <rect key={q.key} x={x(i) - barW / 2} y={top} width={barW} height={h} fill={q.colour}>
                    <title>
                      {p.period}: {v} {q.name.toLowerCase()}
                    </title>
                  </rect>
                ) : null;
              })}
            </g>
          );
        })}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.period} x={x(i)} y={BAR_H + 12} class="tick" text-anchor="middle">
              {p.period}
            </text>
          ) : null,
        )}
      </svg>
      <div class="legend">
        {QUADS.map((q) => (
          <span key={q.key}>
            <i style={{ background: q.colour }} /> {q.name}
          </span>
        ))}
      </div>
    </div>
  );
}
