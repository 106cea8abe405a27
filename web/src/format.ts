/** Small display helpers shared by the pages. */

/** The four CAMEO quad classes, in order, with their display names and colours. */
export const QUADS = [
  { key: '1', name: 'Verbal cooperation', colour: '#4e9a6f' },
  { key: '2', name: 'Material cooperation', colour: '#1f6f4a' },
  { key: '3', name: 'Verbal conflict', colour: '#e0a23b' },
  { key: '4', name: 'Material conflict', colour: '#c0392b' },
] as const;

/**
 * A number with at most `digits` decimals and a sign when asked.
 *
 * @example num(1.234, 1, true) // '+1.2'
 */
export function num(n: number | null | undefined, digits = 1, signed = false): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const s = Number(n.toFixed(digits)).toString();
  return signed && n > 0 ? `+${s}` : s;
}

/** `IRN–AZE` for a dyad. */
export function dyadName(a: string, b: string): string {
  return `${a}–${b}`;
}

/** A short one-line cut of long text. */
export function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A categorical palette for communities (Tableau 10). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * A count with its noun, plural when it is not one.
 *
 * @example plural(1, 'event') // '1 event'
 */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
