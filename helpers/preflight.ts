// Checks before any test runs, so an unreachable target or an unusable state hook is one clear line and
// exit code 2, not a hundred failed requirements.
import { ENDPOINT_PATH } from './endpoint-client.js';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

/** The preflight does not wait longer than this, whatever the per-request timeout. */
const MAX_PREFLIGHT_MS = 5_000;

async function reach(url: string, init: RequestInit, what: string, timeoutMs: number): Promise<Response> {
  const limit = Math.min(timeoutMs, MAX_PREFLIGHT_MS);
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(limit) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new PreflightError(`${what} ${new URL(url).origin} is unreachable (${cause}) within ${limit / 1000} s`);
  }
}

/** Any HTTP answer means the target is there; the key is not sent. */
export async function checkTarget(baseUrl: string, timeoutMs: number): Promise<void> {
  await reach(`${baseUrl}${ENDPOINT_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, 'target', timeoutMs);
}

/** An unknown state must answer 400 (contract); 401/403 means the token is wrong. */
export async function checkStateHook(stateUrl: string, stateToken: string | null, timeoutMs: number): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (stateToken) headers.Authorization = `Bearer ${stateToken}`;
  const body = JSON.stringify({ action: 'setup', state: 'conformance preflight: unknown state', params: {} });
  const response = await reach(stateUrl, { method: 'POST', headers, body }, 'state hook', timeoutMs);
  if (response.status === 401 || response.status === 403) {
    throw new PreflightError(`state hook refused the token (HTTP ${response.status}): check CONFORMANCE_STATE_TOKEN`);
  }
  if (response.status >= 500 || response.status === 404) {
    throw new PreflightError(`state hook is unusable: HTTP ${response.status} to a probe (expected 400 for an unknown state)`);
  }
}
