import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMarkdown, markdownToLines, splitFrontMatter, stripInline } from './markdown.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/text/', import.meta.url));
const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();

describe('cleanMarkdown on hand-written pages', () => {
  it('has fixtures to run', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
  for (const page of pages) {
    it(page, () => {
      const want = JSON.parse(readFileSync(FIXTURES + page.replace(/\.md$/u, '.expected.json'), 'utf8')) as {
        paragraphs: string[];
      } & Record<string, string | null>;
      const got = cleanMarkdown(readFileSync(FIXTURES + page, 'utf8'), {});
      expect({ title: got.title, published: got.published, author: got.author, outlet: got.outlet }).toEqual({
        title: want.title,
        published: want.published,
        author: want.author,
        outlet: want.outlet,
      });
      expect(got.body.split('\n\n')).toEqual(want.paragraphs);
    });
  }
});

describe('markdown markup', () => {
  it.each([
    ['a **bold** and *soft* word', 'a bold and soft word'],
    ['see [the report](https://example.org/r "Report") now', 'see the report now'],
    ['![map](https://example.org/m.png) before', 'before'],
    ['use `code` and ~~old~~ text', 'use code and old text'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['<span>tagged</span> text<br>next', 'tagged text next'],
    ['a note[^1] here', 'a note here'],
  ])('%s → %s', (md, text) => {
    expect(stripInline(md)).toBe(text);
  });

  it('joins a paragraph, splits list items and drops code and rules', () => {
    const md =
      'First line\ncontinues here.\n\n* one\n* two\n\n```\nconsole.log(1)\n```\n\n***\n\nSub\n---\nEnd.';
    expect(markdownToLines(md)).toEqual({
      lines: ['First line continues here.', 'one', 'two', 'Sub', 'End.'],
      heading: null,
    });
  });

  it('takes a leading # heading or === heading as the title', () => {
    expect(markdownToLines('# Big News\n\nText.').heading).toBe('Big News');
    expect(markdownToLines('Big News\n========\n\nText.').heading).toBe('Big News');
    expect(markdownToLines('Text first.\n\n# Later').heading).toBeNull();
  });

  it('splits front matter off', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\nbody')).toEqual({ yaml: 'title: A', rest: 'body' });
    expect(splitFrontMatter('no front matter')).toEqual({ yaml: null, rest: 'no front matter' });
  });

  it('warns about front matter that is not yaml and goes on', () => {
    const got = cleanMarkdown('---\ntitle: [unclosed\n---\nThe talks ended on Monday without a deal.', {});
    expect(got.warnings).toContain('front matter is not valid yaml; ignored');
    expect(got.body).toBe('The talks ended on Monday without a deal.');
  });

  it('returns an empty body and a warning for empty text', () => {
    const got = cleanMarkdown('  \n', {});
    expect(got.body).toBe('');
    expect(got.warnings).toEqual(['empty text: no article body']);
  });

  it('never throws', () => {
    const md = fc.constantFrom(
      '# T',
      '---',
      '```',
      '* item',
      '> quote',
      '[a](b)',
      '![i](j)',
      '**x**',
      '|a|b|',
      'Text.',
      '',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(md, fc.string({ maxLength: 60 })), { maxLength: 30 }), (lines) => {
        const got = cleanMarkdown(lines.join('\n'), {});
        expect(typeof got.body).toBe('string');
        expect(got.warnings.some((w) => w.startsWith('markdown could not be read'))).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
