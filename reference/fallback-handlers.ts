// What answers when no route handler does: unknown paths, wrong methods, fastify's own errors, thrown
// errors and unreadable HTTP. Every one answers with the platform envelope and never with internals
// (no stack trace, no error message, no echo of the request).
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ENDPOINT_PATH, STATE_HOOK_PATH } from './paths.js';
import { PLATFORM_ERRORS, platformErrorBody, sendPlatformError } from './platform-error.js';
import type { PlatformErrorCode } from './platform-error.js';
import { pathOf } from './request-target.js';
import { RESPONSE_HEADERS } from './response-headers.js';

/** Paths served for POST only; any other method there is 405, not 404. */
const POST_ONLY_PATHS: ReadonlySet<string> = new Set([ENDPOINT_PATH, STATE_HOOK_PATH]);

export function registerFallbackHandlers(app: FastifyInstance): void {
  // Only POST routes are registered (and HEAD is not derived from GET), so every other method on a
  // known path lands here too, including ones fastify has no route shorthand for.
  app.setNotFoundHandler((request, reply) => {
    if (POST_ONLY_PATHS.has(pathOf(request.url))) {
      reply.header('allow', 'POST'); // RFC 9110 §15.5.6: a 405 must list the allowed methods
      return sendPlatformError(reply, 'INTERNAL_METHOD_NOT_ALLOWED');
    }
    return sendPlatformError(reply, 'INTERNAL_NOT_FOUND');
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    return sendPlatformError(reply, platformCodeFor(error));
  });
}

function platformCodeFor(error: FastifyError): PlatformErrorCode {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'INTERNAL_PAYLOAD_TOO_LARGE';
  // Other client-side failures fastify detects while reading the request (for example a body shorter
  // than its Content-Length, or an aborted upload).
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return 'INTERNAL_BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * For requests Node's HTTP parser cannot read (fastify's `clientErrorHandler`): there is no request
 * object yet, so the answer is written to the socket directly, with the same envelope and headers.
 */
export function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const code: PlatformErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'INTERNAL_REQUEST_HEADERS_TOO_LARGE' : 'INTERNAL_BAD_REQUEST';
  const status = PLATFORM_ERRORS[code].status;
  const body = JSON.stringify(platformErrorBody(code));
  const headers = [
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
    'content-type: application/json; charset=utf-8',
    ...Object.entries(RESPONSE_HEADERS).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}
