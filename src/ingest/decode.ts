import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError, KINDS_HINT } from './errors.js';

export interface Decoded {
  text: string;
  /** The encoding actually used, as iconv-lite names it. */
  encoding: string;
  warnings: string[];
}

/** How much of a file the binary sniffer looks at. */
const SNIFF_BYTES = 8192;

/** Encodings chardet may name that we trust over the windows-1252 default (non-Latin scripts). */
const TRUSTED_SINGLE_BYTE =
  /^(windows-125[0-8]|iso-8859-(5|6|7|8|9)|koi8-r|koi8-u|shift_jis|euc-jp|euc-kr|gb18030|big5)$/i;

/**
 * Decodes bytes into text: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then a
 * a declared legacy charset (HTTP header, HTML meta), then a detected one (Windows-1252 unless
 * chardet is sure of a non-Latin one). A forced encoding skips detection. Refuses binary data.
 *
 * @example decodeBytes('a.txt', Buffer.from('caf\xe9', 'latin1')).text // 'café'
 */
export function decodeBytes(
  input: string,
  bytes: Uint8Array,
  forced?: string,
  declared?: string | null,
): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (forced) return decodeForced(input, buf, forced);

  const bom = bomEncoding(buf);
  if (bom) return { text: stripBom(iconv.decode(buf, bom)), encoding: bom, warnings: [] };

  const utf16 = bomlessUtf16(buf);
  if (utf16) {
    return {
      text: iconv.decode(buf, utf16),
      encoding: utf16,
      warnings: [`no byte-order mark; decoded as ${utf16}`],
    };
  }
  if (looksBinary(buf)) throw new IngestError(input, 'binary file, not text', KINDS_HINT);

  // A legacy charset the server or page declares wins, as in browsers; a declared UTF-8 is checked below.
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    return { text: stripBom(iconv.decode(buf, declared)), encoding: declared.toLowerCase(), warnings: [] };
  }

  try {
    return {
      text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(buf)),
      encoding: 'utf-8',
      warnings: [],
    };
  } catch {
    // Not UTF-8: fall through to legacy single-byte detection.
  }
  const guess = chardet.analyse(buf.subarray(0, 64 * 1024))[0];
  const name =
    guess && guess.confidence >= 60 && TRUSTED_SINGLE_BYTE.test(guess.name) ? guess.name : 'windows-1252';
  const encoding = iconv.encodingExists(name) ? name.toLowerCase() : 'windows-1252';
  const text = iconv.decode(buf, encoding);
  if (!plausibleText(text)) {
    throw new IngestError(input, 'not utf-8 or windows-1252', "pass --encoding with the file's encoding");
  }
  return {
    text,
    encoding,
    warnings: [`not valid utf-8; decoded as ${encoding} (pass --encoding to choose another)`],
  };
}

function decodeForced(input: string, buf: Buffer, forced: string): Decoded {
  if (!iconv.encodingExists(forced)) {
    throw new IngestError(
      input,
      `unknown encoding "${forced}"`,
      'pass --encoding with a name such as utf-8, windows-1252 or utf-16le',
    );
  }
  return { text: stripBom(iconv.decode(buf, forced)), encoding: forced.toLowerCase(), warnings: [] };
}

/**
 * The encoding a byte-order mark announces, if any.
 *
 * @example bomEncoding(Buffer.from([0xff, 0xfe, 0x41, 0])) // 'utf-16le'
 */
export function bomEncoding(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM shows as ASCII with a NUL in every other byte. */
function bomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, SNIFF_BYTES) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.9 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.9 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Binary data has NUL bytes or many control characters; text has neither.
 *
 * @example looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])) // true
 */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC turn up in text; other C0 controls do not.
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decoded legacy text is implausible when C1 controls or replacement characters abound. */
function plausibleText(text: string): boolean {
  if (!text.length) return true;
  const bad = text.match(/[\u0080-\u009f\ufffd]/g)?.length ?? 0;
  return bad / text.length < 0.02;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
