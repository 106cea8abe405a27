import { describe, expect, it } from 'vitest';
import { defaultActorRegistry } from '../../model/actors.js';
import { emptyDoc, STAGES } from '../index.js';
import { sentenceTokens } from './tokens.js';

const docOf = (text: string) => {
  const ctx = { actors: defaultActorRegistry() };
  let doc = emptyDoc({ input: 't', format: 'plain', raw: text, hints: {}, warnings: [] }, ctx);
  // Through 02-sentences: the token table is read from the document's wink reading.
  for (const s of STAGES.slice(0, 2)) doc = s.run(doc, ctx);
  return doc;
};

describe('sentenceTokens', () => {
  it('gives each token its own spelling where wink reads two spellings as one word', () => {
    // wink gives ’s and 's (and “ and ”) one id; each token must keep the body's text.
    const text =
      "Iran’s envoy met Turkey's minister. “Talks”, he said, “went well.” Baku’s aide and Ankara's agreed.";
    for (let round = 0; round < 2; round++) {
      const doc = docOf(text);
      const toks = doc.sentences.flatMap((s) => sentenceTokens(doc, s));
      for (const t of toks) {
        expect(t.text).toBe(doc.body.slice(t.start, t.end));
        expect(t.lower).toBe(t.text.toLowerCase());
      }
      const texts = toks.map((t) => t.text);
      expect(texts).toContain('’s');
      expect(texts).toContain("'s");
      expect(texts).toContain('“');
      expect(texts).toContain('”');
    }
  });
});
