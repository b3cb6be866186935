// Profiles: a partial file inherits every missing key from bizkithub, the merged result is validated, and
// the example in docs/profile.md is a valid profile.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { ConfigError } from '../../helpers/run/config.js';
import { deepMerge, loadProfile, resolveProfile } from '../../helpers/run/profile.js';

const DOCS = new URL('../../docs/profile.md', import.meta.url);

function writeProfile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'profile-test-')), 'profile.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

test('the bizkithub profile loads', () => {
  expect(loadProfile('bizkithub').historyDepth).toBeNull();
});

test('a partial profile inherits every missing key from bizkithub', () => {
  const profile = loadProfile(writeProfile({ name: 'acme', passwordPolicy: { minLength: 12 }, validationError: { field: { status: 422, code: 'X' } } }));
  expect(profile.passwordPolicy.minLength).toBe(12);
  expect(profile.validationError).toMatchObject({ status: 400, code: 'INTERNAL_VALIDATION_FAILED', field: { status: 422, code: 'X' } });
  expect(profile.raceLoserCodes).toEqual(['E003']);
  expect(profile.customerRealIp.acceptZoneId).toBe(false);
});

test('arrays and null replace rather than merge', () => {
  expect(deepMerge({ a: [1, 2], b: 3 }, { a: [4], b: null })).toEqual({ a: [4], b: null });
});

test('an invalid value in a partial profile is a configuration error', () => {
  expect(() => loadProfile(writeProfile({ historyDepth: 0 }))).toThrow(ConfigError);
  expect(() => loadProfile(writeProfile({ raceLoserCodes: ['E002'] }))).toThrow(ConfigError);
  expect(() => loadProfile(writeProfile({ unknownKey: true }))).toThrow(ConfigError);
});

test("the example profile in docs/profile.md is valid", () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(readFileSync(DOCS, 'utf8'))?.[1];
  expect(block).toBeDefined();
  const profile = resolveProfile(JSON.parse(block as string), 'docs/profile.md example');
  expect(profile.name).toBe('acme');
});

test('every assumed requirement names the profile key that changes it', () => {
  const withoutKey = REQUIREMENTS.filter((r) => r.basis === 'assumed' && !r.profileKey).map((r) => r.id);
  expect(withoutKey).toEqual([]);
});

test('every profile key a requirement names exists in the bizkithub profile', () => {
  const profile = loadProfile('bizkithub') as unknown as Record<string, unknown>;
  const known = (path: string) => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], profile) !== undefined;
  const unknown = REQUIREMENTS.flatMap((r) => (r.profileKey && r.profileKey !== 'validationError.syntax' && !known(r.profileKey) ? [r.profileKey] : []));
  expect(unknown).toEqual([]);
});
