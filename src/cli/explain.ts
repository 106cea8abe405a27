import type { Command } from 'commander';
import { FIRST_REPORT } from '../analysis/grouping.js';
import { cameoRegistry } from '../model/cameo.js';
import { patternRegistry } from '../model/patterns.js';
import type { EventDetail, EventGroupDetail } from '../store/store.js';
import { CliError, type Io } from './io.js';
import { actorMarks, markQuote, type Mark, type MarkStyle } from './mark-quote.js';
import { withDbOption } from './options.js';
import { withStore } from './with-store.js';

/**
 * Registers `faultline explain EVENT_ID [--json]`: why an event was coded as it was.
 *
 * @example registerExplain(program, io)
 */
export function registerExplain(program: Command, io: Io): void {
  const cmd = program
    .command('explain')
    .description('show why an event was coded: its sentence marked, its code and the rule that fired')
    .argument(
      '<event-id>',
      'event id as listed by faultline events (<document>:e<n>), or its first characters',
    )
    .option('--json', 'the explanation as one json object');
  withDbOption(cmd).action(async (id: string, flags: { json?: boolean; db?: string }) => {
    const found = await withStore(flags.db, io, async (store) => {
      const detail = await store.getEvent(id);
      return detail && { detail, group: await store.getEventGroup(detail.event.id) };
    });
    if (!found) throw new CliError(`no event ${id}; list them with faultline events`);
    const explanation = explain(found.detail, found.group);
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(explanation)}\n`);
      return;
    }
    io.stdout.write(explanationText(explanation, io.stdout.isTTY && !io.env.NO_COLOR ? 'ansi' : 'plain'));
  });
}

/** What `explain` shows, as data (the `--json` output). */
export interface Explanation {
  id: string;
  marked: string;
  marks: Mark[];
  quote: string;
  start: number;
  end: number;
  source: string;
  target: string;
  sourceActor: string | null;
  targetActor: string | null;
  code: string;
  name: string | null;
  goldstein: number;
  quadClass: number;
  plover: string | null;
  date: string | null;
  datePrecision: string;
  modality: string;
  rule: { id: string; file: string | null; line: number | null; example: string | null };
  document: { id: string; title: string | null; outlet: string | null; published: string | null };
  /** The group of reports of the same happening, when the store knows it. */
  group: ExplainedGroup | null;
}

/** The group an event is in: why it is there, and the other reports of the same happening. */
export interface ExplainedGroup {
  id: string;
  sources: number;
  reason: string;
  pinned: boolean;
  others: {
    eventId: string;
    documentId: string;
    outlet: string | null;
    published: string | null;
    quote: string;
    reason: string;
  }[];
}

/**
 * An event's explanation: the quote marked (source, target, trigger), the CAMEO entry, the
 * pattern that fired with its file, line and example.
 *
 * @example explain(detail).rule.file // 'ontology/events/patterns/11-disapprove.yaml'
 */
export function explain(detail: EventDetail, group: EventGroupDetail | null = null): Explanation {
  const e = detail.event;
  const marks = actorMarks(e, detail.mentions);
  if (e.trigger) marks.push({ role: 'trigger', start: e.trigger.start, end: e.trigger.end });
  const pattern = patternRegistry().byId.get(e.rule);
  return {
    id: e.id,
    marked: markQuote(e.quote, e.start, marks),
    marks,
    quote: e.quote,
    start: e.start,
    end: e.end,
    source: e.source,
    target: e.target,
    sourceActor: e.sourceActor,
    targetActor: e.targetActor,
    code: e.code,
    name: cameoRegistry().byCode.get(e.code)?.name ?? null,
    goldstein: e.goldstein,
    quadClass: e.quadClass,
    plover: e.plover,
    date: e.date,
    datePrecision: e.datePrecision,
    modality: e.modality,
    rule: {
      id: e.rule,
      file: pattern?.file ?? null,
      line: pattern?.line ?? null,
      example: pattern?.example ?? null,
    },
    document: { id: e.documentId, title: e.title, outlet: e.outlet, published: e.published },
    group: group && explainedGroup(e.id, group),
  };
}

function explainedGroup(id: string, g: EventGroupDetail): ExplainedGroup {
  const me = g.events.find((m) => m.id === id);
  return {
    id: g.groupId,
    sources: new Set(g.events.map((m) => m.documentId)).size,
    // The group's first report gives the reasons the others joined it.
    reason:
      me && (me.reason !== FIRST_REPORT || g.events.length === 1)
        ? me.reason
        : `${FIRST_REPORT}; ${g.reason}`,
    pinned: me?.pinned ?? false,
    others: g.events
      .filter((m) => m.id !== id)
      .map((m) => ({
        eventId: m.id,
        documentId: m.documentId,
        outlet: m.outlet,
        published: m.published,
        quote: m.quote,
        reason: m.reason,
      })),
  };
}

const QUADS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

/**
 * The explanation for a reader; `ansi` colours the marks instead of bracketing them.
 *
 * @example explanationText(explain(detail), 'plain')
 */
export function explanationText(x: Explanation, style: MarkStyle): string {
  const who = (state: string, actor: string | null) =>
    actor && actor !== state ? `${state} (${actor})` : state;
  const where = x.rule.file
    ? `${x.rule.file}${x.rule.line ? `:${x.rule.line}` : ''}`
    : 'not in the pattern registry';
  const lines = [
    `event ${x.id}`,
    '',
    `  ${style === 'ansi' ? markQuote(x.quote, x.start, x.marks, 'ansi') : x.marked}`.replace(
      /\s*\n\s*/g,
      ' ',
    ),
    '',
    `  source     ${who(x.source, x.sourceActor)}`,
    `  target     ${who(x.target, x.targetActor)}`,
    `  code       ${x.code}${x.name ? ` ${x.name}` : ''}`,
    `  goldstein  ${x.goldstein}`,
    `  quad       ${x.quadClass} ${QUADS[x.quadClass] ?? ''}`.trimEnd(),
    `  plover     ${x.plover ?? '-'}`,
    `  date       ${x.date ?? '-'} (${x.datePrecision})`,
    `  modality   ${x.modality}`,
    `  rule       ${x.rule.id} at ${where}`,
  ];
  if (x.rule.example) lines.push(`             example: ${x.rule.example}`);
  lines.push(
    `  document   ${x.document.id}  ${x.document.title ?? '(no title)'}`,
    `             outlet: ${x.document.outlet ?? '-'}  published: ${x.document.published ?? '-'}`,
  );
  if (x.group) {
    const g = x.group;
    lines.push(
      `  group      ${g.id}  ${g.sources} source${g.sources === 1 ? '' : 's'}${g.pinned ? ' (split by user)' : ''}`,
    );
    lines.push(`             why: ${g.reason}`);
    for (const o of g.others) {
      const quote = o.quote.replace(/\s+/g, ' ');
      lines.push(
        `             also ${o.eventId}  ${o.outlet ?? '-'}  ${o.published ?? '-'}  "${quote.length > 70 ? `${quote.slice(0, 69)}…` : quote}"`,
      );
      if (o.reason !== FIRST_REPORT) lines.push(`                  why: ${o.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
