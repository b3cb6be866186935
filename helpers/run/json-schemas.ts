// The validators of fixtures/schemas, compiled ahead of time by `npm run schemas` (ajv standalone code in
// fixtures/schemas/compiled-validators.ts), so no test worker pays for ajv's code generation.
import * as compiled from '../../fixtures/schemas/compiled-validators.js';
import { exportName, type SchemaName } from './schema-names.js';

export type { SchemaName };

export interface SchemaError {
  instancePath: string;
  message?: string;
}

/** What ajv's compiled functions are: a predicate that leaves its findings on `errors`. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

const validators = compiled as unknown as Record<string, ValidateFunction | undefined>;

/** A compiled validator; `closed` forbids properties the schema does not declare (response schemas only). */
export function validator(name: SchemaName, closed = false): ValidateFunction {
  const validate = validators[exportName(name, closed)];
  if (validate === undefined) throw new Error(`no compiled validator for ${name}${closed ? ' (closed)' : ''}: run npm run schemas`);
  return validate;
}

/** One line per schema violation, e.g. `/error/code must match pattern "..."`. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`).join('; ');
}
