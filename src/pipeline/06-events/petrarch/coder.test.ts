import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../../../test/shared-dir.js';
import {
  DEFAULT_PETRARCH_OPTIONS,
  loadPetrarchDictionaries,
  type PetrarchOptions,
} from '../../../model/petrarch-dictionaries.js';
import { processArticle } from '../../index.js';
import { dropCommaClauses } from './coder.js';
import { codesOn } from './phrases.js';
import { petrarchTokens } from './tokens.js';

const DICTS = path.join(SHARED_DIR, 'bench/petrarch/dicts');
const haveDicts = existsSync(DICTS);
if (!haveDicts) console.warn(`skipping dictionary coder tests: ${DICTS} is absent`);

let loaded: ReturnType<typeof loadPetrarchDictionaries> | null = null;

/** Sorted source|target|code triples for one sentence of our own. */
function code(text: string, date = '1995-01-01', options: Partial<PetrarchOptions> = {}): string[] {
  loaded ??= loadPetrarchDictionaries(DICTS);
  const dictionaries = { ...loaded, options: { ...DEFAULT_PETRARCH_OPTIONS, ...options } };
  const doc = processArticle(
    { input: 't', format: 'plain', raw: text, hints: { published: date }, warnings: [] },
    { dictionaries, published: date },
  );
  return doc.events.map((e) => `${e.source}|${e.target}|${e.code}`).sort();
}

describe.skipIf(!haveDicts)('dictionary coder (validation dictionaries)', () => {
  it('codes a verb pattern between two actors', () => {
    expect(code('Rohan signed a new trade protocol with Gondor last week.')).toEqual(['ROH|GON|085']);
  });

  it('joins agents to actors before and after them', () => {
    expect(code('Mordor soldiers attacked Rohan.')).toEqual(['MORMIL|ROH|223']);
    expect(code('Lawmakers from Bree condemned Fornost.')).toEqual(['BRELEG|FOR|122']);
  });

  it('spreads compounds and paired codes', () => {
    expect(code('Rohan and Bree condemned Mordor.')).toEqual(['BRE|MOR|122', 'ROH|MOR|122']);
    expect(code('The Rohan envoy left for Gondor.')).toEqual(['GON|ROH|033', 'ROH|GON|032']);
    expect(code('Rohan and Gondor agree on the plan.')).toEqual(['GON|ROH|030', 'ROH|GON|030']);
  });

  it('matches synsets, longest pattern first', () => {
    expect(code('Rohan will contribute a million yen to Bree.')).toEqual(['ROH|BRE|903']);
    expect(code("Rohan didn't clash over the efforts of Gondor.")).toEqual(['ROH|GON|904']);
  });

  it('picks the actor code valid on the story date', () => {
    expect(code('Sam Gamgee criticized Bree.', '2000-01-01')).toEqual(['HOBCIV|BRE|121']);
    expect(code('Sam Gamgee criticized Bree.', '2013-06-01')).toEqual(['HOBELI|BRE|121']);
  });

  it('reads the passive voice with a BY agent', () => {
    expect(code('Gondor was attacked by Mordor on Monday.')).toEqual(['MOR|GON|223']);
    expect(code('Rohan was criticized over its claims about Bree.')).toEqual(['ROH|BRE|121']);
  });

  it('marks a negation no pattern accounts for as negated', () => {
    const dictionaries = {
      ...(loaded ??= loadPetrarchDictionaries(DICTS)),
      options: DEFAULT_PETRARCH_OPTIONS,
    };
    const doc = processArticle(
      { input: 't', format: 'plain', raw: 'Rohan did not attack Gondor.', hints: {}, warnings: [] },
      { dictionaries, published: '1995-01-01' },
    );
    expect(doc.events.map((e) => [e.code, e.modality])).toEqual([['223', 'negated']]);
    // Here the negation is part of a pattern (CLASH: &NEGATVAUXVRB * OVER EFFORTS), so it is asserted.
    expect(code("Rohan didn't clash over the efforts of Gondor.")).toEqual(['ROH|GON|904']);
  });

  it('skips a verb used as a noun', () => {
    expect(code('Rohan condemned the attack on Bree.')).toEqual(['ROH|BRE|122']);
  });

  it('drops sentences with a discard phrase', () => {
    expect(code('Rohan condemned Gondor after the typhoon.')).toEqual([]);
  });

  it('honours require_dyad and new_actor_length', () => {
    expect(code('Rohan criticized them.')).toEqual([]);
    expect(code('Rohan criticized them.', '1995-01-01', { requireDyad: false })).toEqual(['ROH|---|121']);
    expect(code('The Wizard Council left for Gondor.', '1995-01-01', { newActorLength: 4 })).toEqual([
      'GON|THE WIZARD COUNCIL|033',
      'THE WIZARD COUNCIL|GON|032',
    ]);
  });

  it('skips a short clause between commas', () => {
    expect(
      code('Rohan, after long talks, signed an accord with Gondor on the future of the old river trade.'),
    ).toEqual(['ROH|GON|081']);
    // The closing clause (2 to 8 words) is dropped as PETRARCH does.
    expect(code('Rohan, after long talks, signed an accord with Gondor.')).toEqual([]);
  });
});

describe('dictionary coder helpers', () => {
  it('splits contractions and possessives as TreeBank does', () => {
    expect(petrarchTokens("Bree's mayor won't go, U.S. aides said").map((t) => t.text)).toEqual([
      'BREE',
      "'S",
      'MAYOR',
      'WO',
      "N'T",
      'GO',
      ',',
      'U.S',
      'AIDES',
      'SAID',
    ]);
  });

  it('keeps offsets on the original text', () => {
    const t = petrarchTokens('Hi, Rohan', 10);
    expect(t.at(-1)).toEqual({ text: 'ROHAN', start: 14, end: 19, cap: true });
  });

  it('chooses a date-restricted code before the default', () => {
    const codes = [
      { code: 'HOB', from: null, to: null },
      { code: 'HOBGOV', from: '2012-11-09', to: '2013-01-19' },
      { code: 'A/B', from: '2014-01-01', to: null },
    ];
    expect(codesOn(codes, '2012-11-09')).toEqual(['HOBGOV']);
    expect(codesOn(codes, '2012-01-01')).toEqual(['HOB']);
    expect(codesOn(codes, '2015-01-01')).toEqual(['A', 'B']);
  });

  it('drops the closing clause only within its length bounds', () => {
    const toks = petrarchTokens('Rohan met Gondor, an aide said');
    expect(dropCommaClauses(toks, DEFAULT_PETRARCH_OPTIONS).map((t) => t.text)).toEqual([
      'ROHAN',
      'MET',
      'GONDOR',
    ]);
    expect(dropCommaClauses(toks, { ...DEFAULT_PETRARCH_OPTIONS, commaEmax: 0 })).toHaveLength(7);
  });
});
