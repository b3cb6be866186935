// How each fault of faults.ts is switched on: a named patch of the reference's seams (seams.ts), of its
// store, of the variations, or an extra fastify hook registered only when the fault is on. The correct
// modules never ask which faults are on; app.ts applies the patches of ReferenceOptions.faults once, when
// the app is built. This file is not mutated by Stryker (stryker.config.mjs): in the normal reference no
// patch runs, and whether each one is caught is what the self-validation (test/self-validation/) proves.
//
// A patch receives the seams as they are before it and returns the ones it replaces or wraps, so it can
// call the correct behaviour and change only its bug. Each patch is a factory, so state a bug needs (a
// clock, an index of the store) belongs to one app.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_KEY_FORMAT, apiKeyProblem, presentedApiKey } from './api-key.js';
import type { ApiKeyRegistry, ApiKeySources } from './api-key.js';
import { BUSINESS_ERROR_MESSAGES } from './business-errors.js';
import type { FaultName, FaultSet } from './faults.js';
import { changePassword } from './password-reset.js';
import type { NewPasswordRequest } from './password-reset.js';
import { passwordMatchesAny } from './passwords.js';
import type { PasswordHash } from './passwords.js';
import { ENDPOINT_PATH } from './paths.js';
import { platformErrorBody, sendPlatformError } from './platform-error.js';
import type { PlatformErrorCode } from './platform-error.js';
import { randomAlphanumeric } from './random-text.js';
import { rawBodyOf } from './raw-body.js';
import { isJsonObject, parseJsonBody, readSetNewPasswordBody } from './request-body.js';
import type { SetNewPasswordBody } from './request-body.js';
import { queryOf } from './request-target.js';
import { CORRECT_SEAMS } from './seams.js';
import type { Seams } from './seams.js';
import { apiKeySourcesOf, sendValidationError } from './set-new-password.js';
import type { EndpointHandler, SetNewPasswordDependencies } from './set-new-password.js';
import type { Customer, PasswordChange, ResetRequest, ResetStore } from './store.js';
import type { ReferenceVariations } from './variations.js';

/** What a patch's seams may use: settled when the app is built. */
export interface PatchContext {
  /** The store as every patch left it. */
  readonly store: ResetStore;
  readonly now: () => number;
  readonly variations: ReferenceVariations;
}

/** What a patch's hooks may use: the endpoint's dependencies and its handler. */
export interface HookDependencies extends SetNewPasswordDependencies {
  readonly endpoint: EndpointHandler;
}

export interface FaultPatch {
  /** A legitimate variation (variations.ts) shipped without the profile that declares it. */
  readonly variations?: Partial<ReferenceVariations>;
  readonly bodyLimitBytes?: number;
  /** Wraps the store (the persistence seam). */
  readonly store?: (store: ResetStore) => ResetStore;
  /** Replaces or wraps seams; `seams` are the ones before this patch. */
  readonly seams?: (seams: Seams, context: PatchContext) => Partial<Seams>;
  /** fastify hooks or routes, registered after the endpoint. */
  readonly hooks?: (app: FastifyInstance, deps: HookDependencies) => void;
}

export interface FaultedParts {
  readonly store: ResetStore;
  readonly seams: Seams;
  readonly registerHooks: (app: FastifyInstance, deps: HookDependencies) => void;
}

/** The store, the seams and the hooks of an app with these faults (none: the store as given and CORRECT_SEAMS). */
export function applyFaults(faults: FaultSet, base: { readonly store: ResetStore; readonly now: () => number; readonly variations: ReferenceVariations }): FaultedParts {
  const patches = [...faults].map((name) => FAULT_PATCHES[name]());
  let store = base.store;
  for (const patch of patches) if (patch.store !== undefined) store = patch.store(store);
  const context: PatchContext = { store, now: base.now, variations: base.variations };
  let seams = CORRECT_SEAMS;
  for (const patch of patches) if (patch.seams !== undefined) seams = { ...seams, ...patch.seams(seams, context) };
  return {
    store,
    seams,
    registerHooks: (app, deps) => {
      for (const patch of patches) patch.hooks?.(app, deps);
    },
  };
}

/** The variations the faults ship (options.ts merges them over ReferenceOptions.variations). */
export function variationsOfFaults(faults: FaultSet): Partial<ReferenceVariations> {
  return Object.assign({}, ...[...faults].map((name) => FAULT_PATCHES[name]().variations ?? {})) as Partial<ReferenceVariations>;
}

/** A body limit a fault sets, if any. */
export function bodyLimitOfFaults(faults: FaultSet): number | undefined {
  return [...faults].map((name) => FAULT_PATCHES[name]().bodyLimitBytes).find((limit) => limit !== undefined);
}

// ── Building blocks ─────────────────────────────────────────────────────────────────────────────

/** A store that delegates to `store`, with some methods replaced. */
function storeWith(store: ResetStore, changes: Partial<ResetStore>): ResetStore {
  return {
    addCustomer: (customer) => store.addCustomer(customer),
    findCustomer: (customerId) => store.findCustomer(customerId),
    removeCustomer: (customerId) => store.removeCustomer(customerId),
    addResetRequest: (request) => store.addResetRequest(request),
    findResetRequest: (tokenDigest) => store.findResetRequest(tokenDigest),
    applyPasswordChange: (change) => store.applyPasswordChange(change),
    ...changes,
  };
}

/** A store that remembers what was added, for bugs that look across customers or requests. */
class StoreIndex {
  readonly #customerIds = new Set<string>();
  readonly #digests = new Set<string>();
  store: ResetStore | undefined;

  wrap(store: ResetStore): ResetStore {
    this.store = storeWith(store, {
      addCustomer: (customer) => {
        this.#customerIds.add(customer.id);
        store.addCustomer(customer);
      },
      addResetRequest: (request) => {
        this.#digests.add(request.tokenDigest);
        store.addResetRequest(request);
      },
    });
    return this.store;
  }

