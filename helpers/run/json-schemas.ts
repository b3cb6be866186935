// Compiles the JSON Schemas of fixtures/schemas once (ajv, draft 2020-12, with formats).
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type SchemaName =
  | 'success'
  | 'business-error'
  | 'platform-error'
  | 'profile'
  | 'expectations'
  | 'state-hook-answer';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

function load(name: SchemaName): Record<string, unknown> {
  const url = new URL(`../../fixtures/schemas/${name}.schema.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** Every object with declared properties also forbids undeclared ones (a profile's "forbidden" extras). */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = closeObjects(value);
  if ('properties' in copy) copy.additionalProperties = false;
  return copy;
}

const cache = new Map<string, ValidateFunction>();

/** A compiled validator; `closed` forbids properties the schema does not declare. */
export function validator(name: SchemaName, closed = false): ValidateFunction {
  const key = `${name}:${closed}`;
  let validate = cache.get(key);
  if (!validate) {
    const schema = load(name);
    // A closed copy needs an $id of its own: ajv refuses a second schema under the open one's $id, and an
    // $id may not carry a fragment, so the copy gets a sibling URI.
    const finalSchema = closed ? { ...(closeObjects(schema) as object), $id: String(schema.$id).replace(/\.schema\.json$/, '.closed.schema.json') } : schema;
    validate = ajv.compile(finalSchema);
    cache.set(key, validate);
  }
  return validate;
}

/** One line per schema violation, e.g. `/error/code must match pattern "..."`. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`).join('; ');
}
