// Issue 10: docs/openapi.yaml is valid OpenAPI 3.1 (checked by @seriousme/openapi-schema-validator against
// the OpenAPI Initiative's own JSON Schema), is what `npm run openapi` generates today (so it cannot go
// stale), and its examples are valid against their own schemas.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { OPENAPI_FILE, openApiYaml } from '../../scripts/openapi/document.js';

const text = readFileSync(OPENAPI_FILE, 'utf8');

interface MediaType {
  schema: object;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}

/** Every media type of the document's request bodies and responses, with where it is. */
function mediaTypes(spec: { paths: Record<string, Record<string, unknown>> }): [string, MediaType][] {
  const found: [string, MediaType][] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const post = item.post as { requestBody: { content: Record<string, MediaType> }; responses: Record<string, { content?: Record<string, MediaType> }> };
    for (const [type, media] of Object.entries(post.requestBody.content)) found.push([`${path} request ${type}`, media]);
    for (const [status, response] of Object.entries(post.responses)) {
      for (const [type, media] of Object.entries(response.content ?? {})) found.push([`${path} ${status} ${type}`, media]);
    }
  }
  return found;
}

describe('docs/openapi.yaml', () => {
  test('is what npm run openapi generates from the current schemas, profile and catalogue', () => {
    expect(text, 'docs/openapi.yaml is stale: run npm run openapi').toBe(openApiYaml());
  });

  test('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(parse(text) as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('every example is valid against its own schema (JSON Schema 2020-12)', async () => {
    const validator = new Validator();
    await validator.validate(parse(text) as Record<string, unknown>);
    const resolved = validator.resolveRefs() as { paths: Record<string, Record<string, unknown>> };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const media = mediaTypes(resolved);
    expect(media.length).toBeGreaterThan(5);
    for (const [where, { schema, example, examples }] of media) {
      const validate = ajv.compile(schema);
      const values = [...(example === undefined ? [] : [example]), ...Object.values(examples ?? {}).map((e) => e.value)];
      for (const value of values) expect(validate(value), `${where}: ${JSON.stringify(value)} ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});
