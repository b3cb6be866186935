// A JSON Schema of fixtures/schemas/ as an OpenAPI 3.1 Schema Object: the same schema the suite validates
// answers with, without the `$schema`/`$id` that only make sense for a stand-alone file.
import { readFileSync } from 'node:fs';

export type Schema = Record<string, unknown>;

export function fixtureSchema(name: string): Schema {
  const file = new URL(`../../fixtures/schemas/${name}.schema.json`, import.meta.url);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Schema;
  delete schema.$schema;
  delete schema.$id;
  return schema;
}
