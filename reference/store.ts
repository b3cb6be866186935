// Where customers and their reset requests live. The interface is what the endpoint and the state hook
// need; MemoryStore keeps everything in process memory, which is all the reference requires.
import type { PasswordHash } from './passwords.js';

export interface Customer {
  readonly id: string;
  /** Newest first: the first entry is the current password, the rest are earlier ones (for E002). */
  readonly passwordHistory: readonly PasswordHash[];
  /** The normalized customerRealIp recorded with the last successful change, or null. */
  readonly lastRealIp: string | null;
}

/** pending: usable · consumed: used by a successful change · invalidated: another request of the customer succeeded. */
export type ResetRequestState = 'pending' | 'consumed' | 'invalidated';

export interface ResetRequest {
  /** SHA-256 digest of the token (see tokens.ts); the token itself is never stored. */
  readonly tokenDigest: string;
  readonly customerId: string;
  /** Epoch milliseconds; the request is expired from this instant on. */
  readonly expiresAt: number;
  readonly state: ResetRequestState;
  /** Test-only fault injection (state "reset request with failing password change"): the change fails with E001. */
  readonly failPasswordChange: boolean;
}

export interface PasswordChange {
  readonly customerId: string;
  readonly tokenDigest: string;
  readonly newPassword: PasswordHash;
  readonly realIp: string | null;
}

export interface ResetStore {
  addCustomer(customer: Customer): void;
  findCustomer(customerId: string): Customer | undefined;
  /** Removes the customer and all of its reset requests. Removing an unknown customer does nothing. */
  removeCustomer(customerId: string): void;
  addResetRequest(request: ResetRequest): void;
  findResetRequest(tokenDigest: string): ResetRequest | undefined;
  /**
   * The successful change, applied all at once (one transaction in a database): the new hash becomes the
   * current password with the older ones kept as history, the IP is recorded, the request is consumed and
   * every other pending request of the customer is invalidated.
   */
  applyPasswordChange(change: PasswordChange): void;
}

export class MemoryStore implements ResetStore {
  readonly #customers = new Map<string, Customer>();
  readonly #requests = new Map<string, ResetRequest>();

  addCustomer(customer: Customer): void {
    this.#customers.set(customer.id, customer);
  }

  findCustomer(customerId: string): Customer | undefined {
    return this.#customers.get(customerId);
  }

  removeCustomer(customerId: string): void {
    this.#customers.delete(customerId);
    for (const [digest, request] of this.#requests) {
      if (request.customerId === customerId) this.#requests.delete(digest);
    }
  }

  addResetRequest(request: ResetRequest): void {
    this.#requests.set(request.tokenDigest, request);
  }

  findResetRequest(tokenDigest: string): ResetRequest | undefined {
    return this.#requests.get(tokenDigest);
  }

  applyPasswordChange(change: PasswordChange): void {
    const customer = this.#customers.get(change.customerId);
    if (customer === undefined) throw new Error('applyPasswordChange: the customer does not exist');

    const passwordHistory = [change.newPassword, ...customer.passwordHistory];
    this.#customers.set(customer.id, { ...customer, passwordHistory, lastRealIp: change.realIp });

    for (const [digest, request] of this.#requests) {
      if (request.customerId !== customer.id || request.state !== 'pending') continue;
      this.#requests.set(digest, { ...request, state: digest === change.tokenDigest ? 'consumed' : 'invalidated' });
    }
  }
}
