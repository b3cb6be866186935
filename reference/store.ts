// Where customers and their reset requests live. The interface is what the endpoint and the state hook
// need; MemoryStore keeps everything in process memory, which is all the reference requires.
import type { FaultSet } from './faults.js';
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
  /**
   * The token in plain text. Only the faults that model a plaintext token column (token-lookup-like,
   * token-operator-object) keep it; the normal reference stores the digest alone.
   */
  readonly plainToken?: string;
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
  /** Every reset request of the customer, in any state. */
  requestsOf(customerId: string): ResetRequest[];
  /** Every customer (for faults that look across customers). */
  listCustomers(): Customer[];
  /** Fault helper: the first pending request whose plain token matches the SQL LIKE pattern. */
  findPendingLike(pattern: string): ResetRequest | undefined;
  /** Fault helper: the first pending request that keeps its plain token. */
  firstPendingWithPlainToken(): ResetRequest | undefined;
}

export class MemoryStore implements ResetStore {
  readonly #customers = new Map<string, Customer>();
  readonly #requests = new Map<string, ResetRequest>();
  readonly #faults: FaultSet;

  /** `faults`: known bugs for the suite's self-validation (faults.ts); empty in the normal reference. */
  constructor(faults: FaultSet) {
    this.#faults = faults;
  }

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

    let passwordHistory = [change.newPassword, ...customer.passwordHistory];
    // The history keeps seeded passwords, but an endpoint-set one only while it is current.
    if (this.#faults.has('history-forgets-endpoint-passwords')) passwordHistory = [change.newPassword, ...customer.passwordHistory.filter((p) => p.setByEndpoint !== true)];
    if (this.#faults.has('history-overwritten')) passwordHistory = [change.newPassword, ...customer.passwordHistory.slice(1)];
    if (this.#faults.has('change-not-persisted')) passwordHistory = [...customer.passwordHistory];
    let lastRealIp = change.realIp;
    // An UPDATE ... SET last_ip = COALESCE(last_ip, :ip): the first address recorded stays forever.
    if (this.#faults.has('ip-first-write-wins')) lastRealIp = customer.lastRealIp ?? change.realIp;
    this.#customers.set(customer.id, { ...customer, passwordHistory, lastRealIp });

    for (const [digest, request] of this.#requests) {
      if (this.#faults.has('other-customers-requests-invalidated') && request.state === 'pending' && digest !== change.tokenDigest) {
        this.#requests.set(digest, { ...request, state: 'invalidated' });
      }
      if (request.customerId !== customer.id || request.state !== 'pending') continue;
      const used = digest === change.tokenDigest;
      if (this.#faults.has('token-reusable') && used) continue;
      if (this.#faults.has('sibling-requests-left-valid') && !used) continue;
      this.#requests.set(digest, { ...request, state: used ? 'consumed' : 'invalidated' });
    }
  }

  requestsOf(customerId: string): ResetRequest[] {
    return [...this.#requests.values()].filter((request) => request.customerId === customerId);
  }

  listCustomers(): Customer[] {
    return [...this.#customers.values()];
  }

  findPendingLike(pattern: string): ResetRequest | undefined {
    const regex = new RegExp(`^${[...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 's');
    return [...this.#requests.values()].find((r) => r.state === 'pending' && r.plainToken !== undefined && regex.test(r.plainToken));
  }

  firstPendingWithPlainToken(): ResetRequest | undefined {
    return [...this.#requests.values()].find((r) => r.state === 'pending' && r.plainToken !== undefined);
  }
}
