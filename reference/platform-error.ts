// BizKitHub's platform error envelope: {"error": {"code", "message", "description"}}, with the HTTP status
// the platform's error registry gives each code. Business errors of the endpoint (E001–E004) are a
// different shape; see business-errors.ts.
import type { FastifyReply } from 'fastify';

interface PlatformErrorDefinition {
  readonly status: number;
  readonly message: string;
  readonly description: string;
}

/** The codes the reference answers with. Statuses of the PUBLIC_API_KEY_* codes are documented (404). */
export const PLATFORM_ERRORS = {
  PUBLIC_API_KEY_IS_EMPTY: {
    status: 404,
    message: 'API key is empty.',
    description: 'Please add your API key to request query.',
  },
  PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT: {
    status: 404,
    message: 'API key is not in valid format.',
    description: 'The API key must match ^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$.',
  },
  PUBLIC_API_KEY_SAMPLE_VALUE: {
    status: 404,
    message: 'API key is a sample value.',
    description: 'The API key from the documentation is an example. Use your own API key.',
  },
  PUBLIC_API_KEY_DOES_NOT_EXIST: {
    status: 404,
    message: 'API key does not exist.',
    description: 'No API key with this value exists.',
  },
  PUBLIC_API_KEY_IS_NOT_ACTIVE: {
    status: 404,
    message: 'API key is not active.',
    description: 'This API key has been deactivated.',
  },
  PUBLIC_API_KEY_HAS_BEEN_EXPIRED: {
    status: 404,
    message: 'API key has been expired.',
    description: 'This API key is past its expiration date.',
  },
  INTERNAL_VALIDATION_FAILED: {
    status: 400,
    message: 'Request payload validation failed.',
    description: 'The request body is not valid.',
  },
  INTERNAL_BAD_REQUEST: {
    status: 400,
    message: 'Bad request.',
    description: 'The request could not be read.',
  },
  INTERNAL_NOT_FOUND: {
    status: 404,
    message: 'Not found.',
    description: 'No endpoint exists at this path.',
  },
  INTERNAL_METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'Method not allowed.',
    description: 'This endpoint accepts POST only.',
  },
  INTERNAL_REQUEST_HEADERS_TOO_LARGE: {
    status: 431,
    message: 'Request headers are too large.',
    description: 'The request headers exceed the size limit.',
  },
  INTERNAL_PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'Request body is too large.',
    description: 'The request body exceeds the size limit.',
  },
  INTERNAL_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Unsupported media type.',
    description: 'Send the body as JSON with Content-Type: application/json (UTF-8).',
  },
  INTERNAL_SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'Service unavailable.',
    description: 'The service cannot answer right now.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    message: 'Internal server error.',
    description: 'The request could not be completed.',
  },
} as const satisfies Record<string, PlatformErrorDefinition>;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

export interface PlatformErrorBody {
  error: { code: string; message: string; description: string };
}

/**
 * The envelope for `code`. A caller may give a more specific description (for example which field failed
 * validation); it must never contain a submitted value (password, token, key).
 */
export function platformErrorBody(code: PlatformErrorCode, description?: string): PlatformErrorBody {
  const definition: PlatformErrorDefinition = PLATFORM_ERRORS[code];
  return { error: { code, message: definition.message, description: description ?? definition.description } };
}

export function sendPlatformError(reply: FastifyReply, code: PlatformErrorCode, description?: string): FastifyReply {
  return reply.code(PLATFORM_ERRORS[code].status).send(platformErrorBody(code, description));
}
