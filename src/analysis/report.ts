import { cameoRegistry } from '../model/cameo.js';
import type { EventRow, Store } from '../store/store.js';
import { tensionParams, type TensionParams } from './analysis-params.js';
import { alerts, type Alert } from './alerts.js';
import { dayNumber, firstDayOf, lastDayOf, periodOf, type Interval } from './periods.js';
import { dyadSeries, windowEvents, type DyadSeries, type SeriesPoint } from './series.js';
import { escapeHtml, lineChart, stackedBars } from './svg-charts.js';
import { contributionTo, eventDay } from './tension.js';

export interface BriefOptions {
  a: string;
  b: string;
  /** Partial dates bounding the brief. */
  from: string;
  to: string;
  format: 'html' | 'md';
  /** Default: week for ranges up to 120 days, else month. */
  interval?: Interval;
  /** Key events listed (default 10). */
  keyEvents?: number;
  grouped?: boolean;
  params?: TensionParams;
}

/** A key event: an event and its contribution to the tension of its period's point. */
interface KeyEvent {
  event: EventRow;
  contribution: number;
  period: string;
}

/** Everything a brief shows, computed once and written as HTML or Markdown. */
interface BriefData {
  opts: BriefOptions;
  interval: Interval;
  series: DyadSeries;
  alerts: Alert[];
  keyEvents: KeyEvent[];
  documents: number;
}

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLORS = ['#9ecae1', '#3182bd', '#fdae6b', '#d94801'];

/**
 * A standalone brief on one dyad over a date range: summary numbers, inline SVG charts (tension
 * over time, events by quad class), the alerts of the range and the key events (largest
 * |contribution| to the tension), each cited with its quote, document and event id. No external
 * asset; every text from the store is escaped. Reads no clock: the same store and options give
 * the same bytes.
 *
 * @example await brief(store, { a: 'IRN', b: 'AZE', from: '2024-01', to: '2024-06', format: 'html' })
 */
export async function brief(store: Store, opts: BriefOptions): Promise<string> {
  const p = opts.params ?? tensionParams();
  const from = firstDayOf(opts.from);
  const to = lastDayOf(opts.to);
  if (from > to) throw new Error(`the brief starts (${from}) after it ends (${to}); check --from and --to`);
  const interval = opts.interval ?? (dayNumber(to) - dayNumber(from) <= 120 ? 'week' : 'month');
  const grouped = opts.grouped ?? true;
  const series = await dyadSeries(store, opts.a, opts.b, {
    interval,
    from,
    to,
    grouped,
    idsPerPoint: 0,
    params: p,
  });
  const found = await alerts(store, { dyad: [opts.a, opts.b], interval, from, to, grouped, tension: p });
  const events = await windowEvents(store, opts.a, opts.b, from, to, grouped);
  const byPeriod = new Map(series.points.map((pt) => [pt.period, pt]));
  const keyEvents = events
    .flatMap((event): KeyEvent[] => {
      const day = eventDay(event.date);
      if (!day) return [];
      const period = periodOf(day, interval);
      const pt = byPeriod.get(period);
      return pt ? [{ event, period, contribution: contributionTo(event, pt.asOf, pt.attention, p) }] : [];
    })
    .sort(
      (x, y) =>
        Math.abs(y.contribution) - Math.abs(x.contribution) ||
        x.event.date!.localeCompare(y.event.date!) ||
        x.event.id.localeCompare(y.event.id),
    )
    .slice(0, opts.keyEvents ?? 10);
  const data: BriefData = {
    opts: { ...opts, from, to },
    interval,
    series,
    alerts: found,
    keyEvents,
    documents: new Set(events.map((e) => e.documentId)).size,
  };
  return opts.format === 'html' ? html(data) : markdown(data);
}

