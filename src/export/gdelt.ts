import { ActorDirectory, type ActorFields } from './actor-codes.js';
import { compactTimestamp, firstDay } from './dates.js';
import { DocumentCache, type DocumentFacts } from './document-facts.js';
import { eventPages, type ExportEvent } from './event-pages.js';
import type { ExportFormat } from './export-format.js';
import { globalEventId } from './global-event-id.js';
import { tsvCell } from './cells.js';

/**
 * The GDELT 2.0 event table's columns, in GDELT's order (61; the file has no header). Written
 * here from the GDELT Event Codebook V2.0; `GLOBALEVENTID` and `SQLDATE` keep GDELT's names.
 */
// prettier-ignore
export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  // prettier-ignore
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code',
    'Type1Code', 'Type2Code', 'Type3Code'].map((c) => `${p}${c}`);
}

function geoColumns(p: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map(
    (c) => `${p}_${c}`,
  );
}

/**
 * `gdelt`: the GDELT 2.0 event table, tab-separated, no header, one row per event.
 *
 * - SQLDATE/MonthYear/Year/FractionDate: the event's date, else its document's date; a month
 *   or year date gives its first day (the csv/jsonl exports keep `datePrecision`).
 *   FractionDate is GDELT's YYYY + (MONTH × 30 + DAY) / 365, four decimals.
 * - Actor codes: the ontology's CAMEO-style `code`, else country + sector; names upper case as
 *   GDELT writes them; ethnic and religion codes empty (not coded).
 * - IsRootEvent: 1 when the event is in the lead paragraph (before the body's first line break).
 * - NumMentions/NumSources/NumArticles: from the event's group (reports, distinct outlets,
 *   distinct documents) when the store groups events, else 1.
 * - AvgTone: always 0 — Faultline does not score tone.
 * - Geography: empty — Faultline does not geocode.
 * - DATEADDED: when the document was ingested (UTC); SOURCEURL: its URL, else its input path.
 *
 * @example await GDELT.write(ctx, fileOutput('events.export.tsv'))
 */
export const GDELT: ExportFormat = {
  name: 'gdelt',
  description: 'GDELT 2.0 event table (61 tab-separated columns, no header)',
  async write(ctx, output) {
    const docs = new DocumentCache(ctx.store);
    const actors = new ActorDirectory(ctx.actors(), await ctx.store.actors());
    let n = 0;
    for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
      const lines: string[] = [];
      for (const e of page) {
        lines.push(
          gdeltRow(e, await docs.get(e.documentId), actors)
            .map(tsvCell)
            .join('\t'),
        );
      }
      await output.write(`${lines.join('\n')}\n`);
      n += page.length;
    }
    return n;
  },
};

/**
 * The 61 cells of one event's GDELT row.
 *
 * @example gdeltRow(event, facts, actors).length // 61
 */
export function gdeltRow(
  e: ExportEvent,
  facts: DocumentFacts | null,
  actors: ActorDirectory,
): (string | number)[] {
  const day = firstDay(e.date ?? facts?.published ?? e.published);
  const [y, m, d] = day ? day.split('-').map(Number) : [];
  const a1 = actors.fields(e.source, e.sourceActor, facts);
  const a2 = actors.fields(e.target, e.targetActor, facts);
  const counts = reportCounts(e);
  const geo = Array<string>(8).fill('');
  return [
    globalEventId(e.id),
    day ? day.replace(/-/g, '') : '',
    day ? day.slice(0, 7).replace('-', '') : '',
    day ? day.slice(0, 4) : '',
    day ? (y! + (m! * 30 + d!) / 365).toFixed(4) : '',
    ...actorCells(a1),
    ...actorCells(a2),
    facts ? (e.start < facts.leadEnd ? 1 : 0) : '',
    e.code,
    e.code.length > 3 ? e.code.slice(0, 3) : e.code,
    e.root,
    e.quadClass,
    e.goldstein,
    counts.mentions,
    counts.sources,
    counts.articles,
    0,
    ...geo,
    ...geo,
    ...geo,
    compactTimestamp(facts?.ingestedAt),
    facts?.url ?? facts?.input ?? '',
  ];
}

function actorCells(a: ActorFields): string[] {
  return [
    a.code,
    a.name.toUpperCase(),
    a.countryCode,
    a.knownGroup,
    '',
    '',
    '',
    a.types[0] ?? '',
    a.types[1] ?? '',
    a.types[2] ?? '',
  ];
}

/**
 * How many reports, outlets and documents tell of an event: from its group's mentions when
 * the store groups events, else 1 each.
 *
 * @example reportCounts({ ...event, mentions: [m1, m2] }) // { mentions: 2, sources: …, articles: … }
 */
export function reportCounts(e: ExportEvent): { mentions: number; sources: number; articles: number } {
  const ms = e.mentions;
  if (!ms?.length) return { mentions: 1, sources: 1, articles: e.sources ?? 1 };
  return {
    mentions: ms.length,
    sources: new Set(ms.map((m) => (m.outlet ?? '').toLowerCase() || `doc:${m.documentId}`)).size,
    articles: e.sources ?? new Set(ms.map((m) => m.documentId)).size,
  };
}
