// A JSON Schema of fixtures/schemas/ as an OpenAPI 3.1 Schema Object: the same schema the suite validates
// answers with, without the `$schema`/`$id` that only make sense for a stand-alone file.
import { readSchemaFile } from '../../helpers/run/schema-names.js';

export type Schema = Record<string, unknown>;

export function fixtureSchema(name: string): Schema {
  const schema = readSchemaFile(name);
  delete schema.$schema;
  delete schema.$id;
  return schema;
}
