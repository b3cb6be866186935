// Assembles the reference implementation: one fastify instance with the endpoint, the state hook and the
// fallbacks, sharing one store and one per-customer lock.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { ApiKeyRegistry } from './api-key.js';
import { CustomerLock } from './customer-lock.js';
import { registerFallbackHandlers } from './fallback-handlers.js';
import { resolveOptions } from './options.js';
import type { ReferenceOptions } from './options.js';
import { registerRawBodyIntake } from './raw-body.js';
import { pathOf } from './request-target.js';
import { registerResponseHeaders } from './response-headers.js';
import { registerSetNewPassword } from './set-new-password.js';
import { registerStateHook } from './state-hook.js';
import { MemoryStore } from './store.js';
import { answerUnreadableRequest } from './unreadable-request.js';

export interface ReferenceCredentials {
  /** An active API key (the first of ReferenceOptions.apiKeys). */
  readonly apiKey: string;
  readonly stateToken: string;
}

export interface ReferenceApp {
  readonly app: FastifyInstance;
  readonly credentials: ReferenceCredentials;
}

export function buildReferenceApp(options: ReferenceOptions = {}): ReferenceApp {
  const settings = resolveOptions(options);

  const { faults, variations } = settings;
  let bodyLimit = settings.bodyLimitBytes;
  if (faults.has('no-body-limit')) bodyLimit = 100 * 1024 * 1024;

  const app = Fastify({
    logger: false, // request logging, if any, goes through settings.requestLog and never includes secrets
    bodyLimit,
    exposeHeadRoutes: false, // HEAD is a wrong method here (405), not a body-less GET
    clientErrorHandler: answerUnreadableRequest,
  });

  registerRawBodyIntake(app);
  registerResponseHeaders(app, faults, variations);
  registerFallbackHandlers(app, faults, variations);

  const requestLog = settings.requestLog;
  if (requestLog !== undefined) {
    app.addHook('onResponse', (request, reply, done) => {
      requestLog({
        method: request.method,
        path: pathOf(request.url),
        statusCode: reply.statusCode,
        durationMs: reply.elapsedTime,
      });
      done();
    });
  }

  const store = new MemoryStore(faults);
  const lock = new CustomerLock();
  const apiKeys = new ApiKeyRegistry(settings.apiKeys, settings.inactiveApiKeys);
  const shared = { store, lock, now: settings.now, scryptCost: settings.scryptCost, faults, apiKeys, variations };

  registerSetNewPassword(app, shared);
  registerStateHook(app, { ...shared, stateToken: settings.stateToken });

  const apiKey = settings.apiKeys[0];
  if (apiKey === undefined) throw new Error('no API key configured'); // resolveOptions guarantees one
  return { app, credentials: { apiKey, stateToken: settings.stateToken } };
}
