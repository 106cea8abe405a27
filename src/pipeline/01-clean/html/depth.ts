/** Below this many tags no page can nest deep enough to slow the parser. */
const FEW_TAGS = 8000;

/**
 * Cheap gate before {@link nestingDepth}: counts `<` (0.1 ms on a 150 kB page).
 *
 * @example mayNestDeep('<p>x</p>') // false
 */
export function mayNestDeep(raw: string): boolean {
  let n = 0;
  for (let i = raw.indexOf('<'); i >= 0; i = raw.indexOf('<', i + 1)) if (++n > FEW_TAGS) return true;
  return false;
}

// Tags that never nest: void elements and those HTML closes implicitly when a sibling opens.
const NON_NESTING: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
]);

/**
 * Estimates the deepest element nesting of raw HTML in one linear scan over the tags, without
 * building a tree. htmlparser2 keeps its open-element stack with `unshift`, so parse time
 * grows with depth squared (100k nested divs take seconds): pages that nest absurdly deep are
 * flattened before parsing.
 *
 * @example nestingDepth('<div><div><p>x</div></div>') // 2
 */
export function nestingDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let i = raw.indexOf('<');
  while (i >= 0 && i < raw.length - 1) {
    const close = raw.charCodeAt(i + 1) === 47; // '/'
    let j = close ? i + 2 : i + 1;
    const start = j;
    while (j < raw.length && isNameChar(raw.charCodeAt(j))) j++;
    const end = raw.indexOf('>', j);
    if (end < 0) break;
    if (j > start) {
      const name = raw.slice(start, j).toLowerCase();
      if (!NON_NESTING.has(name)) {
        if (close) depth = depth > 0 ? depth - 1 : 0;
        else if (raw.charCodeAt(end - 1) !== 47) {
          depth++;
          if (depth > max) max = depth;
        }
      }
    }
    i = raw.indexOf('<', end + 1);
  }
  return max;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58;
}

/**
 * Drops layout-only tags (they carry no text of their own) so the parser sees a shallow page;
 * paragraphs, headings and text survive.
 *
 * @example flattenLayout('<div><div><p>x</p></div></div>') // '<p>x</p>' (modulo spacing)
 */
export function flattenLayout(raw: string): string {
  return raw.replace(
    /<\/?(?:div|span|section|article|main|font|center|table|tbody|thead|tr|td|th|ul|ol|li|b|i|em|strong|a)\b[^>]*>/gi,
    ' ',
  );
}
