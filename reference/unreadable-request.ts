// What answers a request Node's HTTP parser cannot read (fastify's `clientErrorHandler`): the same
// platform envelope and headers as every other answer, written to the socket directly.
import type { Socket } from 'node:net';
import { PLATFORM_ERRORS, platformErrorBody } from './platform-error.js';
import type { PlatformErrorCode } from './platform-error.js';
import { RESPONSE_HEADERS } from './response-headers.js';

/** There is no request object yet, so the answer is written as raw HTTP/1.1. */
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
