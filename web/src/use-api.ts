import { useEffect, useState } from 'preact/hooks';

/** The state of one request: loading, its data, or its error message. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * Runs `load` whenever a dependency changes and keeps the latest answer; a stale answer
 * (dependencies changed meanwhile) is dropped.
 *
 * @example const docs = useApi(() => api.documents({ limit: 10 }), [])
 */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (err: Error) => live && setState({ data: undefined, error: err.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
