import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';

function io(isTTY: boolean): { io: Io; err: () => string } {
  let err = '';
  return {
    io: {
      stdout: { write: () => true },
      stderr: Object.assign({ write: (s: string) => ((err += s), true), isTTY }),
      stdin: Readable.from([]),
      env: {},
      cwd: '/',
    },
    err: () => err,
  };
}

describe('progressBar', () => {
  it('is silent when stderr is not a terminal', () => {
    const t = io(false);
    const bar = progressBar(t.io, 100);
    for (let i = 0; i < 100; i++) bar.tick();
    bar.stop();
    expect(t.err()).toBe('');
  });

  it('draws rate and eta on a terminal', () => {
    const t = io(true);
    // cli-progress writes through cursor calls a plain object lacks; give it a minimal TTY shape.
    Object.assign(t.io.stderr, {
      cursorTo: () => true,
      clearLine: () => true,
      columns: 120,
      on: () => t.io.stderr,
      removeListener: () => t.io.stderr,
    });
    const bar = progressBar(t.io, 10);
    bar.grow(5);
    for (let i = 0; i < 15; i++) bar.tick();
    bar.stop();
    expect(t.err()).toMatch(/\d+\/15 documents \| [\d.]+\/s \| eta/);
  });
});
