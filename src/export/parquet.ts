import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { EVENT_COLUMNS, type EventColumn } from './event-columns.js';
import { eventPages } from './event-pages.js';
import type { ExportFormat } from './export-format.js';
import { globalEventId } from './global-event-id.js';

/** The parquet columns: the csv's, plus GDELT's integer id to join with a gdelt export. */
const PARQUET_COLUMNS: readonly EventColumn[] = [
  ...EVENT_COLUMNS.slice(0, 1),
  { name: 'globalEventId', type: 'BIGINT', get: (e) => globalEventId(e.id) },
  ...EVENT_COLUMNS.slice(1),
];

/**
 * `parquet`: the csv's columns with their types (codes as text, quad class and offsets as
 * INTEGER, Goldstein DOUBLE, `globalEventId` BIGINT), written by DuckDB: rows are appended
 * page by page to an in-memory DuckDB table (which spills to the temp folder when large),
 * then `COPY … (FORMAT PARQUET)` writes the file. Needs `--out`.
 *
 * @example await PARQUET.write(ctx, fileOutput('events.parquet'))
 */
export const PARQUET: ExportFormat = {
  name: 'parquet',
  description: 'Apache Parquet via DuckDB, typed columns (needs --out)',
  binary: true,
  async write(ctx, output) {
    if (!output.path) throw new Error('--out is required for --format parquet');
    const instance = await DuckDBInstance.create(':memory:', {
      temp_directory: join(tmpdir(), `faultline-duckdb-${process.pid}`),
    });
    const conn = await instance.connect();
    try {
      const cols = PARQUET_COLUMNS.map((c) => `"${c.name}" ${c.type}`);
      await conn.run(`CREATE TABLE events (${cols.join(', ')})`);
      const appender = await conn.createAppender('events');
      let n = 0;
      try {
        for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
          for (const e of page) {
            for (const c of PARQUET_COLUMNS) append(appender, c, c.get(e));
            appender.endRow();
          }
          appender.flushSync();
          n += page.length;
        }
      } finally {
        appender.closeSync();
      }
      const path = output.path.replace(/'/g, "''");
      await conn.run(`COPY events TO '${path}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
      return n;
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  },
};

function append(a: DuckDBAppender, c: EventColumn, v: string | number | null): void {
  if (v === null || v === undefined) a.appendNull();
  else if (c.type === 'BIGINT') a.appendBigInt(BigInt(v));
  else if (c.type === 'VARCHAR') a.appendVarchar(String(v));
  else if (c.type === 'INTEGER') a.appendInteger(Number(v));
  else a.appendDouble(Number(v));
}
