import { describe, expect, it } from 'vitest';
import { csvCell, tsvCell, xmlEscape } from '../../src/export/cells.js';
import { compactTimestamp, firstDay, lastDay } from '../../src/export/dates.js';
import { sentenceNumber } from '../../src/export/document-facts.js';
import { globalEventId } from '../../src/export/global-event-id.js';

describe('export cells', () => {
  it('csv quotes only what RFC 4180 needs quoted, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-2.5)).toBe('-2.5');
  });

  it('tsv turns tabs and line breaks into single spaces', () => {
    expect(tsvCell('a\tb\r\nc\nd')).toBe('a b c d');
    expect(tsvCell(undefined)).toBe('');
  });

  it('xml escapes markup, keeps tabs and line breaks as references, drops what XML forbids', () => {
    expect(xmlEscape(`<a href="x">&'\t\n\r`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#9;&#10;&#13;');
    expect(xmlEscape('bell\u0007 and \uD800 lone')).toBe('bell and  lone');
    expect(xmlEscape('emoji 😀 kept')).toBe('emoji 😀 kept');
  });
});

describe('export dates and ids', () => {
  it('gives the first and last day of partial dates', () => {
    expect(firstDay('2024')).toBe('2024-01-01');
    expect(firstDay('2024-03')).toBe('2024-03-01');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('2024')).toBe('2024-12-31');
    expect(lastDay('2024-05-06')).toBe('2024-05-06');
    expect(firstDay(null)).toBeNull();
  });

  it('writes GDELT timestamps in UTC', () => {
    expect(compactTimestamp('2025-02-01T12:34:56.789Z')).toBe('20250201123456');
    expect(compactTimestamp(null)).toBe('');
  });

  it('numbers sentences from 1 and finds the one holding an offset', () => {
    const s = [
      { start: 0, end: 10 },
      { start: 11, end: 30 },
      { start: 31, end: 40 },
    ];
    expect(sentenceNumber(s, 0)).toBe(1);
    expect(sentenceNumber(s, 15)).toBe(2);
    expect(sentenceNumber(s, 39)).toBe(3);
    expect(sentenceNumber([], 5)).toBeNull();
  });

  it('derives a stable, safe integer id that differs between events', () => {
    const a = globalEventId('d7c5e2a1b0f4c3d2:e3');
    expect(a).toBe(globalEventId('d7c5e2a1b0f4c3d2:e3'));
    expect(Number.isSafeInteger(a)).toBe(true);
    expect(globalEventId('d7c5e2a1b0f4c3d2:e4')).not.toBe(a);
  });
});
