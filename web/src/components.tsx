import type { ComponentChildren } from 'preact';
import { documentOfEvent } from './api';
import { href } from './router';
import type { Loaded } from './use-api';

/** Renders children once `state` has data; a line while loading, the error otherwise. */
export function Load<T>(props: {
  state: Loaded<T>;
  children: (data: T) => ComponentChildren;
  what?: string;
}) {
  const { state } = props;
  if (state.error)
    return (
      <p class="error" role="alert">
        Could not load {props.what ?? 'this'}: {state.error}
      </p>
    );
  if (state.data === undefined) return <p class="muted">Loading {props.what ?? ''}…</p>;
  return <>{props.children(state.data)}</>;
}

/** A link to an actor's page. */
export function ActorLink(props: { id: string | null | undefined }) {
  if (!props.id) return <span class="muted">?</span>;
  return (
    <a class="actor" href={href('actor', props.id)}>
      {props.id}
    </a>
  );
}

/** A link to the dyad page of two actors. */
export function DyadLink(props: { a: string; b: string; interval?: string }) {
  return (
    <a class="dyad" href={href('dyad', props.a, props.b, { interval: props.interval })}>
      {props.a}–{props.b}
    </a>
  );
}

/** A link opening the document reader at an event's sentence. */
export function EventLink(props: { id: string; children?: ComponentChildren }) {
  return (
    <a class="event-link" href={href('doc', documentOfEvent(props.id), { event: props.id })}>
      {props.children ?? props.id}
    </a>
  );
}

/** A quoted sentence, rendered as text. */
export function Quote(props: { text: string }) {
  return <q class="quote">{props.text}</q>;
}

/** A quad class as a small coloured badge. */
export function QuadBadge(props: { quad: number }) {
  return <span class={`quad quad-${props.quad}`}>Q{props.quad}</span>;
}

/** A card with a heading. */
export function Card(props: { title: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={`card ${props.class ?? ''}`}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Text with match markers (the API wraps search matches in « and ») shown as <mark>, all of it escaped by Preact. */
export function Marked(props: { text: string; open?: string; close?: string }) {
  const open = props.open ?? '[';
  const close = props.close ?? ']';
  const parts: ComponentChildren[] = [];
  let rest = props.text;
  let key = 0;
  for (;;) {
    const i = rest.indexOf(open);
    const j = i < 0 ? -1 : rest.indexOf(close, i + open.length);
    if (i < 0 || j < 0) break;
    parts.push(rest.slice(0, i), <mark key={key++}>{rest.slice(i + open.length, j)}</mark>);
    rest = rest.slice(j + close.length);
  }
  parts.push(rest);
  return <>{parts}</>;
}
