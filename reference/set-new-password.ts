// POST /api/v1/customer/set-new-password: the HTTP side of the endpoint. It checks, in this order,
// the API key (documented: before the handler), the Content-Type, and the body (JSON object, field types,
// customerRealIp), then hands over to the business rules in password-reset.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiKeyProblem, presentedApiKey } from './api-key.js';
import type { ApiKeyRegistry } from './api-key.js';
import { businessError } from './business-errors.js';
import type { BusinessErrorCode } from './business-errors.js';
import { isJsonContentType } from './content-type.js';
import type { FaultSet } from './faults.js';
import { setNewPassword } from './password-reset.js';
import type { PasswordResetDependencies } from './password-reset.js';
import { ENDPOINT_PATH } from './paths.js';
import { platformErrorBody, sendPlatformError } from './platform-error.js';
import { randomAlphanumeric } from './random-text.js';
import { rawBodyOf } from './raw-body.js';
import { isJsonObject, parseJsonBody, readSetNewPasswordBody } from './request-body.js';
import { queryOf } from './request-target.js';
import { resetTokenDigest } from './tokens.js';
import type { ReferenceVariations } from './variations.js';

export interface SetNewPasswordDependencies extends PasswordResetDependencies {
  readonly apiKeys: ApiKeyRegistry;
}

