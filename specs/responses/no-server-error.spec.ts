// Requirement SNP-NO-SERVER-ERROR (MUST, best practice; OWASP Error Handling, Schemathesis's first check
// `not_a_server_error`): "No request, whatever its method, headers or body, MUST be answered with a 5xx
// status". Every exchange of every test is judged for it (helpers/http/case-scope.ts records each 5xx, the
// verdict files it under this requirement); the cases below add inputs no other requirement sends. Each
// carries a random never-issued token, so the table is safe on a production target.
import type { Faker } from '@faker-js/faker';
import { submit } from '../../helpers/http/endpoint-client.js';
import { randomLongText, randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

interface OddInput {
  label: string;
  /** Fields besides the random token. */
  fields: (rand: Faker) => Record<string, unknown>;
}

const ODD_INPUTS: OddInput[] = [
  { label: 'password as a number', fields: () => ({ password: 1234 }) },
  { label: 'password as an object', fields: () => ({ password: { value: 'x' } }) },
  { label: 'password as an array', fields: () => ({ password: ['a', 'b'] }) },
  { label: 'password null', fields: () => ({ password: null }) },
  { label: 'password of 20 000 characters', fields: (rand) => ({ password: randomLongText(rand, 20_000) }) },
  { label: 'password of astral-plane characters', fields: () => ({ password: '𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡-🔐🔐🔐-𠜎𠜱' }) },
  { label: 'customerRealIp as an object', fields: (rand) => ({ password: randomPassword(rand), customerRealIp: { v4: '1.1.1.1' } }) },
  { label: 'customerRealIp of 1 000 colons', fields: (rand) => ({ password: randomPassword(rand), customerRealIp: ':'.repeat(1000) }) },
  { label: 'apiKey in the body as a number', fields: (rand) => ({ password: randomPassword(rand), apiKey: 42 }) },
  { label: 'an unknown field nested 50 levels deep', fields: (rand) => ({ password: randomPassword(rand), extra: JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`) as unknown }) },
  { label: 'numbers at the edges of JSON', fields: (rand) => ({ password: randomPassword(rand), extra: JSON.parse('[1e308, -1e308, 5e-324, 9007199254740993, 1e400]') as unknown }) },
];

const noServerError = requirement('SNP-NO-SERVER-ERROR');
noServerError.each(ODD_INPUTS)('a body with $label is answered without a 5xx', async ({ fields }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), ...fields(rand) });
  check.fact(exchange.status < 500, 'a status below 500', `status ${exchange.status}`, exchange);
});
