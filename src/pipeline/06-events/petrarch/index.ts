/**
 * The PETRARCH-compatible coder: used instead of the pattern coder when the stage context
 * carries dictionaries loaded with `--dictionaries DIR`.
 */
import { maybeCameo } from '../../../model/cameo.js';
import type { PetrarchDictionaries } from '../../../model/petrarch-dictionaries.js';
import type { CodedEvent, Doc } from '../../../model/types.js';
import type { StageContext } from '../../stage.js';
import { codeTokens } from './coder.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { petrarchTokens } from './tokens.js';

// Lexicons are built once per loaded dictionary set (options may differ per record).
const lexicons = new WeakMap<object, Lexicon>();

function lexiconFor(d: PetrarchDictionaries): Lexicon {
  const key = d.verbs as object;
  let lex = lexicons.get(key);
  if (!lex) {
    lex = buildLexicon(d);
    lexicons.set(key, lex);
  }
  return lex;
}

/** CAMEO quad class of a root: verbal/material cooperation, verbal/material conflict. */
function quadOf(root: number): CodedEvent['quadClass'] {
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

/**
 * Codes every sentence of `doc` with the dictionaries in `ctx.dictionaries`. The reference date
 * (for date-restricted actors) is `ctx.published`, else the article's reference date.
 *
 * @example codeWithDictionaries(doc, { dictionaries: loadPetrarchDictionaries(dir), published: '1995-01-01' }).events
 */
export function codeWithDictionaries(
  doc: Doc,
  ctx: StageContext & { dictionaries?: PetrarchDictionaries },
): Doc {
  const dicts = ctx.dictionaries;
  if (!dicts) return doc;
  const lex = lexiconFor(dicts);
  const date = ctx.published ?? doc.reference.date ?? null;
  const events: CodedEvent[] = [];
  for (const s of doc.sentences) {
    try {
      const tokens = petrarchTokens(s.text, s.start);
      for (const e of codeTokens(tokens, lex, date, dicts.options)) {
        const cameo = maybeCameo(e.code);
        const rootNum = Number.parseInt(e.code.slice(0, 2), 10);
        events.push({
          source: e.source ?? '---',
          target: e.target ?? '---',
          sourceActor: null,
          targetActor: null,
          code: e.code,
          root: cameo?.root ?? e.code.slice(0, 2),
          quadClass: cameo?.quad ?? quadOf(Number.isFinite(rootNum) ? rootNum : 1),
          goldstein: cameo?.goldstein ?? 0,
          plover: cameo?.plover?.[0]?.event ?? null,
          date: date,
          datePrecision: date ? 'day' : 'unknown',
          modality: e.negated ? 'negated' : 'asserted',
          quote: s.text,
          start: s.start,
          end: s.end,
          rule: e.rule,
          trigger: { ...e.verb },
        });
      }
    } catch (err) {
      doc.warnings.push(`events: sentence ${s.index} not coded with dictionaries: ${(err as Error).message}`);
    }
  }
  doc.events = events;
  return doc;
}