/** The headline numbers of a brief. */
function summary(d: BriefData) {
  const pts = d.series.points;
  const sum = (f: (pt: SeriesPoint) => number) => pts.reduce((s, pt) => s + f(pt), 0);
  const events = sum((pt) => pt.events);
  const goldstein = Math.round(sum((pt) => pt.goldstein) * 1e6) / 1e6;
  const peak = pts.reduce<SeriesPoint | null>((m, pt) => (!m || pt.tension > m.tension ? pt : m), null);
  return {
    events,
    ab: sum((pt) => pt.directions.ab.events),
    ba: sum((pt) => pt.directions.ba.events),
    quads: [1, 2, 3, 4].map((q) => sum((pt) => pt.quad[String(q) as '1'])),
    goldstein,
    goldsteinMean: events ? goldstein / events : 0,
    first: pts[0]?.tension ?? 0,
    last: pts.at(-1)?.tension ?? 0,
    peak,
  };
}

function title(d: BriefData): string {
  return `${d.opts.a}–${d.opts.b} brief, ${d.opts.from} to ${d.opts.to}`;
}

function charts(d: BriefData): { tension: string; quads: string } {
  const pts = d.series.points;
  return {
    tension: lineChart(
      pts.map((pt) => ({ label: pt.period, value: pt.tension })),
      { title: `tension per ${d.interval} (end of period)` },
    ),
    quads: stackedBars(
      pts.map((pt) => ({
        label: pt.period,
        values: [pt.quad['1'], pt.quad['2'], pt.quad['3'], pt.quad['4']],
      })),
      QUADS,
      QUAD_COLORS,
      { title: `events per ${d.interval} by quad class` },
    ),
  };
}

function codeName(code: string): string {
  return cameoRegistry().byCode.get(code)?.name ?? '';
}

function num(x: number, digits = 2): string {
  return x.toFixed(digits);
}

function html(d: BriefData): string {
  const s = summary(d);
  const c = charts(d);
  const e = escapeHtml;
  const row = (k: string, v: string) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`;
  const alertItems = d.alerts.length
    ? `<ul>${d.alerts
        .map(
          (al) =>
            `<li><strong>${e(al.kind)}</strong> ${e(al.period)} (score ${e(num(al.score, 1))}): ${e(al.reason)}` +
            `<br><small>evidence: ${al.eventIds.map((id) => `<code>${e(id)}</code>`).join(', ') || 'none'}</small></li>`,
        )
        .join('')}</ul>`
    : '<p>No alerts in this range.</p>';
  const keyItems = d.keyEvents.length
    ? `<ol>${d.keyEvents
        .map(
          (k) =>
            `<li><p><strong>${e(k.event.date ?? '')}</strong> ${e(k.event.source)} → ${e(k.event.target)}, ` +
            `${e(k.event.code)} ${e(codeName(k.event.code))} (Goldstein ${e(num(k.event.goldstein, 1))}, ${e(k.event.modality)}), ` +
            `contribution ${e(num(k.contribution, 3))} to ${e(k.period)}</p>` +
            `<blockquote>${e(k.event.quote)}</blockquote>` +
            `<p class="cite">${e(k.event.title ?? 'untitled')} — ${e(k.event.outlet ?? 'unknown outlet')}, ` +
            `${e(k.event.published ?? 'undated')} · event <code>${e(k.event.id)}</code></p></li>`,
        )
        .join('')}</ol>`
    : '<p>No dated events in this range.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(title(d))}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse}th,td{text-align:left;padding:.2em .8em;border-bottom:1px solid #ddd}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #bbb;color:#333}
.cite{color:#555;font-size:.9em}code{font-size:.85em}.formula{font-size:.85em;color:#444}
</style>
</head>
<body>
<h1>${e(title(d))}</h1>
<h2>Summary</h2>
<table>
${row('events', `${s.events} (${d.opts.a} → ${d.opts.b}: ${s.ab}, ${d.opts.b} → ${d.opts.a}: ${s.ba}) from ${d.documents} documents`)}
${QUADS.map((q, i) => row(q, String(s.quads[i]))).join('\n')}
${row('Goldstein', `sum ${num(s.goldstein, 1)}, mean ${num(s.goldsteinMean)}`)}
${row('tension', `${num(s.first)} at the first ${d.interval}, ${num(s.last)} at the last (change ${num(s.last - s.first)})`)}
${row('peak', s.peak ? `${num(s.peak.tension)} in ${s.peak.period}` : 'none')}
${row('alerts', String(d.alerts.length))}
</table>
<h2>Tension</h2>
${c.tension}
<h2>Events by quad class</h2>
${c.quads}
<h2>Alerts</h2>
${alertItems}
<h2>Key events</h2>
${keyItems}
<p class="formula">${e(d.series.formula)}</p>
</body>
</html>
`;
}

