import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeErrors, validator } from '../../helpers/run/json-schemas.js';
import { COMPILED_PATH, compiledValidatorsSource } from '../../helpers/run/schema-compiler.js';

describe('the compiled schema validators', () => {
  test('are what the schemas compile to today (else: npm run schemas)', () => {
    expect(readFileSync(COMPILED_PATH, 'utf8')).toBe(compiledValidatorsSource());
  });

  test('judge as ajv does: all errors, formats, and closed copies that refuse undeclared properties', () => {
    const platform = validator('platform-error');
    const body = { error: { code: 'INTERNAL_VALIDATION_FAILED', message: 'm', description: 'd' }, extra: 1 };
    expect(platform(body)).toBe(true);
    const closed = validator('platform-error', true);
    expect(closed(body)).toBe(false);
    expect(describeErrors(closed)).toMatch(/must NOT have additional properties/);
    const expectations = validator('expectations');
    expect(expectations({ version: 1, expectedFailures: [{ id: 'SNP-X', reason: 'r', issue: 'not a uri' }] })).toBe(false);
    expect(describeErrors(expectations)).toMatch(/must match format "uri"/);
    expect(() => validator('profile', true)).toThrow(/no compiled validator/);
  });
});
