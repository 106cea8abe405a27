import { describe, expect, it } from 'vitest';
import { textCues } from './cues.js';
import { classifyLine, isLinkLike } from './line-kind.js';

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

describe('isLinkLike', () => {
  it('spots scraped links, handles and glued menu words', () => {
    expect(isLinkLike('@someone')).toBe(true);
    expect(isLinkLike('keep readingShow less')).toBe(true);
    expect(isLinkLike('McDonald Talks')).toBe(false);
    expect(isLinkLike('The talks ended.')).toBe(false);
  });
});
