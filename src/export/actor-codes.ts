import type { ActorEntry, ActorRegistry } from '../model/actors.js';
import type { ActorKind } from '../model/types.js';
import type { ActorCount } from '../store/store.js';
import type { DocumentFacts } from './document-facts.js';

/** One side of an event as the CAMEO-style formats (GDELT, ICEWS) spell it. */
export interface ActorFields {
  /** The CAMEO-style actor code: the ontology's `code`, else country + sector (`AZEGOV`). */
  code: string;
  name: string;
  /** ISO alpha-3 of the actor's state; empty when unknown. */
  countryCode: string;
  /** The state's name (ICEWS spells countries out). */
  countryName: string;
  /** For IGOs and armed groups with a code: its last three letters (`IGOWSTNAT` → `NAT`). */
  knownGroup: string;
  /** Role codes: the actor's sector first, then the code's other three-letter parts. */
  types: string[];
}

const EMPTY: ActorFields = {
  code: '',
  name: '',
  countryCode: '',
  countryName: '',
  knownGroup: '',
  types: [],
};

interface Known {
  name: string;
  kind: ActorKind | string;
  country: string | null;
  sector: string | null;
  code: string | null;
}

/**
 * Looks up actors for the exports: the ontology's registry (names, sectors, CAMEO codes),
 * the document's own actors (sectors found from titles, actors unknown to the registry) and
 * the store's actors (ids ingested with `--actors`).
 *
 * @example new ActorDirectory(defaultActorRegistry(), await store.actors()).fields('AZE', 'person:ilham-aliyev', facts)
 */
export class ActorDirectory {
  private readonly stored: Map<string, ActorCount>;
  /** Registry entries by CAMEO code: an event's side may be a code (`IGOEEU`), not an id. */
  private readonly byCode = new Map<string, ActorEntry>();

  constructor(
    private readonly registry: ActorRegistry,
    stored: readonly ActorCount[] = [],
  ) {
    this.stored = new Map(stored.map((a) => [a.id, a]));
    for (const e of registry.entries.values())
      if (e.code && !this.byCode.has(e.code)) this.byCode.set(e.code, e);
  }

  /** The display name of an actor id: document, registry, store, else the id itself. */
  name(id: string, facts?: DocumentFacts | null): string {
    return this.known(id, facts)?.name ?? id;
  }

  /** The kind of an actor id (`state` for an unknown three-letter code). */
  kind(id: string): string {
    return this.known(id)?.kind ?? (/^[A-Z]{3}$/.test(id) ? 'state' : 'unknown');
  }

  /**
   * The CAMEO-style fields of one side of an event: `state` is its state-level code (`---`
   * when unknown), `actor` the specific actor when the coder found one.
   */
  fields(state: string, actor: string | null, facts?: DocumentFacts | null): ActorFields {
    const stateKnown = /^[A-Z]{3}$/.test(state);
    const id = actor ?? (state && state !== '---' ? state : null);
    if (!id) return EMPTY;
    const k = this.known(id, facts);
    const countryCode = stateKnown ? state : (k?.country ?? '');
    const sector = k?.sector ?? '';
    const code =
      k?.code ?? (k?.kind === 'state' || id === countryCode ? countryCode : `${countryCode}${sector}`);
    const parts = code.match(/[A-Z]{3}/g) ?? [];
    const rest = parts[0] === countryCode ? parts.slice(1) : parts;
    const grouped = (k?.kind === 'igo' || k?.kind === 'group') && rest.length > 1;
    const knownGroup = grouped ? rest[rest.length - 1]! : '';
    const types = [...new Set([sector, ...(grouped ? rest.slice(0, -1) : rest)].filter(Boolean))];
    return {
      code,
      name: k?.name ?? id,
      countryCode,
      countryName: countryCode ? (this.known(countryCode)?.name ?? countryCode) : '',
      knownGroup,
      types,
    };
  }

  private known(id: string, facts?: DocumentFacts | null): Known | null {
    const entry = this.registry.entries.get(id) ?? this.byCode.get(id);
    const inDoc = facts?.actors.get(id);
    const stored = this.stored.get(id);
    if (!entry && !inDoc && !stored) return null;
    return {
      name: inDoc?.name ?? entry?.name ?? stored!.name,
      kind: inDoc?.kind ?? entry?.kind ?? stored!.kind,
      country: inDoc?.country ?? entry?.country ?? stored?.country ?? null,
      sector: inDoc?.sector ?? entry?.sector ?? null,
      code: entry?.code ?? null,
    };
  }
}
