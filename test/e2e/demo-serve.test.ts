import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/** `faultline demo` (what `npm start` runs): ingest, print the URL, serve until a signal. */
describe('faultline demo serving', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-demo-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests, prints the URL it serves the store on, answers, and stops on SIGINT', async () => {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(
      join(dir, 'corpus', 'note.txt'),
      'Armenia and Azerbaijan resumed border talks in Brussels on 4 June 2024.\n',
    );
    let stdout = '';
    let stderr = '';
    const run = main(
      [
        'node',
        'faultline',
        'demo',
        '--examples',
        join(dir, 'corpus'),
        '--db',
        join(dir, 'demo.db'),
        '--port',
        '0',
      ],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s), isTTY: false },
        stdin: Readable.from([]),
        env: {},
        cwd: dir,
      },
    );
    await expect
      .poll(() => /(?:dashboard|api): (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1], { timeout: 60_000 })
      .toBeTruthy();
    const url = /(?:dashboard|api): (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)![1];
    const health = (await (await fetch(`${url}/api/health`)).json()) as { counts: { documents: number } };
    expect(health.counts.documents).toBe(1);
    expect(stdout).toContain('1 documents,');
    process.emit('SIGINT');
    expect(await run).toBe(0);
    expect(stdout).toContain('shutting down');
    expect(stderr).toBe('');
  });

  it('stops after ingesting with --no-serve', async () => {
    let stdout = '';
    const code = await main(
      [
        'node',
        'faultline',
        'demo',
        '--no-serve',
        '--examples',
        join(dir, 'corpus'),
        '--db',
        join(dir, 'demo.db'),
      ],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true, isTTY: false },
        stdin: Readable.from([]),
        env: {},
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/dashboard:|api:/);
  });

  it('refuses a bad port before ingesting anything', async () => {
    let stderr = '';
    const code = await main(['node', 'faultline', 'demo', '--port', 'abc', '--db', join(dir, 'x.db')], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      stdin: Readable.from([]),
      env: {},
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stderr).toBe('faultline: --port must be a whole number 0–65535 (got "abc")\n');
  });
});
