import { useEffect, useState } from 'preact/hooks';

/** A parsed hash route: `#/dyad/IRN/AZE?interval=week` → parts ['dyad','IRN','AZE'], query. */
export interface Route {
  parts: string[];
  query: URLSearchParams;
}

/**
 * Parses a location hash into its path parts and query.
 *
 * @example parseHash('#/doc/abc?event=abc:e2') // { parts: ['doc','abc'], query: event=abc:e2 }
 */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/**
 * Builds a hash link from path parts and an optional query (empty values left out).
 *
 * @example href('dyad', 'IRN', 'AZE') // '#/dyad/IRN/AZE'
 */
export function href(...parts: (string | Record<string, string | number | undefined>)[]): string {
  const segs: string[] = [];
  const params = new URLSearchParams();
  for (const p of parts) {
    if (typeof p === 'string') segs.push(encodeURIComponent(p));
    else for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `#/${segs.join('/')}${qs ? `?${qs}` : ''}`;
}

/** The current hash route, updated on every `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
