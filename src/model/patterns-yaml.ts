import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { OntologyError } from './errors.js';

/** A validated YAML file that still knows where each field came from. */
export interface LocatedYaml<T> {
  data: T;
  /** 1-based line of the node at `path` (or its nearest existing parent); null if unknown. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/**
 * Parses YAML text and validates it with a zod schema; any syntax or schema error becomes an
 * {@link OntologyError} naming the file, line and field path (`patterns.3.code`).
 *
 * @example
 * const { data } = parseLocatedYaml('a: 1\n', 'x.yaml', z.object({ a: z.number() })); // data.a === 1
 */
export function parseLocatedYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): LocatedYaml<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? null;
    throw new OntologyError(`not valid yaml: ${first.message.split('\n')[0]}`, { file, line });
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    // A missing key has no node: walk up to the closest parent that exists.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const msg = (issue?.message ?? 'invalid').replace(/^./, (c) => c.toLowerCase());
    throw new OntologyError(`${msg}; fix the yaml`, {
      file,
      line: lineOf(path),
      field: path.length ? path.map(String).join('.') : null,
    });
  }
  return { data: parsed.data, lineOf };
}
