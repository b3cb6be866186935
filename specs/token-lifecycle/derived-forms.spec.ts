// Endpoint page, E003: a string other than the issued token names no reset request. Digests and encodings
// of a token are such strings: a lookup that also accepts the stored digest (or decodes what it is given)
// lets anyone holding a database dump reset passwords.
import { createHash } from 'node:crypto';
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, rejected, success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { registerSecret } from '../../helpers/run/redaction.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

const digest = (algorithm: string, token: string) => createHash(algorithm).update(token, 'utf8').digest();

const derived = requirement('SNP-TOKEN-DERIVED-FORMS');
derived.each([
  { label: 'SHA-256 digest in hex', form: (t: string) => digest('sha256', t).toString('hex') },
  { label: 'SHA-256 digest in upper-case hex', form: (t: string) => digest('sha256', t).toString('hex').toUpperCase() },
  { label: 'SHA-256 digest in base64', form: (t: string) => digest('sha256', t).toString('base64') },
  { label: 'SHA-256 digest in base64url', form: (t: string) => digest('sha256', t).toString('base64url') },
  { label: 'SHA-1 digest in hex', form: (t: string) => digest('sha1', t).toString('hex') },
  { label: 'MD5 digest in hex', form: (t: string) => digest('md5', t).toString('hex') },
  { label: 'base64 encoding', form: (t: string) => Buffer.from(t, 'utf8').toString('base64') },
  { label: 'hex encoding', form: (t: string) => Buffer.from(t, 'utf8').toString('hex') },
  { label: 'token written twice', form: (t: string) => `${t}${t}` },
  { label: 'token reversed', form: (t: string) => [...t].reverse().join('') },
  // A lookup that URL-decodes (or HTML-decodes) what it is given accepts these as the token itself.
  { label: 'percent-encoding of every character', form: (t: string) => [...Buffer.from(t, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('') },
  { label: 'percent-encoding of its first character', form: (t: string) => `%${(t.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}${t.slice(1)}` },
  { label: 'HTML character references', form: (t: string) => [...t].map((c) => `&#${c.codePointAt(0)};`).join('') },
])('the $label of a pending token resets nothing (E003 or a validation error), and the real token still works', async ({ form }, { rand, state }) => {
  const { token } = await state.pendingRequest();
  const variant = form(token);
  registerSecret(variant, 'token'); // as good as the token on a target with this bug
  check.outcome(await submit({ token: variant, password: randomPassword(rand) }), businessCode('E003'), rejected());
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
derived.test("halves of two customers' pending tokens spliced together match neither, and both tokens still work", async ({ rand, state }) => {
  const mine = await state.pendingRequest();
  const other = await state.pendingRequest();
  const spliced = [`${other.token.slice(0, 16)}${mine.token.slice(16)}`, `${mine.token.slice(0, 16)}${other.token.slice(16)}`];
  for (const token of spliced) {
    registerSecret(token, 'token');
    check.outcome(await submit({ token, password: randomPassword(rand) }), businessCode('E003'), rejected());
  }
  check.outcome(await submit({ token: mine.token, password: randomPassword(rand) }), success());
  check.outcome(await submit({ token: other.token, password: randomPassword(rand) }), success());
});
