import { XMLParser } from 'fast-xml-parser';
import type { RawArticle } from '../model/types.js';
import { statedDay } from './dates.js';
import { IngestError } from './errors.js';
import type { RecordResult } from './jsonl.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Entities inside content are decoded by the HTML cleaner; keep them as stated here.
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * One article per item of an RSS 2.0 / RSS 1.0 / Atom feed: its content (or description) as
 * HTML, its link, date (YYYY-MM-DD), title and author as hints. Items with no content fail alone.
 *
 * @example parseFeed('world.rss', '<rss><channel><item><title>T</title><description>…</description></item></channel></rss>')
 */
export function parseFeed(input: string, xml: string): RecordResult[] {
  let tree: Node;
  try {
    tree = parser.parse(xml, true) as Node;
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0].toLowerCase();
    throw new IngestError(input, `not a well-formed feed (${detail})`, 'pass an rss 2.0 or atom file');
  }
  const rss = tree.rss as Node | undefined;
  const rdf = tree['rdf:RDF'] as Node | undefined;
  const atom = tree.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Node | undefined) ?? {};
    const items = ((rss ? channel.item : rdf?.item) as Node[] | undefined) ?? [];
    return items.map((item, i) => rssItem(input, item, i + 1, text(channel.title)));
  }
  if (atom) {
    const entries = (atom.entry as Node[] | undefined) ?? [];
    return entries.map((entry, i) => atomEntry(input, entry, i + 1, text(atom.title)));
  }
  throw new IngestError(input, 'not an rss or atom feed', 'pass an rss 2.0 or atom file, or an .html page');
}

function rssItem(input: string, item: Node, n: number, outlet: string | null): RecordResult {
  const content = text(item['content:encoded']) ?? text(item.description);
  const links = (item.link as unknown[] | undefined) ?? [];
  const url = links.map(text).find(Boolean) ?? (isPermalink(item.guid) ? text(item.guid) : null);
  const date = text(item.pubDate) ?? text(item['dc:date']);
  const author = text(item['dc:creator']) ?? text(item.author);
  return article(input, n, content, { title: text(item.title), url: url ?? null, date, author, outlet });
}

function atomEntry(input: string, entry: Node, n: number, outlet: string | null): RecordResult {
  const content = text(entry.content) ?? text(entry.summary);
  const links = ((entry.link as Node[] | undefined) ?? []).filter((l) => typeof l === 'object');
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const url = alternate ? text(alternate['@_href']) : null;
  const author = entry.author && typeof entry.author === 'object' ? text((entry.author as Node).name) : null;
  const date = text(entry.published) ?? text(entry.updated);
  return article(input, n, content, { title: text(entry.title), url, date, author, outlet });
}

interface ItemFields {
  title: string | null;
  url: string | null;
  date: string | null;
  author: string | null;
  outlet: string | null;
}

function article(input: string, n: number, content: string | null, f: ItemFields): RecordResult {
  const where = `${input}#${n}`;
  if (!content) {
    return {
      ok: false,
      error: new IngestError(
        where,
        'feed item has no content or description',
        "fetch the item's link instead",
      ),
    };
  }
  const warnings: string[] = [];
  const published = statedDay(f.date);
  if (f.date && !published) warnings.push(`feed item date is not readable (${f.date}); ignored`);
  // Wrap the fragment so the HTML cleaner sees an article element, as on a page.
  const raw = `<!doctype html><html><body><article>${content}</article></body></html>`;
  const result: RawArticle = {
    input: where,
    format: 'html',
    raw,
    hints: { title: f.title, published, url: f.url, author: f.author, outlet: f.outlet },
    warnings,
  };
  return { ok: true, article: result };
}

function isPermalink(guid: unknown): boolean {
  if (!guid) return false;
  if (typeof guid === 'object')
    return (guid as Node)['@_isPermaLink'] !== 'false' && /^https?:/.test(text(guid) ?? '');
  return /^https?:/.test(String(guid));
}

/** The text of a node that may be a string, a number or an element with attributes. */
function text(node: unknown): string | null {
  if (node == null) return null;
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as Node)['#text']);
  return null;
}