  customers(): Customer[] {
    return [...this.#customerIds].map((id) => this.store?.findCustomer(id)).filter((c): c is Customer => c !== undefined);
  }

  /** Every request still stored, in the order they were first added. */
  requests(): ResetRequest[] {
    return [...this.#digests].map((digest) => this.store?.findResetRequest(digest)).filter((r): r is ResetRequest => r !== undefined);
  }

  requestsOf(customerId: string): ResetRequest[] {
    return this.requests().filter((request) => request.customerId === customerId);
  }
}

/** A patch of store methods that may read every customer and request the store holds (through `index`). */
function indexedStorePatch(changes: (indexed: ResetStore, index: StoreIndex) => Partial<ResetStore>): () => FaultPatch {
  return () => {
    const index = new StoreIndex();
    return {
      store: (store) => {
        const indexed = index.wrap(store);
        return storeWith(indexed, changes(indexed, index));
      },
    };
  };
}

/** A change applied by the correct store, then the customer as `after` makes it from the customer before. */
function changeThen(store: ResetStore, after: (customer: Customer, before: Customer, change: PasswordChange) => Customer): ResetStore {
  return storeWith(store, {
    applyPasswordChange: (change) => {
      const before = store.findCustomer(change.customerId);
      store.applyPasswordChange(change);
      const changed = store.findCustomer(change.customerId);
      if (before !== undefined && changed !== undefined) store.addCustomer(after(changed, before, change));
    },
  });
}

/** The token stored and looked up in another form (a column that folds, trims or truncates). */
function tokenForm(form: (token: string) => string): () => FaultPatch {
  return () => ({
    seams: (seams) => ({
      resetTokenDigest: (token) => seams.resetTokenDigest(form(token)),
      findByToken: (store, token) => seams.findByToken(store, form(token)),
    }),
  });
}

/** The password changed after validation, before it is hashed or compared. */
function passwordBecomes(change: (password: string) => string): () => FaultPatch {
  return () => ({
    seams: (seams) => ({
      readBody: (json, variations, normalizeIp) => {
        const body = seams.readBody(json, variations, normalizeIp);
        return body.ok ? { ok: true, value: { ...body.value, password: change(body.value.password) } } : body;
      },
    }),
  });
}

/** The key check with the key's own problem replaced (null: accepted). */
function keyProblemBecomes(change: (problem: PlatformErrorCode | null, sources: ApiKeySources) => PlatformErrorCode | null): () => FaultPatch {
  return () => ({ seams: (seams) => ({ apiKeyCheck: (sources, registry) => change(seams.apiKeyCheck(sources, registry), sources) }) });
}

/** The key check with another format. */
function keyFormat(format: RegExp): () => FaultPatch {
  return () => ({ seams: () => ({ apiKeyCheck: (sources, registry) => apiKeyProblem(presentedApiKey(sources), registry, format) }) });
}

/** The customerRealIp check with `value` judged first by `verdict` (undefined: as the correct check judges it). */
function ipVerdict(verdict: (value: unknown) => { valid: true; ip: string } | { valid: false } | undefined): () => FaultPatch {
  return () => ({ seams: (seams) => ({ normalizeCustomerRealIp: (value, variations) => verdict(value) ?? seams.normalizeCustomerRealIp(value, variations) }) });
}

/** The business rules wrapped: `before` may answer first, `after` sees the outcome. */
function businessRules(
  wrap: (
    rules: Seams['setNewPassword'],
    deps: Parameters<Seams['setNewPassword']>[0],
    input: NewPasswordRequest,
  ) => ReturnType<Seams['setNewPassword']>,
): () => FaultPatch {
  return () => ({ seams: (seams) => ({ setNewPassword: (deps, input) => wrap(seams.setNewPassword, deps, input) }) });
}

function isEndpoint(request: FastifyRequest): boolean {
  return request.routeOptions.url === ENDPOINT_PATH;
}

type Answer = Record<string, unknown>;

/** Rewrites the endpoint's JSON answers before they are sent: `change` returns the new body, or undefined to keep it. */
function endpointAnswers(change: (answer: Answer, request: FastifyRequest, reply: FastifyReply, deps: HookDependencies) => Answer | undefined | Promise<Answer | undefined>): () => FaultPatch {
  return () => ({
    hooks: (app, deps) => {
      app.addHook('onSend', async (request, reply, payload) => {
        if (!isEndpoint(request) || typeof payload !== 'string') return payload;
        const answer = JSON.parse(payload) as unknown;
        if (!isJsonObject(answer)) return payload;
        const changed = await change(answer, request, reply, deps);
        return changed === undefined ? payload : JSON.stringify(changed);
      });
    },
  });
}

const isSuccess = (answer: Answer) => answer.success === true;
const businessCode = (answer: Answer) => (answer.success === false && typeof answer.errorCode === 'string' ? answer.errorCode : undefined);
const isValidationError = (answer: Answer) => isJsonObject(answer.error) && answer.error.code === 'INTERNAL_VALIDATION_FAILED';

/** The body the request submitted, read as the correct reference reads it (undefined: not a valid body). */
function submittedBody(request: FastifyRequest): SetNewPasswordBody | undefined {
  const json = parseJsonBody(rawBodyOf(request));
  const body = json.ok ? readSetNewPasswordBody(json.value) : undefined;
  return body?.ok === true ? body.value : undefined;
}

/** The reset request the submitted token names. */
function submittedRequest(request: FastifyRequest, deps: HookDependencies): ResetRequest | undefined {
  const body = submittedBody(request);
  return body === undefined ? undefined : deps.seams.findByToken(deps.store, body.token);
}

/** A hook before the endpoint's handler; it may answer instead of the handler. */
function beforeEndpoint(check: (request: FastifyRequest, reply: FastifyReply, deps: HookDependencies) => FastifyReply | undefined | Promise<FastifyReply | undefined>): () => FaultPatch {
  return () => ({
    hooks: (app, deps) => {
      app.addHook('preHandler', async (request, reply) => {
        if (!isEndpoint(request)) return;
        // An answer sent here ends the request before the handler.
        if ((await check(request, reply, deps)) !== undefined) return reply;
      });
    },
  });
}

/** Whether the request gets past the Content-Type and body checks (the key aside). */
function bodyAccepted(request: FastifyRequest, deps: HookDependencies): SetNewPasswordBody | undefined {
  const { seams, variations } = deps;
  if (!seams.acceptsContentType(request.declaredContentType)) return undefined;
  const fields = seams.bodyFields(seams.parseJsonBody(rawBodyOf(request)), request);
  const body = fields.ok ? seams.readBody(fields.value, variations, seams.normalizeCustomerRealIp) : undefined;
  return body?.ok === true ? body.value : undefined;
}

const KEY_STATE_PROBLEMS: ReadonlySet<PlatformErrorCode | null> = new Set(['PUBLIC_API_KEY_IS_NOT_ACTIVE', 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED']);

/** The key's state (inactive, expired) refused only when `late` says so, once the rest has been checked. */
function keyStateChecked(late: (body: SetNewPasswordBody, deps: HookDependencies) => boolean): () => FaultPatch {
  const deferred = keyProblemBecomes((problem) => (KEY_STATE_PROBLEMS.has(problem) ? null : problem))();
  const hook = beforeEndpoint((request, reply, deps) => {
    const problem = apiKeyProblem(presentedApiKey(apiKeySourcesOf(request, parseJsonBody(rawBodyOf(request)))), deps.apiKeys);
    if (problem === null || !KEY_STATE_PROBLEMS.has(problem)) return undefined;
    const body = bodyAccepted(request, deps);
    return body !== undefined && late(body, deps) ? sendPlatformError(reply, problem) : undefined;
  })();
  return () => ({ ...deferred, ...hook });
}

/** Whether the password is in the customer's whole history. */
async function inHistory(password: string, customer: Customer | undefined): Promise<boolean> {
  return customer !== undefined && (await passwordMatchesAny(password, customer.passwordHistory));
}

/** A change that writes the password but puts the submitted request back as it was (pending) when `when` holds. */
function requestLeftPending(when: (change: PasswordChange) => boolean): () => FaultPatch {
  return () => ({
    store: (store) =>
      storeWith(store, {
        applyPasswordChange: (change) => {
          const used = store.findResetRequest(change.tokenDigest);
          store.applyPasswordChange(change);
          if (when(change) && used !== undefined) store.addResetRequest(used);
        },
      }),
  });
}

/**
 * The body's customerRealIp is validated, but what is recorded is the value `pick` reads elsewhere in the
 * request (unvalidated; normalized where it happens to be an address when `normalized`).
 */
function ipRecordedFrom(pick: (request: FastifyRequest) => string | undefined, normalized: boolean): () => FaultPatch {
  return () => {
    const picked = new WeakMap<object, string>();
    return {
      seams: (seams) => ({
        bodyFields: (json, request) => {
          const fields = seams.bodyFields(json, request);
          const ip = pick(request);
          if (!fields.ok || !isJsonObject(fields.value) || ip === undefined) return fields;
          const value = { ...fields.value };
          picked.set(value, ip);
          return { ok: true, value };
        },
        readBody: (json, variations, normalizeIp) => {
          const body = seams.readBody(json, variations, normalizeIp);
          const ip = isJsonObject(json) ? picked.get(json) : undefined;
          if (!body.ok || ip === undefined) return body;
          const asAddress = normalized ? normalizeIp(ip, variations) : null;
          return { ok: true, value: { ...body.value, customerRealIp: asAddress?.valid ? asAddress.ip : ip } };
        },
      }),
    };
  };
}

// ── Helpers of single faults ────────────────────────────────────────────────────────────────────

/** token-url-decoded: percent-escapes decoded first (undecodable text stays as it is). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** password-unescaped-twice: JSON string escapes read once more (text that is no valid escape stays). */
function unescapedOnceMore(text: string): string {
  try {
    return JSON.parse(`"${text.replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return text;
  }
}

/** history-case-insensitive: what a case-folding comparison would also match. */
function caseVariants(password: string): string[] {
  const flips = [...password].map((c, i) => password.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + password.slice(i + 1));
  return [...new Set([password, password.toLowerCase(), password.toUpperCase(), ...flips])];
}

/** token-lookup-like: SQL LIKE as a regular expression (% any text, _ one character). */
function likePattern(pattern: string): RegExp {
  return new RegExp(`^${[...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 's');
}

/** The tokens in plain text, as a plaintext token column keeps them (token-lookup-like, token-operator-object). */
function plainTokenColumn(): { index: StoreIndex; plainOf: Map<string, string>; patch: FaultPatch } {
  const index = new StoreIndex();
  const plainOf = new Map<string, string>();
  return {
    index,
    plainOf,
    patch: {
      store: (store) => index.wrap(store),
      seams: (seams) => ({
        resetTokenDigest: (token) => {
          const digest = seams.resetTokenDigest(token);
          plainOf.set(digest, token);
          return digest;
        },
      }),
    },
  };
}

/** deep-nesting-breaks-later: the deepest nesting of brackets in the raw body. */
function nestingDepth(raw: Buffer): number {
  let depth = 0;
  let deepest = 0;
  for (const byte of raw) {
    if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * prototype-pollution: a naive deep merge of the body into an object whose prototype is this app's
 * `defaults`, so a "__proto__" member writes into `defaults`, which every later request inherits. The
 * pollution stays inside the app: the walk never writes into a built-in prototype or a function (the
 * reference runs inside the test process, whose Object.prototype must stay clean).
 */
function defaultCustomerRealIp(defaults: Record<string, unknown>, body: unknown): unknown {
  const merged = Object.create(defaults) as Record<string, unknown>;
  naiveMerge(merged, body, 0);
  return typeof merged.customerRealIp === 'string' ? merged.customerRealIp : undefined;
}

function naiveMerge(target: Record<string, unknown>, source: unknown, depth: number): void {
  if (!isJsonObject(source) || depth > 8) return;
  if (target === Object.prototype || (target as unknown) === Function.prototype || typeof target === 'function') return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isJsonObject(value)) {
      const next = target[key];
      if (typeof next === 'object' && next !== null && next !== Object.prototype) naiveMerge(next as Record<string, unknown>, value, depth + 1);
      else if (next === undefined && key !== '__proto__' && key !== 'constructor' && key !== 'prototype') {
        const child: Record<string, unknown> = {};
        target[key] = child;
        naiveMerge(child, value, depth + 1);
      }
    } else if (key !== '__proto__') {
      target[key] = value;
    }
  }
}

/** method-override-honoured: X-HTTP-Method-Override: POST or ?_method=POST. */
function asksForPost(request: FastifyRequest): boolean {
  const header = request.headers['x-http-method-override'];
  const query = new URLSearchParams(queryOf(request.url) ?? '').get('_method');
  return String(header ?? query ?? '').toUpperCase() === 'POST';
}

const LOOPBACK_ALIASES: ReadonlySet<unknown> = new Set(['::1', '0.0.0.0', 'localhost', '']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── The patches, in the order of faults.ts ──────────────────────────────────────────────────────

export const FAULT_PATCHES: Readonly<Record<FaultName, () => FaultPatch>> = {
  // ── Success ──
  'success-status-201': endpointAnswers((answer, _request, reply) => {
    if (isSuccess(answer)) reply.code(201);
    return undefined;
  }),
  'change-not-persisted': () => ({ store: (store) => changeThen(store, (changed, before) => ({ ...changed, passwordHistory: before.passwordHistory })) }),
  'password-trimmed': passwordBecomes((password) => password.trim()),
  'password-truncated': passwordBecomes((password) => Buffer.from(password, 'utf8').subarray(0, 72).toString('utf8')),
  'other-customers-requests-invalidated': indexedStorePatch((indexed, index) => ({
    applyPasswordChange: (change) => {
      for (const request of index.requests()) {
        if (request.state === 'pending' && request.tokenDigest !== change.tokenDigest) indexed.addResetRequest({ ...request, state: 'invalidated' });
      }
      indexed.applyPasswordChange(change);
    },
  })),
  'sibling-requests-left-valid': indexedStorePatch((indexed, index) => ({
    applyPasswordChange: (change) => {
      const siblings = index.requestsOf(change.customerId).filter((r) => r.state === 'pending' && r.tokenDigest !== change.tokenDigest);
      indexed.applyPasswordChange(change);
      for (const sibling of siblings) indexed.addResetRequest(sibling);
    },
  })),
  // Request-scoped data in a singleton: the customer of the last token looked up, read after the awaits.
  'customer-shared-across-await': () => {
    let current: string | undefined;
    return {
      seams: (seams) => ({
        lockKey: (request) => {
          current = request.customerId;
          return seams.lockKey(request);
        },
      }),
      store: (store) =>
        storeWith(store, {
          applyPasswordChange: (change) => {
            // UPDATE customers ... WHERE id = this.customerId; UPDATE reset_requests SET used = 1 WHERE token = ?
            store.applyPasswordChange({ ...change, customerId: current ?? change.customerId });
            const used = store.findResetRequest(change.tokenDigest);
            if (used?.state === 'pending') store.addResetRequest({ ...used, state: 'consumed' });
          },
        }),
    };
  },
  // ── Token lifecycle ──
  'token-reusable': requestLeftPending(() => true),
  // Every submission locks a key of its own, which excludes nobody: check and consume are no longer atomic.
  'check-then-consume-race': () => {
    let submissions = 0;
    return { seams: () => ({ lockKey: () => `unlocked-${++submissions}` }) };
  },
  // Consumed before the history check: E002 (and E001 after it) leave the token used.
  'token-consumed-by-e002': () => ({ variations: { tokenConsumedBy: ['E001', 'E002'] } }),
  'expiry-ignored': () => ({ seams: () => ({ isExpired: () => false }) }),
  'expiry-wrong-unit': () => ({ seams: () => ({ isExpired: (request, now) => Math.floor(now / 1000) >= request.expiresAt }) }),
  'e004-reported-as-e003': businessRules(async (rules, deps, input) => {
    const outcome = await rules(deps, input);
    return outcome === 'E004' ? 'E003' : outcome;
  }),
  'token-case-insensitive': tokenForm((token) => token.toLowerCase()),
  'token-trimmed': tokenForm((token) => token.trim()),
  'token-prefix-match': tokenForm((token) => token.slice(0, 16)),
  'unknown-token-as-404': endpointAnswers((answer, _request, reply) => {
    if (businessCode(answer) !== 'E003') return undefined;
    reply.code(404);
    return { ...platformErrorBody('INTERNAL_NOT_FOUND') };
  }),
  // Stands for a token pasted into SQL text: the injected delay runs.
  'injection-token-stall': businessRules(async (rules, deps, input) => {
    if (/pg_sleep|SLEEP\(/i.test(input.token)) await sleep(5_000);
    return rules(deps, input);
  }),
  // Stands for the database driver's error on a NUL character; the fallback handler answers 500.
  'nul-in-token-500': businessRules((rules, deps, input) => {
    if (input.token.includes('\u0000')) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    return rules(deps, input);
  }),
  'history-checked-before-token-validity': businessRules(async (rules, deps, input) => {
    const request = deps.seams.findByToken(deps.store, input.token);
    if (request !== undefined && (await inHistory(input.password, deps.store.findCustomer(request.customerId)))) return 'E002';
    return rules(deps, input);
  }),
  // A clock-skew margin applied the wrong way.
  'expires-early': () => ({ seams: () => ({ isExpired: (request, now) => now >= request.expiresAt - 60_000 }) }),
  // Creating a request gives every request of the customer the new expiry.
  'new-request-revives-expired': indexedStorePatch((indexed, index) => ({
    addResetRequest: (request) => {
      if (indexed.findResetRequest(request.tokenDigest) === undefined) {
        for (const r of index.requestsOf(request.customerId)) indexed.addResetRequest({ ...r, expiresAt: Math.max(r.expiresAt, request.expiresAt) });
      }
      indexed.addResetRequest(request);
    },
  })),
  // The submitted string looked up as a stored digest too (hex as sent, or base64 decoded to hex).
  'token-digest-accepted': () => ({
    seams: (seams) => ({
      findByToken: (store, token) => seams.findByToken(store, token) ?? store.findResetRequest(token) ?? store.findResetRequest(Buffer.from(token, 'base64').toString('hex')),
    }),
  }),
  'token-lookup-like': () => {
    const column = plainTokenColumn();
    return {
      store: column.patch.store,
      seams: (seams, context) => ({
        ...column.patch.seams?.(seams, context),
        findByToken: (store, token) => {
          const pattern = likePattern(token);
          return seams.findByToken(store, token) ?? column.index.requests().find((r) => r.state === 'pending' && pattern.test(column.plainOf.get(r.tokenDigest) ?? ''));
        },
      }),
    };
  },
  // A document-store query {token: <the value>}: an operator object matches the first pending request.
  'token-operator-object': () => {
    const column = plainTokenColumn();
    return {
      store: column.patch.store,
      seams: (seams, context) => ({
        ...column.patch.seams?.(seams, context),
        bodyFields: (json, request) => {
          const fields = seams.bodyFields(json, request);
          if (!fields.ok || !isJsonObject(fields.value) || !isJsonObject(fields.value.token)) return fields;
          if (!Object.keys(fields.value.token).some((k) => k.startsWith('$'))) return fields;
          const first = column.index.requests().find((r) => r.state === 'pending' && column.plainOf.has(r.tokenDigest));
          return { ok: true, value: { ...fields.value, token: (first && column.plainOf.get(first.tokenDigest)) ?? '' } };
        },
      }),
    };
  },
  'used-token-marked': endpointAnswers((answer, request, reply, deps) => {
    if (businessCode(answer) !== 'E003' || submittedRequest(request, deps)?.state !== 'consumed') return undefined;
    reply.code(200);
    return { ...answer, used: true };
  }),
  'ip-recorded-on-rejection': endpointAnswers((answer, request, _reply, deps) => {
    const body = submittedBody(request);
    const owner = submittedRequest(request, deps);
    const customer = owner && deps.store.findCustomer(owner.customerId);
    if (businessCode(answer) !== undefined && customer !== undefined && body !== undefined && body.customerRealIp !== null) deps.store.addCustomer({ ...customer, lastRealIp: body.customerRealIp });
    return undefined;
  }),
  // The customer's newest request is the one consumed; the others keep their state.
  'consumes-newest-request': indexedStorePatch((indexed, index) => ({
    applyPasswordChange: (change) => {
      const pending = index.requestsOf(change.customerId).filter((r) => r.state === 'pending');
      const newest = pending[pending.length - 1];
      indexed.applyPasswordChange(change);
      for (const request of pending) indexed.addResetRequest(request === newest ? { ...request, state: 'consumed' } : request);
    },
  })),
  // The audited path (with an IP) writes the password and the IP but forgets to mark the request used.
  'token-kept-when-ip-given': requestLeftPending((change) => change.realIp !== null),
  // One "reset used" flag per customer: a new request clears it for all of the customer's requests.
  'new-request-reopens-used': indexedStorePatch((indexed, index) => ({
    addResetRequest: (request) => {
      if (indexed.findResetRequest(request.tokenDigest) === undefined) {
        for (const r of index.requestsOf(request.customerId)) if (r.state !== 'pending') indexed.addResetRequest({ ...r, state: 'pending' });
      }
      indexed.addResetRequest(request);
    },
  })),
  'token-line-breaks-stripped': tokenForm((token) => token.replace(/[\r\n]+/g, '')),
  // "now" is the request's time: its Date header when present, else the server clock.
  'expiry-clock-from-date-header': () => {
    let requestTime: number | undefined;
    return {
      hooks: (app) => {
        app.addHook('onRequest', (request, _reply, done) => {
          const date = isEndpoint(request) ? Date.parse(String(request.headers.date ?? '')) : Number.NaN;
          requestTime = Number.isNaN(date) ? undefined : date;
          done();
        });
      },
      seams: (seams) => ({ isExpired: (request, now) => seams.isExpired(request, requestTime ?? now) }),
    };
  },
  // A failed-attempts counter on the request: the third E002 revokes it.
  'e002-attempts-revoke-token': () => {
    const attempts = new Map<string, number>();
    return businessRules(async (rules, deps, input) => {
      const outcome = await rules(deps, input);
      const request = deps.seams.findByToken(deps.store, input.token);
      if (outcome === 'E002' && request !== undefined) {
        const count = (attempts.get(request.tokenDigest) ?? 0) + 1;
        attempts.set(request.tokenDigest, count);
        if (count >= 3) deps.store.addResetRequest({ ...request, state: 'invalidated' });
      }
      return outcome;
    })();
  },
  // ── Password history ──
  'history-skips-current': () => ({ seams: (seams) => ({ passwordHistory: (customer, store) => seams.passwordHistory(customer, store).slice(1) }) }),
  'history-current-only': () => ({ seams: (seams) => ({ passwordHistory: (customer, store) => seams.passwordHistory(customer, store).slice(0, 1) }) }),
  'history-overwritten': () => ({ store: (store) => changeThen(store, (changed, before, change) => ({ ...changed, passwordHistory: [change.newPassword, ...before.passwordHistory.slice(1)] })) }),
  'history-case-insensitive': () => ({
    seams: (seams) => ({
      usedBefore: async (password, history) => {
        for (const candidate of caseVariants(password)) if (await seams.usedBefore(candidate, history)) return true;
        return false;
      },
    }),
  }),
  'history-strips-invisible': () => ({ seams: (seams) => ({ usedBefore: (password, history) => seams.usedBefore(password.replace(/[\p{Cc}\p{Cf}]/gu, '').trim(), history) }) }),
  'history-global': () => {
    const index = new StoreIndex();
    return {
      store: (store) => index.wrap(store),
      seams: () => ({ passwordHistory: () => index.customers().flatMap((c) => c.passwordHistory) }),
    };
  },
  // Pruned on write: the archive keeps the newest 5 after each change.
  'history-capped-on-write': () => ({ store: (store) => changeThen(store, (changed) => ({ ...changed, passwordHistory: changed.passwordHistory.slice(0, 5) })) }),
  // ── Business errors ──
  // The password is written before the step that fails, and not rolled back.
  'e001-still-changes-password': businessRules(async (rules, deps, input) => {
    const request = deps.seams.findByToken(deps.store, input.token);
    const outcome = await rules(deps, input);
    const customer = request && deps.store.findCustomer(request.customerId);
    if (outcome === 'E001' && request !== undefined && customer !== undefined) await changePassword(deps, input, request.tokenDigest, customer);
    return outcome;
  }),
  'e003-message-reworded': endpointAnswers((answer) => (businessCode(answer) === 'E003' ? { ...answer, message: 'Reset password request not found.' } : undefined)),
  'e002-message-of-e001': endpointAnswers((answer) => (businessCode(answer) === 'E002' ? { ...answer, message: BUSINESS_ERROR_MESSAGES.E001 } : undefined)),
  'business-error-status-400': endpointAnswers((answer, _request, reply) => {
    if (businessCode(answer) !== undefined) reply.code(400);
    return undefined;
  }),
  'business-error-platform-envelope': endpointAnswers((answer) => {
    const code = businessCode(answer);
    return code === undefined ? undefined : { error: { code, message: answer.message, description: answer.message } };
  }),
  'change-attempted-before-history': businessRules((rules, deps, input) => {
    const request = deps.seams.findByToken(deps.store, input.token);
    if (request?.state === 'pending' && !deps.seams.isExpired(request, deps.now()) && request.failPasswordChange) return Promise.resolve('E001');
    return rules(deps, input);
  }),
  // ── API key ──
  'key-regex-unanchored': keyFormat(/(PROD|DEV_|ROOT)[A-Za-z0-9]{28}/),
  'key-prefix-case-insensitive': keyFormat(new RegExp(API_KEY_FORMAT.source, 'i')),
  // Presence is checked as "undefined" only.
  'empty-key-as-format-error': keyProblemBecomes((problem, sources) => (presentedApiKey(sources) === '' ? 'PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT' : problem)),
  // Demo data left in the key registry.
  'sample-key-accepted': keyProblemBecomes((problem) => (problem === 'PUBLIC_API_KEY_SAMPLE_VALUE' ? null : problem)),
  // A development bypass: every well-formed key other than the sample is accepted.
  'unknown-key-accepted': keyProblemBecomes((problem) =>
    problem === 'PUBLIC_API_KEY_DOES_NOT_EXIST' || KEY_STATE_PROBLEMS.has(problem) ? null : problem,
  ),
  'bearer-key-ignored': () => ({ seams: (seams) => ({ apiKeyCheck: (sources, registry) => seams.apiKeyCheck({ ...sources, authorizationHeader: undefined }, registry) }) }),
  'body-key-ignored': () => ({ seams: (seams) => ({ apiKeyCheck: (sources, registry) => seams.apiKeyCheck({ ...sources, jsonBody: undefined }, registry) }) }),
  'body-validated-before-key': beforeEndpoint((request, reply, deps) => {
    const json = deps.seams.parseJsonBody(rawBodyOf(request));
    const early = json.ok ? deps.seams.readBody(json.value, deps.variations, deps.seams.normalizeCustomerRealIp) : json;
    return early.ok ? undefined : sendValidationError(reply, early.problem, deps.variations);
  }),
  'key-lookup-case-insensitive': () => ({ seams: (seams) => ({ apiKeyDigest: (key) => seams.apiKeyDigest(key.toLowerCase()) }) }),
  // PCRE's $ also matches before a final newline; the key is then trimmed for the lookup.
  'key-trailing-newline-accepted': () => ({
    seams: (seams) => ({
      apiKeyCheck: (sources: ApiKeySources, registry: ApiKeyRegistry) => {
        const key = presentedApiKey(sources);
        if (key !== undefined && /^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}\s$/.test(key)) return apiKeyProblem(key.trimEnd(), registry);
        return seams.apiKeyCheck(sources, registry);
      },
    }),
  }),
  'inactive-key-accepted': keyProblemBecomes((problem) => (problem === 'PUBLIC_API_KEY_IS_NOT_ACTIVE' ? null : problem)),
  'expired-key-accepted': keyProblemBecomes((problem) => (problem === 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED' ? null : problem)),
  // passport-http-bearer style: the strategy looks the key up and answers 401 itself when it finds none.
  'bearer-unknown-key-401': endpointAnswers((answer, request, reply) => {
    const fromQuery = new URLSearchParams(queryOf(request.url) ?? '').has('apiKey');
    const bearer = /^bearer /i.test(request.headers.authorization ?? '');
    if (fromQuery || !bearer || !isJsonObject(answer.error) || answer.error.code !== 'PUBLIC_API_KEY_DOES_NOT_EXIST') return undefined;
    reply.code(401).header('www-authenticate', 'Bearer realm="api", error="invalid_token"');
    return { error: 'invalid_token', error_description: 'The access token is invalid.' };
  }),
  // The same handler also answers the path with a trailing slash, where the key hook does not match.
  'key-skipped-with-trailing-slash': () => {
    let keyless = false;
    return {
      seams: (seams) => ({
        apiKeyCheck: (sources, registry) => {
          // The handler runs synchronously up to this call, so the flag belongs to the request that set it.
          const skip = keyless;
          keyless = false;
          return skip ? null : seams.apiKeyCheck(sources, registry);
        },
      }),
      hooks: (app, deps) => {
        app.post(`${ENDPOINT_PATH}/`, (request, reply) => {
          keyless = true;
          return deps.endpoint(request, reply);
        });
      },
    };
  },
  // ── customerRealIp ──
  'ip-loopback-not-normalized': ipVerdict((value) => (typeof value === 'string' && LOOPBACK_ALIASES.has(value) ? { valid: true, ip: value } : undefined)),
  'ip-localhost-rejected': ipVerdict((value) => (value === 'localhost' || value === '' ? { valid: false } : undefined)),
  'ip-not-validated': ipVerdict((value) => ({ valid: true, ip: String(value) })),
  'ip-lenient-parsing': () => ({
    seams: (seams) => ({
      normalizeCustomerRealIp: (value, variations) => seams.normalizeCustomerRealIp(typeof value === 'string' ? value.trim().replace(/\/\d+$/, '') : value, variations),
    }),
  }),
  // The change runs on the body as if it had no customerRealIp, and only then is the body refused.
  'ip-validated-after-change': endpointAnswers(async (answer, request, _reply, deps) => {
    if (!isValidationError(answer)) return undefined;
    const json = parseJsonBody(rawBodyOf(request));
    if (!json.ok || !isJsonObject(json.value)) return undefined;
    const withoutIp = readSetNewPasswordBody({ token: json.value.token, password: json.value.password });
    if (withoutIp.ok) await deps.seams.setNewPassword(deps, withoutIp.value);
    return undefined;
  }),
  // request.ip with trust-proxy: the first X-Forwarded-For entry wins over the body's customerRealIp.
  'ip-from-forwarded-for': ipRecordedFrom((request) => {
    const header = request.headers['x-forwarded-for'];
    return (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;
  }, false),
  // ── Request validation ──
  // The password check is a type check only.
  'empty-password-accepted': () => ({
    seams: (seams) => ({
      readBody: (json, variations, normalizeIp) => {
        if (!isJsonObject(json) || json.password !== '') return seams.readBody(json, variations, normalizeIp);
        const body = seams.readBody({ ...json, password: '-' }, variations, normalizeIp);
        return body.ok ? { ok: true, value: { ...body.value, password: '' } } : body;
      },
    }),
  }),
  // The thrown errors stand for what the buggy code would throw; the fallback handler answers 500.
  'non-string-token-500': () => ({
    seams: (seams) => ({
      readBody: (json, variations, normalizeIp) => {
        if (isJsonObject(json) && typeof json.token !== 'string' && Boolean(json.token)) {
          throw new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
        }
        return seams.readBody(json, variations, normalizeIp);
      },
    }),
  }),
  'null-body-500': () => ({
    seams: (seams) => ({
      readBody: (json, variations, normalizeIp) => {
        if (json === null) throw new TypeError("Cannot read properties of null (reading 'token')");
        return seams.readBody(json, variations, normalizeIp);
      },
    }),
  }),
  'validation-error-422': endpointAnswers((answer, _request, reply) => {
    if (isValidationError(answer)) reply.code(422);
    return undefined;
  }),
  'validation-error-unnamed-field': endpointAnswers((answer) =>
    isValidationError(answer) && isJsonObject(answer.error) ? { error: { ...answer.error, description: 'The request body is not valid.' } } : undefined,
  ),
  // The token picked from the raw body by a pattern that takes the first "token" member.
  'duplicate-token-first-wins': () => ({
    seams: (seams) => ({
      bodyFields: (json, request) => {
        const fields = seams.bodyFields(json, request);
        const first = /"token"\s*:\s*"([^"\\]*)"/.exec(rawBodyOf(request).toString('utf8'))?.[1];
        return fields.ok && isJsonObject(fields.value) && first !== undefined ? { ok: true, value: { ...fields.value, token: first } } : fields;
      },
    }),
  }),
  // Mass assignment: an expiresAt field is copied onto the stored reset request.
  'body-merged-into-request': () => ({
    seams: (seams, context) => ({
      readBody: (json, variations, normalizeIp) => {
        const body = seams.readBody(json, variations, normalizeIp);
        if (!body.ok || !isJsonObject(json) || typeof json.expiresAt !== 'string') return body;
        const stored = seams.findByToken(context.store, body.value.token);
        if (stored !== undefined) context.store.addResetRequest({ ...stored, expiresAt: Date.parse(json.expiresAt) });
        return body;
      },
    }),
  }),
  'no-body-limit': () => ({ bodyLimitBytes: 100 * 1024 * 1024 }),
  'invalid-utf8-replaced': () => ({
    seams: (seams) => ({ parseJsonBody: (bytes) => seams.parseJsonBody(Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf8')) }),
  }),
  // A framework's "all input" helper: query parameters over the JSON body's fields.
  'fields-read-from-query': () => ({
    seams: (seams) => ({
      bodyFields: (json, request) => {
        const fields = seams.bodyFields(json, request);
        if (!fields.ok || !isJsonObject(fields.value)) return fields;
        return { ok: true, value: { ...fields.value, ...Object.fromEntries(new URLSearchParams(queryOf(request.url) ?? '')) } };
      },
    }),
  }),
  'prototype-pollution': () => {
    const requestDefaults: Record<string, unknown> = {};
    return {
      seams: (seams) => ({
        bodyFields: (json, request) => {
          const fields = seams.bodyFields(json, request);
          if (!fields.ok || !isJsonObject(fields.value) || Object.hasOwn(fields.value, 'customerRealIp')) return fields;
          const inherited = defaultCustomerRealIp(requestDefaults, fields.value);
          return inherited === undefined ? fields : { ok: true, value: { ...fields.value, customerRealIp: inherited } };
        },
      }),
    };
  },
  'deep-nesting-breaks-later': () => {
    let brokenUntil = 0;
    return beforeEndpoint((request, reply, deps) => {
      if (deps.now() < brokenUntil) return sendPlatformError(reply, 'INTERNAL_SERVICE_UNAVAILABLE');
      if (nestingDepth(rawBodyOf(request)) > 1000) brokenUntil = deps.now() + 2_000;
      return undefined;
    })();
  },
  // Validation reads the parsed body (last duplicate); the recorder picks the first from the raw text.
  'duplicate-ip-first-recorded': ipRecordedFrom((request) => {
    const first = /"customerRealIp"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(rawBodyOf(request).toString('utf8'))?.[1];
    return first === undefined ? undefined : (JSON.parse(first) as string);
  }, true),
  // A body-parsing middleware that inflates gzip with no output limit: the size limit sees the compressed bytes.
  'gzip-body-inflated-unbounded': () => ({
    hooks: (app) => {
      app.addHook('preHandler', (request, _reply, done) => {
        if (isEndpoint(request) && /\bgzip\b/i.test(String(request.headers['content-encoding'] ?? ''))) {
          try {
            request.body = gunzipSync(rawBodyOf(request)); // no maxOutputLength
          } catch {
            // left as it is: the handler refuses it
          }
        }
        done();
      });
    },
  }),
  // Go's encoding/json: a member matches a field case-insensitively, and a later match overwrites an earlier one.
  'field-names-case-insensitive': () => ({
    seams: (seams) => ({
      bodyFields: (json, request) => {
        const fields = seams.bodyFields(json, request);
        if (!fields.ok || !isJsonObject(fields.value)) return fields;
        const bound: Record<string, unknown> = { ...fields.value };
        for (const [name, value] of Object.entries(fields.value)) {
          const field = ['token', 'password', 'customerRealIp'].find((known) => known.toLowerCase() === name.toLowerCase());
          if (field !== undefined) bound[field] = value;
        }
        return { ok: true, value: bound };
      },
    }),
  }),
  // ── HTTP semantics ──
  'content-type-ignored': () => ({ seams: () => ({ acceptsContentType: () => true }) }),
  'wrong-method-as-404': () => ({
    hooks: (app) => {
      app.addHook('onSend', (_request, reply, payload, done) => {
        if (reply.statusCode !== 405) return done(null, payload);
        reply.removeHeader('allow');
        reply.code(404);
        done(null, JSON.stringify(platformErrorBody('INTERNAL_NOT_FOUND')));
      });
    },
  }),
  'method-override-honoured': () => ({
    hooks: (app, deps) => {
      app.route({
        method: ['GET', 'PUT', 'PATCH', 'DELETE'],
        url: ENDPOINT_PATH,
        handler: (request, reply) => (asksForPost(request) ? deps.endpoint(request, reply) : reply.callNotFound()),
      });
    },
  }),
  // if (!contentType.includes('application/json')) return 415; plus a charset check.
  'content-type-substring': () => ({
    seams: () => ({
      acceptsContentType: (declared) => {
        const header = (declared ?? '').toLowerCase();
        const charset = /charset\s*=\s*"?([^;,"\s]+)/.exec(header)?.[1];
        return header.includes('application/json') && (charset === undefined || charset === 'utf-8');
      },
    }),
  }),
  // ── Response hygiene ──
  'fallback-errors-as-text': () => ({
    hooks: (app) => {
      app.addHook('onSend', (_request, reply, payload, done) => {
        if (reply.statusCode !== 404 && reply.statusCode !== 405) return done(null, payload);
        reply.type('text/plain');
        done(null, reply.statusCode === 405 ? 'Method Not Allowed' : 'Not Found');
      });
    },
  }),
  'validation-error-echoes-body': endpointAnswers((answer, request) => {
    if (!isValidationError(answer) || !isJsonObject(answer.error)) return undefined;
    return { error: { ...answer.error, description: `${String(answer.error.description)}: ${rawBodyOf(request).toString('utf8')}` } };
  }),
  'malformed-json-stack-trace': () => ({
    seams: (seams) => ({
      parseJsonBody: (bytes) => {
        const json = seams.parseJsonBody(bytes);
        if (json.ok || json.problem !== 'body must be valid JSON') return json;
        try {
          JSON.parse(Buffer.from(bytes).toString('utf8'));
          return json;
        } catch (error) {
          return { ok: false, problem: String((error as Error).stack) };
        }
      },
    }),
  }),
  'token-url-decoded': tokenForm(safeDecode),
  'token-dashes-stripped': tokenForm((token) => token.replace(/-/g, '')),
  'invalidated-request-history-first': businessRules(async (rules, deps, input) => {
    const request = deps.seams.findByToken(deps.store, input.token);
    if (request?.state === 'invalidated' && (await inHistory(input.password, deps.store.findCustomer(request.customerId)))) return 'E002';
    return rules(deps, input);
  }),
  'history-last-4': () => ({ seams: (seams) => ({ passwordHistory: (customer, store) => seams.passwordHistory(customer, store).slice(0, 4) }) }),
  // An UPDATE ... SET last_ip = COALESCE(last_ip, :ip): the first address recorded stays forever.
  'ip-first-write-wins': () => ({ store: (store) => changeThen(store, (changed, before, change) => ({ ...changed, lastRealIp: before.lastRealIp ?? change.realIp })) }),
  // A row lock on the request, not on the customer.
  'lock-per-token': () => ({ seams: () => ({ lockKey: (request) => request.tokenDigest }) }),
  // The sample-key check sits in the query-string path only: the same key from the body goes through.
  'sample-key-accepted-in-body': keyProblemBecomes((problem, sources) =>
    problem === 'PUBLIC_API_KEY_SAMPLE_VALUE' && isJsonObject(sources.jsonBody) && sources.jsonBody.apiKey === presentedApiKey(sources) ? null : problem,
  ),
  'blank-password-rejected': () => ({
    seams: (seams) => ({
      readBody: (json, variations, normalizeIp) => {
        const body = seams.readBody(json, variations, normalizeIp);
        return body.ok && body.value.password.trim() === '' ? { ok: false, problem: 'password must not be blank' } : body;
      },
    }),
  }),
  // A normalisation step meant for names.
  'password-trimmed-if-unicode': passwordBecomes((password) => ([...password].some((c) => (c.codePointAt(0) ?? 0) > 0x7f) ? password.trim() : password)),
  // A C string underneath: the password ends at its first NUL.
  'password-cut-at-nul': passwordBecomes((password) => password.split('\u0000')[0] ?? ''),
  // The history keeps seeded passwords, but an endpoint-set one only while it is current.
  'history-forgets-endpoint-passwords': () => {
    const setByEndpoint = new WeakSet<PasswordHash>();
    return {
      store: (store) =>
        changeThen(store, (changed, before, change) => {
          setByEndpoint.add(change.newPassword);
          return { ...changed, passwordHistory: [change.newPassword, ...before.passwordHistory.filter((p) => !setByEndpoint.has(p))] };
        }),
    };
  },
  // "Touch on activity": a failed attempt keeps the request alive for another hour.
  'expiry-extended-on-e002': businessRules(async (rules, deps, input) => {
    const outcome = await rules(deps, input);
    const request = deps.seams.findByToken(deps.store, input.token);
    if (outcome === 'E002' && request !== undefined) deps.store.addResetRequest({ ...request, expiresAt: deps.now() + 3_600_000 });
    return outcome;
  }),
  'used-token-header': endpointAnswers((answer, request, reply, deps) => {
    if (businessCode(answer) === 'E003' && submittedRequest(request, deps)?.state === 'consumed') reply.header('x-reset-state', 'consumed');
    return undefined;
  }),
  // A validator that reads DNS-style names: a trailing dot is dropped before the checks.
  'ip-trailing-dot-accepted': () => ({
    seams: (seams) => ({
      normalizeCustomerRealIp: (value, variations) => seams.normalizeCustomerRealIp(typeof value === 'string' && value.endsWith('.') ? value.slice(0, -1) : value, variations),
    }),
  }),
  // A hand-written IPv6 check that counts groups but not how many "::" there are.
  'ip-double-compression-accepted': ipVerdict((value) =>
    typeof value === 'string' && /^[0-9a-f:]+$/i.test(value) && (value.match(/::/g) ?? []).length === 2 ? { valid: true, ip: value } : undefined,
  ),
  // A validator that knows only hex groups: the IPv4 tail of an IPv6 text form is refused.
  'ip-embedded-ipv4-rejected': ipVerdict((value) => (typeof value === 'string' && value.includes(':') && value.includes('.') ? { valid: false } : undefined)),
  // Side effects written before the step that fails, and not rolled back.
  'e001-records-ip': businessRules(async (rules, deps, input) => {
    const request = deps.seams.findByToken(deps.store, input.token);
    const outcome = await rules(deps, input);
    const customer = request && deps.store.findCustomer(request.customerId);
    if (outcome === 'E001' && customer !== undefined && input.customerRealIp !== null) deps.store.addCustomer({ ...customer, lastRealIp: input.customerRealIp });
    return outcome;
  }),
  'e001-invalidates-siblings': () => {
    const index = new StoreIndex();
    const rules = businessRules(async (setNewPassword, deps, input) => {
      const request = deps.seams.findByToken(deps.store, input.token);
      const outcome = await setNewPassword(deps, input);
      if (outcome !== 'E001' || request === undefined) return outcome;
      for (const sibling of index.requestsOf(request.customerId)) {
        if (sibling.tokenDigest !== request.tokenDigest && sibling.state === 'pending') deps.store.addResetRequest({ ...sibling, state: 'invalidated' });
      }
      return outcome;
    })();
    return { store: (store) => index.wrap(store), ...rules };
  },
  'key-state-after-body': keyStateChecked(() => true),
  // Refused only for a live token: with a dead one the key learns E003/E004.
  'key-state-after-token': keyStateChecked((body, deps) => {
    const live = deps.seams.findByToken(deps.store, body.token);
    return live?.state === 'pending' && !deps.seams.isExpired(live, deps.now());
  }),
  // A body parser that takes forms too: a form body's fields are read like a JSON body's.
  'form-body-accepted': () => {
    const isForm = (contentType: string | undefined) => /^application\/x-www-form-urlencoded/i.test(contentType ?? '');
    return {
      seams: (seams) => ({
        acceptsContentType: (declared) => seams.acceptsContentType(declared) || isForm(declared),
        bodyFields: (json, request) =>
          isForm(request.declaredContentType) ? { ok: true, value: Object.fromEntries(new URLSearchParams(rawBodyOf(request).toString('utf8'))) } : seams.bodyFields(json, request),
      }),
    };
  },
  // A second unescaping pass (a framework's and then the app's): \u0041 becomes A, \" becomes ".
  'password-unescaped-twice': passwordBecomes(unescapedOnceMore),
  'undeclared-password-policy': () => ({ variations: { passwordMinLength: 8 } }),
  'version-banner': () => ({ variations: { versionBanner: true } }),
  'gateway-html-pages': () => ({ variations: { gatewayPages: true } }),
  'no-cache-control': () => ({
    hooks: (app) => {
      app.addHook('onSend', (_request, reply, payload, done) => {
        reply.removeHeader('cache-control');
        done(null, payload);
      });
    },
  }),
  // Stands for a column length limit the input was never validated against.
  'long-password-500': businessRules((rules, deps, input) => {
    if (input.password.length > 10_000) throw new Error('value too long for type character varying(10000)');
    return rules(deps, input);
  }),
  'success-sets-session-cookie': endpointAnswers((answer, _request, reply) => {
    if (isSuccess(answer)) reply.header('set-cookie', `session=${randomAlphanumeric(32)}; HttpOnly; Path=/`);
    return undefined;
  }),
  // A debugging route left on.
  'trace-echoes-request': () => ({
    hooks: (app) => {
      app.addHook('onRequest', (request, reply, done) => {
        if (request.method === 'TRACE') return reply.code(200).send({ method: request.method, url: request.url, headers: request.headers });
        done();
      });
    },
  }),
  'success-returns-customer-id': endpointAnswers((answer, request, _reply, deps) => {
    const owner = submittedRequest(request, deps);
    return isSuccess(answer) && owner !== undefined ? { ...answer, customerId: owner.customerId } : undefined;
  }),
  // cookie-session: req.session.old = req.body on every failure, serialized as base64 JSON into the cookie.
  'error-input-flashed-in-cookie': endpointAnswers((answer, request, reply) => {
    if (isSuccess(answer)) return undefined;
    const json = parseJsonBody(rawBodyOf(request));
    if (!json.ok || !isJsonObject(json.value)) return undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const [token, password] = [text(json.value.token), text(json.value.password)];
    const session = Buffer.from(JSON.stringify({ flash: { input: { token, password } } })).toString('base64');
    if (session.length <= 4000) reply.header('set-cookie', `session=${session}; Path=/; HttpOnly`); // a browser's cookie size
    return undefined;
  }),
  // The message template of the key-state errors has the registry row's key in it.
  'key-state-error-quotes-key': endpointAnswers((answer, request) => {
    const error = answer.error;
    if (!isJsonObject(error) || !KEY_STATE_PROBLEMS.has(error.code as PlatformErrorCode)) return undefined;
    const key = presentedApiKey(apiKeySourcesOf(request, parseJsonBody(rawBodyOf(request))));
    const what = error.code === 'PUBLIC_API_KEY_IS_NOT_ACTIVE' ? 'has been deactivated' : 'is past its expiration date';
    return { error: { ...error, description: `API key ${String(key)} ${what}.` } };
  }),
  // The framework's error renderer negotiates: a request that accepts HTML (*/* included) gets the HTML page.
  'error-page-for-wildcard-accept': () => ({
    hooks: (app) => {
      app.addHook('onSend', (request, reply, payload, done) => {
        const accept = String(request.headers.accept ?? '').toLowerCase();
        if (reply.statusCode < 400 || !/\*\/\*|text\/html/.test(accept)) return done(null, payload);
        reply.type('text/html; charset=utf-8');
        done(null, `<!doctype html>\n<html><head><title>Error ${reply.statusCode}</title></head><body><h1>Error ${reply.statusCode}</h1><p>Something went wrong.</p></body></html>\n`);
      });
    },
  }),
};
