import type { Stage } from '../stage.js';

/** PLACEHOLDER stage, replaced by its own work. */
export const stage: Stage = {
  name: 'events',
  run: (doc) => doc,
};
