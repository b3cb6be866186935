// The JSON Schemas of fixtures/schemas the suite validates with, and the names of their compiled
// validators (fixtures/schemas/compiled-validators.ts).
import { readFileSync } from 'node:fs';
export const SCHEMA_NAMES = ['success', 'business-error', 'platform-error', 'profile', 'expectations', 'state-hook-answer'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];
/** Response schemas also get a closed copy, for a profile that forbids extra properties. */
export const CLOSABLE: readonly SchemaName[] = ['success', 'business-error', 'platform-error'];

/** The export name of a schema's validator: `businessError`, `businessErrorClosed`. */
export function exportName(name: SchemaName, closed: boolean): string {
  return name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) + (closed ? 'Closed' : '');
}

/** A schema file of fixtures/schemas, as JSON (`name`: the file name without `.schema.json`). */
export function readSchemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/schemas/${name}.schema.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}
