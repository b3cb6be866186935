// Safe mode's promise, request by request: against a target that has the bug a request probes, a safe run
// must still change nothing, so every token it sends anywhere is a random never-issued 32-character
// alphanumeric string: never a pattern, wildcard, operator, non-string, empty or missing token. A proxy
// in front of the reference records every request of a safe run, and each one is checked.
import { expect, test } from 'vitest';
import { startLoopbackProxy, type ObservedRequest } from '../../scripts/support/loopback-proxy.js';
import { startReference } from '../../reference/start.js';
import { runConformance } from '../support/run-conformance.js';

const ENDPOINT = '/api/v1/customer/set-new-password';

const RANDOM_TOKEN = /^[A-Za-z0-9]{32}$/;

/** Why this request could hand a buggy lookup something other than a random token, or null. */
function unsafeToken(request: ObservedRequest): string | null {
  const query = new URLSearchParams(request.url.split('?')[1] ?? '');
  for (const value of query.getAll('token')) if (!RANDOM_TOKEN.test(value)) return 'a query token that is not a random 32-character string';
  if (request.body.length === 0) return request.method === 'POST' ? 'a POST without a body (a lenient handler reads token as undefined)' : null;

  // Every "token" member in the raw text (double or single quotes), as a first-wins or lenient parser
  // (JSON5, a regex) would read it.
  const raw = request.body.toString('latin1');
  const members = [...raw.matchAll(/(["'])token\1\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,}\s]+)/g)].map((m) => m[2] as string);
  for (const member of members) if (!/^(["'])[A-Za-z0-9]{32}\1$/.test(member)) return 'a "token" member that is not a random 32-character string';

  let json: unknown;
  try {
    json = JSON.parse(request.body.toString('utf8'));
  } catch {
    // Not JSON: no handler gets a token out of it, unless its text has one (checked above).
    return members.length > 0 || request.method !== 'POST' ? null : 'a POST body without any token';
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'a JSON body that is not an object (body.token reads undefined)';
  const token = (json as Record<string, unknown>).token;
  if (typeof token !== 'string' || !RANDOM_TOKEN.test(token)) return 'a JSON body whose token is not a random 32-character string';
  return null;
}

test('a safe run sends only random 32-character string tokens, in every body and query', { timeout: 180_000 }, async () => {
  const reference = await startReference();
  const seen: ObservedRequest[] = [];
  const proxy = await startLoopbackProxy(reference.baseUrl, { observe: (request) => seen.push(request) });
  try {
    const run = await runConformance({ CONFORMANCE_BASE_URL: proxy.url, CONFORMANCE_API_KEY: reference.apiKey, CONFORMANCE_MODE: 'safe', CONFORMANCE_SEED: '20261129' });
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    // The runner's preflight included: it sends a random never-issued token with the key.
    const toEndpoint = seen.filter((request) => request.url.startsWith(ENDPOINT));
    expect(toEndpoint.length).toBeGreaterThan(100);
    const unsafe = toEndpoint.flatMap((request) => {
      const why = unsafeToken(request);
      // The method and the reason only: the body may hold the run's API key.
      return why === null ? [] : [`${request.method} ${why}`];
    });
    expect(unsafe).toEqual([]);
  } finally {
    await proxy.close();
    await reference.close();
  }
});
