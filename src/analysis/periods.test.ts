import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  dayOf,
  lastDayOf,
  maybePeriod,
  nextPeriod,
  periodEnd,
  periodOf,
  periodsBetween,
  previousPeriods,
} from './periods.js';

describe('periods', () => {
  it('names a week by its ISO Monday, across year ends', () => {
    // 2025-01-01 is a Wednesday: its ISO week (2025-W01) starts on Monday 2024-12-30.
    expect(periodOf('2025-01-01', 'week')).toBe('2024-12-30');
    expect(periodOf('2024-12-30', 'week')).toBe('2024-12-30');
    expect(periodOf('2025-01-05', 'week')).toBe('2024-12-30'); // the Sunday ends it
    expect(periodOf('2025-01-06', 'week')).toBe('2025-01-06');
    expect(periodOf('2024-12-29', 'week')).toBe('2024-12-23'); // a Sunday
    // 2021-01-03 (Sunday) is still in 2020-W53, which began on 2020-12-28.
    expect(periodOf('2021-01-03', 'week')).toBe('2020-12-28');
    expect(periodOf('1970-01-01', 'week')).toBe('1969-12-29');
  });

  it('names days and months by their prefix', () => {
    expect(periodOf('2024-02-29', 'day')).toBe('2024-02-29');
    expect(periodOf('2024-02-29', 'month')).toBe('2024-02');
  });

  it('knows period ends, leap years included', () => {
    expect(periodEnd('2024-02', 'month')).toBe('2024-02-29');
    expect(periodEnd('2023-02', 'month')).toBe('2023-02-28');
    expect(periodEnd('2024-12-30', 'week')).toBe('2025-01-05');
    expect(lastDayOf('2024')).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('steps and lists periods', () => {
    expect(nextPeriod('2024-12', 'month')).toBe('2025-01');
    expect(nextPeriod('2024-12-30', 'week')).toBe('2025-01-06');
    expect(previousPeriods('2025-01-06', 'week', 2)).toBe('2024-12-23');
    expect(periodsBetween('2024-12-25', '2025-01-07', 'week')).toEqual([
      '2024-12-23',
      '2024-12-30',
      '2025-01-06',
    ]);
    expect(periodsBetween('2024-11-15', '2025-01-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01']);
  });

  it('checks period names against their interval', () => {
    expect(maybePeriod('2024-12-30', 'week')).toBe('2024-12-30');
    expect(maybePeriod('2024-12-31', 'week')).toBeNull();
    expect(maybePeriod('2024-02-30', 'day')).toBeNull();
    expect(maybePeriod('2024-13', 'month')).toBeNull();
    expect(maybePeriod('2024-03', 'month')).toBe('2024-03');
  });
});

describe('day arithmetic', () => {
  const viaDate = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  it('names every day as Date does, years 1000–9999 and the calendar edges', () => {
    // Every day of 1900–2100 (leap centuries both ways), then a sample of the rest.
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2100-12-31'); n++) {
      const day = dayOf(n);
      if (day !== viaDate(n)) expect(day).toBe(viaDate(n));
      if (dayNumber(day) !== n) expect(dayNumber(day)).toBe(n);
    }
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1000-01-01'), max: dayNumber('9999-12-31') }), (n) => {
        expect(dayOf(n)).toBe(viaDate(n));
        expect(dayNumber(dayOf(n))).toBe(n);
      }),
      { numRuns: 5000 },
    );
    expect(dayOf(dayNumber('2000-02-29'))).toBe('2000-02-29');
    expect(dayOf(dayNumber('1900-02-28') + 1)).toBe('1900-03-01');
    expect(dayOf(dayNumber('9999-12-31'))).toBe('9999-12-31');
  });

  it('rolls a day past its month end into the next month, as Date.UTC does', () => {
    expect(dayOf(dayNumber('2023-02-31'))).toBe('2023-03-03');
    expect(dayOf(dayNumber('2024-03-00'))).toBe('2024-02-29');
    expect(dayNumber('2024-13-01')).toBe(dayNumber('2025-01-01'));
  });

  it('leaves the years Date cannot write as four digits to Date', () => {
    expect(dayOf(dayNumber('9999-12-31') + 1)).toBe(viaDate(dayNumber('9999-12-31') + 1));
    expect(dayOf(0.5)).toBe('1970-01-01');
  });
});
