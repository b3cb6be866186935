// Checks before any test runs, so a wrong key, a wrong URL, an unreachable target, a rate limit or an
// unusable state hook is one clear line and exit code 2, not a hundred failed requirements. Every probe is
// safe: a random never-issued token, and a customer the suite creates and removes itself.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ENDPOINT_PATH } from '../http/endpoint-path.js';
import { MAX_RETRY_WAIT_MS, retryAfterMs } from '../http/retry-after.js';
import type { Throttle } from '../http/throttle.js';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

/** 429 answers the preflight waits out (each at most MAX_RETRY_WAIT_MS) before it calls the target rate-limited. */
const PREFLIGHT_429_RETRIES = 2;

export interface Probe {
  status: number;
  headers: Headers;
  json: unknown;
  /** The exchange's own time (from leaving the caps' queue to the last byte), in ms. */
  answerMs: number;
}

/** One request and its whole answer, within the run's caps (the preflight's requests count like any other). */
async function exchange(url: string, init: RequestInit, timeoutMs: number, throttle: Throttle): Promise<{ response: Response; text: string; answerMs: number }> {
  return throttle.run(async () => {
    const started = performance.now();
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { response, text, answerMs: performance.now() - started };
  });
}

async function reach(url: string, init: RequestInit, what: string, timeoutMs: number, throttle: Throttle): Promise<Probe> {
  const limit = timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    let text: string;
    let answerMs: number;
    try {
      ({ response, text, answerMs } = await exchange(url, init, limit, throttle));
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new PreflightError(`${what} ${new URL(url).origin} is unreachable (${cause}) within ${limit / 1000} s`);
    }
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after') ?? undefined);
      if (waitMs > MAX_RETRY_WAIT_MS || attempt >= PREFLIGHT_429_RETRIES) {
        throw new PreflightError(`${what} rate limited the suite (429, Retry-After ${Math.round(waitMs / 1000)} s): try again later or lower CONFORMANCE_RATE`);
      }
      await sleep(waitMs);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, answerMs };
  }
}

function platformCode(json: unknown): string | undefined {
  const error = (json as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

function isBusinessBody(json: unknown): boolean {
  return typeof (json as { errorCode?: unknown } | null)?.errorCode === 'string';
}

/** What is wrong with the setup, judging by the answer to one ordinary request; null: the endpoint is there. */
export function setupProblem(probe: Probe, where: string): string | null {
  const { status, json } = probe;
  if (status >= 300 && status < 400) {
    return `${where} redirects (HTTP ${status} to ${probe.headers.get('location') ?? 'nowhere'}): check CONFORMANCE_BASE_URL (scheme, host, path prefix)`;
  }
  if (status === 502 || status === 503 || status === 504) return `${where} is unavailable (HTTP ${status}): try again later`;
  const code = platformCode(json);
  if (code?.startsWith('PUBLIC_API_KEY_')) return `the API key is refused: ${code} (check CONFORMANCE_API_KEY)`;
  // An HTML page is a website or a gateway, not the API; any other answer that is not JSON is the API's to be judged.
  const type = probe.headers.get('content-type') ?? '';
  if (json === undefined && status < 500 && /html/i.test(type)) {
    return `${where} answered HTTP ${status} with ${type}, not JSON: is CONFORMANCE_BASE_URL the API (scheme, host, path prefix)?`;
  }
  if ((status === 404 || status === 405) && !isBusinessBody(json)) {
    return `${where} answered HTTP ${status}${code ? ` ${code}` : ''}: no such endpoint there: check the path prefix of CONFORMANCE_BASE_URL`;
  }
  if ((status === 401 || status === 403) && code === undefined && !isBusinessBody(json)) {
    return `${where} answered HTTP ${status} without the platform's error envelope: check what stands in front of the API (a gateway's own authentication?)`;
  }
  return null;
}

/** A password every common policy accepts (12+ characters, upper and lower case, digits, a symbol). */
const preflightPassword = (): string => `Preflight-${randomBytes(8).toString('hex')}-Aa1`;

function submitToEndpoint(baseUrl: string, apiKey: string, token: string, password: string, timeoutMs: number, throttle: Throttle): Promise<Probe> {
  return reach(
    `${baseUrl}${ENDPOINT_PATH}?apiKey=${encodeURIComponent(apiKey)}`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, password }) },
    'target',
    timeoutMs,
    throttle,
  );
}

/**
 * Checks the target answers as the endpoint (an ordinary request with the key and a random never-issued
 * token), and returns its answer time in ms: the faster of two probes (the first also pays for the
 * connection and a cold server), each timed apart from its wait for the run's caps.
 */
