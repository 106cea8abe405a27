/**
 * Small hand-built SVG charts for standalone briefs: no library, no external asset, every
 * label escaped. Sizes are in SVG user units; the charts scale with their container.
 */

/**
 * Text made safe for HTML and SVG bodies and attribute values.
 *
 * @example escapeHtml('<b>"x" & y</b>') // '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface ChartSize {
  width?: number;
  height?: number;
  title: string;
}

const PAD = { left: 44, right: 36, top: 24, bottom: 34 };

/**
 * A line chart of one value per labelled period, with a zero line and the min/max marked on
 * the axis. Returns an `<svg>` string.
 *
 * @example lineChart([{ label: '2024-01', value: 1.5 }, { label: '2024-02', value: -0.5 }], { title: 'tension' })
 */
export function lineChart(points: readonly { label: string; value: number }[], size: ChartSize): string {
  const width = size.width ?? 720;
  const height = size.height ?? 220;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) * plotH) / span;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="#b3261e"><title>${escapeHtml(
          `${p.label}: ${p.value.toFixed(2)}`,
        )}</title></circle>`,
    )
    .join('');
  return svg(width, height, size.title, [
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#999" stroke-dasharray="3 3"/>`,
    axisLabel(PAD.left - 6, y(hi) + 4, hi.toFixed(1)),
    axisLabel(PAD.left - 6, y(lo) + 4, lo.toFixed(1)),
    lo < 0 && hi > 0 ? axisLabel(PAD.left - 6, y(0) + 4, '0') : '',
    points.length ? `<path d="${path}" fill="none" stroke="#b3261e" stroke-width="2"/>` : '',
    dots,
    xLabels(
      points.map((p) => p.label),
      x,
      height,
    ),
  ]);
}

/**
 * Stacked bars: per labelled period, one segment per series (bottom first). Returns an `<svg>`
 * string with a legend.
 *
 * @example stackedBars([{ label: '2024-01', values: [1, 0, 2, 1] }], ['verbal coop', 'material coop', 'verbal conflict', 'material conflict'], ['#8fb', '#3a7', '#fb8', '#c33'], { title: 'events' })
 */
export function stackedBars(
  points: readonly { label: string; values: readonly number[] }[],
  names: readonly string[],
  colors: readonly string[],
  size: ChartSize,
): string {
  const width = size.width ?? 720;
  const height = size.height ?? 220;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const max = Math.max(1, ...points.map((p) => p.values.reduce((s, v) => s + v, 0)));
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(1, slot * 0.7);
  const bars = points.flatMap((p, i) => {
    let base = PAD.top + plotH;
    return p.values.map((v, k) => {
      const h = (v * plotH) / max;
      base -= h;
      if (!v) return '';
      return `<rect x="${(PAD.left + i * slot + (slot - barW) / 2).toFixed(1)}" y="${base.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${escapeHtml(colors[k] ?? '#888')}"><title>${escapeHtml(`${p.label} ${names[k] ?? ''}: ${v}`)}</title></rect>`;
    });
  });
  const legend = names
    .map(
      (n, k) =>
        `<rect x="${PAD.left + k * 150}" y="6" width="10" height="10" fill="${escapeHtml(colors[k] ?? '#888')}"/>` +
        `<text x="${PAD.left + k * 150 + 14}" y="15" font-size="11">${escapeHtml(n)}</text>`,
    )
    .join('');
  return svg(width, height, size.title, [
    axisLabel(PAD.left - 6, PAD.top + 4, String(max)),
    axisLabel(PAD.left - 6, PAD.top + plotH + 4, '0'),
    ...bars,
    legend,
    xLabels(
      points.map((p) => p.label),
      (i) => PAD.left + i * slot + slot / 2,
      height,
    ),
  ]);
}

function svg(width: number, height: number, title: string, parts: readonly string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(title)}" font-family="sans-serif"><title>${escapeHtml(title)}</title>` +
    `${parts.join('')}</svg>`
  );
}

function axisLabel(x: number, y: number, text: string): string {
  return `<text x="${x}" y="${y.toFixed(1)}" font-size="10" text-anchor="end" fill="#555">${escapeHtml(text)}</text>`;
}

/** At most about eight evenly spread period labels, so they never overlap. */
function xLabels(labels: readonly string[], x: (i: number) => number, height: number): string {
  const step = Math.max(1, Math.ceil(labels.length / 8));
  return labels
    .map((l, i) =>
      i % step === 0 || i === labels.length - 1
        ? `<text x="${x(i).toFixed(1)}" y="${height - 12}" font-size="10" text-anchor="middle" fill="#555">${escapeHtml(l)}</text>`
        : '',
    )
    .join('');
}
