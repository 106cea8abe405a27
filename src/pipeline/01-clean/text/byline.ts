import type { TextCues } from './cues.js';

// A name word: capitalised ("Giorgio", "O’Brien", "Al-Hassan"), an initial ("J.") or a
// lowercase particle inside a name ("de", "van", "al").
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}’'\-]*\.?|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:de|da|di|du|del|der|den|van|von|al|el|bin|ibn|la|le|dos|das|ter)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+){0,2}${NAME_WORD}){0,4}`;
const NAMES = new RegExp(String.raw`^(${NAME}(?:\s*(?:,|&|\band\b)\s*${NAME}){0,3})$`, 'u');

interface BioPatterns {
  role: RegExp;
  beat: RegExp;
}
const bioPatterns = new WeakMap<TextCues, BioPatterns>();

/** The bio patterns for a cue set, built once: verbs come from the cue lists. */
function bioPatternsFor(cues: TextCues): BioPatterns {
  let p = bioPatterns.get(cues);
  if (!p) {
    p = {
      role: new RegExp(
        String.raw`^(${NAME})\s+(?:${cues.bioVerb.source})\s+(?:a|an|the|currently|also|now|our|one)\b`,
        'u',
      ),
      beat: new RegExp(String.raw`^(${NAME})\s+(?:${cues.bioBeatVerb.source})\b`, 'u'),
    };
    bioPatterns.set(cues, p);
  }
  return p;
}

/**
 * Strips an honorific ("Dr.", "Prof.") and tidies the space inside a name.
 *
 * @example tidyName('Dr.  Jane Doe', textCues()) // 'Jane Doe'
 */
export function tidyName(name: string, cues: TextCues): string {
  return name.replace(/\s+/gu, ' ').trim().replace(cues.honorific, '').trim();
}

/**
 * Reads a byline ("By Jane Doe", "Written by A and B", "By Jane Doe, Staff Writer") and returns
 * the name(s), or null when the words after "By" do not look like a name (e.g. "By early 2020, …").
 *
 * @example parseByline('By Jane Doe and Ali Reza', textCues()) // 'Jane Doe and Ali Reza'
 */
export function parseByline(text: string, cues: TextCues): string | null {
  if (text.length > 120) return null;
  const m = cues.bylineStart.exec(text.trim());
  if (!m) return null;
  // "By Jane Doe, Staff Writer" / "By Jane Doe - Reuters": the name comes first.
  const head = m[1]!
    .split(/\s+[|–—-]\s+|\s*[|·•]\s*/u)[0]!
    .trim()
    // "By Jane Doe and staff": the desk is not a name.
    .replace(cues.bylineTail, '');
  // "By Jane Doe, Staff Writer" / "By Jane Doe, Reuters": a comma part holding a role word
  // or a single word (an agency, a city) is not a name.
  const name = head
    .split(/\s*,\s*/u)
    .filter((part, i) => i === 0 || (!cues.bioRole.test(part) && /\s/u.test(part)))
    .join(', ');
  if (!NAMES.test(name)) return null;
  const tidy = tidyName(name, cues);
  return tidy.length >= 3 ? tidy : null;
}

/**
 * Reads an author bio ("Jane Doe is a senior fellow at the Example Institute.", "Jane Doe
 * covers energy for Example News.") and returns the name. A role bio must be short and carry a
 * role word from the cues; a beat bio (no role word) must be one short sentence.
 *
 * @example parseBio('Dr. Jane Doe is a lecturer at Example University.', textCues()) // 'Jane Doe'
 */
export function parseBio(text: string, cues: TextCues): string | null {
  if (text.length > 450) return null;
  const line = text.trim();
  const { role, beat } = bioPatternsFor(cues);
  const m = role.exec(line);
  if (m) {
    const name = tidyName(m[1]!, cues);
    // A bio names a person (two words at least) and a role.
    if (name.split(' ').length < 2 || !cues.bioRole.test(line.slice(m[0].length - 4))) return null;
    return name;
  }
  const b = beat.exec(line);
  if (!b) return null;
  const name = tidyName(b[1]!, cues);
  // One sentence, closed, short: a paragraph of news that happens to start "X covers" is longer.
  const oneSentence = /[.!]$/u.test(line) && !/[.!?]\s+\p{Lu}/u.test(line) && line.length <= 200;
  return name.split(' ').length >= 2 && oneSentence ? name : null;
}

/**
 * True for a line that is only a person's name, as author boxes print it.
 *
 * @example isNameLine('Jane Doe') // true
 */
export function isNameLine(text: string): boolean {
  return text.length <= 60 && /\s/u.test(text) && NAMES.test(text.trim());
}
