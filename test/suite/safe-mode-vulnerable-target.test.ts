// Safe mode must be safe against a VULNERABLE target (suite contract, CONFORMANCE_MODE=safe: "only random
// never-issued tokens, never a pattern, wildcard or operator that a buggy lookup could match to a real
// request"). Against the reference with a token-lookup bug switched on, a safe run must leave a canary
// customer's pending reset request untouched. A control then shows the bug is live: one pattern or
// operator token, sent by hand, does reset a second canary. (That full mode catches these faults is
// test/self-validation/faults.test.ts's job.)
import { describe, expect, test } from 'vitest';
import type { FaultName } from '../../reference/faults.js';
import { startReference, type RunningReference } from '../../reference/start.js';
import { runConformance } from '../support/run-conformance.js';

const ENDPOINT = '/api/v1/customer/set-new-password';

async function hook(reference: RunningReference, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(reference.stateUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${reference.stateToken}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function canary(reference: RunningReference, password: string): Promise<{ customerId: string; token: string }> {
  const answer = await hook(reference, { action: 'setup', state: 'pending reset request', params: { passwordHistory: [password] } });
  return { customerId: String(answer.customerId), token: String(answer.token) };
}

async function isCurrent(reference: RunningReference, customerId: string, password: string): Promise<boolean> {
  const answer = await hook(reference, { action: 'inspect', state: 'customer', params: { customerId, password } });
  return answer.passwordMatches === true;
}

async function reset(reference: RunningReference, token: unknown, password: string): Promise<unknown> {
  const res = await fetch(`${reference.baseUrl}${ENDPOINT}?apiKey=${reference.apiKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  return res.json();
}

const VULNERABLE: { fault: FaultName; probe: unknown }[] = [
  { fault: 'token-lookup-like', probe: '%' },
  { fault: 'token-operator-object', probe: { $ne: null } },
];

describe('a safe run against a target with a token-lookup bug changes nothing', () => {
  test.for(VULNERABLE)('fault $fault: the canary request survives the safe run, and the bug is live', { timeout: 180_000 }, async ({ fault, probe }) => {
    const reference = await startReference({ faults: [fault] });
    try {
      const canaryPassword = 'Canary-Pass-2026-a';
      const first = await canary(reference, canaryPassword);

      const run = await runConformance({
        CONFORMANCE_BASE_URL: reference.baseUrl,
        CONFORMANCE_API_KEY: reference.apiKey,
        CONFORMANCE_MODE: 'safe',
        CONFORMANCE_SEED: '20261129',
      });
      expect(run.report?.mode, run.stdout.slice(-2000)).toBe('safe');
      expect(await isCurrent(reference, first.customerId, canaryPassword), "the canary's password after the safe run").toBe(true);
      expect(await reset(reference, first.token, 'Canary-Pass-2026-b'), "the canary's token after the safe run").toEqual({ success: true });
      // Safe mode cannot see these bugs (it never sends what would trigger them), so the run passes.
      expect(run.code, run.stdout.slice(-2000)).toBe(0);

      // The control: the probe a careless safe mode would send does reset a real request here.
      const secondPassword = 'Canary-Pass-2026-c';
      const second = await canary(reference, secondPassword);
      expect(await reset(reference, probe, 'Canary-Pass-2026-d')).toEqual({ success: true });
      expect(await isCurrent(reference, second.customerId, secondPassword)).toBe(false);
    } finally {
      await reference.close();
    }
  });
});