export function registerSetNewPassword(app: FastifyInstance, deps: SetNewPasswordDependencies): void {
  const { faults, variations } = deps;
  const sendValidationError = (reply: FastifyReply, problem: string, raw: Buffer) => sendValidationErrorOf(reply, problem, raw, faults, variations);
  /** Fault prototype-pollution: this app's request defaults, the prototype every merged body shares. */
  const requestDefaults: Record<string, unknown> = {};
  /** Fault deep-nesting-breaks-later: until when the app answers 503. */
  let brokenUntil = 0;

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (faults.has('deep-nesting-breaks-later') && deps.now() < brokenUntil) return sendPlatformError(reply, 'INTERNAL_SERVICE_UNAVAILABLE');
    const raw = rawBodyOf(request);
    if (faults.has('deep-nesting-breaks-later') && nestingDepth(raw) > 1000) brokenUntil = deps.now() + 2_000;
    // Parsed up front only so the key may be read from the body; the body is judged after the key.
    let json = parseJsonBody(raw, faults);

    if (faults.has('body-validated-before-key')) {
      const early = json.ok ? readSetNewPasswordBody(json.value, faults, variations) : json;
      if (!early.ok) return sendValidationError(reply, early.problem, raw);
    }

    const key = presentedApiKey(
      { rawQuery: queryOf(request.url), authorizationHeader: request.headers.authorization, jsonBody: json.ok ? json.value : undefined },
      faults,
    );
    let keyProblem = apiKeyProblem(key, deps.apiKeys, faults);
    // The sample-key check sits in the query-string path only: the same key from the body goes through.
    if (faults.has('sample-key-accepted-in-body') && keyProblem === 'PUBLIC_API_KEY_SAMPLE_VALUE' && json.ok && isJsonObject(json.value) && json.value.apiKey === key) keyProblem = null;
    if (keyProblem === 'PUBLIC_API_KEY_SAMPLE_VALUE') keyProblem = variations.sampleKeyCode;
    // The key's state (inactive, expired) checked later than the key itself: after the body, or only for a live token.
    let deferredKeyProblem: typeof keyProblem = null;
    const stateProblem = keyProblem === 'PUBLIC_API_KEY_IS_NOT_ACTIVE' || keyProblem === 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED';
    if (stateProblem && (faults.has('key-state-after-body') || faults.has('key-state-after-token'))) [deferredKeyProblem, keyProblem] = [keyProblem, null];
    if (keyProblem !== null) return sendPlatformError(reply, keyProblem);

    let declaredJson = isJsonContentType(request.declaredContentType);
    // A body parser that takes forms too: a form body's fields are read like a JSON body's.
    const formBody = faults.has('form-body-accepted') && /^application\/x-www-form-urlencoded/i.test(request.declaredContentType ?? '');
    if (formBody) declaredJson = true;
    if (faults.has('content-type-ignored')) declaredJson = true;
    if (!declaredJson) return sendPlatformError(reply, 'INTERNAL_UNSUPPORTED_MEDIA_TYPE');

    if (formBody) json = { ok: true, value: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
    if (!json.ok) return sendValidationError(reply, json.problem, raw);
    let fields = json.value;
    if (faults.has('fields-read-from-query') && isJsonObject(fields)) fields = { ...fields, ...Object.fromEntries(new URLSearchParams(queryOf(request.url) ?? '')) };
    // A document-store query {token: <the value>}: an operator object matches the first pending request.
    if (faults.has('token-operator-object') && isJsonObject(fields) && isJsonObject(fields.token) && Object.keys(fields.token).some((k) => k.startsWith('$'))) fields = { ...fields, token: deps.store.firstPendingWithPlainToken()?.plainToken ?? '' };
    const body = readSetNewPasswordBody(fields, faults, variations);
    if (!body.ok) {
      // The change runs on the body as if it had no customerRealIp, and only then is the body refused.
      if (faults.has('ip-validated-after-change') && isJsonObject(json.value)) {
        const withoutIp = readSetNewPasswordBody({ token: json.value.token, password: json.value.password });
        if (withoutIp.ok) await setNewPassword(deps, withoutIp.value);
      }
      return sendValidationError(reply, body.problem, raw);
    }

    if (deferredKeyProblem !== null && faults.has('key-state-after-body')) return sendPlatformError(reply, deferredKeyProblem);
    let input = body.value;
    if (faults.has('body-merged-into-request') && isJsonObject(json.value) && typeof json.value.expiresAt === 'string') {
      const stored = deps.store.findResetRequest(resetTokenDigest(input.token, faults));
      if (stored !== undefined) deps.store.addResetRequest({ ...stored, expiresAt: Date.parse(json.value.expiresAt) });
    }
    if (faults.has('duplicate-token-first-wins')) {
      const first = /"token"\s*:\s*"([^"\\]*)"/.exec(raw.toString('utf8'))?.[1];
      if (first !== undefined) input = { ...input, token: first };
    }

    if (faults.has('prototype-pollution') && input.customerRealIp === null) input = { ...input, customerRealIp: defaultCustomerRealIp(requestDefaults, json.value) };

    if (deferredKeyProblem !== null) {
      const live = deps.store.findResetRequest(resetTokenDigest(input.token, faults));
      if (live?.state === 'pending' && deps.now() < live.expiresAt) return sendPlatformError(reply, deferredKeyProblem);
    }
    const outcome = await setNewPassword(deps, input);
    const owner = deps.store.findResetRequest(resetTokenDigest(input.token, faults));
    if (outcome === 'success') return sendSuccess(reply, faults, faults.has('success-returns-customer-id') ? owner?.customerId : undefined);
    if (outcome === 'password-too-short') return sendValidationError(reply, PASSWORD_TOO_SHORT(variations.passwordMinLength), raw);
    if (faults.has('ip-recorded-on-rejection') && owner !== undefined && input.customerRealIp !== null) recordRealIp(deps, owner.customerId, input.customerRealIp);
    if (faults.has('used-token-header') && outcome === 'E003' && owner?.state === 'consumed') reply.header('x-reset-state', 'consumed');
    if (faults.has('used-token-marked') && outcome === 'E003' && owner?.state === 'consumed') return reply.code(200).send({ ...businessError('E003', faults), used: true });
    return sendBusinessError(reply, outcome, faults, variations);
  };

  app.post(ENDPOINT_PATH, handler);
  // Other methods land in the 405 fallback, unless they ask to be treated as POST.
  if (faults.has('method-override-honoured')) app.route({ method: ['GET', 'PUT', 'PATCH', 'DELETE'], url: ENDPOINT_PATH, handler: (request, reply) => (asksForPost(request) ? handler(request, reply) : reply.callNotFound()) });
}

function sendSuccess(reply: FastifyReply, faults: FaultSet, customerId?: string): FastifyReply {
  if (faults.has('success-sets-session-cookie')) reply.header('set-cookie', `session=${randomAlphanumeric(32)}; HttpOnly; Path=/`);
  if (faults.has('success-status-201')) return reply.code(201).send({ success: true });
  if (customerId !== undefined) return reply.code(200).send({ success: true, customerId });
  return reply.code(200).send({ success: true });
}

// ── Helpers of the faults (faults.ts); the normal reference never calls them ──────────────────────

