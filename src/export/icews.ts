import { ActorDirectory } from './actor-codes.js';
import { firstDay } from './dates.js';
import { DocumentCache, sentenceNumber } from './document-facts.js';
import { eventPages } from './event-pages.js';
import type { ExportFormat } from './export-format.js';
import { globalEventId } from './global-event-id.js';
import { tsvCell } from './cells.js';

/** ICEWS's coded-event layout: its 20 columns in its order, written as the header row. */
// prettier-ignore
export const ICEWS_COLUMNS = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text',
  'CAMEO Code', 'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID',
  'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
] as const;

/**
 * `icews`: ICEWS's event layout, tab-separated with its header, one row per event.
 *
 * - Event ID: the same stable integer as GDELT's GLOBALEVENTID (see global-event-id.ts).
 * - Event Date: `YYYY-MM-DD`, the event's date (first day of a month or year date), else its
 *   document's date.
 * - Names as the ontology writes them; Sectors: CAMEO role codes joined by commas (ICEWS
 *   spells sectors out; we keep the codes); Country: the state's name.
 * - Event Text: the CAMEO code's name; Intensity: its Goldstein score.
 * - Story ID: our document id; Sentence Number: 1-based, in the cleaned body.
 * - Publisher: the document's outlet. City, District, Province, Country, Latitude, Longitude:
 *   empty — Faultline does not geocode.
 *
 * @example await ICEWS.write(ctx, fileOutput('events.icews.tsv'))
 */
export const ICEWS: ExportFormat = {
  name: 'icews',
  description: 'ICEWS coded-event layout (20 tab-separated columns with header)',
  async write(ctx, output) {
    const docs = new DocumentCache(ctx.store);
    const actors = new ActorDirectory(ctx.actors(), await ctx.store.actors());
    const cameo = ctx.cameo();
    await output.write(`${ICEWS_COLUMNS.join('\t')}\n`);
    let n = 0;
    for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
      const lines: string[] = [];
      for (const e of page) {
        const facts = await docs.get(e.documentId);
        const src = actors.fields(e.source, e.sourceActor, facts);
        const tgt = actors.fields(e.target, e.targetActor, facts);
        const row = [
          globalEventId(e.id),
          firstDay(e.date ?? facts?.published ?? e.published) ?? '',
          src.name,
          src.types.join(','),
          src.countryName,
          cameo.byCode.get(e.code)?.name ?? '',
          e.code,
          e.goldstein,
          tgt.name,
          tgt.types.join(','),
          tgt.countryName,
          e.documentId,
          facts ? (sentenceNumber(facts.sentences, e.trigger?.start ?? e.start) ?? '') : '',
          facts?.outlet ?? e.outlet ?? '',
          '',
          '',
          '',
          '',
          '',
          '',
        ];
        lines.push(row.map(tsvCell).join('\t'));
      }
      await output.write(`${lines.join('\n')}\n`);
      n += page.length;
    }
    return n;
  },
};
