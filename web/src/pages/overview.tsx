import { api, itemsOf, type Alert, type TopDyad } from '../api';
import { Card, DyadLink, EventLink, Load } from '../components';
import { num, plural } from '../format';
import { href } from '../router';
import { useApi } from '../use-api';
import { useWindow, WINDOWS } from '../use-window';

/** Row counts of the store, from `/api/health`. */
function Counts() {
  const health = useApi(() => api.health(), []);
  const counts: Record<string, number> = health.data?.counts ?? {};
  const shown = ['documents', 'actors', 'mentions', 'events', 'claims', 'relations'].filter(
    (k) => counts[k] !== undefined,
  );
  return (
    <div class="counts" data-testid="counts">
      {shown.map((k) => (
        <div key={k} class="count">
          <b data-count={k}>{counts[k]}</b>
          <span>{k}</span>
        </div>
      ))}
    </div>
  );
}

/** A first page of the stored documents. */
function Documents() {
  const docs = useApi(() => api.documents({ limit: 10 }), []);
  return (
    <>
      <Card title={docs.data ? `Documents (${docs.data.total})` : 'Documents'}>
        <Load state={docs} what="documents">
          {(d) => (
            <ul class="plain">
              {d.items.map((doc) => (
                <li key={doc.id}>
                  <a href={href('doc', doc.id)}>{doc.title ?? doc.id}</a>{' '}
                  <span class="muted">
                    {doc.outlet ?? ''} {doc.published ?? ''} · {plural(doc.eventCount, 'event')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Load>
      </Card>
    </>
  );
}

function DyadTable(props: { rows: TopDyad[]; testid: string; empty: string }) {
  if (!props.rows.length) return <p class="muted">{props.empty}</p>;
  return (
    <table data-testid={props.testid}>
      <thead>
        <tr>
          <th>Dyad</th>
          <th class="n">Events</th>
          <th class="n">Goldstein</th>
          <th class="n" title="highest daily tension in the window">
            Peak
          </th>
          <th class="n" title="tension on the window's last day">
            Tension
          </th>
          <th class="n" title="since the previous window's last day">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((d) => (
          <tr key={`${d.a}-${d.b}`}>
            <td>
              <DyadLink a={d.a} b={d.b} />
            </td>
            <td class="n">{d.events}</td>
            <td class="n">{num(d.goldstein, 1)}</td>
            <td class="n" title={`on ${d.peakDay}`}>
              {num(d.peak, 2)}
            </td>
            <td class="n">{num(d.tension, 2)}</td>
            <td class={`n ${d.change > 0 ? 'up' : d.change < 0 ? 'down' : ''}`}>{num(d.change, 2, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AlertList(props: { alerts: Alert[] }) {
  if (!props.alerts.length) return <p class="muted">No alerts.</p>;
  return (
    <ul class="alerts plain">
      {props.alerts.slice(0, 12).map((a) => (
        <li key={a.id} class={a.kind}>
          <span class="badge">{a.kind}</span> <DyadLink a={a.a} b={a.b} />{' '}
          <a class="muted" href={href('dyad', a.a, a.b, { interval: a.interval, period: a.period })}>
            {a.interval ? `${a.interval} of ` : ''}
            {a.period}
          </a>
          <div>{a.reason}</div>
          {a.eventIds.slice(0, 4).map((id, i) => (
            <EventLink key={id} id={id}>
              sentence {i + 1}
            </EventLink>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The first page: counts, the most active dyads, the biggest tension changes and alerts. */
export function OverviewPage(props: { query: URLSearchParams }) {
  const { key, from, latest } = useWindow(props.query);
  const dyads = useApi(
    () =>
      from === null
        ? new Promise<TopDyad[]>(() => {})
        : api.dyads({ from, limit: 10 }).then((d) => itemsOf(d)),
    [from],
  );
  const changes = useApi(
    () =>
      from === null
        ? new Promise<TopDyad[]>(() => {})
        : api.dyads({ from, limit: 8, sort: 'change' }).then((d) => itemsOf(d)),
    [from],
  );
  const alerts = useApi(
    () => (from === null ? new Promise<Alert[]>(() => {}) : api.alerts({ from }).then((d) => itemsOf(d))),
    [from],
  );
  return (
    <div class="overview">
      <h1>Overview</h1>
      <p class="toolbar">
        Window:
        {WINDOWS.map(([k, label]) => (
          <a key={k} class={k === key ? 'on' : ''} href={href('', { window: k })}>
            {label}
          </a>
        ))}
        {latest ? <span class="muted">ending on the latest event, {latest}</span> : null}
      </p>
      <Counts />
      <div class="grid">
        <div>
          <Documents />
        </div>
        <div>
          <Card title="Most active dyads">
            <Load state={dyads} what="dyads">
              {(rows) => <DyadTable testid="active-dyads" empty="No dyads in this window." rows={rows} />}
            </Load>
          </Card>
          <Card title="Biggest tension changes">
            <Load state={changes} what="dyads">
              {(rows) => (
                <DyadTable
                  testid="tension-changes"
                  empty="No tension changes in this window."
                  rows={rows.filter((d) => Math.abs(d.change) >= 0.005)}
                />
              )}
            </Load>
          </Card>
          <Card title="Alerts">
            <Load state={alerts} what="alerts">
              {(rows) => <AlertList alerts={rows} />}
            </Load>
          </Card>
        </div>
      </div>
    </div>
  );
}
