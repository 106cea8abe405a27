import { useEffect, useMemo } from 'preact/hooks';
import { api, type DocumentDetail } from '../api';
import { ActorLink, Card, Load, QuadBadge, Quote } from '../components';
import { num } from '../format';
import { href } from '../router';
import { segments, type Mark } from '../segments';
import { useApi } from '../use-api';

/** The body as flat runs: mentions link to their actor, event and claim sentences are marked. */
function Body(props: { doc: DocumentDetail; selected: number }) {
  const { doc, selected } = props;
  const runs = useMemo(() => {
    const marks: Mark[] = [
      ...doc.mentions.map((m, index) => ({
        start: m.start,
        end: m.end,
        kind: 'mention',
        index,
        ref: m.actorId,
      })),
      ...doc.events.map((e, index) => ({ start: e.start, end: e.end, kind: 'event', index })),
      ...doc.claims.map((c, index) => ({ start: c.start, end: c.end, kind: 'claim', index })),
    ];
    return segments(doc.body, marks);
  }, [doc]);
  return (
    <article class="body" data-testid="document-body">
      {runs.map((r) => {
        const events = r.marks.filter((m) => m.kind === 'event').map((m) => m.index);
        const mention = r.marks.find((m) => m.kind === 'mention');
        const cls = [
          events.length ? 'ev' : '',
          events.includes(selected) ? 'sel' : '',
          r.marks.some((m) => m.kind === 'claim') ? 'claim' : '',
          mention ? 'mention' : '',
        ]
          .filter(Boolean)
          .join(' ');
        if (!cls) return r.text;
        const attrs = { key: r.start, class: cls, 'data-events': events.join(' ') || undefined };
        return mention?.ref ? (
          <a {...attrs} href={href('actor', mention.ref)} title={mention.ref}>
            {r.text}
          </a>
        ) : (
          <span {...attrs}>{r.text}</span>
        );
      })}
    </article>
  );
}

/** `#/doc/ID?event=EID`: the article with its marks, and its events and claims beside it. */
export function DocumentPage(props: { id: string; event: string | null }) {
  const { id } = props;
  const doc = useApi(() => api.document(id), [id]);
  const selected = doc.data && props.event ? doc.data.events.findIndex((e) => e.id === props.event) : -1;
  useEffect(() => {
    if (!doc.data || selected < 0) return;
    document.querySelector('.body .sel')?.scrollIntoView({ block: 'center' });
  }, [doc.data, selected]);
  return (
    <Load state={doc} what="the document">
      {(d) => (
        <div class="reader">
          <div class="reader-main">
            <h1 data-testid="document-title">{d.title ?? d.id}</h1>
            <p class="muted">
              {[d.outlet, d.published, d.url].filter(Boolean).join(' · ')} · <code>{d.id}</code>
            </p>
            <p class="reader-legend">
              <span class="mention">actor</span>
              <span class="ev">event sentence</span>
              <span class="sel">selected event</span>
              <span class="claim">claim</span>
            </p>
            <Body doc={d} selected={selected} />
          </div>
          <aside>
            <Card title={`Events (${d.events.length})`}>
              <ol class="side-events">
                {d.events.map((e, i) => {
                  const eid = e.id;
                  return (
                    <li key={eid} class={i === selected ? 'sel' : ''} data-event={eid}>
                      <a href={href('doc', d.id, { event: eid })}>
                        <QuadBadge quad={e.quadClass} /> {e.source} → {e.target} <code>{e.code}</code>
                      </a>
                      <div class="muted">
                        {e.date ?? 'undated'} · {e.modality} · Goldstein {num(e.goldstein, 1)}
                      </div>
                    </li>
                  );
                })}
              </ol>
            </Card>
            <Card title={`Claims (${d.claims.length})`}>
              <ul class="plain">
                {d.claims.map((c) => (
                  <li key={c.id}>
                    <ActorLink id={c.claimant} /> <span class="muted">{c.kind ?? 'claim'}</span>
                    {c.about ? (
                      <>
                        {' '}
                        about <ActorLink id={c.about} />
                      </>
                    ) : null}
                    <div>
                      <Quote text={c.text} />
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
            {d.warnings.length ? (
              <Card title="Warnings">
                <ul class="plain muted">
                  {d.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </aside>
        </div>
      )}
    </Load>
  );
}
