import { api } from '../api';
import { Load } from '../components';
import { href } from '../router';
import { useApi } from '../use-api';
import { EventTable } from './event-table';

const FILTERS = [
  ['actor', 'Actor', 'IRN'],
  ['dyad', 'Dyad', 'IRN-AZE'],
  ['code', 'Code', '111'],
  ['quad', 'Quad', '1–4'],
  ['from', 'From', '2023-01'],
  ['to', 'To', '2024-12'],
  ['modality', 'Modality', 'asserted'],
  ['outlet', 'Outlet', ''],
] as const;
const PAGE = 50;

/** `#/events?actor=…&dyad=A-B&…`: stored events, filtered, a page at a time. */
export function EventsPage(props: { query: URLSearchParams }) {
  const q = Object.fromEntries(props.query);
  const offset = Number(q.offset ?? 0) || 0;
  const grouped = q.grouped === 'true';
  const events = useApi(
    () => api.events({ ...q, grouped: grouped || undefined, limit: PAGE, offset }),
    [props.query.toString()],
  );
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === 'string' && v.trim()) next[k] = v.trim();
    location.hash = href('events', next);
  };
  return (
    <div>
      <h1>Events</h1>
      <form class="filters" onSubmit={submit}>
        {FILTERS.map(([name, label, placeholder]) => (
          <label key={name}>
            {label}
            <input name={name} defaultValue={q[name] ?? ''} placeholder={placeholder} size={10} />
          </label>
        ))}
        <label class="check">
          <input type="checkbox" name="grouped" value="true" defaultChecked={grouped} /> one row per real
          event
        </label>
        <button type="submit">Filter</button>
      </form>
      <Load state={events} what="events">
        {(ev) => (
          <>
            <p class="muted" data-testid="events-total">
              {ev.total} events
              {ev.total > PAGE ? `, showing ${offset + 1}–${Math.min(offset + PAGE, ev.total)}` : ''}
            </p>
            <EventTable rows={ev.items} />
            <p class="pager">
              {offset > 0 ? (
                <a href={href('events', { ...q, offset: Math.max(0, offset - PAGE) })}>← previous</a>
              ) : null}
              {offset + PAGE < ev.total ? (
                <a href={href('events', { ...q, offset: offset + PAGE })}>next →</a>
              ) : null}
            </p>
          </>
        )}
      </Load>
    </div>
  );
}
