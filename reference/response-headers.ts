// Headers every response carries, errors and 404s included (the OWASP REST cheat sheet's API set).
// Strict-Transport-Security is left to the TLS front end: RFC 6797 §7.2 forbids it over plain HTTP,
// which is how the reference is served.
import type { FastifyInstance } from 'fastify';
import { randomAlphanumeric } from './random-text.js';
import type { ReferenceVariations } from './variations.js';

export const RESPONSE_HEADERS = {
  // Answers may concern credentials; no cache may keep them (RFC 9111 §5.2.2.5).
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
} as const;

export function registerResponseHeaders(app: FastifyInstance, variations: ReferenceVariations): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(RESPONSE_HEADERS);
    // Legitimate variations: what a front end or CDN adds to every answer.
    if (variations.versionBanner) reply.headers({ server: 'nginx/1.25.3', 'x-powered-by': 'PHP/8.2.12' });
    if (variations.cdnCookie) reply.header('set-cookie', `__cf_bm=${randomAlphanumeric(43)}; path=/; HttpOnly; Secure; SameSite=None`);
    done(null, payload);
  });
}
