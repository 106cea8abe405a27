import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateExpr, Doc } from '../../model/types.js';
import { blankDoc } from '../index.js';
import { dateForSpan, eventDateOf, resolveDates, stage } from './index.js';

const CASES = fileURLToPath(new URL('./cases.txt', import.meta.url));

/** Renders resolved dates the way cases.txt writes them. */
function render(dates: readonly DateExpr[]): string {
  return dates
    .map(
      (d) =>
        `${d.text} → ${d.value}${d.end_value ? `..${d.end_value}` : ''} ${d.precision}${d.estimated ? ' ~' : ''}`,
    )
    .join(' | ');
}

interface Case {
  line: number;
  sentence: string;
  expected: string;
  reference: string | null;
}

function readCases(): Case[] {
  const out: Case[] = [];
  let reference: string | null = '2025-02-03';
  readFileSync(CASES, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const ref = /^@reference\s+(\S+)$/.exec(line);
      if (ref) {
        reference = ref[1] === 'none' ? null : ref[1];
        return;
      }
      const m = /^(.*?)\s*\{(.*)\}$/.exec(line);
      if (!m) throw new Error(`cases.txt line ${i + 1}: expected "sentence {expected}"`);
      out.push({ line: i + 1, sentence: m[1], expected: m[2].trim(), reference });
    });
  return out;
}

describe('date golden cases (cases.txt)', () => {
  const cases = readCases();
  it('has cases for every form', () => expect(cases.length).toBeGreaterThan(50));
  for (const c of cases) {
    it(`line ${c.line}: ${c.sentence.slice(0, 60)}`, () => {
      const r = resolveDates(c.sentence, c.reference);
      const head = c.reference
        ? ''
        : `ref ${r.reference.date ?? 'none'}${r.reference.estimated ? ' ~' : ''}; `;
      expect((head + render(r.dates)).trim()).toBe(c.expected);
    });
  }
});

describe('resolveDates', () => {
  it('gives exact offsets into the body', () => {
    const body = 'Leaders met over the weekend; on 3 Feb 2025 they signed.';
    for (const d of resolveDates(body, '2025-02-03').dates) expect(body.slice(d.start, d.end)).toBe(d.text);
  });

  it('estimates the reference when none is given and marks only anchored dates', () => {
    const r = resolveDates('Fighting broke out in October 2021. On 2 December talks began.', null);
    expect(r.reference).toEqual({ date: '2021-12-02', estimated: true });
    expect(r.dates.map((d) => [d.value, d.estimated])).toEqual([
      ['2021-10', false],
      ['2021-12-02', true],
    ]);
  });

  it('warns about a malformed reference and estimates instead', () => {
    const r = resolveDates('The treaty dates from 1994.', 'last spring');
    expect(r.warnings[0]).toMatch(/not YYYY-MM-DD/);
    expect(r.reference).toEqual({ date: '1994', estimated: true });
  });

  it('warns when relative dates cannot be resolved', () => {
    const r = resolveDates('They spoke yesterday.', null);
    expect(r.dates).toEqual([]);
    expect(r.warnings.join()).toMatch(/unresolved/);
  });

  it('never throws and keeps offsets valid on any text', () => {
    const pieces = fc.constantFrom(
      'in ',
      'on ',
      'since ',
      'May ',
      'March 3',
      ', 2025',
      '1992',
      '-94',
      '/22',
      'the ',
      'late ',
      '1990s',
      '19th century',
      'Friday ',
      'Prayer ',
      'last ',
      'week',
      'weekend',
      'two years ago',
      '10%',
      '2,000',
      '. ',
      '\n',
      'Resolution ',
      '’s ',
      '31 ',
      'mid-',
      'Feb. ',
      "'90s",
      'a few ',
      'days ago',
      'Between ',
      ' and ',
      '29 February ',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(pieces, { maxLength: 30 }).map((xs) => xs.join('')),
    );
    const ref = fc.oneof(
      fc.constant(null),
      fc.constant('2025-02-03'),
      fc.constant('2024-02-29'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, ref, (body, reference) => {
        const r = resolveDates(body, reference);
        let last = -1;
        for (const d of r.dates) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(body.length);
          expect(d.start).toBeGreaterThanOrEqual(last);
          expect(body.slice(d.start, d.end)).toBe(d.text);
          expect(d.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          last = d.end;
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

function docOf(body: string, published: string | null): Doc {
  return blankDoc(body, { input: 't.txt', format: 'text', published });
}

describe('dates stage', () => {
  it('uses the publication date, then --published, then estimates', () => {
    const body = 'In March 2024 the border closed. It reopened last month.';
    expect(stage.run(docOf(body, '2025-02-03'), {}).dates[1].value).toBe('2025-01');
    expect(stage.run(docOf(body, null), { published: '2024-06-10' }).dates[1].value).toBe('2024-05');
    const est = stage.run(docOf(body, null), {});
    expect(est.reference).toEqual({ date: '2024-03', estimated: true });
    expect(est.dates[1]).toMatchObject({ value: '2024-02', precision: 'month', estimated: true });
  });
});

describe('dateForSpan (for the events stage)', () => {
  const body =
    'Talks were held over the weekend. Later the envoy left.\nIn the 1990s trade grew. The war of 1992-94 ended.';
  const dates = resolveDates(body, '2025-02-03').dates;

  it('collapses a range to what both ends share', () => {
    expect(eventDateOf(dates[0])).toMatchObject({ date: '2025-02', datePrecision: 'month' });
    expect(eventDateOf(dates[2])).toMatchObject({ date: '1992', datePrecision: 'year' });
    expect(eventDateOf(dates[1]).date).toBeNull();
  });

  it('looks inside the span first, then back within the scope', () => {
    const later = { start: body.indexOf('Later'), end: body.indexOf('left') + 4 };
    expect(dateForSpan(dates, later, body, 'span').date).toBeNull();
    expect(dateForSpan(dates, later, body, 'sentence').date).toBeNull();
    expect(dateForSpan(dates, later, body, 'paragraph').date).toBe('2025-02');
    const trade = { start: body.indexOf('In the 1990s'), end: body.indexOf('grew') + 4 };
    expect(dateForSpan(dates, trade, body, 'paragraph').date).toBeNull();
  });
});
