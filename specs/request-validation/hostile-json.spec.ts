// Hostile JSON must be harmless to the request that carries it and to every request after it: deep
// nesting (a recursive walker's stack, a lasting slowdown) and prototype pollution (CWE-1321: a
// "__proto__" or "constructor.prototype" member merged into shared defaults). Each test sends the
// hostile body, then checks in the same test that ordinary requests still behave.
import { send, submit } from '../../helpers/http/endpoint-client.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

/** The address the polluting payloads carry; no ordinary request may ever record it. */
const POLLUTED_IP = '203.0.113.66';
/**
 * Deep enough to trip every recursive parser or walker with a common limit (Python 1000, Jackson 1000,
 * Ruby 100) and Node's own JSON.stringify (about 5000). The suite's reporter shows bodies this deep as text
 * (helpers/reporting/allure-exchange.ts), so they do not crash it.
 */
const DEPTH = 10_000;
const POLLUTION = { customerRealIp: POLLUTED_IP, success: true, isAdmin: true, failPasswordChange: true };

interface HostileCase {
  label: string;
  body: (token: string, password: string) => string;
}

const json = JSON.stringify;
const HOSTILE: HostileCase[] = [
  { label: `an array nested ${DEPTH} levels deep as body`, body: () => `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}` },
  { label: `an array nested ${DEPTH} levels deep in an extra field`, body: (t, p) => `{"token":${json(t)},"password":${json(p)},"extra":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}` },
  { label: `an object nested ${DEPTH} levels deep as token`, body: (_t, p) => `{"password":${json(p)},"token":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}` },
  { label: 'a __proto__ member', body: (t, p) => `{"token":${json(t)},"password":${json(p)},"__proto__":${json(POLLUTION)}}` },
  { label: 'a __proto__ member as the whole body', body: () => `{"__proto__":${json(POLLUTION)}}` },
  { label: 'a constructor.prototype member', body: (t, p) => `{"token":${json(t)},"password":${json(p)},"constructor":{"prototype":${json(POLLUTION)}}}` },
  { label: 'a __proto__ member inside the password field', body: (t) => `{"token":${json(t)},"password":{"__proto__":${json(POLLUTION)}}}` },
  { label: 'a nested __proto__ member', body: (t, p) => `{"token":${json(t)},"password":${json(p)},"options":{"__proto__":${json(POLLUTION)}}}` },
];

const harmless = requirement('SNP-HOSTILE-JSON-HARMLESS');
harmless.each(HOSTILE)('$label is answered without a 5xx, and ordinary requests afterwards behave as before', async ({ body }, { rand, state }) => {
  const hostile = await send({ query: { apiKey: runContext().apiKey }, body: body(randomToken(rand), randomPassword(rand)) });
  check.fact(hostile.status < 500, 'an answer below 500', `status ${hostile.status}`, hostile);

  check.outcome(await submit({ token: randomToken(rand), password: randomPassword(rand) }), businessCode('E003'));

  const withoutIp = randomPassword(rand);
  const first = await state.pendingRequest();
  check.outcome(await submit({ token: first.token, password: withoutIp }), success());
  const recordedWithout = await state.lastRealIp(first.customerId, withoutIp);
  check.fact(recordedWithout !== POLLUTED_IP, `a request without customerRealIp does not record ${POLLUTED_IP}`, `lastRealIp ${JSON.stringify(recordedWithout)}`);

  const withIp = randomPassword(rand);
  const second = await state.pendingRequest();
  check.outcome(await submit({ token: second.token, password: withIp, customerRealIp: '198.51.100.23' }), success());
  const recordedWith = await state.lastRealIp(second.customerId, withIp);
  check.fact(recordedWith === '198.51.100.23', 'lastRealIp 198.51.100.23, as sent', `lastRealIp ${JSON.stringify(recordedWith)}`);
});
