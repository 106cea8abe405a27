import { api, itemsOf } from '../api';
import { ActorLink, Load, Quote } from '../components';
import { href } from '../router';
import { useApi } from '../use-api';

/** `#/claims?actor=…`: propositions with who asserts and who denies them, contradictions first. */
export function ClaimsPage(props: { query: URLSearchParams }) {
  const actor = props.query.get('actor') ?? undefined;
  const onlyContested = props.query.get('contested') === 'true';
  const board = useApi(() => api.claims({ actor, limit: 200 }).then((b) => itemsOf(b)), [actor]);
  return (
    <div>
      <h1>Claims board</h1>
      <p class="toolbar">
        {actor ? (
          <>
            about or by <ActorLink id={actor} /> · <a href={href('claims')}>all actors</a> ·{' '}
          </>
        ) : null}
        <a href={href('claims', { actor, contested: onlyContested ? undefined : 'true' })}>
          {onlyContested ? 'show all' : 'only contradictions'}
        </a>
      </p>
      <Load state={board} what="claims">
        {(items) => {
          const rows = [...items]
            .filter((c) => !onlyContested || c.contradiction)
            .sort((x, y) => Number(y.contradiction) - Number(x.contradiction) || y.sources - x.sources);
          return rows.length ? (
            <div class="board" data-testid="claims-board">
              {rows.map((c) => (
                <section key={c.id} class={`claim-card${c.contradiction ? ' contradiction' : ''}`}>
                  <h3>
                    {c.contradiction ? <span class="badge">contradiction</span> : null} {c.proposition}
                  </h3>
                  <p class="muted">
                    {c.kind ?? 'claim'} by <ActorLink id={c.claimant} />
                    {c.about ? (
                      <>
                        {' '}
                        about <ActorLink id={c.about} />
                      </>
                    ) : null}{' '}
                    · first seen {c.firstSeen ?? '–'} · {c.sources} {c.sources === 1 ? 'source' : 'sources'}
                  </p>
                  <p>
                    <b>Asserted by</b>{' '}
                    {c.assertedBy.length ? c.assertedBy.map((a) => <ActorLink key={a} id={a} />) : '–'} ·{' '}
                    <b>Denied by</b>{' '}
                    {c.deniedBy.length ? c.deniedBy.map((a) => <ActorLink key={a} id={a} />) : '–'}
                  </p>
                  {c.reasons.length ? (
                    <ul class="muted">
                      {c.reasons.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  ) : null}
                  <ul class="plain">
                    {c.claims.slice(0, 8).map((x) => (
                      <li key={x.id} class={x.role === 'denies' ? 'denies' : ''}>
                        {x.claimant ? (
                          <>
                            <ActorLink id={x.claimant} /> <span class="muted">{x.role ?? ''}</span>{' '}
                          </>
                        ) : null}
                        <Quote text={x.quote} />{' '}
                        <a href={href('doc', x.documentId)}>
                          {[x.outlet, x.published].filter(Boolean).join(' ') || 'document'}
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          ) : (
            <p class="muted">No claims.</p>
          );
        }}
      </Load>
    </div>
  );
}
