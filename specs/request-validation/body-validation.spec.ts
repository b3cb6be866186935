// Endpoint page: token and password are required strings. Profile: a body that fails validation is
// answered with the validation error (bizkithub: 400 INTERNAL_VALIDATION_FAILED) naming the field.
import type { Faker } from '@faker-js/faker';
import { NOT_AN_IP, strictFormsRejected } from '../../fixtures/cases/customer-ips.js';
import { ILL_FORMED_TEXT_CASES, MALFORMED_BODY_CASES, REQUIRED_FIELD_CASES, type BodyCase } from '../../fixtures/cases/request-bodies.js';
import { send } from '../../helpers/http/endpoint-client.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { businessCode, rejected, validationError } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement, type SuiteContext } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

function sendCase(bodyCase: BodyCase, rand: Faker) {
  const body = bodyCase.body({ token: randomToken(rand), password: randomPassword(rand) });
  return send({ query: { apiKey: runContext().apiKey }, body });
}

const IP_CASES: BodyCase[] = [...NOT_AN_IP, ...strictFormsRejected(runContext().profile.customerRealIp)].map(({ label, value }) => ({
  label: `customerRealIp ${label}`,
  field: 'customerRealIp',
  kind: 'field',
  body: ({ token, password }) => JSON.stringify({ token, password, customerRealIp: value }),
}));

/**
 * Declares one test per case: the cases whose body carries a random string token run in every mode, the
 * `fullModeOnly` ones (no such token: safe mode never sends them) only in full mode.
 */
function eachCase(req: ReturnType<typeof requirement>, cases: readonly BodyCase[], title: string, body: (bodyCase: BodyCase, context: SuiteContext) => Promise<void>): void {
  const safeCases = cases.filter((c) => c.fullModeOnly !== true);
  const fullCases = cases.filter((c) => c.fullModeOnly === true);
  if (safeCases.length) req.each(safeCases, { needsState: false })(title, body);
  if (fullCases.length) req.each(fullCases, { needsState: true })(title, body);
}

const required = requirement('SNP-BODY-REQUIRED-FIELDS');
eachCase(required, REQUIRED_FIELD_CASES, 'a body with $label is rejected', async (bodyCase, { rand }) => {
  check.outcome(await sendCase(bodyCase, rand), rejected());
});

const malformed = requirement('SNP-BODY-MALFORMED');
eachCase(malformed, MALFORMED_BODY_CASES, 'a body that is $label is rejected', async (bodyCase, { rand }) => {
  check.outcome(await sendCase(bodyCase, rand), rejected());
});

const format = requirement('SNP-VALIDATION-ERROR-FORMAT');
eachCase(format, [...REQUIRED_FIELD_CASES, ...MALFORMED_BODY_CASES, ...IP_CASES], "a body with $label gets the profile's validation error", async (bodyCase, { rand }) => {
  check.outcome(await sendCase(bodyCase, rand), validationError(bodyCase.kind));
});

/** The error's description, or '' when there is none. */
function descriptionOf(exchange: Exchange): string {
  const raw = (exchange.json as { error?: { description?: unknown } } | undefined)?.error?.description;
  return typeof raw === 'string' ? raw : '';
}

// A profile may declare that its validation errors do not name the field (validationError.namesField):
// then only the rejection itself is judged.
const namesFieldDeclared = runContext().profile.validationError.namesField !== false;
const FIELD_CASES = [...REQUIRED_FIELD_CASES, ...IP_CASES].filter((c) => c.field !== null);

function expectFieldNamed(exchange: Exchange, field: string): void {
  if (!namesFieldDeclared) return;
  const description = descriptionOf(exchange);
  check.fact(description.toLowerCase().includes(field.toLowerCase()), `a description naming "${field}"`, JSON.stringify(description), exchange);
}
const namesField = requirement('SNP-VALIDATION-NAMES-FIELD');
eachCase(namesField, FIELD_CASES, 'the validation error for $label names the field', async (bodyCase, { rand }) => {
  const exchange = await sendCase(bodyCase, rand);
  check.outcome(exchange, rejected());
  expectFieldNamed(exchange, bodyCase.field as string);
});
// Whether ill-formed text is refused at all is SNP-INVALID-UTF8's question: only an answer that processed
// it normally (E003 for the never-issued token) is left to that requirement. Any other answer, a 5xx
// above all, is judged here.
eachCase(namesField, ILL_FORMED_TEXT_CASES, 'the validation error for $label, when it is refused, names the field', async (bodyCase, { rand, skip }) => {
  const exchange = await sendCase(bodyCase, rand);
  if (businessCode('E003').mismatch(exchange) === null) skip('this target processes it (judged by SNP-INVALID-UTF8)');
  check.outcome(exchange, rejected());
  expectFieldNamed(exchange, bodyCase.field as string);
});
