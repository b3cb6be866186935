// The business rules of "set new password", after the request itself has been accepted:
// token (unknown or used: E003; expired: E004) → password history (E002) → the change (E001) → success.
// Every answer other than success consumes nothing and changes nothing, so the customer can retry with
// the same token (the E002 message asks for exactly that).
import type { BusinessErrorCode } from './business-errors.js';
import type { CustomerLock } from './customer-lock.js';
import { hashPassword } from './passwords.js';
import type { Seams } from './seams.js';
import type { Customer, ResetStore } from './store.js';
import { passwordLength } from './variations.js';
import type { ReferenceVariations } from './variations.js';

export interface PasswordResetDependencies {
  readonly store: ResetStore;
  readonly lock: CustomerLock;
  readonly now: () => number;
  readonly scryptCost: number;
  /** The seams (seams.ts), settled when the app was built: the correct ones unless a fault patched them. */
  readonly seams: Seams;
  /** Legitimate variations (variations.ts): password policy, history depth, race losers' code. */
  readonly variations: ReferenceVariations;
}

export interface NewPasswordRequest {
  readonly token: string;
  readonly password: string;
  /** Already normalized; null when the client sent no customerRealIp. */
  readonly customerRealIp: string | null;
}

/** 'password-too-short': the variation's password policy refused it (answered as a field validation error). */
export type PasswordResetOutcome = 'success' | BusinessErrorCode | 'password-too-short';

export async function setNewPassword(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
): Promise<PasswordResetOutcome> {
  const found = deps.seams.findByToken(deps.store, input.token);
  if (found === undefined) return 'E003';

  const wasPending = found.state === 'pending';
  return deps.lock.runExclusive(deps.seams.lockKey(found), () => checkAndChangeLocked(deps, input, found.tokenDigest, found.customerId, wasPending));
}

/** Runs under the customer's lock, so checking the request and consuming it are one atomic step. */
async function checkAndChangeLocked(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
  tokenDigest: string,
  customerId: string,
  wasPending: boolean,
): Promise<PasswordResetOutcome> {
  const { store, seams, variations } = deps;
  // Read again inside the lock: a concurrent submission of the same token (or of a sibling token of
  // the same customer) may have succeeded while this one was waiting.
  const request = store.findResetRequest(tokenDigest);
  const customer = store.findCustomer(customerId);
  if (request === undefined || customer === undefined) return 'E003';
  // Pending before the lock and used after it: this submission lost a race for the token.
  if (request.state !== 'pending') return wasPending && request.state === 'consumed' ? variations.raceLoserCode : 'E003';
  // Variation: a request honoured for a while past its lifetime (expiry kept in coarse steps).
  if (seams.isExpired(request, deps.now() - variations.expiryLagMs)) return 'E004';

  // A variation's policy, checked after the token (a dead token answers E003/E004 whatever the password),
  // before the history. Emptiness itself is body validation's (request-body.ts), so the default minimum of
  // 1 adds no check here.
  if (variations.passwordMinLength > 1 && passwordLength(input.password) < variations.passwordMinLength) return 'password-too-short';

  // The current password and every earlier one (or the variation's depth) count as "previously used".
  const history = seams.passwordHistory(customer, store);
  const compared = variations.historyDepth === null ? history : history.slice(0, variations.historyDepth);
  // Variation: a business error that consumes the token (the password stays as it was).
  const consumeFor = (code: 'E001' | 'E002') => {
    if (variations.tokenConsumedBy.includes(code)) store.addResetRequest({ ...request, state: 'consumed' });
    return code;
  };
  if (await seams.usedBefore(input.password, compared)) return consumeFor('E002');

  // Test-only fault injection: the state hook's "reset request with failing password change".
  if (request.failPasswordChange) return consumeFor('E001');

  await changePassword(deps, input, tokenDigest, customer);
  return 'success';
}

/** Hashes the new password and applies the change (password, history, IP, consumed and invalidated requests). */
export async function changePassword(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
  tokenDigest: string,
  customer: Customer,
): Promise<void> {
  const newPassword = await hashPassword(input.password, deps.scryptCost);
  deps.store.applyPasswordChange({ customerId: customer.id, tokenDigest, newPassword, realIp: input.customerRealIp });
}
