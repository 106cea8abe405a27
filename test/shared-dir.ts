import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared benchmark folder beside this checkout (`../shared`), or `FAULTLINE_SHARED`.
 * Tests that read it skip with a note when it is absent, as in a user's fresh clone.
 */
export const SHARED_DIR =
  process.env.FAULTLINE_SHARED ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
