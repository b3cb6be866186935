// Ways to make the target answer each kind of response, shared by the specs that judge one property
// of many kinds (business-error envelope, status and message; response hygiene).
import type { Faker } from '@faker-js/faker';
import { DOCS_SAMPLE_API_KEY } from '../../fixtures/api-key-rule.js';
import { send, submit, type RawRequest } from '../http/endpoint-client.js';
import type { Exchange } from '../http/exchange.js';
import type { BusinessCode } from '../run/profile.js';
import { randomLongText, randomPassword, randomToken } from '../run/random.js';
import type { StateArranger } from '../state/state-arranger.js';
import { runContext } from '../run/run-context.js';

export interface Provoked {
  exchange: Exchange;
  /** Everything secret the request carried: the response must echo none of it. */
  secrets: string[];
}

export interface Provocation {
  label: string;
  needsState: boolean;
  /** A gateway may answer this one before the application runs (wrong method, oversized body). */
  gatewayKind?: true;
  provoke: (rand: Faker, state: StateArranger) => Promise<Provoked>;
}

/** Sends a raw request built around a fresh token and password, the valid key in the query. */
async function sentRaw(rand: Faker, build: (token: string, password: string, apiKey: string) => RawRequest): Promise<Provoked> {
  const token = randomToken(rand);
  const password = randomPassword(rand);
  const { apiKey } = runContext();
  return { exchange: await send(build(token, password, apiKey)), secrets: [token, password, apiKey] };
}

async function submitted(fields: { token: string; password: string; [k: string]: unknown }, apiKey?: string): Promise<Provoked> {
  const exchange = await submit(fields, apiKey === undefined ? {} : { apiKey });
  return { exchange, secrets: [fields.token, fields.password, apiKey ?? runContext().apiKey] };
}

/** How to provoke each business error. */
export const BUSINESS_ERROR_PROVOCATIONS: Record<BusinessCode, Provocation> = {
  E001: {
    label: 'E001: a change that fails',
    needsState: true,
    provoke: async (rand, state) => {
      const { token } = await state.failingChangeRequest();
      return submitted({ token, password: randomPassword(rand) });
    },
  },
  E002: {
    label: 'E002: the current password',
    needsState: true,
    provoke: async (rand, state) => {
      const current = randomPassword(rand);
      const { token } = await state.pendingRequest({ passwordHistory: [current] });
      return submitted({ token, password: current });
    },
  },
  E003: {
    label: 'E003: a never-issued token',
    needsState: false,
    provoke: (rand) => submitted({ token: randomToken(rand), password: randomPassword(rand) }),
  },
  E004: {
    label: 'E004: an expired request',
    needsState: true,
    provoke: async (rand, state) => {
      const { token } = await state.expiredRequest();
      return submitted({ token, password: randomPassword(rand) });
    },
  },
};

/** One request per kind of response the endpoint gives: every one is judged for hygiene. */
export const RESPONSE_KINDS: Provocation[] = [
  {
    label: 'success',
    needsState: true,
    provoke: async (rand, state) => {
      const { token } = await state.pendingRequest();
      return submitted({ token, password: randomPassword(rand), customerRealIp: '1.1.1.1' });
    },
  },
  ...Object.values(BUSINESS_ERROR_PROVOCATIONS),
  {
    label: 'key missing',
    needsState: false,
    provoke: async (rand) => {
      const fields = { token: randomToken(rand), password: randomPassword(rand) };
      return { exchange: await submit(fields, { placement: 'none' }), secrets: [fields.token, fields.password] };
    },
  },
  {
    label: 'key malformed',
    needsState: false,
    provoke: (rand) => submitted({ token: randomToken(rand), password: randomPassword(rand) }, `DEV-${rand.string.alphanumeric(28)}`),
  },
  {
    label: 'key unknown',
    needsState: false,
    provoke: (rand) => submitted({ token: randomToken(rand), password: randomPassword(rand) }, `ROOT${rand.string.alphanumeric(28)}`),
  },
  {
    label: "docs' sample key",
    needsState: false,
    provoke: (rand) => submitted({ token: randomToken(rand), password: randomPassword(rand) }, DOCS_SAMPLE_API_KEY),
  },
  // Keys the registry knows but refuses: an answer built from the key's record may quote it (state hook v1.1).
  {
    label: 'key inactive',
    needsState: true,
    provoke: async (rand, state) => submitted({ token: randomToken(rand), password: randomPassword(rand) }, await state.inactiveApiKey()),
  },
  {
    label: 'key expired',
    needsState: true,
    provoke: async (rand, state) => submitted({ token: randomToken(rand), password: randomPassword(rand) }, await state.expiredApiKey()),
  },
  {
    // Safe mode sends only random string tokens (a non-string token could match a real request on a
    // target with a lookup bug), so the ill-typed field here is the password.
    label: 'validation error: password not a string',
    needsState: false,
    provoke: async (rand) => {
      const token = randomToken(rand);
      return { exchange: await submit({ token, password: 12345678 }), secrets: [token, runContext().apiKey] };
    },
  },
  {
    label: 'validation error: invalid customerRealIp',
    needsState: false,
    provoke: (rand) => submitted({ token: randomToken(rand), password: randomPassword(rand), customerRealIp: '999.1.1.1' }),
  },
  {
    label: 'malformed JSON',
    needsState: false,
    provoke: (rand) => sentRaw(rand, (token, password, apiKey) => ({ query: { apiKey }, body: `{"token":"${token}","password":"${password}"` })),
  },
  {
    label: 'wrong content type (text/plain)',
    needsState: false,
    provoke: (rand) =>
      sentRaw(rand, (token, password, apiKey) => ({ query: { apiKey }, contentType: 'text/plain', body: JSON.stringify({ token, password }) })),
  },
  {
    label: 'method GET',
    needsState: false,
    gatewayKind: true,
    provoke: (rand) => sentRaw(rand, (token, password, apiKey) => ({ method: 'GET', query: { apiKey, token, password }, contentType: null })),
  },
  {
    label: 'body too large (1 MB)',
    needsState: false,
    gatewayKind: true,
    provoke: async (rand) => {
      const token = randomToken(rand);
      const password = randomLongText(rand, 1024 * 1024);
      const { apiKey } = runContext();
      const exchange = await send({ query: { apiKey }, body: JSON.stringify({ token, password }) });
      return { exchange, secrets: [token, apiKey] };
    },
  },
];
