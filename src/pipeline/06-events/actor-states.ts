import { defaultActorRegistry, type ActorRegistry } from '../../model/actors.js';
import type { Doc } from '../../model/types.js';

/** The code an actor is coded under in events, and its kind. */
export interface ActorState {
  state: string;
  kind: string;
}

/**
 * The state-level code of every actor of a document: a state is itself; a person, organ or
 * place carries its `country`; an IGO or armed group with no state is coded under its CAMEO
 * actor code from the knowledge base (IGOUNO, IGOEEU, …), so "the UN condemned Iran" is coded.
 *
 * @example actorStates(doc).get('person:ilham-aliyev') // { state: 'AZE', kind: 'person' }
 */
export function actorStates(
  doc: Doc,
  registry: ActorRegistry = defaultActorRegistry(),
): Map<string, ActorState> {
  const m = new Map<string, ActorState>();
  for (const a of doc.actors) {
    const state = a.kind === 'state' ? a.id : (a.country ?? registry.entries.get(a.id)?.code ?? null);
    if (state) m.set(a.id, { state, kind: a.kind });
  }
  return m;
}
