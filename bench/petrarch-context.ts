import type { StageContext } from '../src/pipeline/stage.js';
import {
  loadPetrarchDictionaries,
  maybePetrarchOptions,
  type PetrarchDictionaries,
} from '../src/model/petrarch-dictionaries.js';

/**
 * Stage contexts for the PETRARCH suites: the unit suite runs with its validation
 * dictionaries (and each record's `config`), the GSR suite with Faultline's own knowledge base.
 */
export function petrarchContext(dictsDir: string): {
  validation: StageContext;
  phoenix: StageContext;
  forRecord(record: { dict_set?: string; config?: unknown }): StageContext;
} {
  const dictionaries: PetrarchDictionaries = loadPetrarchDictionaries(dictsDir);
  const validation: StageContext = { dictionaries };
  const phoenix: StageContext = {};
  return {
    validation,
    phoenix,
    forRecord(record) {
      if (record.dict_set !== 'validation') return phoenix;
      return { dictionaries: { ...dictionaries, options: maybePetrarchOptions(record.config) } };
    },
  };
}
