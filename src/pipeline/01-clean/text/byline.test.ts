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
    ['By Maren Holst and staff', 'Maren Holst'],
    ['By Maren Holst with agencies', 'Maren Holst'],
  ])('%s → %s', (line, name) => {
    expect(parseByline(line, cues)).toBe(name);
  });
  it.each([
    'By early 1993, the blockade had eased',
    'By then, nobody was listening.',
    'Byzantine rules apply',
    // A desk alone is no person.
    'By Valley Herald staff',
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
  it('reads a one-sentence beat bio with no role word', () => {
    expect(parseBio('Tomas Brennick covers rivers and local government for the Courier.', cues)).toBe(
      'Tomas Brennick',
    );
    expect(parseBio('Ani Ferrow reports on politics and security for the Observer.', cues)).toBe(
      'Ani Ferrow',
    );
  });
  it('does not take a news paragraph that starts like a beat bio', () => {
    expect(
      parseBio('Lena Okafor covers the story in depth. She spoke to both ministers on Monday.', cues),
    ).toBeNull();
    expect(parseBio('Lena Okafor covers the talks', cues)).toBeNull();
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
