import { eventJson } from './event-columns.js';
import { eventPages } from './event-pages.js';
import type { ExportFormat } from './export-format.js';

/**
 * `jsonl`: one event a line, the contract's event fields plus its id, document and group
 * (with the group's reports when exporting `--grouped`).
 *
 * @example await JSONL.write(ctx, streamOutput(process.stdout))
 */
export const JSONL: ExportFormat = {
  name: 'jsonl',
  description: 'one JSON event a line (contract fields + id and document)',
  async write(ctx, output) {
    let n = 0;
    for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
      await output.write(`${page.map((e) => eventJson(e, !!ctx.filter.grouped)).join('\n')}\n`);
      n += page.length;
    }
    return n;
  },
};
