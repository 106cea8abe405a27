import type { ActorRegistry, GazetteerForm } from '../../model/actors.js';
import type { Token } from '../../model/actors-tokens.js';
import { foldText } from '../text-map.js';
import { longestPhraseAt, phraseNodesAt, triesOf, type TrieNode } from './phrase-trie.js';
import { FIRST, type Hit, type Scan } from './scan.js';

// Folded surfaces per (frozen) form, folded once rather than at every check, and kept only
// as long as the form's registry.
const foldedSurfaces = new WeakMap<GazetteerForm, readonly string[]>();
function foldedSurface(f: GazetteerForm): readonly string[] {
  let out = foldedSurfaces.get(f);
  if (out === undefined) foldedSurfaces.set(f, (out = f.surface.map((w) => foldText(w))));
  return out;
}

function casingOk(tokens: readonly Token[], i: number, f: GazetteerForm): boolean {
  for (let k = 0; k < f.casing.length; k++) {
    const t = tokens[i + k]!;
    const c = f.casing[k];
    if (c === 'exact' && t.text !== (foldedSurface(f)[k] ?? '')) return false;
    if (c === 'cap' && !t.cap) return false;
  }
  return true;
}

const WORD = /^[\p{L}\p{N}]/u;
const capWord = (t: Token | undefined) => !!t && t.cap && WORD.test(t.text);

/**
 * Longest gazetteer matches, left to right, with the case rules of each form (acronyms exact,
 * names capitalised). Ambiguous names next to another capitalised word ("Jordan Smith") are
 * dropped.
 *
 * `first` (from {@link firstBits}) lets it skip words no name starts with.
 *
 * @example findHits(reg, tokenize('Iran’s envoy')) // [{ i: 0, j: 1, possessiveEnd: 3, … }]
 */
export function findHits(reg: ActorRegistry, tokens: readonly Token[], first?: Uint32Array): Hit[] {
  const hits: Hit[] = [];
  const tries = triesOf(reg);
  const path: TrieNode<GazetteerForm>[] = [];
  for (let i = 0; i < tokens.length;) {
    // No gazetteer name starts with this word (precomputed by firstBits): nothing to match.
    if (first && !(first[i]! & FIRST.gazetteer)) {
      i++;
      continue;
    }
    // The longest names whose words match, then the case rules: when no form of the
    // longest length passes them, the next shorter names are tried.
    const nodes = phraseNodesAt(tries.gazetteer, tokens, i, path);
    let taken = 0;
    let len = 0;
    let forms: GazetteerForm[] | null = null;
    for (let x = nodes.length - 1; x >= 0 && !forms; x--) {
      for (const f of nodes[x]!.values) if (casingOk(tokens, i, f)) (forms ??= []).push(f);
      if (forms) len = nodes[x]!.match!.length;
    }
    // "The OSCE Minsk Group": a longer name starting after the article wins over "The OSCE".
    if (forms && tokens[i]!.key === 'the' && len > 1) {
      const after = longestPhraseAt(tries.gazetteer, tokens, i + 1);
      if (after && after.length > len - 1) forms = null;
    }
    if (forms) {
      const next = tokens[i + len];
      let skip = false;
      if (forms.every((f) => f.ambiguous)) {
        const prev = tokens[i - 1];
        // "Jordan Smith", "Michael Jordan", "Atlanta, Georgia"
        const cityBefore =
          prev?.key === ',' && capWord(tokens[i - 2]) && !longestPhraseAt(tries.gazetteer, tokens, i - 2);
        skip =
          (capWord(next) && next!.space) ||
          (capWord(prev) && tokens[i]!.space && i > 0 && !longestPhraseAt(tries.gazetteer, tokens, i - 1)) ||
          cityBefore;
      }
      if (!skip) {
        const a = tokens[i + len];
        const s = tokens[i + len + 1];
        const possessiveEnd =
          a && s && a.key === "'" && !a.space && s.key === 's' && !s.space ? i + len + 2 : null;
        hits.push({ i, j: i + len, forms, possessiveEnd });
        taken = len;
      }
    }
    i += taken || 1;
  }
  return hits;
}

/**
 * Drops contextual forms ("State Oil Company") not anchored by their state or acronym.
 *
 * @example anchorContextual(scan) // "State Oil Company" stays only after "Azerbaijan's" or before "(SOCAR)"
 */
export function anchorContextual(scan: Scan): void {
  if (!scan.hits.some((h) => h.forms.some((f) => f.form === 'contextual'))) return;
  for (const h of scan.hits) {
    if (!h.forms.some((f) => f.form === 'contextual')) continue;
    h.forms = h.forms.filter((f) => {
      if (f.form !== 'contextual') return true;
      const country = scan.entry(f.id)?.country;
      const before = scan.stateRefEndingAt(h.i);
      if (before && before.state === country) return true;
      // "(ACRONYM)" right after, naming the same entry.
      const acr = scan.hitAt[h.j + 1];
      return scan.key(h.j) === '(' && !!acr && acr.forms.some((x) => x.id === f.id);
    });
    // Later checks in this loop must see the filtered forms, not memoised references.
    scan.hitsChanged();
  }
  const keep = scan.hits.filter((h) => h.forms.length > 0);
  scan.hits.length = 0;
  scan.hits.push(...keep);
  scan.hitAt.fill(undefined);
  for (const h of keep) scan.hitAt[h.i] = h;
  scan.hitsChanged();
}

const KIND_ORDER = ['state', 'igo', 'org', 'group', 'place', 'person'];

/**
 * Records a mention for each gazetteer hit; bare surnames go to stage 04 to resolve.
 *
 * @example emitHits(scan) // "Baku" → { actorId: 'AZE', rule: 'gazetteer:metonym' }
 */
export function emitHits(scan: Scan): void {
  for (const h of scan.hits) {
    const f0 = h.forms[0]!;
    if (h.forms.length === 1 && f0.form !== 'short') {
      scan.emit(h.i, h.j, { actorId: f0.id, rule: `gazetteer:${f0.form}` });
      if (scan.key(h.i) === 'the' && h.j - h.i > 1)
        scan.emit(h.i + 1, h.j, { actorId: f0.id, rule: `gazetteer:${f0.form}:inner`, inner: true });
      continue;
    }
    const ids = [...new Set(h.forms.map((f) => f.id))];
    if (h.forms.every((f) => f.form === 'short')) {
      scan.emit(h.i, h.j, {
        rule: 'gazetteer:short',
        resolve: {
          by: 'surname',
          key: scan.tokens
            .slice(h.i, h.j)
            .map((t) => t.key)
            .join(' '),
          ids,
        },
      });
      continue;
    }
    const kinds = (id: string) => KIND_ORDER.indexOf(scan.entry(id)?.kind ?? 'person');
    const id = ids.sort((a, b) => kinds(a) - kinds(b))[0]!;
    const form = h.forms.find((f) => f.id === id)!.form;
    scan.emit(h.i, h.j, { actorId: id, rule: `gazetteer:${form}` });
    // "the United Arab Emirates" also holds the bare name.
    if (scan.key(h.i) === 'the' && h.j - h.i > 1)
      scan.emit(h.i + 1, h.j, { actorId: id, rule: `gazetteer:${form}:inner`, inner: true });
  }
}
