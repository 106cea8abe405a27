/**
 * The two error types of Faultline's model layer: one for bad model data (ontology YAML,
 * user dictionaries), one for bad input (arguments, files a user passes). Both carry the
 * place they come from so the message says what to fix.
 */

/** Where a bad value sits: a file, a 1-based line when known, and the field path. */
export interface DataLocation {
  file: string;
  line?: number | null;
  field?: string | null;
}

function where(loc: DataLocation): string {
  const line = loc.line ? `:${loc.line}` : '';
  const field = loc.field ? ` (field ${loc.field})` : '';
  return `${loc.file}${line}${field}`;
}

/**
 * Bad model data: a YAML entry or dictionary line that does not validate.
 *
 * @example throw new OntologyError('date must be YYYY-MM-DD', { file: 'people.yaml', line: 12, field: 'roles.0.from' })
 */
export class OntologyError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  constructor(message: string, loc: DataLocation) {
    super(`${where(loc)}: ${message}`);
    this.name = 'OntologyError';
    this.file = loc.file;
    this.line = loc.line ?? null;
    this.field = loc.field ?? null;
  }
}

/**
 * Bad input from a user (a path that does not exist, an option out of range).
 *
 * @example throw new InputError('cannot read actors folder: not found; check --actors', { file: dir })
 */
export class InputError extends Error {
  readonly file: string | null;
  constructor(message: string, loc?: Partial<DataLocation>) {
    super(loc?.file ? `${where({ file: loc.file, line: loc.line, field: loc.field })}: ${message}` : message);
    this.name = 'InputError';
    this.file = loc?.file ?? null;
  }
}
