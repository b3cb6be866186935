// Endpoint page, E003 "Reset password request does not exist": any string other than the issued token
// names no reset request (byte-exact match, no folding or trimming); injection strings are only data.
import { HOSTILE_TOKENS } from '../../fixtures/cases/hostile-tokens.js';
import { submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, rejected, success, validationError } from '../../helpers/checks/outcomes.js';
import { baselineMs } from '../../helpers/checks/promptness.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const unknown = requirement('SNP-E003-UNKNOWN-TOKEN');
unknown.each([
  { label: 'a fresh password', password: (r: Parameters<typeof randomPassword>[0]) => randomPassword(r) },
  { label: 'a very common password', password: () => 'password1234' },
  { label: "the docs' example password", password: () => '1234' },
  { label: 'a one-character password', password: () => 'a' },
  { label: 'a Unicode password', password: () => 'пароль-密码-🔐' },
])('a never-issued token answers E003 with $label', async ({ password }, { rand }) => {
  const sent = password(rand);
  // A profile with a password policy may check it with the body, before the token (the field validation error).
  const belowPolicy = [...sent].length < runContext().profile.passwordPolicy.minLength;
  const outcomes = belowPolicy ? [businessCode('E003'), validationError('field')] : [businessCode('E003')];
  check.outcome(await submit({ token: randomToken(rand), password: sent }), ...outcomes);
});
unknown.test('a never-issued token answers E003 with a customerRealIp too', async ({ rand }) => {
  check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: '2001:db8::1' }),
    businessCode('E003'),
  );
});

const hostile = requirement('SNP-E003-HOSTILE-TOKEN');
hostile.each(HOSTILE_TOKENS)('token "$label" is an unknown token (E003 or a validation error), as promptly as an ordinary one', async ({ token }, { rand }) => {
  // The target's own answer time right now, so a slow network or a loaded machine is not a stall.
  const baseline = await baselineMs(rand);
  const exchange = await submit({ token, password: randomPassword(rand) });
  check.outcome(exchange, businessCode('E003'), rejected());
  check.prompt(exchange, baseline);
});

interface Variant {
  label: string;
  change: (token: string) => string;
}

function flipCaseAt(token: string, pick: 'first' | 'last'): string {
  const indexes = [...token].map((c, i) => (c.toLowerCase() !== c.toUpperCase() ? i : -1)).filter((i) => i >= 0);
  const at = pick === 'first' ? indexes[0] : indexes[indexes.length - 1];
  if (at === undefined) return token;
  const c = token[at] as string;
  return token.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + token.slice(at + 1);
}

const VARIANTS: Variant[] = [
  { label: 'first letter case-flipped', change: (t) => flipCaseAt(t, 'first') },
  { label: 'last letter case-flipped', change: (t) => flipCaseAt(t, 'last') },
  { label: 'all upper case', change: (t) => t.toUpperCase() },
  { label: 'last character dropped', change: (t) => t.slice(0, -1) },
  { label: 'first half only', change: (t) => t.slice(0, Math.ceil(t.length / 2)) },
  { label: 'one character appended', change: (t) => `${t}A` },
  { label: 'leading space', change: (t) => ` ${t}` },
  { label: 'trailing space', change: (t) => `${t} ` },
  { label: 'trailing tab', change: (t) => `${t}\t` },
  { label: 'trailing NUL', change: (t) => `${t}\u0000` },
  // Line breaks of a link wrapped in an e-mail, which a tidy-up may strip.
  { label: 'trailing LF', change: (t) => `${t}\n` },
  { label: 'CRLF inserted', change: (t) => `${t.slice(0, 16)}\r\n${t.slice(16)}` },
  { label: 'zero-width space inserted', change: (t) => `${t.slice(0, 4)}\u200b${t.slice(4)}` },
  { label: 'dash inserted (UUID-style tidying)', change: (t) => `${t.slice(0, 8)}-${t.slice(8)}` },
  { label: 'underscore inserted', change: (t) => `${t.slice(0, 8)}_${t.slice(8)}` },
  { label: 'first letter in fullwidth form', change: (t) => t.replace(/[A-Za-z0-9]/, (c) => String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0)) },
];

const exact = requirement('SNP-TOKEN-EXACT-MATCH');
exact.each(VARIANTS)('a token with its $label does not match, and the real token still works', async ({ change }, { rand, state, skip }) => {
  const { token } = await state.pendingRequest();
  const variant = change(token);
  if (variant === token) skip('this target\'s token has no character this variant can change');
  check.outcome(await submit({ token: variant, password: randomPassword(rand) }), businessCode('E003'), rejected());
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
});
