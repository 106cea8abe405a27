import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCues } from './cues.js';
import { classifyLine, endsSentence, isLinkLike, isNavLine } from './line-kind.js';

describe('endsSentence', () => {
  it('agrees with the end-of-sentence regex it replaces', () => {
    const piece = fc.constantFrom(
      'a',
      'Talks',
      ' ',
      '.',
      '!',
      '?',
      '…',
      ':',
      ';',
      '"',
      '”',
      '’',
      '»',
      ')',
      ']',
      '(',
      '\ud83d',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(endsSentence(text)).toBe(/[.!?…:;]["”’»)\]]*$/u.test(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('classifyLine', () => {
  const cues = textCues();
  it.each([
    ['', 'blank'],
    ['Skip to main content', 'drop'],
    ['Accept all cookies', 'drop'],
    ['Share on Facebook', 'drop'],
    ['6 min read', 'header'],
    ['Reading time: 4 minutes', 'header'],
    ['Analysis | Europe', 'section'],
    ['12:06 PM', 'time'],
    ['March 4, 2024', 'date'],
    ['By Lena Okafor | March 4, 2024', 'byline'],
    ['Lena Okafor is a correspondent for the paper.', 'bio'],
    ['Boats moored at the quay on Sunday. [Getty]', 'caption'],
    ['Boats moored at the quay on Sunday. (Photo by A. Person)', 'caption'],
    ['This article first appeared in a regional weekly.', 'end'],
    ['Recent & Related', 'teaser'],
    ['Related stories', 'teaser'],
    ['More from the region', 'teaser'],
    ['© 2024 Example News. All rights reserved.', 'end'],
    ['https://example.org/a/b', 'link'],
    ['Header_image_20240304-scaled', 'link'],
    ['NewsWorld', 'link'],
    ['What the quarrel is about', 'heading'],
    ['The talks ended without a deal on Monday.', 'prose'],
    ['Commentary', 'section'],
    ['Sunday', 'other'],
    ['Home | Rivers | Ports | Farming | Weather', 'drop'],
    ['News / Region / Upper Valley', 'drop'],
    ['Newsletter | Donate', 'drop'],
    ['Menu | Search | Log in', 'drop'],
    ['Agency copy | 3 min read', 'header'],
    ['Trending: Kelden market moves | New bridge tolls', 'drop'],
    ['Also on the Herald:', 'teaser'],
    ['Read more:', 'teaser'],
    ['Get the evening digest in your inbox. Sign up now.', 'drop'],
    ['Tomas Brennick covers rivers for the Courier.', 'bio'],
    ['05/04/2024', 'date'],
  ])('%j is %s', (text, kind) => {
    expect(classifyLine(text, cues).kind).toBe(kind);
  });

  it('keeps the author and date of a combined byline', () => {
    const line = classifyLine('By Lena Okafor | March 4, 2024', cues);
    expect(line.author).toBe('Lena Okafor');
    expect(line.dateline?.date).toBe('2024-03-04');
  });

  it('reads a byline that carries its date without a separator', () => {
    const line = classifyLine('By Lena Okafor March 4, 2024, 9:10 AM', cues);
    expect(line.kind).toBe('byline');
    expect(line.author).toBe('Lena Okafor');
    expect(line.dateline?.date).toBe('2024-03-04');
  });

  it('does not take a sentence that starts like a byline for one', () => {
    expect(classifyLine('By early 1993, the blockade had eased and trade resumed.', cues).kind).toBe('prose');
  });
});

describe('isNavLine', () => {
  const cues = textCues();
  it('takes rows of short menu items and breadcrumbs', () => {
    expect(isNavLine('Politics | Economy | Diaspora | Culture', cues)).toBe(true);
    expect(isNavLine('News › World › Coast', cues)).toBe(true);
  });
  it('leaves a "Headline | Outlet" title, a sentence and a teaser row alone', () => {
    expect(isNavLine('Harbor Talks Stall | Harbor Ledger', cues)).toBe(false);
    expect(isNavLine('The vote was close. | The count took all night. | Nobody conceded.', cues)).toBe(false);
    expect(isNavLine('Ferry timetable changes for the summer | Dairy prices slip again | Rain', cues)).toBe(
      false,
    );
  });
});

describe('isLinkLike', () => {
  it('spots scraped links, handles and glued menu words', () => {
    expect(isLinkLike('@someone')).toBe(true);
    expect(isLinkLike('keep readingShow less')).toBe(true);
    expect(isLinkLike('McDonald Talks')).toBe(false);
    expect(isLinkLike('The talks ended.')).toBe(false);
  });
});
