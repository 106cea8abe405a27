import type { Stage } from '../stage.js';
import { actorRegistryFor } from '../../model/actors.js';
import { MAX_SENTENCE_CHARS, splitSentences } from './split.js';
import { winkViewOf } from './wink.js';

/**
 * 02-sentences: wink's sentences of the body (read once, on folded text), split at line breaks,
 * with false breaks after abbreviations and inside domain names mended. Fills `doc.sentences`.
 *
 * @example stage.run(doc, {}).sentences[0].text
 */
export const stage: Stage = {
  name: 'sentences',
  run: (doc, ctx) => {
    try {
      // The CLI may pass only the folder of `--actors` (as `actorsDir`).
      const reg = ctx.actors ?? actorRegistryFor((ctx as { actorsDir?: string }).actorsDir);
      doc.sentences = doc.body ? splitSentences(winkViewOf(doc), reg.lexicon.abbreviations) : [];
      const cut = doc.sentences.filter(
        (s) => s.end - s.start >= MAX_SENTENCE_CHARS >> 1 && !/[.!?"”’)\]]$/.test(s.text),
      );
      if (cut.length > 5)
        doc.warnings.push(
          `sentences: ${cut.length} runs of text without sentence punctuation were cut at clause boundaries`,
        );
    } catch (err) {
      doc.warnings.push(`sentences: ${(err as Error).message}`);
      doc.sentences = doc.body.trim() ? [{ index: 0, start: 0, end: doc.body.length, text: doc.body }] : [];
    }
    return doc;
  },
};
