// The seams of the reference: the few points where an implementation of this endpoint decides something,
// each a plain function with its correct behaviour here. They are settled once, when the app is built
// (app.ts); the handler and the business rules call them and never ask which faults are on. A fault of the
// self-validation (fault-patches.ts) is a patch of these seams, of the store, or an extra fastify hook.
import type { FastifyRequest } from 'fastify';
import { apiKeyDigest, apiKeyProblem, presentedApiKey } from './api-key.js';
import type { ApiKeyRegistry, ApiKeySources } from './api-key.js';
import { isJsonContentType } from './content-type.js';
import { normalizeCustomerRealIp } from './customer-ip.js';
import type { CustomerIpResult } from './customer-ip.js';
import { setNewPassword } from './password-reset.js';
import type { PasswordResetDependencies, NewPasswordRequest, PasswordResetOutcome } from './password-reset.js';
import { passwordMatchesAny } from './passwords.js';
import type { PasswordHash } from './passwords.js';
import type { PlatformErrorCode } from './platform-error.js';
import { parseJsonBody, readSetNewPasswordBody } from './request-body.js';
import type { Checked, SetNewPasswordBody } from './request-body.js';
import type { Customer, ResetRequest, ResetStore } from './store.js';
import { findByToken, resetTokenDigest } from './tokens.js';
import type { ReferenceVariations } from './variations.js';

export interface Seams {
  // ── The API key (api-key.ts) ──
  /**
   * The key check: which key the request presents (query, then Bearer header, then the JSON body's
   * apiKey), then presence, format, sample key, registry and state, in that order.
   */
  readonly apiKeyCheck: (sources: ApiKeySources, registry: ApiKeyRegistry) => PlatformErrorCode | null;
  /** The form the key registry stores and looks keys up in. */
  readonly apiKeyDigest: (key: string) => string;
  // ── The request (content-type.ts, request-body.ts, customer-ip.ts) ──
  readonly acceptsContentType: (declared: string | undefined) => boolean;
  readonly parseJsonBody: (bytes: Uint8Array) => Checked<unknown>;
  /** Where the endpoint's fields come from: the JSON body, and nothing else. */
  readonly bodyFields: (json: Checked<unknown>, request: FastifyRequest) => Checked<unknown>;
  readonly readBody: (
    json: unknown,
    variations: ReferenceVariations,
    normalizeIp: (value: unknown, variations: ReferenceVariations) => CustomerIpResult,
  ) => Checked<SetNewPasswordBody>;
  readonly normalizeCustomerRealIp: (value: unknown, variations: ReferenceVariations) => CustomerIpResult;
  // ── The business rules (tokens.ts, password-reset.ts, passwords.ts) ──
  /** The form a reset token is stored in (the state hook) and looked up by. */
  readonly resetTokenDigest: (token: string) => string;
  /** The reset request a submitted token names. */
  readonly findByToken: (store: ResetStore, token: string) => ResetRequest | undefined;
  /** What the check and the consumption of a request lock: its customer. */
  readonly lockKey: (request: ResetRequest) => string;
  readonly isExpired: (request: ResetRequest, now: number) => boolean;
  /** The passwords that count as "previously used", before the history-depth variation. */
  readonly passwordHistory: (customer: Customer, store: ResetStore) => readonly PasswordHash[];
  readonly usedBefore: (password: string, history: readonly PasswordHash[]) => Promise<boolean>;
  /** The business rules as a whole, after the request has been accepted. */
  readonly setNewPassword: (deps: PasswordResetDependencies, input: NewPasswordRequest) => Promise<PasswordResetOutcome>;
}

/** The correct reference. */
export const CORRECT_SEAMS: Seams = {
  apiKeyCheck: (sources, registry) => apiKeyProblem(presentedApiKey(sources), registry),
  apiKeyDigest,
  acceptsContentType: isJsonContentType,
  parseJsonBody,
  bodyFields: (json) => json,
  readBody: readSetNewPasswordBody,
  normalizeCustomerRealIp,
  resetTokenDigest,
  findByToken,
  lockKey: (request) => request.customerId,
  isExpired: (request, now) => now >= request.expiresAt,
  passwordHistory: (customer) => customer.passwordHistory,
  usedBefore: passwordMatchesAny,
  setNewPassword,
};
