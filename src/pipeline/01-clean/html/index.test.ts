import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHtml, cleanHtmlDetailed } from './index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/html/${name}`, import.meta.url), 'utf8');

describe('cleanHtml metadata', () => {
  const news = cleanHtml(fixture('news-article.html'), {});

  it('reads title, date, authors and outlet from meta and JSON-LD @graph', () => {
    expect(news.title).toBe('Harbour talks stall over fishing quotas');
    expect(news.published).toBe('2024-03-07');
    expect(news.author).toBe('Mira Castellan, Oskar Lind');
    expect(news.outlet).toBe('The Coastal Ledger');
  });

  it('takes the date from <time datetime> and the outlet from application-name', () => {
    const blog = cleanHtml(fixture('blog-time.html'), {});
    expect(blog.published).toBe('2023-06-02');
    expect(blog.outlet).toBe('Green Terraces Blog');
    expect(blog.title).toBe('Notes from a rooftop garden');
  });

  it('reads an itemprop date and leaves unstated fields null', () => {
    const fr = cleanHtml(fixture('non-english.html'), {});
    expect(fr.published).toBe('2022-11-15');
    expect(fr.outlet).toBe('Le Quotidien du Port');
    expect(fr.author).toBeNull();
  });

  it('never guesses a date from the prose', () => {
    const html =
      '<html><body><article><p>' +
      'On 3 May 2021 the council met again to discuss the budget, and more. '.repeat(6) +
      '</p></article></body></html>';
    expect(cleanHtml(html, {}).published).toBeNull();
  });

  it('reads a JSON-LD article given as a top-level array and skips broken JSON-LD', () => {
    const html = `<html><head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">[{"@type":"BlogPosting","headline":"Array headline","datePublished":"2020-02-29","author":{"name":"Ana Ruiz"},"publisher":{"name":"Array Press"}}]</script>
      </head><body></body></html>`;
    const c = cleanHtml(html, {});
    expect(c).toMatchObject({
      title: 'Array headline',
      published: '2020-02-29',
      author: 'Ana Ruiz',
      outlet: 'Array Press',
    });
  });
});

describe('cleanHtml body', () => {
  it('keeps exactly the article paragraphs, separated by blank lines', () => {
    const { body, warnings } = cleanHtml(fixture('news-article.html'), {});
    const paragraphs = body.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Negotiators from the two coastal states/);
    expect(paragraphs[1]).toContain('"within weeks"');
    expect(paragraphs[3]).toContain('“frank but useful”');
    expect(warnings).toEqual([]);
  });

  it('drops headline, byline, caption, share, related, newsletter, sidebar and footer', () => {
    const { body } = cleanHtml(fixture('news-article.html'), {});
    for (const junk of [
      'Harbour talks stall',
      'By Mira',
      'Trawlers wait',
      'Share on',
      'Quota row',
      'Sign up',
      'Most read',
      'Copyright',
      'not text',
      'color: red',
    ]) {
      expect(body).not.toContain(junk);
    }
  });

  it('keeps an article wrapped in page-builder widget boxes and drops the comments', () => {
    const { body } = cleanHtml(fixture('blog-time.html'), {});
    expect(body).toContain('When we first carried soil');
    expect(body).toContain('low wall of recycled bricks');
    expect(body).not.toContain('Great post');
  });

  it('decodes entities and splits on a double <br> in non-English pages', () => {
    const { body } = cleanHtml(fixture('non-english.html'), {});
    expect(body).toContain('approuvé mardi soir');
    expect(body).toContain('qu’aucun commerçant');
    expect(body.split('\n\n')).toHaveLength(3);
  });

  it('treats custom inline elements as inline text', () => {
    const html = `<html><body><article><p>${'Words of the article, in a long enough sentence. '.repeat(6)}See the study (<x-source><a href="#">1</a></x-source>) for details.</p></article></body></html>`;
    expect(cleanHtml(html, {}).body).toContain('See the study (1) for details.');
  });
});

describe('cleanHtml odd input', () => {
  it('gives an empty body and a warning when there is no article', () => {
    const c = cleanHtml(fixture('no-article.html'), {});
    expect(c.body).toBe('');
    expect(c.warnings).toContain('no article text found');
  });

  it('handles 100k nested divs without overflowing or hanging', () => {
    const n = 100_000;
    const text = 'A paragraph buried under a great many layout boxes, still part of the article text.';
    const html = `<html><body>${'<div>'.repeat(n)}<p>${text}</p>${'</div>'.repeat(n)}</body></html>`;
    const c = cleanHtmlDetailed(html, {});
    expect(c.body).toBe(text);
    expect(c.warnings.some((w) => w.includes('nested'))).toBe(true);
  });

  it('handles unclosed and malformed markup', () => {
    const c = cleanHtml(
      `<html><body><div><p>${'Unclosed paragraph text that keeps going, on and on. '.repeat(5)}<div><span></b></i><p>More text</html>`,
      {},
    );
    expect(c.body).toContain('Unclosed paragraph text');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({
            unit: fc.constantFrom(
              '<',
              '>',
              '/',
              'div',
              'p',
              ' ',
              'a',
              '"',
              '=',
              '&amp;',
              'script',
              '\u0000',
              'x',
            ),
          }),
        ),
        (s) => {
          const c = cleanHtml(s, {});
          expect(typeof c.body).toBe('string');
          expect(Array.isArray(c.warnings)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
