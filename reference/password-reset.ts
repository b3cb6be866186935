// The business rules of "set new password", after the request itself has been accepted:
// token (unknown or used: E003; expired: E004) → password history (E002) → the change (E001) → success.
// Every answer other than success consumes nothing and changes nothing, so the customer can retry with
// the same token (the E002 message asks for exactly that).
import type { BusinessErrorCode } from './business-errors.js';
import type { CustomerLock } from './customer-lock.js';
import type { FaultSet } from './faults.js';
import { hashPassword, passwordMatchesAny } from './passwords.js';
import type { Customer, ResetRequest, ResetStore } from './store.js';
import { resetTokenDigest } from './tokens.js';
import { passwordLength } from './variations.js';
import type { ReferenceVariations } from './variations.js';

export interface PasswordResetDependencies {
  readonly store: ResetStore;
  readonly lock: CustomerLock;
  readonly now: () => number;
  readonly scryptCost: number;
  /** Known bugs switched on for the suite's self-validation (faults.ts); empty in the normal reference. */
  readonly faults: FaultSet;
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
  // Stands for the database driver's error on a NUL character; the fallback handler answers 500.
  if (deps.faults.has('nul-in-token-500') && input.token.includes('\u0000')) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
  // Stands for a token pasted into SQL text: the injected delay runs.
  if (deps.faults.has('injection-token-stall') && /pg_sleep|SLEEP\(/i.test(input.token)) await new Promise((resolve) => setTimeout(resolve, 5_000));
  // Stands for a column length limit the input was never validated against.
  if (deps.faults.has('long-password-500') && input.password.length > 10_000) throw new Error('value too long for type character varying(10000)');
  let tokenDigest = resetTokenDigest(input.token, deps.faults);
  let found = deps.store.findResetRequest(tokenDigest);
  // The submitted string looked up as a stored digest too (hex as sent, or base64 decoded to hex).
  if (deps.faults.has('token-digest-accepted') && found === undefined) [tokenDigest, found] = findByDigestForm(deps.store, input.token) ?? [tokenDigest, found];
  // LIKE semantics: the first pending request whose token matches the pattern.
  if (deps.faults.has('token-lookup-like') && found === undefined) [tokenDigest, found] = likeMatch(deps.store, input.token) ?? [tokenDigest, found];
  if (found === undefined) return 'E003';

  const wasPending = found.state === 'pending';
  const checkAndChange = () => checkAndChangeLocked(deps, input, tokenDigest, found.customerId, wasPending);
  if (deps.faults.has('check-then-consume-race')) return checkAndChange();
  // A lock per token (a row lock on the request, not the customer) lets two sibling tokens both succeed.
  return deps.lock.runExclusive(deps.faults.has('lock-per-token') ? tokenDigest : found.customerId, checkAndChange);
}

/** Runs under the customer's lock, so checking the request and consuming it are one atomic step. */
async function checkAndChangeLocked(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
  tokenDigest: string,
  customerId: string,
  wasPending: boolean,
): Promise<PasswordResetOutcome> {
  const { store, faults, variations } = deps;
  // Read again inside the lock: a concurrent submission of the same token (or of a sibling token of
  // the same customer) may have succeeded while this one was waiting.
  const request = store.findResetRequest(tokenDigest);
  const customer = store.findCustomer(customerId);
  if (faults.has('invalidated-request-history-first') && request?.state === 'invalidated' && customer !== undefined && (await passwordMatchesAny(input.password, customer.passwordHistory))) return 'E002';
  if (faults.has('history-checked-before-token-validity') && request !== undefined && customer !== undefined && (await passwordMatchesAny(input.password, customer.passwordHistory))) return 'E002';
  if (request === undefined || customer === undefined) return 'E003';
  // Pending before the lock and used after it: this submission lost a race for the token.
  if (request.state !== 'pending') return wasPending && request.state === 'consumed' ? variations.raceLoserCode : 'E003';

  let expired = deps.now() >= request.expiresAt;
  if (faults.has('expires-early')) expired = deps.now() >= request.expiresAt - 60_000;
  if (faults.has('expiry-ignored')) expired = false;
  if (faults.has('expiry-wrong-unit')) expired = Math.floor(deps.now() / 1000) >= request.expiresAt;
  if (faults.has('e004-reported-as-e003') && expired) return 'E003';
  if (expired) return 'E004';

  // addResetRequest replaces the request stored under the same digest.
  if (faults.has('token-consumed-by-e002')) store.addResetRequest({ ...request, state: 'consumed' });

  // A variation's policy, checked after the token (a dead token answers E003/E004 whatever the password),
  // before the history. Emptiness itself is body validation's (request-body.ts), so the default minimum of
  // 1 adds no check here.
  if (variations.passwordMinLength > 1 && passwordLength(input.password) < variations.passwordMinLength) return 'password-too-short';

  // The current password and every earlier one (or the variation's depth) count as "previously used".
  let history = variations.historyDepth === null ? customer.passwordHistory : customer.passwordHistory.slice(0, variations.historyDepth);
  if (faults.has('history-skips-current')) history = history.slice(1);
  if (faults.has('history-current-only')) history = history.slice(0, 1);
  if (faults.has('history-global')) history = store.listCustomers().flatMap((c) => c.passwordHistory);
  if (faults.has('history-last-4')) history = history.slice(0, 4);
  if (faults.has('change-attempted-before-history') && request.failPasswordChange) return 'E001';
  // Variation: a business error that consumes the token (the password stays as it was).
  const consumeFor = (code: 'E001' | 'E002') => {
    if (variations.tokenConsumedBy.includes(code)) store.addResetRequest({ ...request, state: 'consumed' });
    return code;
  };
  let candidates = [input.password];
  if (faults.has('history-case-insensitive')) candidates = caseVariants(input.password);
  if (faults.has('history-strips-invisible')) candidates = [input.password.replace(/[\p{Cc}\p{Cf}]/gu, '').trim()];
  for (const candidate of candidates) {
    if (!(await passwordMatchesAny(candidate, history))) continue;
    // "Touch on activity": a failed attempt keeps the request alive for another hour.
    if (faults.has('expiry-extended-on-e002')) store.addResetRequest({ ...request, expiresAt: deps.now() + 3_600_000 });
    return consumeFor('E002');
  }

  // Test-only fault injection: the state hook's "reset request with failing password change".
  if (request.failPasswordChange) {
    if (faults.has('e001-still-changes-password')) await changePassword(deps, input, tokenDigest, customer);
    // Side effects written before the step that fails, and not rolled back.
    if (faults.has('e001-records-ip') && input.customerRealIp !== null) store.addCustomer({ ...customer, lastRealIp: input.customerRealIp });
    if (faults.has('e001-invalidates-siblings')) {
      for (const sibling of store.requestsOf(customer.id)) if (sibling.tokenDigest !== tokenDigest && sibling.state === 'pending') store.addResetRequest({ ...sibling, state: 'invalidated' });
    }
    return consumeFor('E001');
  }

  await changePassword(deps, input, tokenDigest, customer);
  return 'success';
}

async function changePassword(
  deps: PasswordResetDependencies,
  input: NewPasswordRequest,
  tokenDigest: string,
  customer: Customer,
): Promise<void> {
  const newPassword = { ...(await hashPassword(input.password, deps.scryptCost)), setByEndpoint: true };
  deps.store.applyPasswordChange({ customerId: customer.id, tokenDigest, newPassword, realIp: input.customerRealIp });
}

// ── Helpers of the faults (faults.ts); the normal reference never calls them ──────────────────────

/** Fault token-digest-accepted: the request whose stored digest is the submitted string (hex or base64). */
function findByDigestForm(store: ResetStore, submitted: string): [string, ResetRequest] | undefined {
  for (const digest of [submitted, Buffer.from(submitted, 'base64').toString('hex')]) {
    const request = store.findResetRequest(digest);
    if (request !== undefined) return [digest, request];
  }
  return undefined;
}

/** Fault token-lookup-like: the first pending request whose plain token matches the LIKE pattern. */
function likeMatch(store: ResetStore, pattern: string): [string, ResetRequest] | undefined {
  const request = store.findPendingLike(pattern);
  return request === undefined ? undefined : [request.tokenDigest, request];
}

/** Fault history-case-insensitive: what a case-folding comparison would also match. */
function caseVariants(password: string): string[] {
  const flips = [...password].map((c, i) => password.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + password.slice(i + 1));
  return [...new Set([password, password.toLowerCase(), password.toUpperCase(), ...flips])];
}
