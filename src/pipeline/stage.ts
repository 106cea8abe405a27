import type { Doc } from '../model/types.js';
import type { ActorRegistry } from '../model/actors.js';
import type { PetrarchDictionaries } from '../model/petrarch-dictionaries.js';

/** Shared, read-only context every stage may consult (the frozen ontology, options). */
export interface StageContext {
  /** Reference date forced by the user (`--published`), YYYY-MM-DD. */
  published?: string | null;
  /** Loaded registries; filled by the model layer. Stages must treat them as read-only. */
  registry?: unknown;
  /** The actor knowledge base (default: the repository's, loaded once). */
  actors?: ActorRegistry;
  /** PETRARCH dictionaries (`--dictionaries DIR`): events are coded with them instead. */
  dictionaries?: PetrarchDictionaries;
}

/**
 * A pipeline stage: a name and a pure function that fills its own fields of the document.
 * Stages never touch storage and never throw on odd text: they add to `doc.warnings`.
 */
export interface Stage {
  name: string;
  run(doc: Doc, ctx: StageContext): Doc;
}

/**
 * Runs stages in order. A stage that throws is recorded as a warning and skipped, so one
 * odd document never stops a batch.
 *
 * @example compose([sentences, mentions])(doc, ctx)
 */
export function compose(stages: readonly Stage[]): (doc: Doc, ctx: StageContext) => Doc {
  return (doc, ctx) => {
    let cur = doc;
    for (const stage of stages) {
      try {
        cur = stage.run(cur, ctx);
      } catch (err) {
        cur.warnings.push(`stage ${stage.name} failed: ${(err as Error).message}`);
      }
    }
    return cur;
  };
}
