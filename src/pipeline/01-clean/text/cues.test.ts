import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CueFileError, loadTextCues, textCues } from './cues.js';

const ONTOLOGY = fileURLToPath(new URL('../../../../ontology/cleaning/', import.meta.url));

function copyWith(cueYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'text-cues-'));
  writeFileSync(join(dir, 'text-cues.yaml'), cueYaml);
  writeFileSync(join(dir, 'text-dates.yaml'), readFileSync(join(ONTOLOGY, 'text-dates.yaml')));
  return dir;
}

describe('text cues', () => {
  it('loads once, frozen', () => {
    const cues = textCues();
    expect(textCues()).toBe(cues);
    expect(Object.isFrozen(cues)).toBe(true);
    expect(cues.months.get('feb')).toBe(2);
  });

  it('names the file and the field of bad data', () => {
    const good = readFileSync(join(ONTOLOGY, 'text-cues.yaml'), 'utf8');
    const dir = copyWith(good.replace(/^honorifics:.*$/mu, 'honorifics: [Dr]'));
    expect(() => loadTextCues(dir)).toThrow(CueFileError);
    expect(() => loadTextCues(dir)).toThrow(
      /text-cues\.yaml: honorifics\.0: entries must be lowercase; fix the yaml$/u,
    );
  });

  it('rejects an unknown numeric date order, naming the dates file', () => {
    const dir = copyWith(readFileSync(join(ONTOLOGY, 'text-cues.yaml'), 'utf8'));
    const dates = readFileSync(join(ONTOLOGY, 'text-dates.yaml'), 'utf8');
    writeFileSync(join(dir, 'text-dates.yaml'), dates.replace(/^numericOrder: .*$/mu, 'numericOrder: ymd'));
    expect(() => loadTextCues(dir)).toThrow(/text-dates\.yaml: numericOrder: .*fix the yaml$/u);
  });

  it('reports a pattern that is not a valid regex', () => {
    const good = readFileSync(join(ONTOLOGY, 'text-cues.yaml'), 'utf8');
    const dir = copyWith(good.replace(/^dropLines:\n/mu, "dropLines:\n  - '(unclosed'\n"));
    expect(() => loadTextCues(dir)).toThrow(/text-cues\.yaml: dropLines: .*fix the yaml$/u);
  });
});
