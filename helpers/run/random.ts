// Seeded randomness. Each test gets its own faker seeded from the run seed and its own name, so a test's
// inputs do not depend on which tests ran before it or in parallel: the same seed replays the same inputs.
import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
// The English locale's entry point alone: the package root loads every locale (~0.2 s per test worker).
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { inject } from 'vitest';
import type { RunContext } from './run-context.js';

export function deriveSeed(runSeed: number, scope: string): number {
  return createHash('sha256').update(`${runSeed}:${scope}`).digest().readUInt32BE(0);
}

/** The Faker class, which that entry point exports only through its ready-made instance. */
const FakerClass = englishFaker.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;

export function seededFaker(runSeed: number, scope: string): Faker {
  const faker = new FakerClass({ locale: englishFaker.rawDefinitions });
  faker.seed(deriveSeed(runSeed, scope));
  return faker;
}

/** A never-issued token with the alphabet and length of real ones (32 alphanumerics, ~190 bits). */
export function randomToken(faker: Faker): string {
  return faker.string.alphanumeric(32);
}

/** The profile's shortest acceptable password; 1 outside a suite run (unit tests have no run context). */
function policyMinLength(): number {
  const context = inject('conformance') as RunContext | undefined;
  return context?.profile.passwordPolicy.minLength ?? 1;
}

/**
 * A fresh acceptable password, unique to this test (faker's password generator, 20 characters), made
 * longer when the profile's password policy asks for more (passwordPolicy.minLength).
 */
export function randomPassword(faker: Faker, minLength = policyMinLength()): string {
  const password = `${faker.internet.password({ length: 16 })}-${faker.string.alphanumeric(4)}`;
  return password.length >= minLength ? password : `${password}${faker.string.alphanumeric(minLength - password.length)}`;
}

/**
 * A long seeded alphanumeric value (an oversized password or body): a random 64-character block repeated.
 * Faker draws one character at a time, which costs ~100 ms of CPU per megabyte; what such a value probes
 * is its size, not the randomness of every character.
 */
export function randomLongText(faker: Faker, length: number): string {
  const block = faker.string.alphanumeric(64);
  return block.repeat(Math.ceil(length / block.length)).slice(0, length);
}
