// The provider states of the state hook (suite contract, version 1): how the suite sets up customers and
// reset requests, looks at the result, and cleans up. Modelled on Pact provider states.
import { randomBytes } from 'node:crypto';
import type { ApiKeyRegistry } from './api-key.js';
import type { CustomerLock } from './customer-lock.js';
import { hashPassword, passwordMatches } from './passwords.js';
import type { PasswordHash } from './passwords.js';
import { randomAlphanumeric } from './random-text.js';
import { checkText, ownMember, requiredText } from './request-body.js';
import type { Seams } from './seams.js';
import type { ResetStore } from './store.js';
import { newResetToken } from './tokens.js';

export interface ProviderStateDependencies {
  readonly store: ResetStore;
  readonly lock: CustomerLock;
  readonly now: () => number;
  readonly scryptCost: number;
  /** The instance's seams (seams.ts): a reset token is stored in the form the endpoint looks it up by. */
  readonly seams: Seams;
  /** The endpoint's key registry: the optional v1.1 states add inactive and expired keys to it. */
  readonly apiKeys: ApiKeyRegistry;
}

export type StateParams = Record<string, unknown>;

export type StateResult =
  | { readonly status: 200; readonly body: Record<string, unknown> }
  | { readonly status: 204 }
  | { readonly status: 400; readonly problem: string };

type StateHandler = (deps: ProviderStateDependencies, params: StateParams) => Promise<StateResult>;

const DEFAULT_LIFETIME_SECONDS = 3600;
/** How long ago an "expired reset request" expired: well in the past, whatever the caller's timing. */
const EXPIRED_SINCE_MS = 60_000;

/** Keyed by "<action> / <state>". */
const PROVIDER_STATES: ReadonlyMap<string, StateHandler> = new Map<string, StateHandler>([
  ['setup / pending reset request', (deps, params) => setupResetRequest(deps, params, 'pending')],
  ['setup / expired reset request', (deps, params) => setupResetRequest(deps, params, 'expired')],
  ['setup / reset request with failing password change', (deps, params) => setupResetRequest(deps, params, 'failing')],
  // Version 1.1, optional: keys that exist but may not be used.
  ['setup / inactive api key', (deps) => setupApiKey(deps, 'inactive')],
  ['setup / expired api key', (deps) => setupApiKey(deps, 'expired')],
  ['inspect / customer', inspectCustomer],
  ['teardown / customer', teardownCustomer],
]);

/** The handler for this action and state, or undefined when the hook does not know them (answer 400). */
export function findProviderState(action: string, state: string): StateHandler | undefined {
  return PROVIDER_STATES.get(`${action} / ${state}`);
}

type RequestVariant = 'pending' | 'expired' | 'failing';

/**
 * Creates a reset request, for an existing customer (params.customerId, whose history is kept) or for a
 * new one (params.passwordHistory, newest first, or one generated password).
 */
async function setupResetRequest(
  deps: ProviderStateDependencies,
  params: StateParams,
  variant: RequestVariant,
): Promise<StateResult> {
  const history = readPasswordHistory(params);
  if (typeof history === 'string') return invalid(history);

  let lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
  if (variant === 'pending' && Object.hasOwn(params, 'expiresInSeconds')) {
    const value = params.expiresInSeconds;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return invalid('expiresInSeconds must be a number >= 0');
    }
    lifetimeSeconds = value;
  }

  let customerId: string;
  if (Object.hasOwn(params, 'customerId')) {
    const existing = readExistingCustomerId(deps, params);
    if (!existing.ok) return invalid(existing.problem);
    customerId = existing.value;
  } else {
    customerId = await createCustomer(deps, history ?? [randomAlphanumeric(20)]);
  }

  const now = deps.now();
  const token = newResetToken();
  const expiresAt = variant === 'expired' ? now - EXPIRED_SINCE_MS : now + lifetimeSeconds * 1000;
  deps.store.addResetRequest({
    tokenDigest: deps.seams.resetTokenDigest(token),
    customerId,
    expiresAt,
    state: 'pending',
    failPasswordChange: variant === 'failing',
  });
  return { status: 200, body: { customerId, token } };
}

/** A fresh well-formed key (DEV_ + 28 alphanumerics) that exists in the registry but may not be used. */
function setupApiKey(deps: ProviderStateDependencies, status: 'inactive' | 'expired'): Promise<StateResult> {
  const apiKey = `DEV_${randomAlphanumeric(28)}`;
  deps.apiKeys.add(apiKey, status);
  return Promise.resolve({ status: 200, body: { apiKey } });
}

/** Whether a candidate is the customer's current password, and the last recorded customerRealIp. */
async function inspectCustomer(deps: ProviderStateDependencies, params: StateParams): Promise<StateResult> {
  const existing = readExistingCustomerId(deps, params);
  if (!existing.ok) return invalid(existing.problem);
  const candidate = requiredText(params, 'password');
  if (!candidate.ok) return invalid(candidate.problem);

  return deps.lock.runExclusive(existing.value, async () => {
    const customer = deps.store.findCustomer(existing.value);
    if (customer === undefined) return invalid('customerId names no customer');
    const current = customer.passwordHistory[0];
    const matches = current !== undefined && (await passwordMatches(candidate.value, current));
    return { status: 200, body: { passwordMatches: matches, lastRealIp: customer.lastRealIp } };
  });
}

/** Removes the customer and its reset requests. Idempotent: an unknown customer is already gone. */
async function teardownCustomer(deps: ProviderStateDependencies, params: StateParams): Promise<StateResult> {
  const customerId = ownMember(params, 'customerId');
  if (typeof customerId !== 'string' || customerId === '') return invalid('customerId must be a non-empty string');
  // Under the lock, so a password change in progress for this customer finishes first.
  return deps.lock.runExclusive(customerId, () => {
    deps.store.removeCustomer(customerId);
    return Promise.resolve({ status: 204 });
  });
}

/** The passwordHistory param: undefined when absent, the list when valid, or the problem as a string. */
function readPasswordHistory(params: StateParams): readonly string[] | undefined | string {
  if (!Object.hasOwn(params, 'passwordHistory')) return undefined;
  const value = params.passwordHistory;
  if (!Array.isArray(value) || value.length === 0) {
    return 'passwordHistory must be a non-empty array of passwords, newest first';
  }
  const passwords: string[] = [];
  for (const [index, entry] of (value as unknown[]).entries()) {
    const password = checkText(`passwordHistory[${index}]`, entry);
    if (!password.ok) return password.problem;
    passwords.push(password.value);
  }
  return passwords;
}

function readExistingCustomerId(
  deps: ProviderStateDependencies,
  params: StateParams,
): { ok: true; value: string } | { ok: false; problem: string } {
  const customerId = requiredText(params, 'customerId');
  if (!customerId.ok) return customerId;
  if (deps.store.findCustomer(customerId.value) === undefined) {
    return { ok: false, problem: 'customerId names no customer' };
  }
  return customerId;
}

async function createCustomer(deps: ProviderStateDependencies, passwordsNewestFirst: readonly string[]): Promise<string> {
  const passwordHistory: PasswordHash[] = [];
  for (const password of passwordsNewestFirst) passwordHistory.push(await hashPassword(password, deps.scryptCost));
  const id = `cus_${randomBytes(12).toString('hex')}`;
  deps.store.addCustomer({ id, passwordHistory, lastRealIp: null });
  return id;
}

function invalid(problem: string): StateResult {
  return { status: 400, problem };
}
