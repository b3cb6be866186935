// POST /__conformance/state: the state hook of the suite contract, version 1. Test-only: it can create
// customers and reset requests, so it answers nobody without the state token, and a production
// deployment would not mount it at all.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isJsonContentType } from './content-type.js';
import { STATE_HOOK_PATH } from './paths.js';
import { findProviderState } from './provider-states.js';
import type { ProviderStateDependencies } from './provider-states.js';
import { rawBodyOf } from './raw-body.js';
import { isJsonObject, parseJsonBody } from './request-body.js';

export interface StateHookDependencies extends ProviderStateDependencies {
  readonly stateToken: string;
}

export function registerStateHook(app: FastifyInstance, deps: StateHookDependencies): void {
  app.post(STATE_HOOK_PATH, async (request, reply) => {
    if (!bearerTokenMatches(request.headers.authorization, deps.stateToken)) {
      reply.header('www-authenticate', 'Bearer realm="conformance-state-hook"');
      return sendHookError(reply, 401, 'STATE_HOOK_UNAUTHORIZED', 'Send Authorization: Bearer <state token>.');
    }
    if (!isJsonContentType(request.declaredContentType)) {
      return sendHookError(reply, 415, 'STATE_HOOK_UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body.');
    }

    const json = parseJsonBody(rawBodyOf(request));
    if (!json.ok) return sendHookError(reply, 400, 'STATE_HOOK_INVALID_REQUEST', json.problem);
    const call = json.value;
    if (!isJsonObject(call) || typeof call.action !== 'string' || typeof call.state !== 'string') {
      return sendHookError(reply, 400, 'STATE_HOOK_INVALID_REQUEST', 'body must be {"action", "state", "params"}');
    }
    const params: unknown = Object.hasOwn(call, 'params') ? call.params : {};
    if (!isJsonObject(params)) return sendHookError(reply, 400, 'STATE_HOOK_INVALID_REQUEST', 'params must be a JSON object');

    const handler = findProviderState(call.action, call.state);
    if (handler === undefined) {
      return sendHookError(reply, 400, 'STATE_HOOK_UNKNOWN_STATE', 'This hook does not know that action and state.');
    }

    const result = await handler(deps, params);
    if (result.status === 400) return sendHookError(reply, 400, 'STATE_HOOK_INVALID_PARAMS', result.problem);
    if (result.status === 204) return reply.code(204).send();
    return reply.code(200).send(result.body);
  });
}

/** Compares digests of equal length in constant time, so the answer time says nothing about the token. */
function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const match = header === undefined ? null : /^bearer +(.+)$/i.exec(header);
  const presented = match?.[1];
  if (presented === undefined) return false;
  return timingSafeEqual(sha256(presented), sha256(expected));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Same envelope shape as the platform's errors; the hook's codes are its own. */
function sendHookError(reply: FastifyReply, status: number, code: string, description: string): FastifyReply {
  const message = status === 401 ? 'Unauthorized.' : 'The state hook cannot do this.';
  return reply.code(status).send({ error: { code, message, description } });
}
