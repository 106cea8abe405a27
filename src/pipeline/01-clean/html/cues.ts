import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The cleaner's vocabulary, loaded once from `ontology/cleaning/html-cues.yaml`. */
export interface HtmlCues {
  dropTags: ReadonlySet<string>;
  boilerTokens: ReadonlySet<string>;
  bodyTokens: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  junkLine: RegExp;
  bylineStarts: ReadonlySet<string>;
}

const CueFile = z.object({
  dropTags: z.array(z.string().min(1)),
  boilerTokens: z.array(z.string().min(1)),
  bodyTokens: z.array(z.string().min(1)),
  negators: z.array(z.string().min(1)),
  junkLines: z.array(z.string().min(1)),
  bylineStarts: z.array(z.string().min(1)),
});

const CUE_PATH = fileURLToPath(new URL('../../../../ontology/cleaning/html-cues.yaml', import.meta.url));

let cached: HtmlCues | null = null;

/**
 * Loads, validates and freezes the HTML cue lists (once per process).
 *
 * @example htmlCues().boilerTokens.has('share') // true
 */
export function htmlCues(): HtmlCues {
  if (cached) return cached;
  let data: z.infer<typeof CueFile>;
  try {
    data = CueFile.parse(parse(readFileSync(CUE_PATH, 'utf8')));
  } catch (e) {
    throw new Error(`bad cue file ${CUE_PATH}: ${(e as Error).message}; fix the yaml`);
  }
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  cached = Object.freeze({
    dropTags: lower(data.dropTags),
    boilerTokens: lower(data.boilerTokens),
    bodyTokens: lower(data.bodyTokens),
    negators: lower(data.negators),
    junkLine: new RegExp(`^(?:${data.junkLines.join('|')})$`, 'iu'),
    bylineStarts: lower(data.bylineStarts),
  });
  return cached;
}
