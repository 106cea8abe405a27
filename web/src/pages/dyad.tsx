import { api, documentOfEvent, type Interval } from '../api';
import { DyadChart } from '../charts/dyad-chart';
import { Card, EventLink, Load, Quote } from '../components';
import { num, plural } from '../format';
import { href } from '../router';
import { useApi } from '../use-api';
import { EventTable } from './event-table';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

/**
 * The first and last day of a period as the API names it (`2024-03`, or a day / ISO Monday).
 *
 * @example periodRange('2024-03-04', 'week') // ['2024-03-04', '2024-03-10']
 */
export function periodRange(period: string, interval: Interval): [string, string] {
  if (interval !== 'week') return [period, period];
  const end = new Date(`${period}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 6);
  return [period, end.toISOString().slice(0, 10)];
}

/** One period: the events dated in it, then the events behind its tension value. */
function PointEvents(props: { a: string; b: string; period: string; interval: Interval }) {
  const { a, b, period, interval } = props;
  const [from, to] = periodRange(period, interval);
  const events = useApi(
    () => api.events({ dyad: `${a}-${b}`, from, to, grouped: true, limit: 200 }),
    [a, b, from, to],
  );
  const explained = useApi(() => api.point(a, b, period, interval), [a, b, period, interval]);
  return (
    <div class="point-events">
      <Card title={`Events in ${period}`}>
        <Load state={events} what="the events of this period">
          {(ev) => (
            <>
              <p class="muted" data-testid="period-summary">
                {plural(ev.total, 'event')} between {a} and {b} (each happening once, with its number of
                reports)
              </p>
              <EventTable rows={ev.items} />
            </>
          )}
        </Load>
      </Card>
      <Card title="Why the tension is what it is">
        <Load state={explained} what="the tension of this period">
          {(x) => (
            <>
              <p class="muted" data-testid="point-summary">
                tension {num(x.point.tension, 2)} on {x.point.asOf ?? period}, from{' '}
                {plural(x.contributions.length, 'event')} in the look-back window, strongest first
              </p>
              <ol class="contributions">
                {x.contributions.map((c) => (
                  <li key={c.eventId} data-event={c.eventId}>
                    <Quote text={c.quote} />
                    <div class="meta">
                      <EventLink id={c.eventId}>
                        {c.outlet ?? 'document'} {c.published ?? documentOfEvent(c.eventId).slice(0, 8)}
                      </EventLink>
                      <span>Goldstein {num(c.goldstein, 1)}</span>
                      <span>weight {num(c.weight, 2)}</span>
                      <span>contribution {num(c.contribution, 2, true)}</span>
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </Load>
      </Card>
    </div>
  );
}

/** `#/dyad/A/B?interval=month&period=…`: the dyad's tension and events over time. */
export function DyadPage(props: { a: string; b: string; query: URLSearchParams }) {
  const { a, b } = props;
  const interval = (INTERVALS as string[]).includes(props.query.get('interval') ?? '')
    ? (props.query.get('interval') as Interval)
    : 'month';
  const period = props.query.get('period');
  const series = useApi(() => api.series(a, b, interval), [a, b, interval]);
  const go = (q: { interval?: string; period?: string }) => {
    location.hash = href('dyad', a, b, { interval, ...q });
  };
  return (
    <div class="dyad-page">
      <h1>
        <a href={href('actor', a)}>{a}</a> – <a href={href('actor', b)}>{b}</a>
      </h1>
      <div class="toolbar">
        <span>Interval:</span>
        {INTERVALS.map((i) => (
          <button
            key={i}
            class={i === interval ? 'on' : ''}
            onClick={() => go({ interval: i, period: undefined })}
          >
            {i}
          </button>
        ))}
        <a href={href('events', { dyad: `${a}-${b}` })}>all events of this dyad</a>
      </div>
      <Load state={series} what="the series">
        {(s) =>
          s.points.length ? (
            <>
              <DyadChart points={s.points} selected={period} onSelect={(p) => go({ period: p })} />
              <p class="muted formula">
                Tension: {s.formula.replace(/\.\s*$/, '')}. Click a point or bar to see its events.
              </p>
            </>
          ) : (
            <p class="muted">
              No dated events between {a} and {b}.
            </p>
          )
        }
      </Load>
      {period && <PointEvents a={a} b={b} period={period} interval={interval} />}
    </div>
  );
}
