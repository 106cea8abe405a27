import { describe, expect, it } from 'vitest';
import { textCues } from './cues.js';
import { isNameLine, parseBio, parseByline } from './byline.js';

describe('parseByline', () => {
  const cues = textCues();
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['By \u00a0Jane Doe'.replace(/\s+/gu, ' '), 'Jane Doe'],
    ['Written by A. B. Smith and Lee Chan', 'A. B. Smith and Lee Chan'],
    ['By Jane Doe, Staff Writer', 'Jane Doe'],
    ['By Dr. Omar al Rashid - Example Wire', 'Omar al Rashid'],
    ['Author: Ines de la Cruz', 'Ines de la Cruz'],
    ['By JANE DOE and John Roe, Reuters', 'JANE DOE and John Roe'],
  ])('%s → %s', (line, name) => {
    expect(parseByline(line, cues)).toBe(name);
  });
  it.each([
    'By early 1993, the blockade had eased',
    'By then, nobody was listening.',
    'Byzantine rules apply',
  ])('is not fooled by %s', (line) => {
    expect(parseByline(line, cues)).toBeNull();
  });
});

describe('parseBio', () => {
  const cues = textCues();
  it('reads the name of a closing bio and drops the honorific', () => {
    expect(parseBio('Dr. Jane Doe is a senior fellow at the Example Institute.', cues)).toBe('Jane Doe');
    expect(parseBio('Karim Aziz is the editor of a regional weekly.', cues)).toBe('Karim Aziz');
  });
  it('needs a role word and a two-word name', () => {
    expect(parseBio('The minister is a patient man.', cues)).toBeNull();
    expect(parseBio('Ahmed is a fellow at the institute.', cues)).toBeNull();
    expect(parseBio('Ilham Aliyev is the president of the republic.', cues)).toBeNull();
  });
});

describe('isNameLine', () => {
  it('accepts a bare name and rejects a sentence', () => {
    expect(isNameLine('Jane Doe')).toBe(true);
    expect(isNameLine('The talks failed.')).toBe(false);
  });
});
