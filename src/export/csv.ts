import { csvCell } from './cells.js';
import { EVENT_COLUMNS } from './event-columns.js';
import { eventPages } from './event-pages.js';
import type { ExportFormat } from './export-format.js';

/**
 * `csv`: RFC 4180 — a header row, comma-separated cells quoted when they hold a comma, quote
 * or line break, CRLF between records. Columns: {@link EVENT_COLUMNS}.
 *
 * @example await CSV.write(ctx, fileOutput('events.csv'))
 */
export const CSV: ExportFormat = {
  name: 'csv',
  description: 'RFC 4180 CSV with header (contract fields + id and document)',
  async write(ctx, output) {
    await output.write(`${EVENT_COLUMNS.map((c) => csvCell(c.name)).join(',')}\r\n`);
    let n = 0;
    for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
      const lines = page.map((e) => EVENT_COLUMNS.map((c) => csvCell(c.get(e))).join(','));
      await output.write(`${lines.join('\r\n')}\r\n`);
      n += page.length;
    }
    return n;
  },
};
