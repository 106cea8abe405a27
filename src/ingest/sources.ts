import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import fg from 'fast-glob';
import { fsError } from './file.js';
import { IngestError, KINDS_HINT } from './errors.js';
import { KNOWN_EXTENSIONS } from './sniff.js';

/** One thing to read: a file, standard input or a URL — or why an input gave nothing. */
export type Source =
  | { type: 'file'; input: string; path: string }
  | { type: 'stdin'; input: '-' }
  | { type: 'url'; input: string }
  | { type: 'error'; input: string; error: IngestError };

const WALK_PATTERN = `**/*.{${KNOWN_EXTENSIONS.join(',')}}{,.gz}`;

/** Folder notes are not articles: a walk skips them. */
const NOT_ARTICLES = /(^|\/)(readme|license|changelog|contributing)(\.[a-z]+)+$/i;

/**
 * Expands inputs into sources: files as given, folders walked recursively (known extensions,
 * no dot files or READMEs), globs matched, `-` for stdin and http(s) URLs kept. Order is
 * stable (sorted within a folder or glob) so runs are reproducible.
 *
 * @example await expandInputs(['examples/', 'feeds/*.rss', '-'], process.cwd())
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<Source[]> {
  const out: Source[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ type: 'stdin', input: '-' });
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      out.push({ type: 'url', input });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      out.push({
        type: 'error',
        input,
        error: new IngestError(input, 'unsupported url scheme', 'pass an http(s) url or a local path'),
      });
      continue;
    }
    const path = isAbsolute(input) ? input : resolve(cwd, input);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && fg.isDynamicPattern(input)) {
        out.push(...(await globSources(input, cwd)));
      } else {
        out.push({ type: 'error', input, error: fsError(input, err) });
      }
      continue;
    }
    if (info.isDirectory()) {
      out.push(...(await walk(input, path)));
    } else {
      out.push({ type: 'file', input, path });
    }
  }
  return out;
}

async function walk(input: string, dir: string): Promise<Source[]> {
  let files: string[];
  try {
    files = await fg(WALK_PATTERN, {
      cwd: dir,
      onlyFiles: true,
      dot: false,
      caseSensitiveMatch: false,
      followSymbolicLinks: true,
    });
  } catch (err) {
    return [{ type: 'error', input, error: fsError(input, err) }];
  }
  const kept = files.filter((f) => !NOT_ARTICLES.test(f)).sort();
  if (!kept.length) {
    return [
      { type: 'error', input, error: new IngestError(input, 'folder holds no article files', KINDS_HINT) },
    ];
  }
  return kept.map((f) => ({ type: 'file' as const, input: join(input, f), path: join(dir, f) }));
}

async function globSources(pattern: string, cwd: string): Promise<Source[]> {
  let files: string[];
  try {
    files = await fg(pattern, { cwd, onlyFiles: true, dot: false, absolute: true });
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0].toLowerCase();
    return [
      {
        type: 'error',
        input: pattern,
        error: new IngestError(pattern, `bad glob (${detail})`, 'check the pattern, and quote it'),
      },
    ];
  }
  if (!files.length) {
    return [
      {
        type: 'error',
        input: pattern,
        error: new IngestError(
          pattern,
          'no files match this pattern',
          'check the glob, and quote it so the shell leaves it alone',
        ),
      },
    ];
  }
  return files.sort().map((p) => ({ type: 'file' as const, input: relative(cwd, p) || p, path: p }));
}
