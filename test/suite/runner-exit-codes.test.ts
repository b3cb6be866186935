// The contract's exit codes and one-line errors of `npm run conformance`.
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { startLoopbackProxy } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const VALID_KEY = `DEV_${'a'.repeat(28)}`;

describe('configuration errors exit 2 with one line, before any test', () => {
  test.each<{ label: string; env: Record<string, string>; line: RegExp }>([
    { label: 'a base URL that is not http(s)', env: { CONFORMANCE_BASE_URL: 'ftp://127.0.0.1', CONFORMANCE_API_KEY: VALID_KEY }, line: /must use http or https/ },
    { label: 'a malformed API key', env: { CONFORMANCE_BASE_URL: 'http://127.0.0.1:1', CONFORMANCE_API_KEY: 'nope' }, line: /CONFORMANCE_API_KEY does not match/ },
    { label: 'full mode against an external target without a state hook', env: { CONFORMANCE_BASE_URL: 'http://127.0.0.1:1', CONFORMANCE_API_KEY: VALID_KEY }, line: /needs CONFORMANCE_STATE_URL/ },
    { label: 'an unknown mode', env: { CONFORMANCE_MODE: 'fast' }, line: /CONFORMANCE_MODE must be/ },
    { label: 'a seed that is not a number', env: { CONFORMANCE_SEED: 'abc' }, line: /CONFORMANCE_SEED must be/ },
    { label: 'a profile file that does not exist', env: { CONFORMANCE_PROFILE: '/nonexistent/profile.json' }, line: /CONFORMANCE_PROFILE/ },
  ])('$label', async ({ env, line }) => {
    const run = await runConformance(env);
    expect(run.code).toBe(2);
    const errorLines = run.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(line);
    expect(run.report).toBeNull();
  });
});

test('an unreachable target exits 2 with one clear line within seconds', async () => {
  const port = await closedPort();
  const run = await runConformance({ CONFORMANCE_BASE_URL: `http://127.0.0.1:${port}`, CONFORMANCE_API_KEY: VALID_KEY, CONFORMANCE_MODE: 'safe' });
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toMatch(/^conformance: NOT JUDGED: target http:\/\/127\.0\.0\.1:\d+ is unreachable \(ECONNREFUSED\)/);
  expect(run.durationMs).toBeLessThan(10_000);
});

test('a state hook that refuses the token exits 2 with one line', async () => {
  const reference = await startReference();
  try {
    const run = await runConformance({ ...targetEnv(reference), CONFORMANCE_STATE_TOKEN: 'wrong-token' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/state hook refused the token/);
  } finally {
    await reference.close();
  }
});

test('the reference started separately passes as an external target (exit 0)', async () => {
  const reference = await startReference();
  try {
    const run = await runConformance(targetEnv(reference));
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.report?.target).toEqual({ baseUrl: reference.baseUrl, embedded: false });
  } finally {
    await reference.close();
  }
});

test('a target that stops answering mid-run: exit 2, cases not verified, no requirement failed', async () => {
  const reference = await startReference();
  const proxy = await startLoopbackProxy(reference.baseUrl, { intercept: (n) => (n > 60 ? 'drop' : null) });
  try {
    const run = await runConformance(targetEnv(reference, proxy.url));
    expect(run.code).toBe(2);
    expect(run.report?.summary.failedMust).toBe(0);
    expect(run.report?.summary.notVerified).toBeGreaterThan(0);
    // The proxy carries the state hook too: whichever call was dropped first names the reason.
    expect(run.stdout, run.stdout.slice(-1500)).toMatch(/conformance: exit 2: NOT JUDGED.*: \d+ case\(s\) could not be judged: (the target gave no answer|the state hook could not set up a state)/);
    expect(run.durationMs).toBeLessThan(30_000);
  } finally {
    await proxy.close();
    await reference.close();
  }
});
