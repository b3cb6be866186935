// The same seed gives the same inputs: per-test fakers and case tables depend only on the run seed and
// the test's (or table's) name, never on order or timing.
import { expect, test } from 'vitest';
import { malformedKeys, unknownKeys } from '../../fixtures/cases/api-keys.js';
import { PASSWORD_SHAPES } from '../../fixtures/cases/passwords.js';
import { randomPassword, randomToken, seededFaker } from '../../helpers/run/random.js';

function inputsOf(seed: number, testName: string) {
  const faker = seededFaker(seed, testName);
  return { token: randomToken(faker), password: randomPassword(faker), shapes: PASSWORD_SHAPES.map((s) => s.make(faker)) };
}

test('a test gets the same token, password and password shapes for the same seed', () => {
  expect(inputsOf(1234, 'SNP-X a test')).toEqual(inputsOf(1234, 'SNP-X a test'));
});

test('another seed or another test gets other inputs', () => {
  expect(inputsOf(1234, 'SNP-X a test').token).not.toBe(inputsOf(1235, 'SNP-X a test').token);
  expect(inputsOf(1234, 'SNP-X a test').token).not.toBe(inputsOf(1234, 'SNP-X another test').token);
});

test('a test\'s inputs do not depend on what other tests drew before it', () => {
  const before = inputsOf(77, 'SNP-Y b');
  for (let i = 0; i < 50; i++) inputsOf(77, `noise ${i}`);
  expect(inputsOf(77, 'SNP-Y b')).toEqual(before);
});

test('the API-key case tables are the same for the same seed', () => {
  const table = (seed: number) => {
    const faker = seededFaker(seed, 'api-key tables');
    return [...malformedKeys(faker), ...unknownKeys(faker)];
  };
  expect(table(9)).toEqual(table(9));
  expect(table(9)).not.toEqual(table(10));
  expect(new Set(table(9).map((c) => c.label)).size).toBe(table(9).length);
});
