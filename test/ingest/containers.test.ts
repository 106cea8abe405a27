import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/ingest/jsonl.js';
import { parseFeed } from '../../src/ingest/feed.js';
import { statedDay } from '../../src/ingest/dates.js';
import { kindFromContent, kindFromName, metaCharset } from '../../src/ingest/sniff.js';

describe('parseRecords', () => {
  it('makes one plain article per line, the record id as input and fields as hints', () => {
    const text = [
      JSON.stringify({
        id: 'r1',
        text: 'Officials in Yerevan met envoys.',
        title: 'Talks',
        published: '2024-03-02',
        url: 'https://example.org/r1',
      }),
      '',
      JSON.stringify({ id: 'r2', text: 'A second report.' }),
    ].join('\n');
    const out = parseRecords('in.jsonl', text);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      ok: true,
      article: {
        input: 'r1',
        format: 'plain',
        hints: { title: 'Talks', published: '2024-03-02', url: 'https://example.org/r1' },
      },
    });
    expect(out[1]).toMatchObject({ ok: true, article: { input: 'r2', raw: 'A second report.' } });
  });

  it('fails a bad line alone, naming file:line', () => {
    const text = `${JSON.stringify({ id: 'a', text: 'first' })}\n{"id": "b", "text": \n${JSON.stringify({ id: 'c', text: 'third' })}\n{"id":"d"}\n`;
    const out = parseRecords('in.jsonl', text);
    expect(out.map((r) => r.ok)).toEqual([true, false, true, false]);
    const bad = out[1];
    expect(bad.ok ? '' : bad.error.message).toMatch(
      /^cannot read in\.jsonl:2: invalid json \(.+\); fix or remove that line$/,
    );
    const noText = out[3];
    expect(noText.ok ? '' : noText.error.message).toBe(
      'cannot read in.jsonl:4: record has no "text"; give each record a non-empty "text" string',
    );
  });

  it('reads a JSON array and a single JSON object', () => {
    expect(
      parseRecords(
        'a.json',
        JSON.stringify([
          { id: 'x', text: 'one' },
          { id: 'y', text: 'two' },
        ]),
      ).length,
    ).toBe(2);
    expect(parseRecords('b.json', JSON.stringify({ id: 'z', text: 'only one' }))[0]).toMatchObject({
      ok: true,
      article: { input: 'z' },
    });
  });

  it('warns about, and drops, a published value that is not a date', () => {
    const [r] = parseRecords('a.jsonl', JSON.stringify({ id: 'x', text: 'body', published: 'last Tuesday' }));
    expect(r).toMatchObject({ ok: true, article: { hints: { published: null } } });
    expect(r.ok && r.article.warnings[0]).toMatch(/not a date/);
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Caucasus Wire</title>
<item><title>Envoys meet in Tbilisi</title><link>https://example.org/a</link>
<pubDate>Fri, 27 Jan 2023 23:30:00 -0500</pubDate><dc:creator>R. Aliyeva</dc:creator>
<content:encoded><![CDATA[<p>Envoys from three capitals met on Friday.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://example.org/b</link><description>&lt;p&gt;Short summary text.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/c</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Notes</title>
<entry><title type="text">Pipeline deal signed</title>
<link rel="alternate" href="https://example.org/atom/1"/><link rel="self" href="https://example.org/atom/1.xml"/>
<published>2024-08-19T10:00:00+04:00</published><author><name>K. Demir</name></author>
<content type="html">&lt;p&gt;The two governments signed a gas deal.&lt;/p&gt;</content></entry>
</feed>`;

describe('parseFeed', () => {
  it('turns RSS items into html articles with link, day, title and author as hints', () => {
    const out = parseFeed('world.rss', RSS);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({
      ok: true,
      article: {
        input: 'world.rss#1',
        format: 'html',
        hints: {
          title: 'Envoys meet in Tbilisi',
          url: 'https://example.org/a',
          published: '2023-01-27',
          author: 'R. Aliyeva',
          outlet: 'Caucasus Wire',
        },
      },
    });
    expect(out[0].ok && out[0].article.raw).toContain('<p>Envoys from three capitals met on Friday.</p>');
    expect(out[1].ok && out[1].article.raw).toContain('<p>Short summary text.</p>');
    expect(out[2]).toMatchObject({ ok: false });
    expect(out[2].ok ? '' : out[2].error.message).toMatch(
      /^cannot read world\.rss#3: feed item has no content/,
    );
  });

  it('turns Atom entries into articles, preferring the alternate link', () => {
    const [entry] = parseFeed('notes.atom', ATOM);
    expect(entry).toMatchObject({
      ok: true,
      article: {
        hints: {
          title: 'Pipeline deal signed',
          url: 'https://example.org/atom/1',
          published: '2024-08-19',
          author: 'K. Demir',
          outlet: 'Steppe Notes',
        },
      },
    });
  });

  it('refuses XML that is no feed', () => {
    expect(() => parseFeed('a.xml', '<?xml version="1.0"?><catalog><book/></catalog>')).toThrow(
      /cannot read a\.xml: not an rss or atom feed/,
    );
  });
});

describe('statedDay', () => {
  it('keeps the stated day of ISO and RFC 822 dates', () => {
    expect(statedDay('2024-08-19T23:59:00-07:00')).toBe('2024-08-19');
    expect(statedDay('Mon, 5 Feb 2024 08:00:00 GMT')).toBe('2024-02-05');
    expect(statedDay('2024-02-30')).toBeNull();
    expect(statedDay('soon')).toBeNull();
  });
});

describe('sniffing', () => {
  it('picks kinds by name (ignoring .gz) and by content', () => {
    expect(kindFromName('a/b.HTM')).toBe('html');
    expect(kindFromName('feed.atom.gz')).toBe('feed');
    expect(kindFromName('notes')).toBeNull();
    expect(kindFromContent('<!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(kindFromContent('<?xml version="1.0"?>\n<rss version="2.0">')).toBe('feed');
    expect(kindFromContent('{"id":"1","text":"x"}\n')).toBe('jsonl');
    expect(kindFromContent('# Heading\n\ntext')).toBe('markdown');
    expect(kindFromContent('Plain words on a page.')).toBe('text');
  });
});

describe('metaCharset', () => {
  it('reads <meta charset> and http-equiv content types', () => {
    expect(metaCharset(Buffer.from('<html><head><meta charset="Windows-1251"></head>'))).toBe('windows-1251');
    expect(
      metaCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">')),
    ).toBe('iso-8859-9');
    expect(metaCharset(Buffer.from('<p>no meta</p>'))).toBeNull();
  });

  it('does not take scraped text opening with a bracket for JSON', () => {
    expect(kindFromContent('[Photo] Officials met in the capital.')).toBe('text');
    expect(kindFromContent('[{"id":"a","text":"x"}]')).toBe('jsonl');
  });
});
