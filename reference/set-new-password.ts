// POST /api/v1/customer/set-new-password: the HTTP side of the endpoint. It checks, in this order,
// the API key (documented: before the handler), the Content-Type, and the body (JSON object, field types,
// customerRealIp), then hands over to the business rules in password-reset.ts. Each step is a seam
// (seams.ts), settled when the app was built.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRegistry, ApiKeySources } from './api-key.js';
import { businessError } from './business-errors.js';
import type { BusinessErrorCode } from './business-errors.js';
import type { PasswordResetDependencies } from './password-reset.js';
import { ENDPOINT_PATH } from './paths.js';
import { platformErrorBody, sendPlatformError } from './platform-error.js';
import { rawBodyOf } from './raw-body.js';
import type { Checked } from './request-body.js';
import { queryOf } from './request-target.js';
import type { ReferenceVariations } from './variations.js';

export interface SetNewPasswordDependencies extends PasswordResetDependencies {
  readonly apiKeys: ApiKeyRegistry;
}

export type EndpointHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** Registers the endpoint and returns its handler. */
export function registerSetNewPassword(app: FastifyInstance, deps: SetNewPasswordDependencies): EndpointHandler {
  const { seams, variations } = deps;

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = rawBodyOf(request);
    // Parsed up front only so the key may be read from the body; the body is judged after the key.
    const json = seams.parseJsonBody(raw);

    const keyProblem = seams.apiKeyCheck(apiKeySourcesOf(request, json), deps.apiKeys);
    if (keyProblem === 'PUBLIC_API_KEY_SAMPLE_VALUE') return sendPlatformError(reply, variations.sampleKeyCode);
    if (keyProblem !== null) return sendPlatformError(reply, keyProblem);

    if (!seams.acceptsContentType(request.declaredContentType)) return sendPlatformError(reply, 'INTERNAL_UNSUPPORTED_MEDIA_TYPE');

    const fields = seams.bodyFields(json, request);
    if (!fields.ok) return sendValidationError(reply, fields.problem, variations);
    const body = seams.readBody(fields.value, variations, seams.normalizeCustomerRealIp);
    if (!body.ok) return sendValidationError(reply, body.problem, variations);

    const outcome = await seams.setNewPassword(deps, body.value);
    if (outcome === 'success') return reply.code(200).send({ success: true });
    if (outcome === 'password-too-short') return sendValidationError(reply, PASSWORD_TOO_SHORT(variations.passwordMinLength), variations);
    return sendBusinessError(reply, outcome, variations);
  };

  app.post(ENDPOINT_PATH, handler);
  return handler;
}

/** Where the request may carry its key: the query string, the Authorization header, the JSON body. */
export function apiKeySourcesOf(request: FastifyRequest, json: Checked<unknown>): ApiKeySources {
  return { rawQuery: queryOf(request.url), authorizationHeader: request.headers.authorization, jsonBody: json.ok ? json.value : undefined };
}

function sendBusinessError(reply: FastifyReply, code: BusinessErrorCode, variations: ReferenceVariations): FastifyReply {
  const answer = businessError(code);
  const status = variations.businessErrorStatus[code];
  if (variations.businessErrorEnvelope === 'platform') return reply.code(status).send({ error: { code, message: answer.message, description: answer.message } });
  return reply.code(status).send(answer);
}

const PASSWORD_TOO_SHORT = (minLength: number) => `password must be at least ${minLength} characters long`;

/** Problems of the body as a whole (not JSON, not an object): the syntax kind; every other problem names a field. */
const SYNTAX_PROBLEM = /^body must /;

/** `problem` names the field or rule that failed; it never quotes a submitted value. */
export function sendValidationError(reply: FastifyReply, problem: string, variations: ReferenceVariations): FastifyReply {
  // Variation: field errors with their own status (for example 422), syntax errors keep the registry's 400.
  if (!SYNTAX_PROBLEM.test(problem)) return reply.code(variations.fieldValidationStatus).send(platformErrorBody('INTERNAL_VALIDATION_FAILED', problem));
  return sendPlatformError(reply, 'INTERNAL_VALIDATION_FAILED', problem);
}
