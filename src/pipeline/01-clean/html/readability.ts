import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Readability is typed against the DOM lib; linkedom's document is DOM-compatible. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * Plain @mozilla/readability over linkedom: the article's HTML, or null when it finds none.
 * Used as the cleaner's fallback and as the benchmark's baseline.
 *
 * @example readabilityHtml('<html><body><article><p>…</p></article></body></html>')
 */
export function readabilityHtml(raw: string): string | null {
  const { document } = parseHTML(raw);
  const parsed = new Readability(document as unknown as ReadabilityDocument).parse();
  return parsed?.content ?? null;
}

/**
 * Plain Readability text (its `textContent`), as a baseline benchmark prediction.
 *
 * @example readabilityText('<html>…</html>') // 'First paragraph …'
 */
export function readabilityText(raw: string): string {
  const { document } = parseHTML(raw);
  const parsed = new Readability(document as unknown as ReadabilityDocument).parse();
  return parsed?.textContent?.trim() ?? '';
}
