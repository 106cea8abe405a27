import type { EventRow } from '../api';
import { ActorLink, EventLink, QuadBadge, Quote } from '../components';
import { num } from '../format';

/** Stored events as a table: date, dyad, code, quote linking to the reader. */
export function EventTable(props: { rows: EventRow[] }) {
  if (!props.rows.length) return <p class="muted">No events.</p>;
  return (
    <table class="events" data-testid="events-table">
      <thead>
        <tr>
          <th>Date</th>
          <th>Source → target</th>
          <th>Code</th>
          <th class="n">Goldstein</th>
          <th>Quote</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((e) => (
          <tr key={e.id} data-event={e.id}>
            <td class="nowrap">{e.date ?? '–'}</td>
            <td class="nowrap">
              <ActorLink id={e.source} /> → <ActorLink id={e.target} />
            </td>
            <td class="nowrap">
              <QuadBadge quad={e.quadClass} /> <code>{e.code}</code>
              {e.modality !== 'asserted' ? <span class="muted"> {e.modality}</span> : null}
            </td>
            <td class="n">{num(e.goldstein, 1)}</td>
            <td>
              <Quote text={e.quote} />{' '}
              <EventLink id={e.id}>
                {e.outlet ?? 'document'}
                {e.sources && e.sources > 1 ? ` +${e.sources - 1}` : ''}
              </EventLink>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
