import type { ActorRegistry, OrganDef } from '../../model/actors.js';
import type { Proto } from './candidate.js';

/**
 * The actor a state's organ stands for: the KB entry that declares it (`organ: intelligence`
 * for AZE → org:aze-sss) or a generic one named from the organ's pattern.
 *
 * @example organActor(reg, 'AZE', mfa) // { id: 'org:aze-mfa', name: 'Ministry of Foreign Affairs of Azerbaijan', … }
 */
export function organActor(reg: ActorRegistry, state: string, organ: OrganDef): Proto {
  const known = reg.organOf.get(`${state}|${organ.key}`);
  const entry = known ? reg.entries.get(known) : undefined;
  if (entry)
    return {
      id: entry.id,
      kind: entry.kind,
      name: entry.name,
      country: entry.country,
      role: null,
      sector: entry.sector,
    };
  const st = reg.entries.get(state);
  const stateName = st?.name ?? state;
  const adjective = st?.adjectives[0] ?? stateName;
  return {
    id: `${organ.kind === 'group' ? 'group' : 'org'}:${state.toLowerCase()}-${organ.key}`,
    kind: organ.kind ?? 'org',
    name: organ.name.replace('{state}', stateName).replace('{adjective}', adjective),
    country: state,
    role: null,
    sector: organ.sector ?? null,
  };
}
