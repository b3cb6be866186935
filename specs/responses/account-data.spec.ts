// Profile: no answer carries account data (customer id, the recorded IP, hashes), whatever extra
// properties the profile allows; and a used token is answered exactly like a never-issued one, so
// answers do not tell which tokens were real (observable response discrepancy, CWE-204).
import { isDeepStrictEqual } from 'node:util';
import type { Faker } from '@faker-js/faker';
import { submit } from '../../helpers/http/endpoint-client.js';
import type { Exchange } from '../../helpers/http/exchange.js';
import { businessCode, success } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import type { StateArranger } from '../../helpers/state/state-arranger.js';
import { check } from '../../helpers/checks/check.js';

/** An unusual address, recorded by a first success, so it cannot appear in an answer by coincidence. */
const RECORDED_IP = '203.0.113.77';
/** Password-hash formats (PHC strings, bcrypt, crypt, Django). */
const HASH_FORMAT = /\$(2[abxy]?|argon2(id|i|d)?|scrypt|pbkdf2[-\w]*|[156])\$/;
/** Long hex strings (digests), searched in the body only: headers such as ETag may carry one legitimately. */
const HEX_DIGEST = /\b[0-9a-f]{40,}\b/i;

function headerText(exchange: Exchange): string {
  return Object.entries(exchange.headers).map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : (value ?? '')}`).join('\n');
}

/** JSON leaves of a body, for ids too short to search as text. */
function leaves(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

/** What account data the exchange shows, or null. */
function accountData(exchange: Exchange, customerId: string): string | null {
  const texts = { body: exchange.text, headers: headerText(exchange) };
  for (const [where, text] of Object.entries(texts)) {
    if (customerId.length >= 6 && text.includes(customerId)) return `the customer id appears in the ${where}`;
    if (text.includes(RECORDED_IP)) return `the recorded customerRealIp appears in the ${where}`;
    if (HASH_FORMAT.test(text)) return `a password hash appears in the ${where}`;
  }
  if (HEX_DIGEST.test(exchange.text)) return 'a long hex string (a digest) appears in the body';
  if (leaves(exchange.json).some((leaf) => String(leaf) === customerId)) return 'the customer id is a value of the body';
  return null;
}

interface Kind {
  label: string;
  /** For a customer whose last success recorded RECORDED_IP; `current` is its current password. */
  provoke: (customerId: string, current: string, usedToken: string, rand: Faker, state: StateArranger) => Promise<Exchange>;
}

const KINDS: Kind[] = [
  {
    label: 'success',
    provoke: async (customerId, _current, _used, rand, state) => {
      const { token } = await state.pendingRequest({ customerId });
      return submit({ token, password: randomPassword(rand), customerRealIp: RECORDED_IP });
    },
  },
  {
    label: 'E002',
    provoke: async (customerId, current, _used, _rand, state) => {
      const { token } = await state.pendingRequest({ customerId });
      return submit({ token, password: current });
    },
  },
  { label: 'E003 (the used token)', provoke: (_c, _cur, usedToken, rand) => submit({ token: usedToken, password: randomPassword(rand) }) },
  {
    label: 'E004',
    provoke: async (customerId, _current, _used, rand, state) => {
      const { token } = await state.expiredRequest({ customerId });
      return submit({ token, password: randomPassword(rand) });
    },
  },
  {
    label: 'validation error',
    provoke: async (customerId, _current, _used, _rand, state) => {
      const { token } = await state.pendingRequest({ customerId });
      return submit({ token, password: '', customerRealIp: RECORDED_IP });
    },
  },
];

const noAccountData = requirement('SNP-NO-ACCOUNT-DATA');
noAccountData.each(KINDS)('the $label answer carries no customer id, recorded IP or hash', async ({ provoke }, { rand, state }) => {
  const first = randomPassword(rand);
  const { customerId, token } = await state.pendingRequest();
  const firstSuccess = await submit({ token, password: first, customerRealIp: RECORDED_IP });
  check.outcome(firstSuccess, success());
  const found = accountData(firstSuccess, customerId);
  check.fact(found === null, 'no account data in the first success', found ?? '', firstSuccess);
  const exchange = await provoke(customerId, first, token, rand, state);
  const leaked = accountData(exchange, customerId);
  check.fact(leaked === null, 'no customer id, recorded IP or hash in body or headers', leaked ?? '', exchange);
});

const indistinguishable = requirement('SNP-USED-TOKEN-INDISTINGUISHABLE');
indistinguishable.each([
  { label: 'the key in the query', placement: 'query' as const },
  { label: 'the key as Bearer', placement: 'bearer' as const },
])('a used token is answered exactly like a never-issued one ($label)', async ({ placement }, { rand, state }) => {
  const { token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: randomPassword(rand) }), success());
  const used = await submit({ token, password: randomPassword(rand) }, { placement });
  const never = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { placement });
  check.outcome(used, businessCode('E003'));
  check.fact(used.status === never.status, `status ${never.status}, as for a never-issued token`, `status ${used.status}`, used);
  check.fact(isDeepStrictEqual(used.json, never.json),
    `the body of a never-issued token: ${never.text.slice(0, 300)}`,
    used.text.slice(0, 300),
    used,
  );
  // The same header names too (a marker header is the same leak), apart from those that vary per answer.
  const [usedNames, neverNames] = [stableHeaderNames(used), stableHeaderNames(never)];
  check.fact(isDeepStrictEqual(usedNames, neverNames), `the headers of a never-issued token's answer: ${neverNames.join(', ')}`, `headers ${usedNames.join(', ')}`, used);
});

/** Headers that differ from one answer to the next by nature (time, ids, counters, caches, connections). */
const PER_ANSWER_HEADER = /^(date|age|etag|last-modified|expires|content-length|transfer-encoding|connection|keep-alive|vary|via|set-cookie|retry-after|server-timing|traceparent|tracestate|cf-ray|x-cache.*|x-request-id|x-correlation-id|request-id|x-amzn?-.*|x-ratelimit-.*|ratelimit.*)$/;

function stableHeaderNames(exchange: Exchange): string[] {
  return Object.keys(exchange.headers).map((name) => name.toLowerCase()).filter((name) => !PER_ANSWER_HEADER.test(name)).sort();
}
