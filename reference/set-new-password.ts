// POST /api/v1/customer/set-new-password: the HTTP side of the endpoint. It checks, in this order,
// the API key (documented: before the handler), the Content-Type, and the body (JSON object, field types,
// customerRealIp), then hands over to the business rules in password-reset.ts.
import type { FastifyInstance } from 'fastify';
import { apiKeyProblem, presentedApiKey } from './api-key.js';
import type { ApiKeyRegistry } from './api-key.js';
import { businessError } from './business-errors.js';
import type { SetNewPasswordAnswer } from './business-errors.js';
import { isJsonContentType } from './content-type.js';
import { setNewPassword } from './password-reset.js';
import type { PasswordResetDependencies } from './password-reset.js';
import { ENDPOINT_PATH } from './paths.js';
import { sendPlatformError } from './platform-error.js';
import { rawBodyOf } from './raw-body.js';
import { parseJsonBody, readSetNewPasswordBody } from './request-body.js';
import { queryOf } from './request-target.js';

export interface SetNewPasswordDependencies extends PasswordResetDependencies {
  readonly apiKeys: ApiKeyRegistry;
}

export function registerSetNewPassword(app: FastifyInstance, deps: SetNewPasswordDependencies): void {
  app.post(ENDPOINT_PATH, async (request, reply) => {
    // Parsed up front only so the key may be read from the body; the body is judged after the key.
    const json = parseJsonBody(rawBodyOf(request));

    const key = presentedApiKey({
      rawQuery: queryOf(request.url),
      authorizationHeader: request.headers.authorization,
      jsonBody: json.ok ? json.value : undefined,
    });
    const keyProblem = apiKeyProblem(key, deps.apiKeys);
    if (keyProblem !== null) return sendPlatformError(reply, keyProblem);

    if (!isJsonContentType(request.declaredContentType)) {
      return sendPlatformError(reply, 'INTERNAL_UNSUPPORTED_MEDIA_TYPE');
    }

    if (!json.ok) return sendPlatformError(reply, 'INTERNAL_VALIDATION_FAILED', json.problem);
    const body = readSetNewPasswordBody(json.value);
    if (!body.ok) return sendPlatformError(reply, 'INTERNAL_VALIDATION_FAILED', body.problem);

    const outcome = await setNewPassword(deps, body.value);
    const answer: SetNewPasswordAnswer = outcome === 'success' ? { success: true } : businessError(outcome);
    return reply.code(200).send(answer);
  });
}
