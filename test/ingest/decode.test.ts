import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, looksBinary } from '../../src/ingest/decode.js';

const TEXT = 'The minister said the café talks in Baku were "constructive" — both sides agreed.';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(TEXT, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeBytes('a.txt', plain).text).toBe(TEXT);
    expect(decodeBytes('a.txt', bom).text).toBe(TEXT);
    expect(decodeBytes('a.txt', bom).warnings).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(decodeBytes('a.txt', le)).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeBytes('a.txt', be)).toMatchObject({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads UTF-16 LE without a BOM, with a warning', () => {
    const d = decodeBytes('a.txt', iconv.encode(TEXT, 'utf-16le'));
    expect(d.text).toBe(TEXT);
    expect(d.warnings[0]).toMatch(/no byte-order mark/);
  });

  it('falls back to windows-1252 for invalid UTF-8, with a warning naming --encoding', () => {
    const bytes = iconv.encode(TEXT, 'windows-1252');
    const d = decodeBytes('a.txt', bytes);
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings[0]).toMatch(/not valid utf-8; decoded as windows-1252 \(pass --encoding/);
  });

  it('uses a forced encoding, and refuses an unknown one naming --encoding', () => {
    const bytes = iconv.encode('Ölçü and ğ', 'iso-8859-9');
    expect(decodeBytes('a.txt', bytes, 'iso-8859-9').text).toBe('Ölçü and ğ');
    expect(() => decodeBytes('a.txt', bytes, 'klingon-8')).toThrow(
      'cannot read a.txt: unknown encoding "klingon-8"; pass --encoding with a name such as utf-8, windows-1252 or utf-16le',
    );
  });

  it('refuses binary data with one line', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(() => decodeBytes('notes.bin', png)).toThrow(
      'cannot read notes.bin: binary file, not text; pass a .txt, .html, .md, .jsonl or feed file',
    );
  });
});

describe('looksBinary', () => {
  it('flags control-character soup without NULs and passes ordinary text', () => {
    const soup = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x02 : 0x41 + (i % 20))));
    expect(looksBinary(soup)).toBe(true);
    expect(looksBinary(Buffer.from('Line one\r\nLine two\tand a tab\n'))).toBe(false);
  });
});

describe('declared charsets', () => {
  it('uses a declared legacy charset, but not over a forced one', () => {
    const bytes = iconv.encode('Москва и Баку', 'windows-1251');
    expect(decodeBytes('a.html', bytes, undefined, 'windows-1251').text).toBe('Москва и Баку');
    expect(decodeBytes('a.html', bytes, 'koi8-r', 'windows-1251').encoding).toBe('koi8-r');
    expect(decodeBytes('a.html', Buffer.from('plain ascii'), undefined, 'not-a-charset').text).toBe(
      'plain ascii',
    );
  });
});
