import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Wraps a dynamic `import()` of a page so its code (Cytoscape, the map's geometry) is fetched
 * only when the page is first shown; the first render stays small.
 *
 * @example const Network = lazyPage(() => import('./pages/network'), 'NetworkPage')
 */
export function lazyPage<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): ComponentType<P> {
  let cached: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | undefined>(() => cached);
    const [error, setError] = useState<string>();
    useEffect(() => {
      if (cached) return;
      load().then(
        (m) => {
          cached = m[name];
          setPage(() => cached);
        },
        (err: Error) => setError(err.message),
      );
    }, []);
    if (error) return <p class="error">Could not load this page: {error}</p>;
    if (!Page) return <p class="muted">Loading…</p>;
    return <Page {...props} />;
  };
}
