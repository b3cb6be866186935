// What answers when no route handler does: unknown paths, wrong methods, fastify's own errors and thrown
// errors (unreadable HTTP: unreadable-request.ts). Every one answers with the platform envelope and never
// with internals (no stack trace, no error message, no echo of the request).
import type { FastifyError, FastifyInstance } from 'fastify';
import { ENDPOINT_PATH, STATE_HOOK_PATH } from './paths.js';
import { sendPlatformError } from './platform-error.js';
import type { PlatformErrorCode } from './platform-error.js';
import { pathOf } from './request-target.js';
import type { ReferenceVariations } from './variations.js';

/** The page nginx gives for a status when it answers instead of the application. */
function gatewayPage(status: 405 | 413, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n`;
}

/** Paths served for POST only; any other method there is 405, not 404. */
const POST_ONLY_PATHS: ReadonlySet<string> = new Set([ENDPOINT_PATH, STATE_HOOK_PATH]);

export function registerFallbackHandlers(app: FastifyInstance, variations: ReferenceVariations): void {
  // Only POST routes are registered (and HEAD is not derived from GET), so every other method on a
  // known path lands here too, including ones fastify has no route shorthand for.
  app.setNotFoundHandler((request, reply) => {
    const postOnly = POST_ONLY_PATHS.has(pathOf(request.url));
    // A reverse proxy that allows POST only answers other methods itself, without an Allow header.
    if (postOnly && variations.gatewayPages) return reply.code(405).type('text/html').send(gatewayPage(405, 'Not Allowed'));
    if (postOnly) {
      reply.header('allow', 'POST'); // RFC 9110 §15.5.6: a 405 must list the allowed methods
      return sendPlatformError(reply, 'INTERNAL_METHOD_NOT_ALLOWED');
    }
    return sendPlatformError(reply, 'INTERNAL_NOT_FOUND');
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const code = platformCodeFor(error);
    if (code === 'INTERNAL_PAYLOAD_TOO_LARGE' && variations.gatewayPages) {
      return reply.code(413).type('text/html').send(gatewayPage(413, 'Request Entity Too Large'));
    }
    return sendPlatformError(reply, code);
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
