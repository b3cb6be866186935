// Client of the target's state hook, version 1 (Pact-style provider states; see docs/state-hook.md).
// A 4xx or 5xx answer means "the target cannot set up this state": the test stops as not verified.
import { currentCase } from '../http/case-scope.js';
import { describeErrors, validator } from '../run/json-schemas.js';
import { politely } from '../http/polite-transport.js';
import { postJson } from '../http/post-json.js';
import { registerSecret, redact } from '../run/redaction.js';
import { runContext } from '../run/run-context.js';
import { TargetUnreachableError } from '../http/target-errors.js';

export const STATES = {
  pending: 'pending reset request',
  expired: 'expired reset request',
  failingChange: 'reset request with failing password change',
  customer: 'customer',
  /** Version 1.1, optional. */
  inactiveApiKey: 'inactive api key',
  expiredApiKey: 'expired api key',
} as const;

export interface SetupParams {
  /** Passwords of the customer, newest first; the first is the current one. */
  passwordHistory?: string[];
  /** Lifetime of the new request from now (pending requests only). */
  expiresInSeconds?: number;
  /** Reuse an existing customer instead of creating one. */
  customerId?: string;
}

export interface ProvisionedRequest {
  customerId: string;
  token: string;
}

export interface CustomerInspection {
  passwordMatches: boolean;
  lastRealIp: string | null;
}

/** The hook refused or failed: the requirement could not be verified against this target. */
export class StateHookError extends Error {
  override name = 'StateHookError';
}

/**
 * The hook answered 400 to an optional state (state hook v1.1): the target does not offer it. The
 * requirements that need it are not run (like safe mode's), which is no verdict on the target.
 */
export class StateNotOfferedError extends Error {
  override name = 'StateNotOfferedError';
}

/** `optional`: a state of version 1.1, which a hook without it answers with 400. */
async function call(action: string, state: string, params: Record<string, unknown>, optional = false): Promise<unknown> {
  const { stateUrl, stateToken } = runContext();
  if (stateUrl === null) throw new StateHookError('no state hook is configured (safe mode must not reach this point)');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (stateToken) headers.Authorization = `Bearer ${stateToken}`;
  let response: { status: number; headers: Record<string, string>; text: string };
  try {
    ({ answer: response } = await politely(`state hook ${action} "${state}"`, () => postJson(stateUrl, JSON.stringify({ action, state, params }), headers, runContext().timeoutMs), 'hook'));
  } catch (error) {
    // No answer from the hook is the hook's problem; any other error (a bug of the suite) stays what it is.
    if (error instanceof TargetUnreachableError) throw new StateHookError(`state hook unreachable for ${action} "${state}": ${error.message}`);
    throw error;
  }
  const { text } = response;
  if (response.status === 204) return null;
  if (optional && response.status === 400) {
    throw new StateNotOfferedError(`state hook answered 400 to ${action} "${state}": this target does not offer the optional state (state hook v1.1)`);
  }
  if (response.status !== 200) {
    throw new StateHookError(`state hook answered ${response.status} to ${action} "${state}": the target cannot set up this state (${redact(text.slice(0, 300))})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StateHookError(`state hook answered ${action} "${state}" with a body that is not JSON`);
  }
}

function checked<T>(answer: unknown, kind: 'provisioned' | 'inspection' | 'apiKey', what: string): T {
  const validate = validator('state-hook-answer');
  if (!validate({ [kind]: answer })) {
    throw new StateHookError(`state hook answer to ${what} has the wrong shape: ${describeErrors(validate)}`);
  }
  return answer as T;
}

/** How a setup is shown in reports: the state and its parameters, passwords counted, never shown. */
function describeSetup(state: string, params: SetupParams): string {
  const shown = Object.entries(params).map(([name, value]) =>
    name === 'passwordHistory' && Array.isArray(value) ? `${name}: ${value.length} password(s)` : `${name}: ${JSON.stringify(value)}`,
  );
  return `setup "${state}"${shown.length ? ` {${shown.join(', ')}}` : ''}`;
}

async function setup(state: string, params: SetupParams): Promise<ProvisionedRequest> {
  for (const password of params.passwordHistory ?? []) registerSecret(password, 'password');
  currentCase()?.setups.push(describeSetup(state, params));
  const answer = checked<ProvisionedRequest>(await call('setup', state, { ...params }), 'provisioned', `setup "${state}"`);
  registerSecret(answer.token, 'token');
  currentCase()?.tokenSetups.set(answer.token, { state, params: { ...params } });
  return answer;
}

/** An optional v1.1 state that answers {"apiKey": "..."}; the key is registered as a secret. */
async function setupApiKey(state: string): Promise<string> {
  const answer = checked<{ apiKey: string }>(await call('setup', state, {}, true), 'apiKey', `setup "${state}"`);
  registerSecret(answer.apiKey, 'api-key');
  return answer.apiKey;
}

export const stateHook = {
  /** A well-formed key that exists but is not active (v1.1, optional: StateNotOfferedError when absent). */
  inactiveApiKey: () => setupApiKey(STATES.inactiveApiKey),
  /** A well-formed key past its expiration (v1.1, optional: StateNotOfferedError when absent). */
  expiredApiKey: () => setupApiKey(STATES.expiredApiKey),
  pendingRequest: (params: SetupParams = {}) => setup(STATES.pending, params),
  expiredRequest: (params: Omit<SetupParams, 'expiresInSeconds'> = {}) => setup(STATES.expired, params),
  failingChangeRequest: (params: Pick<SetupParams, 'passwordHistory'> = {}) => setup(STATES.failingChange, params),
  async inspect(customerId: string, password: string): Promise<CustomerInspection> {
    registerSecret(password, 'password');
    return checked<CustomerInspection>(await call('inspect', STATES.customer, { customerId, password }), 'inspection', 'inspect "customer"');
  },
  async teardown(customerId: string): Promise<void> {
    await call('teardown', STATES.customer, { customerId });
  },
};
