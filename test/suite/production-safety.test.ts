// A PROD key runs safe mode: no state-hook call and no successful change, counted at the reference.
import { expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { runConformance } from '../support/run-conformance.js';

const PROD_KEY = `PROD${'Pz9'.repeat(9)}q`;

async function hook(url: string, token: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

test('with a PROD key the run is safe mode, calls no state hook and changes nothing', async () => {
  const seen: { method: string; path: string; statusCode: number }[] = [];
  const reference = await startReference({ apiKeys: [PROD_KEY], requestLog: (entry) => seen.push(entry) });
  try {
    // A canary customer the suite must never touch, observed through the hook before and after.
    const canaryPassword = 'canary-password-1';
    const canary = await hook(reference.stateUrl, reference.stateToken, { action: 'setup', state: 'pending reset request', params: { passwordHistory: [canaryPassword] } });
    const before = seen.length;

    const run = await runConformance({
      CONFORMANCE_BASE_URL: reference.baseUrl,
      CONFORMANCE_API_KEY: PROD_KEY,
      CONFORMANCE_STATE_URL: reference.stateUrl,
      CONFORMANCE_STATE_TOKEN: reference.stateToken,
    });
    const during = seen.slice(before);

    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3).join('\n')).toMatch(/mode safe \(the API key has the PROD prefix/);
    expect(run.report?.mode).toBe('safe');
    expect(during.length).toBeGreaterThan(100);
    expect(during.filter((e) => e.path.startsWith('/__conformance'))).toEqual([]);

    const inspect = await hook(reference.stateUrl, reference.stateToken, { action: 'inspect', state: 'customer', params: { customerId: canary.customerId, password: canaryPassword } });
    expect(inspect.passwordMatches).toBe(true);
    // The canary's token was not consumed either: it still completes a reset.
    const res = await fetch(`${reference.baseUrl}/api/v1/customer/set-new-password?apiKey=${PROD_KEY}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: canary.token, password: 'canary-password-2' }),
    });
    expect(await res.json()).toEqual({ success: true });
  } finally {
    await reference.close();
  }
});
