/**
 * Cell and markup escaping shared by the text exports. Each target has its own rules, and
 * every value an analyst's tool reads back passes through exactly one of these.
 */

/** Characters XML 1.0 cannot carry at all, even as references: dropped. */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser folds raw tabs and line breaks in attributes to spaces and CR LF to LF in text:
  // character references keep them as written.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * A value safe inside an XML attribute (double-quoted) or element: markup characters, tabs
 * and line breaks as references, characters XML forbids dropped.
 *
 * @example xmlEscape('A <&> "B"\tC') // 'A &lt;&amp;&gt; &quot;B&quot;&#9;C'
 */
export function xmlEscape(value: string | number): string {
  return String(value)
    .replace(XML_ILLEGAL, '')
    .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]!);
}

/**
 * A cell of a tab-separated table without quoting (GDELT, ICEWS): tabs and line breaks,
 * which would end the cell or the row, become single spaces; null is an empty cell.
 *
 * @example tsvCell('a\tb\r\nc') // 'a b c'
 */
export function tsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\r\n|[\t\n\r]/g, ' ');
}

/**
 * A CSV cell by RFC 4180: quoted when it holds a comma, a double quote or a line break,
 * inner quotes doubled; null is an empty cell.
 *
 * @example csvCell('say "no", twice') // '"say ""no"", twice"'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
