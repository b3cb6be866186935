// Issue 13: the suite never blames the target for the setup (key, URL), a rate limit, slowness or its own
// exceptions. Each of these runs against a correct reference and must end NOT JUDGED (exit 2) or
// CONFORMANT, never NON-CONFORMANT. Every run here is bounded in time. (A slow correct target: slow-target.test.ts.)
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { startLoopbackProxy, type ProxyAnswer } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

const RATE_LIMITED: ProxyAnswer = {
  status: 429,
  headers: { 'Content-Type': 'application/json', 'Retry-After': '120' },
  body: JSON.stringify({ error: { code: 'INTERNAL_TOO_MANY_REQUESTS', message: 'Too many requests.', description: 'Retry later.' } }),
};

describe('a wrong setup is one line and exit 2, before any test (observation 2)', () => {
  test.each([
    { label: 'a wrong but well-formed API key', change: (env: Record<string, string>) => ({ ...env, CONFORMANCE_API_KEY: `PROD${'Z'.repeat(28)}`, CONFORMANCE_MODE: 'safe' }), line: /the API key is refused: PUBLIC_API_KEY_DOES_NOT_EXIST/ },
    { label: 'a base URL with a wrong path prefix', change: (env: Record<string, string>) => ({ ...env, CONFORMANCE_BASE_URL: `${env.CONFORMANCE_BASE_URL}/v2` }), line: /answered HTTP 404.*check the path prefix/ },
  ])('$label', async ({ change, line }) => {
    const reference = await startReference();
    try {
      const run = await runConformance(change(targetEnv(reference)), 30_000);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(line);
      expect(run.stderr).toMatch(/^conformance: NOT JUDGED: /);
      expect(run.report).toBeNull();
    } finally {
      await reference.close();
    }
  });
});

test('a state hook of another environment than the API and key: one line and exit 2, not a failure per case', async () => {
  const api = await startReference();
  const other = await startReference();
  try {
    const run = await runConformance({ ...targetEnv(api), CONFORMANCE_STATE_URL: other.stateUrl, CONFORMANCE_STATE_TOKEN: other.stateToken }, 30_000);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^conformance: NOT JUDGED: the endpoint does not know a token the state hook just issued \(E003\)/);
    expect(run.report).toBeNull();
  } finally {
    await api.close();
    await other.close();
  }
});

test('a transient 503 with Retry-After from a gateway is waited out, not judged as a server error', async () => {
  const reference = await startReference();
  const busy: ProxyAnswer = { status: 503, headers: { 'Content-Type': 'text/html', 'Retry-After': '1' }, body: '<html><body>503 Service Temporarily Unavailable</body></html>' };
  const proxy = await startLoopbackProxy(reference.baseUrl, { intercept: (n) => (n === 40 || n === 41 ? busy : null) });
  try {
    const run = await runConformance({ ...targetEnv(reference, proxy.url), CONFORMANCE_SEED: '5' }, 60_000, ['--only', 'area:API key,SNP-NO-SERVER-ERROR']);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(run.report?.summary.retries).toBeGreaterThan(0);
  } finally {
    await proxy.close();
    await reference.close();
  }
});

test('a run that exits 2 early leaves no report of an earlier run behind (observation 6)', async () => {
  const reportsDir = mkdtempSync(join(tmpdir(), 'stale-reports-'));
  for (const file of ['conformance.json', 'conformance.md', 'cases.json', 'junit.xml']) writeFileSync(join(reportsDir, file), '{"verdict":"conformant"}');
  mkdirSync(join(reportsDir, 'allure-results'));
  const run = await runConformance({ CONFORMANCE_REPORTS_DIR: reportsDir, CONFORMANCE_SEED: 'not a number' }, 30_000);
  expect(run.code).toBe(2);
  for (const file of ['conformance.json', 'conformance.md', 'cases.json', 'junit.xml', 'allure-results']) expect(existsSync(join(reportsDir, file)), file).toBe(false);
});

describe('a target that rate-limits the suite past its patience is NOT JUDGED, never NON-CONFORMANT (observation 8)', () => {
  test('429 with Retry-After: 120 to everything: one line, "rate limited", within seconds', async () => {
    const reference = await startReference();
    const proxy = await startLoopbackProxy(reference.baseUrl, { intercept: () => RATE_LIMITED });
    try {
      const run = await runConformance(targetEnv(reference, proxy.url), 30_000);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^conformance: NOT JUDGED: target rate limited the suite \(429, Retry-After 120 s\)/);
      expect(run.durationMs).toBeLessThan(15_000);
    } finally {
      await proxy.close();
      await reference.close();
    }
  });

  test('429 with Retry-After: 120 from the middle of the run on: NOT JUDGED, no requirement failed', async () => {
    const reference = await startReference();
    const proxy = await startLoopbackProxy(reference.baseUrl, { intercept: (n) => (n > 80 ? RATE_LIMITED : null) });
    try {
      const run = await runConformance(targetEnv(reference, proxy.url), 60_000);
      expect(run.code, run.stdout.slice(-2000)).toBe(2);
      expect(run.report?.verdict).toBe('not-judged');
      expect(run.report?.summary.failedMust).toBe(0);
      expect(run.report?.verdictReason).toMatch(/could not be judged: rate limited/);
      expect(run.stdout).toMatch(/^Verdict: NOT JUDGED/m);
    } finally {
      await proxy.close();
      await reference.close();
    }
  });
});
