// `--check-state-hook` (issue 10): passes on the reference's hook, and names each missing state of a hook
// that lacks some (a loopback stand-in that refuses those states and forwards the rest).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { startReference, type RunningReference } from '../../reference/start.js';
import { startLoopbackProxy } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

/** A state hook that answers 400 to `refused` states and forwards everything else to the reference's. */
async function hookWithout(reference: RunningReference, refused: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { state } = JSON.parse(body) as { state: string };
      if (refused.includes(state)) {
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `unknown state ${state}` }));
        return;
      }
      void fetch(reference.stateUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: req.headers.authorization ?? '' }, body }).then(async (answer) => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/state`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('passes on the reference (exit 0), and names each missing mandatory state (exit 2)', async () => {
  const reference = await startReference();
  const partial = await hookWithout(reference, ['expired reset request', 'reset request with failing password change']);
  try {
    const good = await runConformance(targetEnv(reference), 30_000, ['--check-state-hook']);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toContain('The state hook supports everything a full run needs.');

    const lacking = await runConformance({ ...targetEnv(reference), CONFORMANCE_STATE_URL: partial.url }, 30_000, ['--check-state-hook']);
    expect(lacking.code).toBe(2);
    expect(lacking.stdout).toMatch(/✘ setup "expired reset request" +missing/);
    expect(lacking.stdout).toMatch(/✘ setup "reset request with failing password change" +missing/);
    expect(lacking.stdout).toMatch(/without it: E001/);
    expect(lacking.stdout).toContain('2 mandatory check(s) failed');
  } finally {
    await partial.close();
    await reference.close();
  }
});

test('a full run against a hook that lacks a mandatory state is NOT JUDGED (exit 2), never NON-CONFORMANT', async () => {
  const reference = await startReference();
  const partial = await hookWithout(reference, ['expired reset request']);
  try {
    // Token lifecycle needs the missing state in some cases and not in others; API key needs no state.
    const run = await runConformance({ ...targetEnv(reference), CONFORMANCE_STATE_URL: partial.url, CONFORMANCE_SEED: '4' }, 120_000, ['--only', 'area:Token lifecycle,area:API key']);
    expect(run.code, run.stdout.slice(-2000)).toBe(2);
    expect(run.report?.verdict).toBe('not-judged');
    expect(run.report?.summary.failedMust).toBe(0);
    expect(run.report?.requirements.find((r) => r.id === 'SNP-E004-EXPIRED')?.notRun).toBe('not-verified');
    expect(run.report?.requirements.find((r) => r.id === 'SNP-KEY-FORMAT')?.status).toBe('passed');
  } finally {
    await partial.close();
    await reference.close();
  }
}, 150_000);

// The preflight's customer is removed while the run goes on (helpers/runner/preflight.ts): still before the
// run ends, whatever the run does. A run whose cases never use the hook shows the preflight's calls alone.
test('the preflight removes the customer it set up before the run ends', async () => {
  const reference = await startReference();
  const calls: { action: string; state: string }[] = [];
  const proxy = await startLoopbackProxy(reference.baseUrl, {
    delayMs: 30,
    observe: ({ url, body }) => {
      if (url.includes('__conformance')) calls.push(JSON.parse(body.toString('utf8')) as { action: string; state: string });
    },
  });
  try {
    const run = await runConformance({ ...targetEnv(reference, proxy.url), CONFORMANCE_SEED: '6' }, 60_000, ['--only', 'SNP-KEY-MISSING']);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(calls.map(({ action, state }) => `${action} ${state}`).sort()).toEqual([
      'setup conformance preflight: unknown state',
      'setup pending reset request',
      'teardown customer',
    ]);
  } finally {
    await proxy.close();
    await reference.close();
  }
});
