import { compactTimestamp } from './dates.js';
import { actorOffset, DocumentCache, sentenceNumber, type DocumentFacts } from './document-facts.js';
import { eventPages, type ExportEvent } from './event-pages.js';
import type { ExportFormat } from './export-format.js';
import { globalEventId } from './global-event-id.js';
import { tsvCell } from './cells.js';

/** The GDELT 2.0 mentions table's 16 columns in GDELT's order (the file has no header). */
// prettier-ignore
export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName',
  'MentionIdentifier', 'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset',
  'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
] as const;

/**
 * `gdelt-mentions`: the GDELT 2.0 mentions table, one row per report of an event (each event
 * of its group when the store groups events, else the event itself), tab-separated, no header.
 *
 * - GLOBALEVENTID: the exported event's (the group representative's) id, as in `gdelt`.
 * - EventTimeDate: DATEADDED of that event; MentionTimeDate: when the report's document was
 *   ingested.
 * - MentionType: 1 (WEB) when the document has a URL, MentionIdentifier the URL; else 2
 *   (CITATIONONLY) with a citation "title, outlet, published" (or the input path).
 * - SentenceID: 1-based sentence of the event's trigger (else quote start) in the cleaned body.
 * - Actor1/Actor2/ActionCharOffset: offsets in the cleaned body of the first mention of each
 *   actor inside the quote (-1 when not named there) and of the trigger word.
 * - InRawText: 1 — events are coded from the article's own sentences, never rewritten text.
 * - Confidence: empty — Faultline does not score confidence. MentionDocTone: 0 (no tone).
 * - MentionDocLen: length of the cleaned body in characters.
 *
 * @example await GDELT_MENTIONS.write(ctx, fileOutput('mentions.tsv'))
 */
export const GDELT_MENTIONS: ExportFormat = {
  name: 'gdelt-mentions',
  description: 'GDELT 2.0 mentions table (16 tab-separated columns, no header)',
  async write(ctx, output) {
    const docs = new DocumentCache(ctx.store);
    let n = 0;
    for await (const page of eventPages(ctx.store, ctx.filter, ctx.pageSize)) {
      const lines: string[] = [];
      for (const e of page) {
        const own = await docs.get(e.documentId);
        for (const eventId of reportIds(e)) {
          const [documentId, idx] = splitEventId(eventId);
          const facts = documentId === e.documentId ? own : await docs.get(documentId);
          if (!facts) continue;
          lines.push(
            mentionRow(e, own, eventId === e.id ? e : facts.events[idx], facts)
              .map(tsvCell)
              .join('\t'),
          );
          n++;
        }
      }
      if (lines.length) await output.write(`${lines.join('\n')}\n`);
    }
    return n;
  },
};

/** The ids of the events reporting `e`: its group's when grouped, else its own. */
function reportIds(e: ExportEvent): string[] {
  const ids = e.mentions?.map((m) => m.eventId) ?? [];
  return ids.length ? [...new Set(ids)] : [e.id];
}

function splitEventId(id: string): [string, number] {
  const at = id.lastIndexOf(':e');
  return [id.slice(0, at), Number(id.slice(at + 2))];
}

/**
 * The 16 cells of one mention row: `e` is the exported event, `report` the reporting event
 * (the same one when not grouped) and `facts` the reporting event's document.
 *
 * @example mentionRow(event, facts, event, facts).length // 16
 */
export function mentionRow(
  e: ExportEvent,
  eventFacts: DocumentFacts | null,
  report: DocumentFacts['events'][number] | undefined,
  facts: DocumentFacts,
): (string | number)[] {
  const span = report ?? e;
  const action = report?.trigger?.start ?? span.start;
  const citation = [facts.title, facts.outlet, facts.published].filter(Boolean).join(', ') || facts.input;
  return [
    globalEventId(e.id),
    compactTimestamp(eventFacts?.ingestedAt),
    compactTimestamp(facts.ingestedAt),
    facts.url ? 1 : 2,
    facts.outlet ?? hostOf(facts.url) ?? '',
    facts.url ?? citation,
    sentenceNumber(facts.sentences, action) ?? '',
    report ? actorOffset(facts, span, report.sourceActor, report.source) : -1,
    report ? actorOffset(facts, span, report.targetActor, report.target) : -1,
    report ? action : -1,
    1,
    '',
    facts.bodyLength,
    0,
    '',
    '',
  ];
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
