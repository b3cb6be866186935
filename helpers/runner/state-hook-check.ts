// `--check-state-hook`: exercises every action and state the suite uses, with the parameters the suite
// sends (histories of 4 passwords with a 128-character Unicode one, 1 s lifetimes, a reused customer), and
// says for each whether the hook supports it, lacks it or answers in the wrong shape, and what the run
// loses without it. The run can be judged only if every mandatory line passes; v1.1 states are optional.
import { randomBytes } from 'node:crypto';
import { callHook } from './preflight.js';
import type { Throttle } from '../http/throttle.js';

export interface HookCheckLine {
  check: string;
  result: 'supported' | 'missing' | 'wrong shape' | 'not offered (optional)';
  detail: string;
  mandatory: boolean;
  /** What a run loses when this line does not pass. */
  loses: string;
}

interface Hook {
  url: string;
  token: string | null;
  timeoutMs: number;
  /** The caps CONFORMANCE_CONCURRENCY and CONFORMANCE_RATE set, for this check's calls too. */
  throttle: Throttle;
}

/** The hook's answer; `token` overrides the configured one (to see a wrong token refused). */
function call(hook: Hook, payload: object, token = hook.token): Promise<{ status: number; json: unknown }> {
  return callHook(hook.url, token, hook.timeoutMs, payload, hook.throttle);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const password = (): string => `Check-${randomBytes(9).toString('base64url')}-Aa1`;
/** The longest password the suite seeds: 128 characters, Unicode included. */
const LONG_UNICODE_PASSWORD = `Пароль-密码-🔐-${'x'.repeat(128)}`.slice(0, 128);

export async function checkStateHookSupport(hook: Hook): Promise<HookCheckLine[]> {
  const lines: HookCheckLine[] = [];
  const customers: string[] = [];
  const add = (line: HookCheckLine) => lines.push(line);

  async function setup(state: string, params: object, check: string, loses: string, mandatory = true): Promise<{ customerId: string; token: string } | null> {
    const { status, json } = await call(hook, { action: 'setup', state, params });
    const answer = json as { customerId?: unknown; token?: unknown } | undefined;
    if (status === 200 && isText(answer?.customerId) && isText(answer?.token)) {
      customers.push(answer.customerId);
      add({ check, result: 'supported', detail: '200 {customerId, token}', mandatory, loses });
      return { customerId: answer.customerId, token: answer.token };
    }
    add({ check, result: status === 400 ? 'missing' : 'wrong shape', detail: `HTTP ${status}${status === 200 ? ' without string customerId and token' : ''}`, mandatory, loses });
    return null;
  }

  const current = password();
  const first = await setup('pending reset request', {}, 'setup "pending reset request" {}', 'every requirement that needs a reset request (full mode)');
  const seeded = await setup(
    'pending reset request',
    { passwordHistory: [current, password(), LONG_UNICODE_PASSWORD, password()], expiresInSeconds: 1 },
    'setup "pending reset request" {passwordHistory: 4 (one 128-char Unicode), expiresInSeconds: 1}',
    'password history (E002), expiry in place (E004), stored-exactly checks',
  );
  if (first) {
    const { status, json } = await call(hook, { action: 'setup', state: 'pending reset request', params: { customerId: first.customerId } });
    const same = (json as { customerId?: unknown } | undefined)?.customerId === first.customerId;
    add({
      check: 'setup "pending reset request" {customerId} (a second request of the same customer)',
      result: status === 200 && same ? 'supported' : status === 400 ? 'missing' : 'wrong shape',
      detail: status === 200 && !same ? 'answered another customerId' : `HTTP ${status}`,
      mandatory: true,
      loses: 'history joins (E002 after a change), sibling requests, expiry after new requests',
    });
  }
  await setup('expired reset request', { passwordHistory: [password()] }, 'setup "expired reset request"', 'E004 and every precedence case with an expired token');
  await setup('reset request with failing password change', { passwordHistory: [password()] }, 'setup "reset request with failing password change"', 'E001 and the precedence of history before the change');

  if (seeded) {
    const right = await call(hook, { action: 'inspect', state: 'customer', params: { customerId: seeded.customerId, password: current } });
    const wrong = await call(hook, { action: 'inspect', state: 'customer', params: { customerId: seeded.customerId, password: password() } });
    const shapeOk = (json: unknown) => typeof (json as { passwordMatches?: unknown })?.passwordMatches === 'boolean' && ['string', 'object'].includes(typeof (json as { lastRealIp?: unknown })?.lastRealIp);
    const ok = right.status === 200 && wrong.status === 200 && shapeOk(right.json) && shapeOk(wrong.json);
    const truthful = ok && (right.json as { passwordMatches: boolean }).passwordMatches && !(wrong.json as { passwordMatches: boolean }).passwordMatches;
    add({
      check: 'inspect "customer" {customerId, password}',
      result: truthful ? 'supported' : right.status === 400 ? 'missing' : 'wrong shape',
      detail: truthful ? '200 {passwordMatches, lastRealIp}' : ok ? 'passwordMatches does not tell the current password from another' : `HTTP ${right.status}`,
      mandatory: true,
      loses: 'every check of what a request changed (password set, nothing changed, recorded IP)',
    });
  }

  for (const state of ['inactive api key', 'expired api key']) {
    const { status, json } = await call(hook, { action: 'setup', state, params: {} });
    const key = (json as { apiKey?: unknown } | undefined)?.apiKey;
    add({
      check: `setup "${state}" (v1.1)`,
      result: status === 200 && isText(key) ? 'supported' : status === 400 ? 'not offered (optional)' : 'wrong shape',
      detail: `HTTP ${status}`,
      mandatory: false,
      loses: state === 'inactive api key' ? 'SNP-KEY-INACTIVE (reported not run)' : 'SNP-KEY-EXPIRED (reported not run)',
    });
  }

  const unknown = await call(hook, { action: 'setup', state: 'conformance check: no such state', params: {} });
  add({ check: 'an unknown state answers 400', result: unknown.status === 400 ? 'supported' : 'wrong shape', detail: `HTTP ${unknown.status}`, mandatory: true, loses: 'telling a missing optional state from a broken hook' });
  if (hook.token) {
    const refused = await call(hook, { action: 'setup', state: 'pending reset request', params: {} }, `${hook.token}x`);
    add({ check: 'a wrong bearer token answers 401', result: refused.status === 401 ? 'supported' : 'wrong shape', detail: `HTTP ${refused.status}`, mandatory: false, loses: 'nothing for the run; the hook is open to anyone who can reach it' });
  }

  let teardownOk = true;
  for (const customerId of customers) {
    const once = await call(hook, { action: 'teardown', state: 'customer', params: { customerId } });
    const again = await call(hook, { action: 'teardown', state: 'customer', params: { customerId } });
    if (![200, 204].includes(once.status) || ![200, 204].includes(again.status)) teardownOk = false;
  }
  add({ check: 'teardown "customer" (twice: idempotent)', result: teardownOk ? 'supported' : 'wrong shape', detail: teardownOk ? '200/204' : 'not 200/204', mandatory: true, loses: 'cleanup: customers pile up' });
  return lines;
}

export function formatHookCheck(lines: HookCheckLine[]): string {
  const out = lines.map((l) => `${l.result === 'supported' ? '✔' : l.mandatory ? '✘' : '-'} ${l.check.padEnd(92)} ${l.result.padEnd(24)} ${l.detail}${l.result === 'supported' ? '' : `\n    without it: ${l.loses}`}`);
  const broken = lines.filter((l) => l.mandatory && l.result !== 'supported');
  out.push('', broken.length === 0 ? 'The state hook supports everything a full run needs.' : `${broken.length} mandatory check(s) failed: a full run would be NOT JUDGED. See docs/state-hook.md.`);
  return out.join('\n');
}
