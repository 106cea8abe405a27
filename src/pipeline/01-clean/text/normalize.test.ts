import { describe, expect, it } from 'vitest';
import { markMenuGaps, toLines, unwrapBlocks } from './normalize.js';

describe('markMenuGaps', () => {
  it('turns the lost separators of a menu row into pipes', () => {
    expect(markMenuGaps('Menu  Search  Log in')).toBe('Menu | Search | Log in');
    expect(markMenuGaps('NEWS\tANALYSIS\tINTERVIEWS')).toBe('NEWS | ANALYSIS | INTERVIEWS');
    expect(markMenuGaps('home  about  contact')).toBe('home | about | contact');
  });
  it('leaves prose, two-part lines and long items alone', () => {
    const prose = 'The talks failed.  Both sides left.  Nobody spoke.';
    expect(markMenuGaps(prose)).toBe(prose);
    expect(markMenuGaps('By  Jane Doe')).toBe('By  Jane Doe');
    const long = 'Ferry timetable changes for the whole summer  Dairy prices  Rain';
    expect(markMenuGaps(long)).toBe(long);
    // Wide spaces inside a headline: small words in lower case among capitals.
    expect(markMenuGaps('Talks  Resume  in  the  Capital')).toBe('Talks  Resume  in  the  Capital');
  });
});

describe('toLines', () => {
  it('keeps menu items apart and tidies other lines', () => {
    expect(toLines('World  Israel  Gulf\r\n\r\nBy  Jane\u00a0Doe')).toEqual([
      'World | Israel | Gulf',
      '',
      'By Jane Doe',
    ]);
  });
});

describe('unwrapBlocks', () => {
  it('joins a paragraph wrapped at a fixed width', () => {
    const a = 'The envoys met on Thursday in the old hotel by the harbour and then';
    const b = 'agreed to meet again.';
    expect(unwrapBlocks([a, b])).toEqual([`${a} ${b}`]);
  });
  it('keeps a long headline apart from the dateline under it', () => {
    const title = 'Grid Operators Ration Power in Four Provinces as Reservoirs Fall';
    expect(unwrapBlocks([title, 'May 2, 2024'])).toEqual([title, 'May 2, 2024']);
  });
});
