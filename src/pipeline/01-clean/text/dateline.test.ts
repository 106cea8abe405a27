import { describe, expect, it } from 'vitest';
import { textCues } from './cues.js';
import { isTimeLine, parseDateline } from './dateline.js';

// Line-format goldens: `line {expected}`; `{}` means "not a dateline".
const GOLDENS = `
February 03, 2025 {2025-02-03}
19 January, 2023 {2023-01-19}
Feb. 3, 2025 {2025-02-03}
3rd of March 2024 {2024-03-03}
Monday, 7 November 2023 {2023-11-07}
Mon 3 Feb 2025 14:05 GMT {2025-02-03}
Published: 19 January, 2023 09:15 GMT {2023-01-19}
Posted on June 30, 2022 at 8:45 a.m. {2022-06-30}
2022-06-30 {2022-06-30}
2025-02-03T10:00:00Z {2025-02-03}
Updated 12 Aug 2023 {2023-08-12}
February 30, 2025 {}
The treaty was signed on 3 March 2021. {}
In January 2023 the embassy closed {}
19 January {}
14/03/2024 {2024-03-14}
03/14/2024 {2024-03-14}
05/04/2024 {2024-04-05}
5.4.2024 {2024-04-05}
31/02/2024 {}
The vote on 05/04/2024 was close. {}
`;

describe('parseDateline', () => {
  const cues = textCues();
  for (const row of GOLDENS.trim().split('\n')) {
    const [, line, want] = /^(.*) \{(.*)\}$/u.exec(row)!;
    it(`${line} → ${want || 'none'}`, () => {
      expect(parseDateline(line!, cues)?.date ?? '').toBe(want);
    });
  }

  it('marks revision dates', () => {
    expect(parseDateline('Updated: 12 Aug 2023 14:20 GMT', cues)).toEqual({
      date: '2023-08-12',
      revision: true,
    });
    expect(parseDateline('Published 11 Aug 2023', cues)).toEqual({ date: '2023-08-11', revision: false });
  });
});

describe('numeric date order', () => {
  it('reads an ambiguous all-numeric date in the order the cues give', () => {
    const mdy = { ...textCues(), numericOrder: 'mdy' as const };
    expect(parseDateline('05/04/2024', mdy)?.date).toBe('2024-05-04');
    // A part above 12 can only be the day, whatever the order.
    expect(parseDateline('14/03/2024', mdy)?.date).toBe('2024-03-14');
  });
});

describe('isTimeLine', () => {
  const cues = textCues();
  it('accepts a bare time of day', () => {
    expect(isTimeLine('12:06 PM', cues)).toBe(true);
    expect(isTimeLine('14:05 GMT', cues)).toBe(true);
  });
  it('rejects text with words', () => {
    expect(isTimeLine('Talks at 12:06 PM', cues)).toBe(false);
    expect(isTimeLine('Talks resumed', cues)).toBe(false);
  });
});
