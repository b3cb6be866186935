// The command line: --help, --list, --only, --shard and --merge, and flags mirroring the settings.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { runConformance } from '../support/run-conformance.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'conformance-cli-'));

describe('listing and help', () => {
  test('--help names every flag and exits 0', async () => {
    const run = await runConformance({}, 30_000, ['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--base-url', '--api-key-env', '--mode', '--strict', '--seed', '--profile', '--expectations', '--list', '--only', '--shard', '--merge']) {
      expect(run.stdout).toContain(flag);
    }
  });

  test('--list prints every requirement with its level, basis and safety', async () => {
    const run = await runConformance({}, 30_000, ['--list']);
    expect(run.code).toBe(0);
    for (const r of REQUIREMENTS) expect(run.stdout).toMatch(new RegExp(`^${r.id}\\s+${r.level}\\s+${r.basis}\\s+${r.safe ? 'yes' : 'no'}\\s`, 'm'));
  });

  test.each([
    { args: ['--only', 'SNP-NOPE'], line: /--only matches no requirement: SNP-NOPE/ },
    { args: ['--only', 'area:Nowhere'], line: /--only matches no requirement: area:Nowhere/ },
    { args: ['--reporter', 'xml'], line: /--reporter must be console or json/ },
    { args: ['--api-key-env', 'CONFORMANCE_TEST_UNSET_VARIABLE'], line: /that environment variable is not set/ },
    { args: ['--shard', '3/2'], line: /--shard must be i\/n/ },
    { args: ['--frobnicate'], line: /Unknown option/ },
  ])('$args is refused with one line and exit 2', async ({ args, line }) => {
    const run = await runConformance({}, 30_000, args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(line);
  });
});

test('--only runs the named requirements and reports the others not selected', async () => {
  const run = await runConformance({ CONFORMANCE_SEED: '5' }, 60_000, ['--only', 'SNP-KEY-FORMAT', '--only', 'SNP-E003-UNKNOWN-TOKEN,SNP-E002-CURRENT-PASSWORD']);
  expect(run.code, run.stdout.slice(-2000)).toBe(0);
  const ran = run.report?.requirements.filter((r) => r.status === 'passed').map((r) => r.id).sort();
  expect(ran).toEqual(['SNP-E002-CURRENT-PASSWORD', 'SNP-E003-UNKNOWN-TOKEN', 'SNP-KEY-FORMAT']);
  const others = run.report?.requirements.filter((r) => !ran?.includes(r.id)) ?? [];
  expect(others.every((r) => r.status === 'not-run' && r.reason === 'not selected (--only)')).toBe(true);
});

test('two shards merged give the same verdict as one unsharded run', async () => {
  const env = { CONFORMANCE_SEED: '99' };
  // Three areas (10 spec files) rather than the whole suite: what is proved is the split and the merge.
  const only = ['--only', 'area:API key,area:Business errors,area:customerRealIp'];
  const [whole, first, second] = await Promise.all([
    runConformance(env, 120_000, only),
    runConformance({ ...env, CONFORMANCE_REPORTS_DIR: tempDir() }, 120_000, [...only, '--shard', '1/2']),
    runConformance({ ...env, CONFORMANCE_REPORTS_DIR: tempDir() }, 120_000, [...only, '--shard', '2/2']),
  ]);
  expect([whole.code, first.code, second.code]).toEqual([0, 0, 0]);
  const merged = await runConformance({ CONFORMANCE_REPORTS_DIR: tempDir() }, 30_000, ['--merge', first.reportsDir, second.reportsDir]);
  expect(merged.code, merged.stderr).toBe(0);
  const shape = (r: typeof whole.report) => r?.requirements.map(({ id, status, cases }) => ({ id, status, cases }));
  expect(shape(merged.report)).toEqual(shape(whole.report));
  expect(merged.report?.verdict).toBe(whole.report?.verdict);
  expect(merged.report?.summary.cases).toBe(whole.report?.summary.cases);
  // One Allure results folder for one report: every shard's result files, none lost.
  const results = (dir: string) => readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json')).length;
  expect(results(merged.reportsDir)).toBe(results(first.reportsDir) + results(second.reportsDir));
  expect(results(merged.reportsDir)).toBe(results(whole.reportsDir));
  // A merge writes JUnit too, from the same outcomes.
  expect(readFileSync(join(merged.reportsDir, 'junit.xml'), 'utf8')).toContain(`tests="${merged.report?.requirements.reduce((n, r) => n + r.cases.passed + r.cases.failed + r.cases.skipped + r.cases.notVerified, 0)}"`);

  // Observation 5: shards cannot lie. Each records its i/n and seed; a missing or doubled shard is refused.
  expect(first.report?.shard).toEqual({ index: 1, count: 2 });
  expect(first.report?.seed).toBe(99);
  const alone = await runConformance({ CONFORMANCE_REPORTS_DIR: tempDir() }, 30_000, ['--merge', first.reportsDir]);
  expect([alone.code, alone.stderr.trim()]).toEqual([2, 'conformance: NOT JUDGED: --merge: shard(s) 2/2 missing']);
  const twice = await runConformance({ CONFORMANCE_REPORTS_DIR: tempDir() }, 30_000, ['--merge', first.reportsDir, first.reportsDir]);
  expect([twice.code, twice.stderr.trim()]).toEqual([2, 'conformance: NOT JUDGED: --merge: shard 1/2 is given twice']);
  const unsharded = await runConformance({ CONFORMANCE_REPORTS_DIR: tempDir() }, 30_000, ['--merge', whole.reportsDir, second.reportsDir]);
  expect(unsharded.code).toBe(2);
  expect(unsharded.stderr).toMatch(/was not sharded/);
});
