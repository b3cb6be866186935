// The business rules of "set new password", after the request itself has been accepted:
// token (unknown or used: E003; expired: E004) → password history (E002) → the change (E001) → success.
// Every answer other than success consumes nothing and changes nothing, so the customer can retry with
// the same token (the E002 message asks for exactly that).
import type { BusinessErrorCode } from './business-errors.js';
import type { CustomerLock } from './customer-lock.js';
import { hashPassword, passwordMatchesAny } from './passwords.js';
import type { ResetStore } from './store.js';
import { resetTokenDigest } from './tokens.js';

export interface PasswordResetDependencies {
  readonly store: ResetStore;
  readonly lock: CustomerLock;
  readonly now: () => number;
  readonly scryptCost: number;
}

export interface NewPasswordRequest {
  readonly token: string;
  readonly password: string;
  /** Already normalized; null when the client sent no customerRealIp. */
  readonly customerRealIp: string | null;
}

export type PasswordResetOutcome = 'success' | BusinessErrorCode;

export async function setNewPassword(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
): Promise<PasswordResetOutcome> {
  const tokenDigest = resetTokenDigest(input.token);
  const found = deps.store.findResetRequest(tokenDigest);
  if (found === undefined) return 'E003';

  return deps.lock.runExclusive(found.customerId, async () => {
    // Read again inside the lock: a concurrent submission of the same token (or of a sibling token of
    // the same customer) may have succeeded while this one was waiting.
    const request = deps.store.findResetRequest(tokenDigest);
    const customer = deps.store.findCustomer(found.customerId);
    if (request === undefined || customer === undefined || request.state !== 'pending') return 'E003';
    if (deps.now() >= request.expiresAt) return 'E004';

    // The current password and every earlier one count as "previously used".
    if (await passwordMatchesAny(input.password, customer.passwordHistory)) return 'E002';

    // Test-only fault injection: the state hook's "reset request with failing password change".
    if (request.failPasswordChange) return 'E001';

    const newPassword = await hashPassword(input.password, deps.scryptCost);
    deps.store.applyPasswordChange({
      customerId: customer.id,
      tokenDigest,
      newPassword,
      realIp: input.customerRealIp,
    });
    return 'success';
  });
}
