// Assembles the reference implementation: one fastify instance with the endpoint, the state hook and the
// fallbacks, sharing one store and one per-customer lock.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { ApiKeyRegistry } from './api-key.js';
import { CustomerLock } from './customer-lock.js';
import { applyFaults } from './fault-patches.js';
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

  const { variations } = settings;

  const app = Fastify({
    logger: false, // request logging, if any, goes through settings.requestLog and never includes secrets
    bodyLimit: settings.bodyLimitBytes,
    exposeHeadRoutes: false, // HEAD is a wrong method here (405), not a body-less GET
    clientErrorHandler: answerUnreadableRequest,
  });

  registerRawBodyIntake(app);
  registerResponseHeaders(app, variations);
  registerFallbackHandlers(app, variations);

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

  // The seams and the store, settled once: the correct ones, patched by the faults of the self-validation.
  const { store, seams, registerHooks } = applyFaults(settings.faults, { store: new MemoryStore(), now: settings.now, variations });
  const lock = new CustomerLock();
  const apiKeys = new ApiKeyRegistry(settings.apiKeys, settings.inactiveApiKeys, seams.apiKeyDigest);
  const shared = { store, lock, now: settings.now, scryptCost: settings.scryptCost, seams, apiKeys, variations };

  const endpoint = registerSetNewPassword(app, shared);
  registerStateHook(app, { ...shared, stateToken: settings.stateToken });
  registerHooks(app, { ...shared, endpoint });

  const apiKey = settings.apiKeys[0];
  if (apiKey === undefined) throw new Error('no API key configured'); // resolveOptions guarantees one
  return { app, credentials: { apiKey, stateToken: settings.stateToken } };
}
