import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  shingles,
  signature,
  similarity,
} from '../../src/store/minhash.js';
import { fillerText } from './make-doc.js';

describe('minhash', () => {
  it('is deterministic and round-trips through hex', () => {
    const text = fillerText(1, 20);
    const a = signature(text)!;
    expect(signature(text)).toEqual(a);
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
    expect(bandKeys(a)).toEqual(bandKeys(signature(text)!));
    expect(bandKeys(a)).toHaveLength(16);
  });

  it('estimates Jaccard similarity of word 5-shingles within a few points', () => {
    const base = fillerText(5, 60);
    const words = base.split(' ');
    const edited = words.map((w, i) => (i % 40 === 0 ? 'changed' : w)).join(' ');
    const A = shingles(base);
    const B = shingles(edited);
    const inter = [...A].filter((x) => B.has(x)).length;
    const exact = inter / (A.size + B.size - inter);
    const est = similarity(signature(base)!, signature(edited)!);
    expect(Math.abs(est - exact)).toBeLessThan(0.12);
    expect(similarity(signature(base)!, signature(fillerText(6, 60))!)).toBeLessThan(0.3);
  });

  it('ignores case and punctuation, and handles short and empty text', () => {
    expect(signature('Baku, said: THE envoy!')).toEqual(signature('baku said the envoy'));
    expect(shingles('two words').size).toBe(1);
    expect(signature('  ...  ')).toBeNull();
  });
});
