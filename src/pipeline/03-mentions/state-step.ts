import type { Candidate } from './candidate.js';
import { FIRST, type Scan } from './scan.js';

/**
 * State mentions with their own modifiers: "landlocked Ruritania", "Ruritanian foe Freedonia".
 *
 * @example stateModifierStep(scan) // "landlocked Armenia" → a mention of ARM
 */
export function stateModifierStep(scan: Scan): void {
  const lex = scan.reg.lexicon;
  for (const h of scan.hits) {
    const ref = scan.stateRefAt(h.i);
    if (!ref || ref.form === 'adjective' || ref.form === 'plural') continue;
    let start = h.i;
    for (;;) {
      if (
        start >= 1 &&
        scan.startsAny(start - 1, FIRST.premodifier) &&
        lex.premodifierKeys.has(scan.key(start - 1))
      ) {
        start -= 1;
        continue;
      }
      if (
        start >= 3 &&
        scan.startsAny(start - 3, FIRST.premodifier) &&
        lex.premodifierKeys.has([scan.key(start - 3), scan.key(start - 2), scan.key(start - 1)].join(' '))
      ) {
        start -= 3;
        continue;
      }
      break;
    }
    // "Ruritanian foe Freedonia"
    const rel = start >= 2 ? scan.longest(scan.tries.relationNouns, start - 1) : null;
    if (rel && rel.length === 1) {
      const adj = scan.stateRefEndingAt(start - 1);
      if (adj && !adj.possessive && adj.form === 'adjective') start = adj.i;
    }
    if (start < h.i) scan.emit(start, h.j, { actorId: ref.state, rule: 'state:modified' });
  }
}

// Loops rather than closures in the steps' per-token loops: a closure over a loop variable
// makes every pass of the loop allocate a scope for it, even the passes that skip the word.
function anyCovers(out: readonly Candidate[], s: number, e: number): boolean {
  for (const c of out) if (c.start <= s && c.end >= e) return true;
  return false;
}

/**
 * Descriptions that point back to a state ("the former Soviet republic", "the Gulf state")
 * and anaphora ("the country's", "his country", "the group").
 *
 * @example descriptionStep(scan) // "the former Soviet republic" → resolved by 04 to the last such state
 */
export function descriptionStep(scan: Scan): void {
  const lex = scan.reg.lexicon;
  for (let i = 0; i < scan.tokens.length; i++) {
    if (!scan.startsAny(i, FIRST.anaphora | FIRST.determiner)) continue;
    const a = scan.longest(scan.tries.anaphora, i);
    if (a) {
      scan.emit(i, i + a.length, { rule: 'anaphora', resolve: { by: 'anaphora', via: a.value.via } });
      i += a.length - 1;
      continue;
    }
    if (!scan.startsAny(i, FIRST.determiner)) continue;
    let k = i + 1;
    let d = scan.longest(scan.tries.descriptions, k);
    if (!d && lex.ordinals.has(scan.key(k))) {
      k++;
      d = scan.longest(scan.tries.descriptions, k);
    }
    if (!d) continue;
    const s = scan.startOf(i);
    const e = scan.endOf(k + d.length);
    // Known names that cover the words ("the Islamic Republic") win; names inside ("Soviet"
    // in "the former Soviet republic") stay as nested mentions.
    if (anyCovers(scan.out, s, e)) continue;
    scan.emit(i, k + d.length, {
      rule: 'description',
      resolve: { by: 'description', tag: d.value.tag, only: d.value.only ?? null },
    });
    i = k + d.length - 1;
  }
}
