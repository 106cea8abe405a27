import { CSV } from './csv.js';
import type { ExportFormat } from './export-format.js';
import { GDELT } from './gdelt.js';
import { GDELT_MENTIONS } from './gdelt-mentions.js';
import { GEXF } from './gexf.js';
import { GRAPHML } from './graphml.js';
import { ICEWS } from './icews.js';
import { JSONL } from './jsonl.js';
import { PARQUET } from './parquet.js';

/** Every export format by name, in the order `--help` lists them. */
export const EXPORT_FORMATS: ReadonlyMap<string, ExportFormat> = new Map(
  [GDELT, GDELT_MENTIONS, ICEWS, JSONL, CSV, GRAPHML, GEXF, PARQUET].map((f) => [f.name, f]),
);
