import type { StageContext } from '../src/pipeline/stage.js';

/**
 * Stage contexts for the PETRARCH suites: the unit suite runs with its validation
 * dictionaries, the GSR suite with Faultline's own knowledge base.
 * (Filled in by the event-coding work; until then both use the defaults.)
 */
export function petrarchContext(_dictsDir: string): { validation: StageContext; phoenix: StageContext } {
  return { validation: {}, phoenix: {} };
}
