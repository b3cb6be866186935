// State hook v1.1: the optional states "inactive api key" and "expired api key". A hook that offers them
// hands out a key the endpoint refuses with its documented code; a hook without them answers 400, which
// the client reports as StateNotOfferedError (not run), never as a broken hook or a failure of the target.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { RunContext } from '../../helpers/run/run-context.js';
import { createRunCaps } from '../../helpers/run/run-caps.js';
import { startReference, type RunningReference } from '../../reference/start.js';

const context = { stateUrl: '', stateToken: null as string | null, caps: createRunCaps(null, 4), timeoutMs: 5_000 } as Partial<RunContext>;
vi.mock('../../helpers/run/run-context.js', () => ({ runContext: () => context }));
const { StateHookError, StateNotOfferedError, stateHook } = await import('../../helpers/state/state-hook-client.js');
const { redact } = await import('../../helpers/run/redaction.js');

let reference: RunningReference;
let v1Hook: Server;
let v1HookUrl: string;

beforeAll(async () => {
  reference = await startReference();
  // A version 1 hook: every state it does not know answers 400, as the contract asks.
  v1Hook = createServer((_req, res) => res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"unknown state"}'));
  await new Promise<void>((resolve) => v1Hook.listen(0, '127.0.0.1', resolve));
  v1HookUrl = `http://127.0.0.1:${(v1Hook.address() as AddressInfo).port}/state`;
});

afterAll(async () => {
  await reference.close();
  await new Promise((resolve) => v1Hook.close(resolve));
});

async function endpointCode(apiKey: string): Promise<unknown> {
  const res = await fetch(`${reference.baseUrl}/api/v1/customer/set-new-password?apiKey=${apiKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: 'Zq7Wx2Lm9Pk4Rt6Yb1Nc8Vd3Hs5Jf0Ga', password: 'Unit-Test-Pass-1' }),
  });
  return { status: res.status, code: ((await res.json()) as { error?: { code?: string } }).error?.code };
}

describe('state hook v1.1 optional states', () => {
  test.for([
    { label: 'inactive api key', get: () => stateHook.inactiveApiKey(), code: 'PUBLIC_API_KEY_IS_NOT_ACTIVE' },
    { label: 'expired api key', get: () => stateHook.expiredApiKey(), code: 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED' },
  ])('the reference offers "$label": a well-formed key the endpoint answers 404 $code, registered as a secret', async ({ get, code }) => {
    context.stateUrl = reference.stateUrl;
    context.stateToken = reference.stateToken;
    const apiKey = await get();
    expect(apiKey).toMatch(/^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$/);
    expect(await endpointCode(apiKey)).toEqual({ status: 404, code });
    expect(redact(`key ${apiKey}`)).not.toContain(apiKey);
  });

  test('a hook without them answers 400: StateNotOfferedError, not StateHookError', async () => {
    context.stateUrl = v1HookUrl;
    context.stateToken = null;
    await expect(stateHook.inactiveApiKey()).rejects.toBeInstanceOf(StateNotOfferedError);
    await expect(stateHook.expiredApiKey()).rejects.toBeInstanceOf(StateNotOfferedError);
    // A 400 to a mandatory state is still the hook failing.
    await expect(stateHook.pendingRequest()).rejects.toBeInstanceOf(StateHookError);
  });
});
