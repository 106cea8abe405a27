import { describe, expect, it } from 'vitest';
import type { TensionParams } from './analysis-params.js';
import { loadTensionParams } from './analysis-params.js';
import { dayNumber } from './periods.js';
import {
  contributions,
  dayWeights,
  eventDay,
  tensionFormula,
  tensionSeries,
  type TensionEvent,
} from './tension.js';

const P: TensionParams = {
  halfLifeDays: 10,
  lookbackDays: 30,
  prior: 2,
  modality: { asserted: 1, alleged: 0.5, hypothetical: 0.25, denied: 0, negated: 0 },
};

const EVENTS: TensionEvent[] = [
  { id: 'd1:e0', date: '2024-03-10', goldstein: -10, modality: 'asserted' },
  { id: 'd1:e1', date: '2024-03-01', goldstein: 4, modality: 'alleged' },
  { id: 'd2:e0', date: '2024-03-05', goldstein: -5, modality: 'negated' },
  // Outside the window on 2024-03-10: 31 days before, and one day after.
  { id: 'd3:e0', date: '2024-02-08', goldstein: -10, modality: 'asserted' },
  { id: 'd3:e1', date: '2024-03-11', goldstein: -10, modality: 'asserted' },
  // A month-dated event counts on the 15th (after 2024-03-10); a year-dated one never.
  { id: 'd4:e0', date: '2024-03', goldstein: -10, modality: 'asserted' },
  { id: 'd5:e0', date: '2024', goldstein: -10, modality: 'asserted' },
];

describe('tension', () => {
  it('matches the formula worked by hand', () => {
    // e0: weight 1 (asserted, age 0); e1: 0.5 × 2^(−9/10) (alleged, 9 days old); negated weighs 0.
    const w1 = 0.5 * 2 ** (-9 / 10);
    const expected = -(1 * -10 + w1 * 4) / (1 + w1 + 0 + 2);
    const { tension, items, denominator } = contributions(EVENTS, '2024-03-10', P);
    expect(tension).toBeCloseTo(expected, 12);
    expect(tension).toBeCloseTo(2.73206, 4);
    expect(denominator).toBeCloseTo(3 + w1, 12);
    expect(items.map((c) => c.eventId)).toEqual(['d1:e0', 'd1:e1', 'd2:e0']);
    expect(items[0]!.contribution).toBeCloseTo(10 / (3 + w1), 12);
    expect(items[1]!.contribution).toBeCloseTo((-w1 * 4) / (3 + w1), 12);
    expect(items[1]!.weight).toBeCloseTo(w1, 12);
    expect(items[2]!.contribution).toBe(0);
  });

  it('decomposes: contributions sum to the value the day totals give', () => {
    const rows = EVENTS.filter((e) => eventDay(e.date)).map((e) => ({
      day: eventDay(e.date)!,
      modality: e.modality,
      events: 1,
      goldstein: e.goldstein,
    }));
    for (const day of ['2024-03-01', '2024-03-05', '2024-03-10', '2024-03-20', '2024-04-09', '2024-04-10']) {
      const [fromDays] = tensionSeries(dayWeights(rows, P), [dayNumber(day)], P);
      const explained = contributions(EVENTS, day, P);
      const sum = explained.items.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(fromDays!.tension, 12);
      expect(explained.denominator).toBeCloseTo(fromDays!.denominator, 12);
    }
  });

  it('counts a month-dated event on the 15th', () => {
    expect(eventDay('2024-03')).toBe('2024-03-15');
    expect(eventDay('2024')).toBeNull();
    const { items } = contributions(EVENTS, '2024-03-15', P);
    expect(items.find((c) => c.eventId === 'd4:e0')).toMatchObject({ date: '2024-03-15', weight: 1 });
    expect(items.some((c) => c.eventId === 'd5:e0')).toBe(false);
  });

  it('is 0 with no events and shrinks a lone report towards 0', () => {
    expect(contributions([], '2024-01-01', P).tension).toBe(0);
    const lone = contributions(
      [{ id: 'x', date: '2024-01-01', goldstein: -10, modality: 'asserted' }],
      '2024-01-01',
      P,
    );
    expect(lone.tension).toBeCloseTo(10 / 3, 12);
  });

  it('halves an event after one half-life', () => {
    const e = [{ id: 'x', date: '2024-01-01', goldstein: -10, modality: 'asserted' }];
    const { items } = contributions(e, '2024-01-11', P);
    expect(items[0]!.weight).toBeCloseTo(0.5, 12);
    expect(items[0]!.contribution).toBeCloseTo(5 / 2.5, 12);
  });

  it('reads its parameters from the ontology and writes them into the formula', () => {
    const p = loadTensionParams();
    expect(p.modality.asserted).toBe(1);
    expect(p.modality.negated).toBe(0);
    const f = tensionFormula(p);
    expect(f).toContain(`h = ${p.halfLifeDays} days`);
    expect(f).toContain(`k = ${p.prior}`);
  });
});
