/**
 * The one error type for bad input. Its message is a single lowercase line that names the
 * input, says what is wrong and what to do: `cannot read notes.bin: binary file, not text; pass …`.
 */
export class IngestError extends Error {
  readonly input: string;
  readonly reason: string;
  readonly hint: string;

  constructor(input: string, reason: string, hint: string) {
    super(`cannot read ${input}: ${reason}; ${hint}`);
    this.name = 'IngestError';
    this.input = input;
    this.reason = reason;
    this.hint = hint;
  }
}

/** The hint given whenever an input is not a kind we read. */
export const KINDS_HINT = 'pass a .txt, .html, .md, .jsonl or feed file';

/**
 * One line for any error met while reading an input; unknown errors keep their message.
 *
 * @example errorLine(new IngestError('a.txt', 'empty file', 'pass a file with article text'))
 */
export function errorLine(input: string, err: unknown): string {
  if (err instanceof IngestError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `cannot read ${input}: ${message.split('\n')[0].toLowerCase()}`;
}
