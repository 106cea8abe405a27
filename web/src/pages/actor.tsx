import { api } from '../api';
import { ActorLink, Card, DyadLink, Load, Quote } from '../components';
import { href } from '../router';
import { useApi } from '../use-api';
import { EventTable } from './event-table';

/** `#/actor/ID`: the actor's mentions, its events as source and as target, its relations. */
export function ActorPage(props: { id: string }) {
  const { id } = props;
  const detail = useApi(() => api.actor(id), [id]);
  const events = useApi(() => api.events({ actor: id, limit: 200 }), [id]);
  const relations = useApi(() => api.relations({ actor: id, limit: 100 }), [id]);
  const info = detail.data;
  return (
    <div class="actor-page">
      <h1>
        {info?.name ?? id} <code>{id}</code>
      </h1>
      <p class="muted">
        {[
          info?.kind,
          info?.country ? `country ${info.country}` : null,
          info ? `${info.mentions} mentions in ${info.documents} documents` : null,
        ]
          .filter(Boolean)
          .join(' · ')}{' '}
        · <a href={href('map', { actor: id })}>map of tension towards {id}</a>
      </p>
      <div class="grid wide-left">
        <div>
          <Load state={events} what="events">
            {(ev) => {
              const asSource = ev.items.filter((e) => e.source === id || e.sourceActor === id);
              const asTarget = ev.items.filter((e) => !asSource.includes(e));
              const partners = new Map<string, number>();
              for (const e of ev.items) {
                const other = asSource.includes(e) ? e.target : e.source;
                if (other && other !== id) partners.set(other, (partners.get(other) ?? 0) + 1);
              }
              return (
                <>
                  <Card title="Dyads">
                    <p class="chips">
                      {[...partners]
                        .sort((x, y) => y[1] - x[1])
                        .map(([p, n]) => (
                          <span key={p} class="chip">
                            <DyadLink a={id} b={p} /> {n}
                          </span>
                        ))}
                    </p>
                  </Card>
                  <Card title={`As source (${asSource.length})`}>
                    <EventTable rows={asSource} />
                  </Card>
                  <Card title={`As target (${asTarget.length})`}>
                    <EventTable rows={asTarget} />
                  </Card>
                </>
              );
            }}
          </Load>
        </div>
        <div>
          <Card title="Relations">
            <Load state={relations} what="relations">
              {(r) =>
                r.items.length ? (
                  <ul class="plain">
                    {r.items.map((x) => (
                      <li key={x.id}>
                        <ActorLink id={x.a} /> <b>{x.type.replace(/_/g, ' ')}</b> <ActorLink id={x.b} />
                        {x.since ? <span class="muted"> since {x.since}</span> : null}
                        <div>
                          <Quote text={x.quote} />{' '}
                          <a href={href('doc', x.documentId)}>{x.outlet ?? 'document'}</a>
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">No relations.</p>
                )
              }
            </Load>
          </Card>
          <Card title="Mentions">
            <Load state={detail} what="mentions">
              {(d) => {
                const mentions = d.mentionsIn;
                return mentions.length ? (
                  <ul class="plain">
                    {mentions.slice(0, 50).map((m, i) => (
                      <li key={i}>
                        <a href={href('doc', m.documentId)}>{m.title ?? m.documentId}</a>
                        <div class="muted">{m.context}</div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">No mentions.</p>
                );
              }}
            </Load>
          </Card>
        </div>
      </div>
    </div>
  );
}
