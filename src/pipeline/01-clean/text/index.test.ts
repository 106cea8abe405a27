import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/text/', import.meta.url));

interface Expected {
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  paragraphs: string[];
}

const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('cleanText on hand-written scraped pages', () => {
  it('has fixtures to run', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });
  for (const page of pages) {
    it(page, () => {
      const raw = readFileSync(FIXTURES + page, 'utf8');
      const want = JSON.parse(
        readFileSync(FIXTURES + page.replace(/\.txt$/u, '.expected.json'), 'utf8'),
      ) as Expected;
      const got = cleanText(raw, {});
      expect({ title: got.title, published: got.published, author: got.author, outlet: got.outlet }).toEqual({
        title: want.title,
        published: want.published,
        author: want.author,
        outlet: want.outlet,
      });
      expect(got.body.split('\n\n')).toEqual(want.paragraphs);
      expect(got.warnings).toEqual([]);
    });
  }
});

describe('cleanText details', () => {
  it('returns an empty body and a warning for empty text', () => {
    for (const raw of ['', '   \n\n\t ']) {
      const got = cleanText(raw, {});
      expect(got.body).toBe('');
      expect(got.warnings).toEqual(['empty text: no article body']);
    }
  });

  it('warns when nothing on the page is article text', () => {
    const got = cleanText('Home\nSign in\nSubscribe now\n', {});
    expect(got.body).toBe('');
    expect(got.warnings).toEqual(['no article body found in text']);
  });

  it('takes a masthead as the outlet only when the page names it again outside its prose', () => {
    const story = [
      'Grid Operators Ration Power as Reservoirs Fall',
      'May 2, 2024',
      '',
      'Operators in the northern provinces began rationing power on Thursday after a dry spring left the reservoirs behind the hydro dams at a third of their usual level.',
      'The energy crisis has already closed two smelters, and officials warned that households could face cuts in the evening peak from next week.',
    ];
    // A kicker that the story merely mentions is not an outlet.
    expect(cleanText(['Energy Crisis', '', ...story].join('\n'), {}).outlet).toBeNull();
    // A masthead named again in a credit line is; its capitals give way to the page's spelling.
    const credited = [
      'NORTHERN GRID NEWS',
      '',
      ...story,
      '',
      'Photo: A dam spillway in April. (Northern Grid News / File)',
    ];
    expect(cleanText(credited.join('\n'), {}).outlet).toBe('Northern Grid News');
  });

  it('takes a long headline without a full stop when a dateline follows it', () => {
    const title =
      'Grid Operators Ration Power in Four Northern Provinces as Reservoirs Behind the Hydro Dams Fall';
    const raw = [
      'Home | Energy | Provinces | Markets',
      '',
      title,
      'May 2, 2024',
      '',
      'Operators in the northern provinces began rationing power on Thursday after a dry spring left the reservoirs at a third of their usual level.',
      'Officials warned that households could face cuts in the evening peak from next week.',
    ].join('\n');
    const got = cleanText(raw, {});
    expect(got.title).toBe(title);
    expect(got.body.startsWith('Operators in the northern provinces')).toBe(true);
  });

  it('drops a widget label printed several times but keeps real subheadings', () => {
    const paras = [
      'Delegates from both capitals sat down again on Tuesday after a pause of six weeks.',
      'The agenda listed water rights first, ahead of the contested customs posts.',
      'Aides described a tense opening hour that later eased over lunch.',
      'A further round is planned before the end of the month, a spokesperson said.',
    ];
    const [a, b, c, d] = paras;
    const raw = [
      'Talks Resume in the Capital',
      '',
      a,
      'Watch Live',
      b,
      'Inside the room',
      c,
      'Watch Live',
      d,
    ].join('\n');
    expect(cleanText(raw, {}).body.split('\n\n')).toEqual([a, b, 'Inside the room', c, d]);
  });

  it('drops an unmarked list of teasers after the article, not a closing section', () => {
    const article = [
      'Rail Link Opens Between Two Capitals',
      '',
      'The first passenger train between the two capitals left the northern station on time on Saturday morning.',
      'Tickets for the first month sold out within hours, the operator said in a short statement.',
      'Looking ahead',
      'A freight service on the same line is due to start next year if the customs checks are agreed in time.',
    ];
    const teasers = [
      'Port Workers Vote to Strike',
      'Sam Ortiz',
      'Dockers at the southern port backed a walkout over pay in a ballot held this week.',
      'Drought Hits Olive Harvest',
      'Growers in the hill country expect their smallest crop in twenty years after the dry summer.',
      'New Ferry Route Announced',
      'Lee Park',
      'A weekly ferry will link the two islands from the spring, the regional council said.',
    ];
    const body = cleanText([...article, ...teasers].join('\n'), {}).body.split('\n\n');
    expect(body).toEqual(article.slice(2));
  });

  it('drops a caption or standfirst that copies a body sentence', () => {
    const raw = [
      'Harvest Starts Early',
      'Farmers started the harvest a week early after a dry spring.',
      'By Ana Lopes',
      '',
      'Farmers started the harvest a week early after a dry spring, cooperatives in the valley said on Monday.',
      'Prices at the market have already fallen.',
      'Farmers started the harvest a week early after a dry spring',
      'Agronomists now watch the reservoir.',
    ].join('\n');
    const got = cleanText(raw, {});
    expect(got.author).toBe('Ana Lopes');
    expect(got.body.split('\n\n')).toEqual([
      'Farmers started the harvest a week early after a dry spring, cooperatives in the valley said on Monday.',
      'Prices at the market have already fallen.',
      'Agronomists now watch the reservoir.',
    ]);
  });

  it('takes the headline a byline follows, not a longer menu entry above it', () => {
    const raw = [
      'Business and Economy Desk',
      'Climate and Energy Coverage Hub',
      'Dam Talks Collapse',
      'By Noor Haddad',
      'March 14, 2024',
      '',
      'Talks on sharing the reservoir broke down late on Thursday after the upstream delegation walked out.',
    ].join('\n');
    const got = cleanText(raw, {});
    expect(got.title).toBe('Dam Talks Collapse');
    expect(got.published).toBe('2024-03-14');
    expect(got.body).toBe(
      'Talks on sharing the reservoir broke down late on Thursday after the upstream delegation walked out.',
    );
  });

  it('uses a hinted title and drops the line that repeats it', () => {
    const got = cleanText(
      'Quiet Week on the Border\nThe border was quiet all week, monitors said.\nTrade resumed on Friday.',
      {
        title: 'Quiet Week on the Border',
      },
    );
    expect(got.title).toBe('Quiet Week on the Border');
    expect(got.body).toBe('The border was quiet all week, monitors said.\n\nTrade resumed on Friday.');
  });

  it('does not take a date mentioned in a sentence as the publication date', () => {
    const got = cleanText(
      'Anniversary Passes Quietly\n\nOn 3 March 2021 the two states signed a truce.\nIt has held since.',
      {},
    );
    expect(got.published).toBeNull();
  });

  it('keeps a very long single line', () => {
    const sentence = 'The delegations met again and agreed to keep talking about the border. ';
    const raw = sentence.repeat(20_000);
    // A hang would hit the test timeout; no wall-clock assertion here.
    const got = cleanText(raw, {});
    expect(got.body).toBe(raw.trim());
  });

  it('copes with thousands of repeated lines', () => {
    const raw = Array.from(
      { length: 5_000 },
      (_, i) => `Line ${i % 7} says the talks went on past midnight again.`,
    ).join('\n');
    const got = cleanText(raw, {});
    expect(got.body.split('\n\n')).toHaveLength(7);
  });

  it('never throws, and its body only holds words of the input', () => {
    const pieces = fc.constantFrom(
      'Home',
      'By Jane Doe',
      '3 min read',
      'March 14, 2024',
      '09:41 AM',
      'Related: another story',
      'The talks ended without a deal on Monday.',
      'Officials said more meetings would follow.',
      'Jane Doe is a reporter at the paper.',
      'Originally published by Some Paper.',
      '',
      '# Heading',
      'Photo: A. Person/Agency',
    );
    const line = fc.oneof(
      pieces,
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\n\n'), (lines, eol) => {
        const raw = lines.join(eol);
        const got = cleanText(raw, {});
        const words = (s: string) => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
        const input = new Map<string, number>();
        for (const w of words(raw)) input.set(w, (input.get(w) ?? 0) + 1);
        for (const w of words(got.body)) {
          const n = input.get(w) ?? 0;
          expect(n).toBeGreaterThan(0);
          input.set(w, n - 1);
        }
        expect(got.published === null || /^\d{4}-\d{2}-\d{2}$/u.test(got.published)).toBe(true);
        // The fallback path would hide a crash: it must not be taken.
        expect(got.warnings.some((w) => w.startsWith('text cleaner failed'))).toBe(false);
      }),
      { numRuns: 300, seed: 20250203 },
    );
  });
});
