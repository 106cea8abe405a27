import type { ActorRegistry } from '../model/actors.js';
import type { CameoRegistry } from '../model/cameo.js';
import type { EventFilter, Store } from '../store/store.js';
import type { ExportOutput } from './output.js';

/** Which actors a graph export makes nodes of: states (`AZE`) or the specific actors. */
export type GraphLevel = 'state' | 'actor';

/** What every format is handed. */
export interface ExportContext {
  store: Store;
  filter: EventFilter;
  level: GraphLevel;
  pageSize: number;
  actors: () => ActorRegistry;
  cameo: () => CameoRegistry;
}

/** One export format: one file under src/export/, registered in formats.ts. */
export interface ExportFormat {
  name: string;
  description: string;
  /** Binary formats are written to `output.path` and need `--out`. */
  binary?: boolean;
  /** Writes every matching event; resolves to the number of rows (edges for graphs) written. */
  write(ctx: ExportContext, output: ExportOutput): Promise<number>;
}