/** Fault method-override-honoured: X-HTTP-Method-Override: POST or ?_method=POST. */
function asksForPost(request: FastifyRequest): boolean {
  const header = request.headers['x-http-method-override'];
  const query = new URLSearchParams(queryOf(request.url) ?? '').get('_method');
  return String(header ?? query ?? '').toUpperCase() === 'POST';
}

/** Fault ip-recorded-on-rejection: writes the IP onto the customer although nothing changed. */
function recordRealIp(deps: SetNewPasswordDependencies, customerId: string, ip: string): void {
  const customer = deps.store.findCustomer(customerId);
  if (customer !== undefined) deps.store.addCustomer({ ...customer, lastRealIp: ip });
}

/** Fault deep-nesting-breaks-later: the deepest nesting of brackets in the raw body. */
function nestingDepth(raw: Buffer): number {
  let depth = 0;
  let deepest = 0;
  for (const byte of raw) {
    if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * Fault prototype-pollution: a naive deep merge of the body into an object whose prototype is this app's
 * `defaults`, so a "__proto__" member writes into `defaults`, which every later request inherits. The
 * pollution stays inside the app: the walk never writes into a built-in prototype or a function (the
 * reference runs inside the test process, whose Object.prototype must stay clean).
 */
function defaultCustomerRealIp(defaults: Record<string, unknown>, body: unknown): string | null {
  const merged = Object.create(defaults) as Record<string, unknown>;
  naiveMerge(merged, body, 0);
  return typeof merged.customerRealIp === 'string' ? merged.customerRealIp : null;
}

function naiveMerge(target: Record<string, unknown>, source: unknown, depth: number): void {
  if (!isJsonObject(source) || depth > 8) return;
  if (target === Object.prototype || (target as unknown) === Function.prototype || typeof target === 'function') return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isJsonObject(value)) {
      const next = target[key];
      if (typeof next === 'object' && next !== null && next !== Object.prototype) naiveMerge(next as Record<string, unknown>, value, depth + 1);
      else if (next === undefined && key !== '__proto__' && key !== 'constructor' && key !== 'prototype') {
        const child: Record<string, unknown> = {};
        target[key] = child;
        naiveMerge(child, value, depth + 1);
      }
    } else if (key !== '__proto__') {
      target[key] = value;
    }
  }
}

function sendBusinessError(reply: FastifyReply, code: BusinessErrorCode, faults: FaultSet, variations: ReferenceVariations): FastifyReply {
  if (faults.has('unknown-token-as-404') && code === 'E003') return sendPlatformError(reply, 'INTERNAL_NOT_FOUND');
  const answer = businessError(code, faults);
  if (faults.has('business-error-platform-envelope')) return reply.code(200).send({ error: { code, message: answer.message, description: answer.message } });
  if (faults.has('business-error-status-400')) return reply.code(400).send(answer);
  const status = variations.businessErrorStatus[code];
  if (variations.businessErrorEnvelope === 'platform') return reply.code(status).send({ error: { code, message: answer.message, description: answer.message } });
  return reply.code(status).send(answer);
}

const PASSWORD_TOO_SHORT = (minLength: number) => `password must be at least ${minLength} characters long`;

/** Problems of the body as a whole (not JSON, not an object): the syntax kind; every other problem names a field. */
const SYNTAX_PROBLEM = /^body must /;

/** `problem` names the field or rule that failed; it never quotes a submitted value. */
function sendValidationErrorOf(reply: FastifyReply, problem: string, raw: Buffer, faults: FaultSet, variations: ReferenceVariations): FastifyReply {
  let description = problem;
  if (faults.has('validation-error-unnamed-field')) description = 'The request body is not valid.';
  if (faults.has('validation-error-echoes-body')) description = `${problem}: ${raw.toString('utf8')}`;
  if (faults.has('validation-error-422')) return reply.code(422).send(platformErrorBody('INTERNAL_VALIDATION_FAILED', description));
  // Variation: field errors with their own status (for example 422), syntax errors keep the registry's 400.
  if (!SYNTAX_PROBLEM.test(problem)) return reply.code(variations.fieldValidationStatus).send(platformErrorBody('INTERNAL_VALIDATION_FAILED', description));
  return sendPlatformError(reply, 'INTERNAL_VALIDATION_FAILED', description);
}
