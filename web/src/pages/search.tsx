import { api, itemsOf } from '../api';
import { Load, Marked } from '../components';
import { href } from '../router';
import { useApi } from '../use-api';

/** `#/search?q=…`: full-text search over the stored articles. */
export function SearchPage(props: { query: URLSearchParams }) {
  const q = props.query.get('q') ?? '';
  const hits = useApi(() => (q ? api.search(q).then((h) => itemsOf(h)) : Promise.resolve([])), [q]);
  const submit = (e: Event) => {
    e.preventDefault();
    const value = new FormData(e.currentTarget as HTMLFormElement).get('q');
    location.hash = href('search', { q: typeof value === 'string' ? value.trim() : '' });
  };
  return (
    <div>
      <h1>Search</h1>
      <form class="filters" onSubmit={submit}>
        <input name="q" defaultValue={q} placeholder="words in titles and bodies" size={40} autoFocus />
        <button type="submit">Search</button>
      </form>
      {q ? (
        <Load state={hits} what="results">
          {(rows) =>
            rows.length ? (
              <ol class="hits" data-testid="search-hits">
                {rows.map((h) => (
                  <li key={h.id}>
                    <a href={href('doc', h.id)}>
                      <Marked text={h.titleMarked ?? h.title ?? h.id} open="«" close="»" />
                    </a>{' '}
                    <span class="muted">{[h.outlet, h.published].filter(Boolean).join(' · ')}</span>
                    <div class="snippet">
                      <Marked text={h.snippet} open="«" close="»" />
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">Nothing matches “{q}”.</p>
            )
          }
        </Load>
      ) : null}
    </div>
  );
}
