import { Readable } from 'node:stream';
import { EXAMPLES_DIR } from '../../src/cli/demo.js';
import { ingestInto } from '../../src/cli/ingest.js';
import { ingestOptions } from '../../src/ingest/index.js';
import type { Doc } from '../../src/model/types.js';
import type { Store } from '../../src/store/store.js';

let cached: Doc[] | null = null;

/**
 * The demo corpus (`examples/`) run through the pipeline once per test file, in the order the
 * CLI ingests it; stores then save these documents as `faultline demo` would.
 *
 * @example for (const d of await demoDocs()) await store.saveDocument(d)
 */
export async function demoDocs(): Promise<Doc[]> {
  if (cached) return cached;
  const docs: Doc[] = [];
  const collector = {
    async saveDocument(doc: Doc) {
      docs.push(doc);
      return {
        id: String(docs.length),
        status: 'inserted' as const,
        nearDuplicateOf: null,
        similarity: null,
      };
    },
    async logFailure(input: string, message: string) {
      throw new Error(`demo corpus: ${input} failed: ${message}`);
    },
  } as unknown as Store;
  const io = {
    stdout: { write: () => true },
    stderr: { write: () => true, isTTY: false },
    stdin: Readable.from([]),
    env: {},
    cwd: process.cwd(),
  };
  await ingestInto(collector, [EXAMPLES_DIR], ingestOptions({ stdin: io.stdin, cwd: io.cwd }), {}, io, {
    quiet: true,
  });
  cached = docs;
  return docs;
}

/** The stored id of the demo document whose input path ends with `name` (e.g. `01-tehran`). */
export function demoId(docs: readonly Doc[], ids: readonly string[], name: string): string {
  const i = docs.findIndex((d) => d.input.split('/').pop()!.startsWith(name));
  if (i < 0) throw new Error(`demo corpus: no document ${name}`);
  return ids[i]!;
}
