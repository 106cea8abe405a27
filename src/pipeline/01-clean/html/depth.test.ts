import { describe, expect, it } from 'vitest';
import { flattenLayout, mayNestDeep, nestingDepth } from './depth.js';

describe('nestingDepth', () => {
  it('counts nesting, not siblings, voids or implicitly closed tags', () => {
    expect(nestingDepth('<div><div><p>a<br>b</div></div><div></div>')).toBe(2);
    expect(nestingDepth('<ul><li>a<li>b<li>c</ul>')).toBe(1);
    expect(nestingDepth('<div><img src=x /></div>')).toBe(1);
  });

  it('gates cheaply on the number of tags', () => {
    expect(mayNestDeep('<p>x</p>'.repeat(10))).toBe(false);
    expect(mayNestDeep('<i>'.repeat(9000))).toBe(true);
  });

  it('flattens layout tags but keeps paragraphs and text', () => {
    expect(flattenLayout('<div class="a"><div><p>x</p></div></div>').replace(/\s+/g, '')).toBe('<p>x</p>');
  });
});
