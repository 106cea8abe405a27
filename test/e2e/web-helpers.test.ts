import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../../web/src/router.js';
import { segments } from '../../web/src/segments.js';

/** The dashboard's pure helpers: body marking and hash routes. */
describe('segments', () => {
  const body = 'Iran warned Azerbaijan. Baku replied.';

  it('cuts the body at every boundary and keeps every mark covering a run', () => {
    const runs = segments(body, [
      { start: 0, end: 23, kind: 'event', index: 0 },
      { start: 0, end: 23, kind: 'event', index: 1 },
      { start: 0, end: 4, kind: 'mention', index: 0, ref: 'IRN' },
      { start: 12, end: 22, kind: 'mention', index: 1, ref: 'AZE' },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(body);
    expect(runs.map((r) => [r.text, r.marks.map((m) => `${m.kind}${m.index}`)])).toEqual([
      ['Iran', ['event0', 'event1', 'mention0']],
      [' warned ', ['event0', 'event1']],
      ['Azerbaijan', ['event0', 'event1', 'mention1']],
      ['.', ['event0', 'event1']],
      [' Baku replied.', []],
    ]);
  });

  it('clips marks outside the body and drops empty ones', () => {
    const runs = segments('abc', [
      { start: 2, end: 99, kind: 'event', index: 0 },
      { start: 1, end: 1, kind: 'mention', index: 0 },
    ]);
    expect(runs.map((r) => [r.text, r.marks.length])).toEqual([
      ['ab', 0],
      ['c', 1],
    ]);
  });

  it('keeps markup in the text as text runs', () => {
    const runs = segments('<script>x</script>', []);
    expect(runs).toEqual([{ start: 0, end: 18, text: '<script>x</script>', marks: [] }]);
  });
});

describe('hash routes', () => {
  it('round-trips parts with separators and a query', () => {
    const link = href('doc', 'ab12', { event: 'ab12:e3', empty: '' });
    expect(link).toBe('#/doc/ab12?event=ab12%3Ae3');
    const route = parseHash(link);
    expect(route.parts).toEqual(['doc', 'ab12']);
    expect(route.query.get('event')).toBe('ab12:e3');
    expect(parseHash(href('actor', 'person:ilham-aliyev')).parts).toEqual(['actor', 'person:ilham-aliyev']);
  });

  it('reads the overview from an empty hash and survives bad escapes', () => {
    expect(parseHash('').parts).toEqual([]);
    expect(parseHash('#/').parts).toEqual([]);
    expect(parseHash('#/actor/%E0%A4%A').parts).toEqual(['actor', '%E0%A4%A']);
  });
});
