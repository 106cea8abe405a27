const HAS_NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII = /[\u{80}-\u{10ffff}]/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The text with every non-ASCII character that is not a letter or digit (curly quotes, dashes,
 * odd spaces, lone surrogates) turned into a space. What is left outside ASCII is letters and
 * digits only, so a plain regex such as `[^a-z0-9\u0080-\uffff]+` then finds the same runs as
 * `[^\p{L}\p{N}]+` with the `u` flag — several times faster, since Unicode property classes
 * are slow to scan and most scraped text is ASCII.
 *
 * @example spaceNonAsciiNonWords('Baku’s “deal”') // 'Baku s  deal '
 */
export function spaceNonAsciiNonWords(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  return text.replace(NON_ASCII, (c) => (LETTER_OR_DIGIT.test(c) ? c : ' '));
}
