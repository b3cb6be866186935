// Request intake: every body reaches the handlers as raw bytes, whatever Content-Type it declares.
//
// Why: fastify would otherwise judge the Content-Type header and parse JSON itself, answering 415 or 400
// before any handler runs. The platform checks the API key first, so a request with a bad key must get
// the key error even when its Content-Type or JSON is broken. The handlers therefore do the parsing, in
// the documented order, on the bytes this module hands them.
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Content-Type header exactly as the client sent it, or undefined when it sent none. */
    declaredContentType: string | undefined;
  }
}

/** Stands in for the client's header while fastify reads the body, so fastify never refuses one. */
const OPAQUE_BYTES = 'application/octet-stream';

/** `bodyLimitBytes` caps every body; a larger one ends in fastify's FST_ERR_CTP_BODY_TOO_LARGE (413). */
export function registerRawBodyIntake(app: FastifyInstance): void {
  app.decorateRequest('declaredContentType', undefined);

  app.addHook('onRequest', (request, _reply, done) => {
    request.declaredContentType = request.headers['content-type'];
    request.raw.headers['content-type'] = OPAQUE_BYTES;
    done();
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}

/** The request's body bytes; empty when there was no body. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
