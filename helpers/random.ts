// Seeded randomness. Each test gets its own faker seeded from the run seed and its own name, so a test's
// inputs do not depend on which tests ran before it or in parallel: the same seed replays the same inputs.
import { createHash } from 'node:crypto';
import { Faker, en } from '@faker-js/faker';

export function deriveSeed(runSeed: number, scope: string): number {
  return createHash('sha256').update(`${runSeed}:${scope}`).digest().readUInt32BE(0);
}

export function seededFaker(runSeed: number, scope: string): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(deriveSeed(runSeed, scope));
  return faker;
}

/** A never-issued token with the alphabet and length of real ones (32 alphanumerics, ~190 bits). */
export function randomToken(faker: Faker): string {
  return faker.string.alphanumeric(32);
}

/** A fresh acceptable password, unique to this test (faker's password generator, 20 characters). */
export function randomPassword(faker: Faker): string {
  return `${faker.internet.password({ length: 16 })}-${faker.string.alphanumeric(4)}`;
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