/** Markdown text: HTML-escaped (renderers pass raw HTML through) and Markdown's marks backslashed. */
function md(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]|#])/g, '\\$1');
}

function markdown(d: BriefData): string {
  const s = summary(d);
  const c = charts(d);
  const image = (svg: string, alt: string) =>
    `![${md(alt)}](data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')})`;
  const lines = [
    `# ${md(title(d))}`,
    '',
    '## Summary',
    '',
    '| | |',
    '|---|---|',
    `| events | ${s.events} (${md(d.opts.a)} → ${md(d.opts.b)}: ${s.ab}, ${md(d.opts.b)} → ${md(d.opts.a)}: ${s.ba}) from ${d.documents} documents |`,
    ...QUADS.map((q, i) => `| ${q} | ${s.quads[i]} |`),
    `| Goldstein | sum ${num(s.goldstein, 1)}, mean ${num(s.goldsteinMean)} |`,
    `| tension | ${num(s.first)} at the first ${d.interval}, ${num(s.last)} at the last (change ${num(s.last - s.first)}) |`,
    `| peak | ${s.peak ? `${num(s.peak.tension)} in ${s.peak.period}` : 'none'} |`,
    `| alerts | ${d.alerts.length} |`,
    '',
    '## Tension and events',
    '',
    image(c.tension, 'tension'),
    '',
    image(c.quads, 'events by quad class'),
    '',
    `| ${d.interval} | events | verbal coop | material coop | verbal conflict | material conflict | Goldstein | tension |`,
    '|---|---|---|---|---|---|---|---|',
    ...d.series.points.map(
      (pt) =>
        `| ${pt.period} | ${pt.events} | ${pt.quad['1']} | ${pt.quad['2']} | ${pt.quad['3']} | ${pt.quad['4']} | ${num(pt.goldstein, 1)} | ${num(pt.tension)} |`,
    ),
    '',
    '## Alerts',
    '',
    ...(d.alerts.length
      ? d.alerts.map(
          (al) =>
            `- **${al.kind}** ${al.period} (score ${num(al.score, 1)}): ${md(al.reason)}; evidence: ${al.eventIds.map((id) => `\`${id}\``).join(', ') || 'none'}`,
        )
      : ['No alerts in this range.']),
    '',
    '## Key events',
    '',
    ...(d.keyEvents.length
      ? d.keyEvents.flatMap((k, i) => [
          `${i + 1}. **${md(k.event.date ?? '')}** ${md(k.event.source)} → ${md(k.event.target)}, ${md(k.event.code)} ${md(codeName(k.event.code))} (Goldstein ${num(k.event.goldstein, 1)}, ${md(k.event.modality)}), contribution ${num(k.contribution, 3)} to ${md(k.period)}`,
          '',
          `   > ${md(k.event.quote.replace(/\s+/g, ' '))}`,
          '',
          `   ${md(k.event.title ?? 'untitled')} — ${md(k.event.outlet ?? 'unknown outlet')}, ${md(k.event.published ?? 'undated')} · event \`${k.event.id}\``,
          '',
        ])
      : ['No dated events in this range.', '']),
    `_${md(d.series.formula)}_`,
    '',
  ];
  return lines.join('\n');
}
