import { geoEqualEarth, geoPath } from 'd3-geo';
import { useMemo } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import numericToAlpha3 from 'virtual:iso-numeric';
import countries110m from 'world-atlas/countries-110m.json';
import { api, itemsOf, type TopDyad } from '../api';
import { Load } from '../components';
import { num } from '../format';
import { href } from '../router';
import { useApi } from '../use-api';
import { useWindow, WINDOWS } from '../use-window';

const W = 960;
const H = 500;

interface Shape {
  code: string | null;
  name: string;
  d: string;
}

/** Country outlines projected once: world-atlas ids are ISO 3166 numeric, actors alpha-3. */
function useShapes(): Shape[] {
  return useMemo(() => {
    const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries);
    const projection = geoEqualEarth().fitSize([W, H], fc);
    const path = geoPath(projection);
    return fc.features.map((f) => ({
      code: f.id !== undefined ? ((numericToAlpha3 as Record<string, string>)[String(f.id)] ?? null) : null,
      name: f.properties?.name ?? '',
      d: path(f) ?? '',
    }));
  }, []);
}

/** Red for conflict above zero, blue for cooperation below, strength by share of the largest. */
function fill(v: number | undefined, max: number): string {
  if (v === undefined) return '#e7e7e7';
  const s = Math.min(1, Math.abs(v) / (max || 1));
  const light = 92 - 50 * s;
  return v >= 0 ? `hsl(4 70% ${light}%)` : `hsl(212 60% ${light}%)`;
}

type Metric = 'tension' | 'goldstein';

/** `#/map?actor=IRN&window=all&metric=tension`: every state shaded by its dyad with the chosen actor. */
export function MapPage(props: { query: URLSearchParams }) {
  const shapes = useShapes();
  const { key, from } = useWindow(props.query);
  const dyads = useApi(
    () =>
      from === null
        ? new Promise<TopDyad[]>(() => {})
        : api.dyads({ from, limit: 500 }).then((d) => itemsOf(d)),
    [from],
  );
  const chosen = props.query.get('actor');
  const asked = props.query.get('metric') as Metric | null;
  const link = (q: Record<string, string | undefined>) =>
    href('map', { actor: chosen ?? undefined, window: key, metric: asked ?? undefined, ...q });
  return (
    <div>
      <h1>Map</h1>
      <Load state={dyads} what="dyads">
        {(rows: TopDyad[]) => {
          const busiest = new Map<string, number>();
          for (const d of rows) {
            busiest.set(d.a, (busiest.get(d.a) ?? 0) + d.events);
            busiest.set(d.b, (busiest.get(d.b) ?? 0) + d.events);
          }
          const actors = [...busiest.keys()].sort();
          const actor = chosen ?? [...busiest].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
          const partners = new Map<string, TopDyad>();
          for (const d of rows) {
            if (d.a === actor) partners.set(d.b, d);
            else if (d.b === actor) partners.set(d.a, d);
          }
          // Tension is the index on the window's last day; when it is zero everywhere (no recent
          // events) the map says so and shades by the window's mean Goldstein score instead.
          const anyTension = [...partners.values()].some((d) => Math.abs(d.tension) >= 0.005);
          const metric: Metric = asked ?? (anyTension ? 'tension' : 'goldstein');
          // Both shown with conflict positive (red): Goldstein is negated.
          const value = (d: TopDyad) => (metric === 'tension' ? d.tension : -(d.goldstein / (d.events || 1)));
          const max = Math.max(0, ...[...partners.values()].map((d) => Math.abs(value(d))));
          return (
            <>
              <div class="toolbar">
                Towards
                <select
                  value={actor}
                  onChange={(e) =>
                    (location.hash = link({ actor: (e.currentTarget as HTMLSelectElement).value }))
                  }
                >
                  {actors.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
                shade by
                <a class={metric === 'tension' ? 'on' : ''} href={link({ metric: 'tension' })}>
                  tension at the window’s end
                </a>
                <a class={metric === 'goldstein' ? 'on' : ''} href={link({ metric: 'goldstein' })}>
                  mean Goldstein over the window
                </a>
                · window
                {WINDOWS.map(([k, label]) => (
                  <a key={k} class={k === key ? 'on' : ''} href={link({ window: k })}>
                    {label}
                  </a>
                ))}
              </div>
              <p class="muted">
                {!asked && !anyTension
                  ? `No dyad of ${actor} has tension on the window’s last day, so states are shaded by their mean Goldstein score. `
                  : ''}
                Red: conflict, blue: cooperation, grey: no events, dark: {actor}. Click a state for the dyad.
              </p>
              <svg
                viewBox={`0 0 ${W} ${H}`}
                class="map"
                data-testid="map"
                role="img"
                aria-label={`${metric} towards ${actor}`}
              >
                {shapes.map((s, i) => {
                  const d = s.code ? partners.get(s.code) : undefined;
                  const self = s.code === actor;
                  return (
                    <path
                      key={i}
                      d={s.d}
                      fill={self ? '#2b3445' : fill(d ? value(d) : undefined, max)}
                      class={d ? 'has-dyad' : ''}
                      data-code={s.code ?? undefined}
                      onClick={() => d && s.code && (location.hash = href('dyad', actor, s.code))}
                    >
                      <title>
                        {s.name}
                        {d
                          ? `: ${d.events} events, tension ${num(d.tension, 2)}, mean Goldstein ${num(d.goldstein / (d.events || 1), 1)}`
                          : self
                            ? ' (chosen actor)'
                            : ''}
                      </title>
                    </path>
                  );
                })}
              </svg>
            </>
          );
        }}
      </Load>
    </div>
  );
}
