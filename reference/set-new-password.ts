// POST /api/v1/customer/set-new-password: the HTTP side of the endpoint. It checks, in this order,
// the API key (documented: before the handler), the Content-Type, and the body (JSON object, field types,
// customerRealIp), then hands over to the business rules in password-reset.ts.
import type { FastifyInstance, FastifyReply } from 'fastify';
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
  app.post(ENDPOINT_PATH, async (request, reply) => {
    const raw = rawBodyOf(request);
    // Parsed up front only so the key may be read from the body; the body is judged after the key.
    const json = parseJsonBody(raw, faults);

    if (faults.has('body-validated-before-key')) {
      const early = json.ok ? readSetNewPasswordBody(json.value, faults, variations) : json;
      if (!early.ok) return sendValidationError(reply, early.problem, raw);
    }

    const key = presentedApiKey(
      { rawQuery: queryOf(request.url), authorizationHeader: request.headers.authorization, jsonBody: json.ok ? json.value : undefined },
      faults,
    );
    let keyProblem = apiKeyProblem(key, deps.apiKeys, faults);
    if (keyProblem === 'PUBLIC_API_KEY_SAMPLE_VALUE') keyProblem = variations.sampleKeyCode;
    if (keyProblem !== null) return sendPlatformError(reply, keyProblem);

    let declaredJson = isJsonContentType(request.declaredContentType);
    if (faults.has('content-type-ignored')) declaredJson = true;
    if (!declaredJson) return sendPlatformError(reply, 'INTERNAL_UNSUPPORTED_MEDIA_TYPE');

    if (!json.ok) return sendValidationError(reply, json.problem, raw);
    const body = readSetNewPasswordBody(json.value, faults, variations);
    if (!body.ok) {
      // The change runs on the body as if it had no customerRealIp, and only then is the body refused.
      if (faults.has('ip-validated-after-change') && isJsonObject(json.value)) {
        const withoutIp = readSetNewPasswordBody({ token: json.value.token, password: json.value.password });
        if (withoutIp.ok) await setNewPassword(deps, withoutIp.value);
      }
      return sendValidationError(reply, body.problem, raw);
    }

    let input = body.value;
    if (faults.has('body-merged-into-request') && isJsonObject(json.value) && typeof json.value.expiresAt === 'string') {
      const stored = deps.store.findResetRequest(resetTokenDigest(input.token, faults));
      if (stored !== undefined) deps.store.addResetRequest({ ...stored, expiresAt: Date.parse(json.value.expiresAt) });
    }
    if (faults.has('duplicate-token-first-wins')) {
      const first = /"token"\s*:\s*"([^"\\]*)"/.exec(raw.toString('utf8'))?.[1];
      if (first !== undefined) input = { ...input, token: first };
    }

    const outcome = await setNewPassword(deps, input);
    if (outcome === 'success') return sendSuccess(reply, faults);
    if (outcome === 'password-too-short') return sendValidationError(reply, PASSWORD_TOO_SHORT(variations.passwordMinLength), raw);
    return sendBusinessError(reply, outcome, faults, variations);
  });
}

function sendSuccess(reply: FastifyReply, faults: FaultSet): FastifyReply {
  if (faults.has('success-sets-session-cookie')) reply.header('set-cookie', `session=${randomAlphanumeric(32)}; HttpOnly; Path=/`);
  if (faults.has('success-status-201')) return reply.code(201).send({ success: true });
  return reply.code(200).send({ success: true });
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
