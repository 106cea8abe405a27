/** A word of a sentence as the dictionary coder sees it: upper case, with its offsets. */
export interface PToken {
  /** Upper-case text; contractions split TreeBank-style (DID N'T, CA N'T, WO N'T), "'S" apart. */
  text: string;
  start: number;
  end: number;
  /** Written with a capital in the text (a proper-noun hint where no parser is at hand). */
  cap?: boolean;
}

const WORD = /[A-Za-z0-9]+(?:[-.'’][A-Za-z0-9]+)*-?|[,;:()]/g;

/**
 * Splits a sentence into dictionary tokens; offsets index `text` plus `base`.
 *
 * @example petrarchTokens("Gondor's army didn't move", 0).map((t) => t.text) // ["GONDOR", "'S", "ARMY", "DID", "N'T", "MOVE"]
 */
export function petrarchTokens(text: string, base = 0): PToken[] {
  const out: PToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/’/g, "'");
    const start = base + m.index;
    const cap = /^[A-Z]/.test(raw) && m.index > 0;
    const up = raw.toUpperCase();
    // Contractions and possessives are split as the dictionaries (written for TreeBank) expect.
    const neg = /^(.+?)(N'T)$/.exec(up);
    const poss = /^(.+)('S)$/.exec(up);
    if (neg && neg[1]) {
      const head = neg[1];
      out.push({ text: head, start, end: start + head.length, cap });
      out.push({ text: "N'T", start: start + head.length, end: start + raw.length });
    } else if (poss && poss[1]) {
      out.push({ text: poss[1], start, end: start + poss[1].length, cap });
      out.push({ text: "'S", start: start + poss[1].length, end: start + raw.length });
    } else out.push({ text: up.replace(/\.$/, ''), start, end: start + raw.length, cap });
  }
  return out;
}
