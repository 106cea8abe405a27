import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, wordKey } from './text-map.js';

describe('text-map', () => {
  it('folds Azerbaijani and Turkish letters one for one', () => {
    expect(foldText('Əliyev İlham ğşıçöü’')).toBe("Eliyev Ilham gsicou'");
    expect(wordKey('Erdoğan')).toBe('erdogan');
  });

  it('keeps the length of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => foldText(s).length === s.length),
      { seed: 42 },
    );
  });
});
