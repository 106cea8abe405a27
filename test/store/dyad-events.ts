import type { AlertParams, TensionParams } from '../../src/analysis/analysis-params.js';
import type { CodedEvent, Doc } from '../../src/model/types.js';
import type { Store } from '../../src/store/store.js';
import { eventDoc } from './event-docs.js';

/** The fixed clock of the series tests. */
export const SERIES_CLOCK = () => new Date('2025-06-01T12:00:00.000Z');

/** Fixed tension parameters, so expected numbers do not move with the ontology's YAML. */
export const TENSION: TensionParams = {
  halfLifeDays: 14,
  lookbackDays: 70,
  prior: 2,
  modality: { asserted: 1, alleged: 0.5, hypothetical: 0.25, denied: 0, negated: 0 },
};

/** Fixed alert parameters, for the same reason. */
export const ALERTS: AlertParams = {
  interval: 'week',
  baselinePeriods: 8,
  threshold: 3,
  minSpread: 0.75,
  minEvents: 3,
  maxEvidence: 10,
  defaultWindowDays: 90,
};

/** One event between two actors; its date's length gives its precision (year, month or day). */
export type DyadEvent = Omit<Partial<CodedEvent>, 'trigger'> & {
  source: string;
  target: string;
  code: string;
  date: string;
};

let serial = 0;
/** One document per event (own words, numbered so no two read alike), so its event id is `<doc>:e0`. */
function dyadDoc(e: DyadEvent): Doc {
  serial += 1;
  const sentence = `Report ${serial}: ${e.source} acted towards ${e.target} in case ${serial}.`;
  return eventDoc(`Report ${serial}`, 'Series Desk', e.date.length === 10 ? e.date : null, [
    {
      sentence,
      trigger: 'acted',
      datePrecision: e.date.length === 10 ? 'day' : e.date.length === 7 ? 'month' : 'year',
      ...e,
    },
  ]);
}

/**
 * Saves each event as its own document and returns the event ids, in order.
 *
 * @example await saveDyadEvents(store, [{ source: 'IRN', target: 'AZE', code: '112', date: '2025-01' }]) // ['<doc>:e0']
 */
export async function saveDyadEvents(store: Store, events: DyadEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const e of events) ids.push(`${(await store.saveDocument(dyadDoc(e))).id}:e0`);
  return ids;
}