export async function checkTarget(baseUrl: string, apiKey: string, timeoutMs: number, throttle: Throttle): Promise<number> {
  const where = `POST ${new URL(baseUrl).origin}${new URL(baseUrl).pathname.replace(/\/$/, '')}${ENDPOINT_PATH}`;
  let fastestMs = Infinity;
  for (let probes = 0; probes < 2; probes += 1) {
    const probe = await submitToEndpoint(baseUrl, apiKey, randomBytes(16).toString('hex'), preflightPassword(), timeoutMs, throttle);
    fastestMs = Math.min(fastestMs, probe.answerMs);
    const problem = setupProblem(probe, where);
    if (problem !== null) throw new PreflightError(problem);
  }
  return fastestMs;
}

/** One call of the state hook (a 429 waited out, no answer a PreflightError); the body read as JSON when it is. */
export async function callHook(stateUrl: string, stateToken: string | null, timeoutMs: number, payload: object, throttle: Throttle): Promise<Probe> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (stateToken) headers.Authorization = `Bearer ${stateToken}`;
  return reach(stateUrl, { method: 'POST', headers, body: JSON.stringify(payload) }, 'state hook', timeoutMs, throttle);
}

export interface HookTarget {
  baseUrl: string;
  apiKey: string;
  stateUrl: string;
  stateToken: string | null;
}

/** The pending request a set-up answered with, or null when it did not set one up. */
function createdRequest(setup: Probe): { customerId: string; token: string } | null {
  const { customerId, token } = (setup.json ?? {}) as { customerId?: unknown; token?: unknown };
  return setup.status === 200 && typeof customerId === 'string' && typeof token === 'string' ? { customerId, token } : null;
}

/**
 * The hook must refuse an unknown state with 400, accept the token, and set up and remove a pending request
 * whose token the endpoint knows: the customer's current password on it answers E002 (which changes
 * nothing), not E003. A hook of another environment than the API and key would fail every stateful case.
 * The probe and the set-up go side by side, and the customer's removal is left running (`removal`, which the
 * runner awaits before it ends): two round trips fewer before the first test, behind a distant hook.
 */
export async function checkStateHook({ baseUrl, apiKey, stateUrl, stateToken }: HookTarget, timeoutMs: number, throttle: Throttle): Promise<{ removal: Promise<void> }> {
  const current = preflightPassword();
  const [probe, setup] = await Promise.allSettled([
    callHook(stateUrl, stateToken, timeoutMs, { action: 'setup', state: 'conformance preflight: unknown state', params: {} }, throttle),
    callHook(stateUrl, stateToken, timeoutMs, { action: 'setup', state: 'pending reset request', params: { passwordHistory: [current] } }, throttle),
  ]);
  // Removed whatever else went wrong: the set-up may have created a customer beside a failing probe.
  const created = setup.status === 'fulfilled' ? createdRequest(setup.value) : null;
  const remove = async (): Promise<void> => {
    if (created !== null) await callHook(stateUrl, stateToken, timeoutMs, { action: 'teardown', state: 'customer', params: { customerId: created.customerId } }, throttle);
  };
  try {
    if (probe.status === 'rejected') throw probe.reason;
    const { status } = probe.value;
    if (status === 401 || status === 403) {
      throw new PreflightError(`state hook refused the token (HTTP ${status}): check CONFORMANCE_STATE_TOKEN`);
    }
    if (status >= 500 || status === 404 || (status >= 300 && status < 400)) {
      throw new PreflightError(`state hook is unusable: HTTP ${status} to a probe (expected 400 for an unknown state)`);
    }
    if (setup.status === 'rejected') throw setup.reason;
    if (created === null) {
      throw new PreflightError(`state hook cannot set up "pending reset request" (HTTP ${setup.value.status}): full mode needs it (see docs/state-hook.md, or run CONFORMANCE_MODE=safe)`);
    }
    const answer = await submitToEndpoint(baseUrl, apiKey, created.token, current, timeoutMs, throttle);
    if ((answer.json as { errorCode?: unknown } | undefined)?.errorCode === 'E003') {
      throw new PreflightError(
        'the endpoint does not know a token the state hook just issued (E003): CONFORMANCE_STATE_URL and CONFORMANCE_BASE_URL (and the key) must be the same environment',
      );
    }
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  }
  // A removal that fails leaves one preflight customer behind; the run's own cases show a broken hook.
  return { removal: remove().catch(() => undefined) };
}
