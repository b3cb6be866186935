// The reference implementation's own tests: the behaviour the bizkithub profile describes, checked
// in-process with fastify's inject (and once over a real socket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildReferenceApp } from '../../reference/app.js';
import { normalizeCustomerRealIp } from '../../reference/customer-ip.js';
import { ENDPOINT_PATH, STATE_HOOK_PATH } from '../../reference/paths.js';
import { randomAlphanumeric } from '../../reference/random-text.js';
import { startReference } from '../../reference/start.js';

const SAMPLE_KEY = 'PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE';
const INACTIVE_KEY = `ROOT${'a'.repeat(28)}`;
const UNKNOWN_KEY = `PROD${'b'.repeat(28)}`;

let clock = Date.now();
let app: FastifyInstance;
let apiKey: string;
let stateToken: string;

beforeAll(async () => {
  const reference = buildReferenceApp({ inactiveApiKeys: [INACTIVE_KEY], now: () => clock, bodyLimitBytes: 4096 });
  app = reference.app;
  apiKey = reference.credentials.apiKey;
  stateToken = reference.credentials.stateToken;
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

interface SubmitOptions {
  body?: unknown;
  rawBody?: string | Buffer;
  contentType?: string | null;
  query?: string;
  authorization?: string;
}

/** POST to the endpoint; by default with the valid key in the query and a JSON content type. */
function submit(options: SubmitOptions = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const query = options.query ?? `apiKey=${apiKey}`;
  return app.inject({
    method: 'POST',
    url: query === '' ? ENDPOINT_PATH : `${ENDPOINT_PATH}?${query}`,
    headers,
    payload: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}

/** POST to the state hook; `token: null` sends no Authorization header. */
function callHook(body: unknown, token: string | null = stateToken): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return app.inject({ method: 'POST', url: STATE_HOOK_PATH, headers, payload: JSON.stringify(body) });
}

async function setup(state: string, params: Record<string, unknown> = {}): Promise<{ customerId: string; token: string }> {
  const response = await callHook({ action: 'setup', state, params });
  expect(response.statusCode).toBe(200);
  return response.json<{ customerId: string; token: string }>();
}

async function inspect(customerId: string, password: string): Promise<{ passwordMatches: boolean; lastRealIp: string | null }> {
  const response = await callHook({ action: 'inspect', state: 'customer', params: { customerId, password } });
  expect(response.statusCode).toBe(200);
  return response.json<{ passwordMatches: boolean; lastRealIp: string | null }>();
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { code?: string } }>().error?.code;
}

function businessCode(response: LightMyRequestResponse): string | undefined {
  expect(response.statusCode).toBe(200);
  return response.json<{ errorCode?: string }>().errorCode;
}

describe('API key pipeline', () => {
  const malformedBody = { rawBody: '{"token":', contentType: 'nonsense' };

  it.each([
    ['no key at all', { query: '' }, 'PUBLIC_API_KEY_IS_EMPTY'],
    ['an empty query key', { query: 'apiKey=' }, 'PUBLIC_API_KEY_IS_EMPTY'],
    ['an empty Bearer key', { query: '', authorization: 'Bearer ' }, 'PUBLIC_API_KEY_IS_EMPTY'],
    ['a key with a leading space', { query: `apiKey=%20${UNKNOWN_KEY}` }, 'PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'],
    ['a key with a bad prefix', { query: `apiKey=TEST${'c'.repeat(28)}` }, 'PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'],
    ['a repeated query key', { query: `apiKey=${UNKNOWN_KEY}&apiKey=${UNKNOWN_KEY}` }, 'PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT'],
    ['the documentation sample key', { query: `apiKey=${SAMPLE_KEY}` }, 'PUBLIC_API_KEY_SAMPLE_VALUE'],
    ['an unknown well-formed key', { query: `apiKey=${UNKNOWN_KEY}` }, 'PUBLIC_API_KEY_DOES_NOT_EXIST'],
    ['an inactive key', { query: `apiKey=${INACTIVE_KEY}` }, 'PUBLIC_API_KEY_IS_NOT_ACTIVE'],
  ])('%s gets 404 with the key code, even with a broken body and content type', async (_name, options, code) => {
    const response = await submit({ ...malformedBody, ...options });
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe(code);
    expect(response.body).not.toContain(UNKNOWN_KEY);
  });

  it('accepts the key as a Bearer token and in the JSON body', async () => {
    const viaHeader = await submit({ query: '', authorization: `Bearer ${apiKey}`, body: { token: 'x', password: 'y' } });
    expect(businessCode(viaHeader)).toBe('E003');
    const viaBody = await submit({ query: '', body: { apiKey, token: 'x', password: 'y' } });
    expect(businessCode(viaBody)).toBe('E003');
  });

  it('takes the query key first, then the Bearer header, then the body', async () => {
    const queryWins = await submit({ query: `apiKey=${UNKNOWN_KEY}`, authorization: `Bearer ${apiKey}`, body: { token: 'x', password: 'y' } });
    expect(errorCode(queryWins)).toBe('PUBLIC_API_KEY_DOES_NOT_EXIST');
    const headerWins = await submit({ query: '', authorization: `Bearer ${UNKNOWN_KEY}`, body: { apiKey, token: 'x', password: 'y' } });
    expect(errorCode(headerWins)).toBe('PUBLIC_API_KEY_DOES_NOT_EXIST');
  });

  it('changes nothing when the key is rejected', async () => {
    const { customerId, token } = await setup('pending reset request');
    const rejected = await submit({ query: `apiKey=${UNKNOWN_KEY}`, body: { token, password: 'new-password-1' } });
    expect(rejected.statusCode).toBe(404);
    expect((await inspect(customerId, 'new-password-1')).passwordMatches).toBe(false);
    expect(await submit({ body: { token, password: 'new-password-1' } }).then((r) => r.json<unknown>())).toEqual({ success: true });
  });
});

describe('content type and body validation', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', null])(
    'answers 415 for content type %s',
    async (contentType) => {
      const response = await submit({ contentType, body: { token: 'x', password: 'y' } });
      expect(response.statusCode).toBe(415);
      expect(errorCode(response)).toBe('INTERNAL_UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('accepts application/json with a UTF-8 charset parameter', async () => {
    const response = await submit({ contentType: 'Application/JSON; charset="UTF-8"', body: { token: 'x', password: 'y' } });
    expect(businessCode(response)).toBe('E003');
  });

  it.each([
    ['truncated JSON', { rawBody: '{"token":"x"' }, 'body must be valid JSON'],
    ['an empty body', { rawBody: '' }, 'body must be valid JSON'],
    ['a leading byte order mark', { rawBody: '\uFEFF{"token":"x","password":"y"}' }, 'body must be valid JSON'],
    ['invalid UTF-8', { rawBody: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }, 'body must be valid UTF-8'],
    ['an array', { body: [] }, 'body must be a JSON object'],
    ['null', { body: null }, 'body must be a JSON object'],
    ['a missing token', { body: { password: 'y' } }, 'token must be a non-empty string'],
    ['a numeric token', { body: { token: 123, password: 'y' } }, 'token must be a non-empty string'],
    ['an object token', { body: { token: { $ne: null }, password: 'y' } }, 'token must be a non-empty string'],
    ['an empty password', { body: { token: 'x', password: '' } }, 'password must be a non-empty string'],
    ['a lone surrogate', { rawBody: '{"token":"x","password":"a\\ud800b"}' }, 'password must be well-formed Unicode'],
    ['a null customerRealIp', { body: { token: 'x', password: 'y', customerRealIp: null } }, 'customerRealIp'],
    ['a hostname customerRealIp', { body: { token: 'x', password: 'y', customerRealIp: 'example.com' } }, 'customerRealIp'],
  ])('answers 400 for %s', async (_name, options, description) => {
    const response = await submit(options);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INTERNAL_VALIDATION_FAILED');
    expect(response.json<{ error: { description: string } }>().error.description).toContain(description);
  });

  it('does not echo the submitted values', async () => {
    const response = await submit({ body: { token: 'MARKER-TOKEN', password: 'MARKER-PASSWORD', customerRealIp: 'MARKER-IP' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/MARKER/);
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await submit({ body: { token: 'x', password: 'p'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('INTERNAL_PAYLOAD_TOO_LARGE');
  });
});

describe('customerRealIp', () => {
  it.each([
    ['::1', '127.0.0.1'],
    ['0.0.0.0', '127.0.0.1'],
    ['localhost', '127.0.0.1'],
    ['', '127.0.0.1'],
    ['0:0:0:0:0:0:0:1', '127.0.0.1'],
    ['1.1.1.1', '1.1.1.1'],
    ['2001:4860:4860::8888', '2001:4860:4860::8888'],
  ])('accepts %j and records %s', (value, recorded) => {
    expect(normalizeCustomerRealIp(value)).toEqual({ valid: true, ip: recorded });
  });

  it.each(['01.1.1.1', '256.1.1.1', '1.2.3.4/24', '1.2.3.4:80', '1.2.3.4, 5.6.7.8', ' 1.1.1.1', 'fe80::1%eth0', '[::1]', 'LOCALHOST', 16909060, null, ['1.1.1.1']])(
    'rejects %j',
    (value) => {
      expect(normalizeCustomerRealIp(value)).toEqual({ valid: false });
    },
  );

  it('records the normalized address with a successful change, and null when absent', async () => {
    const first = await setup('pending reset request');
    await submit({ body: { token: first.token, password: 'pw-ip-1', customerRealIp: '::1' } });
    expect(await inspect(first.customerId, 'pw-ip-1')).toEqual({ passwordMatches: true, lastRealIp: '127.0.0.1' });

    const second = await setup('pending reset request', { customerId: first.customerId });
    await submit({ body: { token: second.token, password: 'pw-ip-2' } });
    expect(await inspect(first.customerId, 'pw-ip-2')).toEqual({ passwordMatches: true, lastRealIp: null });
  });
});

describe('business rules', () => {
  it('answers E003 for an unknown token and for near misses of a real one', async () => {
    const { token } = await setup('pending reset request');
    for (const probe of [randomAlphanumeric(32), token.toLowerCase(), `${token} `, token.slice(0, -1)]) {
      expect(businessCode(await submit({ body: { token: probe, password: 'whatever-1' } }))).toBe('E003');
    }
    expect(await submit({ body: { token, password: 'whatever-1' } }).then((r) => r.json<unknown>())).toEqual({ success: true });
  });

  it('answers E004 for an expired request, from the state and by the clock', async () => {
    const expired = await setup('expired reset request');
    expect(businessCode(await submit({ body: { token: expired.token, password: 'fresh-1' } }))).toBe('E004');

    const shortLived = await setup('pending reset request', { expiresInSeconds: 60 });
    clock += 60_000;
    try {
      expect(businessCode(await submit({ body: { token: shortLived.token, password: 'fresh-2' } }))).toBe('E004');
    } finally {
      clock -= 60_000;
    }
  });

  it('answers E002 for the current and any earlier password, and keeps the token usable', async () => {
    const { customerId, token } = await setup('pending reset request', { passwordHistory: ['current-pw', 'older-pw', 'oldest-pw'] });
    for (const reused of ['current-pw', 'older-pw', 'oldest-pw']) {
      const response = await submit({ body: { token, password: reused } });
      expect(businessCode(response)).toBe('E002');
      expect(response.json<{ message: string }>().message).toBe(
        'You have entered a previously used password. For security reasons, please enter a new and unique password.',
      );
    }
    expect(await submit({ body: { token, password: 'Current-pw' } }).then((r) => r.json<unknown>())).toEqual({ success: true });
    expect((await inspect(customerId, 'Current-pw')).passwordMatches).toBe(true);

    // The replaced password joins the history.
    const next = await setup('pending reset request', { customerId });
    expect(businessCode(await submit({ body: { token: next.token, password: 'current-pw' } }))).toBe('E002');
  });

  it('answers E001 for the failing state and changes nothing', async () => {
    const { customerId, token } = await setup('reset request with failing password change', { passwordHistory: ['before'] });
    const response = await submit({ body: { token, password: 'after' } });
    expect(businessCode(response)).toBe('E001');
    expect(response.json<{ message: string }>().message).toBe('Change password failed.');
    expect((await inspect(customerId, 'before')).passwordMatches).toBe(true);
  });

  it('consumes the token on success and invalidates the other pending requests', async () => {
    const first = await setup('pending reset request');
    const sibling = await setup('pending reset request', { customerId: first.customerId });
    const success = await submit({ body: { token: first.token, password: 'brand-new' } });
    expect(success.statusCode).toBe(200);
    expect(success.json<unknown>()).toEqual({ success: true });
    expect(success.headers['cache-control']).toBe('no-store');

    expect(businessCode(await submit({ body: { token: first.token, password: 'second-try' } }))).toBe('E003');
    expect(businessCode(await submit({ body: { token: sibling.token, password: 'third-try' } }))).toBe('E003');
    expect((await inspect(first.customerId, 'brand-new')).passwordMatches).toBe(true);
  });

  it('stores the password exactly as given', async () => {
    const password = ' Pass phrase \u00e9 🔐 ';
    const { customerId, token } = await setup('pending reset request');
    await submit({ body: { token, password } });
    expect((await inspect(customerId, password)).passwordMatches).toBe(true);
    expect((await inspect(customerId, password.trim())).passwordMatches).toBe(false);
    expect((await inspect(customerId, password.normalize('NFD'))).passwordMatches).toBe(false);
  });

  it('lets exactly one of 10 concurrent submissions of one token succeed', async () => {
    const { customerId, token } = await setup('pending reset request');
    const passwords = Array.from({ length: 10 }, (_, i) => `racer-${i}`);
    const responses = await Promise.all(passwords.map((password) => submit({ body: { token, password } })));
    const answers = responses.map((r) => r.json<{ success: boolean; errorCode?: string }>());

    expect(answers.filter((a) => a.success)).toHaveLength(1);
    expect(answers.filter((a) => a.errorCode === 'E003')).toHaveLength(9);
    const winner = passwords[answers.findIndex((a) => a.success)] ?? '';
    expect((await inspect(customerId, winner)).passwordMatches).toBe(true);
  });
});

describe('HTTP surface', () => {
  it.each(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const)('answers %s with 405 and Allow: POST', async (method) => {
    // light-my-request 6.6's method type lacks TRACE, which it sends all the same.
    const response = await app.inject({ method: method as InjectOptions['method'], url: `${ENDPOINT_PATH}?apiKey=${apiKey}` });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(errorCode(response)).toBe('INTERNAL_METHOD_NOT_ALLOWED');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  // Over a real socket: fastify's inject (light-my-request) passes a HEAD answer's payload through, which
  // no HTTP client ever receives.
  it('answers HEAD with 405 and no body', async () => {
    const running = await startReference();
    try {
      const response = await fetch(`${running.baseUrl}${ENDPOINT_PATH}`, { method: 'HEAD' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(await response.text()).toBe('');
    } finally {
      await running.close();
    }
  });

  it('answers unknown paths with the 404 envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope?apiKey=secret' });
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('INTERNAL_NOT_FOUND');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.body).not.toContain('secret');
  });
});

describe('state hook', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'wrong-token'],
  ])('answers 401 for %s', async (_name, token) => {
    const response = await callHook({ action: 'setup', state: 'pending reset request', params: {} }, token);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json<{ error: unknown }>().error).toBeDefined();
  });

  it.each([
    ['an unknown state', { action: 'setup', state: 'no such state', params: {} }],
    ['an unknown action', { action: 'destroy', state: 'customer', params: {} }],
    ['an unknown customer', { action: 'inspect', state: 'customer', params: { customerId: 'cus_none', password: 'x' } }],
    ['a bad history', { action: 'setup', state: 'pending reset request', params: { passwordHistory: ['ok', ''] } }],
    ['a negative lifetime', { action: 'setup', state: 'pending reset request', params: { expiresInSeconds: -1 } }],
    ['a missing action', { state: 'customer', params: {} }],
  ])('answers 400 for %s', async (_name, body) => {
    expect((await callHook(body)).statusCode).toBe(400);
  });

  it('tears a customer down idempotently', async () => {
    const { customerId, token } = await setup('pending reset request');
    const teardown = { action: 'teardown', state: 'customer', params: { customerId } };
    const first = await callHook(teardown);
    expect(first.statusCode).toBe(204);
    expect(first.body).toBe('');
    expect((await callHook(teardown)).statusCode).toBe(204);
    expect(businessCode(await submit({ body: { token, password: 'gone-1' } }))).toBe('E003');
  });
});

describe('startReference', () => {
  it('serves over a real socket and reports usable settings', async () => {
    const reference = await startReference({ apiKeys: [`DEV_${'d'.repeat(28)}`], stateToken: 'state-token-for-test' });
    try {
      expect(reference.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(reference.stateUrl).toBe(`${reference.baseUrl}${STATE_HOOK_PATH}`);
      expect(reference.apiKey).toBe(`DEV_${'d'.repeat(28)}`);

      const hook = await fetch(reference.stateUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${reference.stateToken}` },
        body: JSON.stringify({ action: 'setup', state: 'pending reset request', params: {} }),
      });
      const { token } = (await hook.json()) as { token: string };
      expect(token).toMatch(/^[A-Za-z0-9]{32}$/);

      const response = await fetch(`${reference.baseUrl}${ENDPOINT_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${reference.apiKey}` },
        body: JSON.stringify({ token, password: 'over-the-wire', customerRealIp: '1.1.1.1' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
    } finally {
      await reference.close();
      await reference.close();
    }
  });
});
