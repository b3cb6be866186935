// The known-deviations flow end to end: a target that fails one MUST requirement exits 1 and the console
// names it with Expected/Actual; `npm run expectations` turns that run into an expectations file, with
// which the same target exits 0; once the target is fixed, the run reports the unexpected pass and exits 1.
// The failing target is the embedded reference judged with a profile that expects E003 as 404 (it
// answers 200); --only keeps each run to that one requirement.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { loadExpectations } from '../../helpers/run/expectations.js';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { runConformance, type ConformanceRun } from '../support/run-conformance.js';
import { runScript } from './run-script.js';

const ID = 'SNP-BUSINESS-ERROR-STATUS';
let work: string;
let profile: string;

async function conformance(name: string, env: Record<string, string>): Promise<ConformanceRun & { report: ConformanceReport }> {
  const run = await runConformance({ CONFORMANCE_REPORTS_DIR: join(work, name), CONFORMANCE_SEED: '4', ...env }, 120_000, ['--only', ID]);
  if (run.report === null) throw new Error(`the run wrote no conformance.json: ${run.stdout.slice(-2000)}${run.stderr}`);
  return { ...run, report: run.report };
}

function statusOf(report: ConformanceReport): string | undefined {
  return report.requirements.find((r) => r.id === ID)?.status;
}

async function expectationsFrom(reportsDir: string, env: Record<string, string> = {}): Promise<{ expectedFailures: { id: string; reason: string }[] }> {
  const printed = await runScript('scripts/expectations-from-last-run.ts', [], { CONFORMANCE_REPORTS_DIR: reportsDir, ...env });
  expect(printed.code, printed.stderr).toBe(0);
  return JSON.parse(printed.stdout) as { expectedFailures: { id: string; reason: string }[] };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'expectations-flow-'));
  profile = join(work, 'e003-404.json');
  writeFileSync(profile, JSON.stringify({
    name: 'e003-404',
    description: 'Expects E003 as 404; the reference answers 200.',
    businessErrorStatus: { E001: 200, E002: 200, E003: 404, E004: 200 },
    validationError: { status: 400, code: 'INTERNAL_VALIDATION_FAILED' },
    extraBodyProperties: 'allowed',
  }));
});

test('fails one MUST requirement: exit 1, named with Expected/Actual; listed as expected: exit 0; fixed: unexpected pass, exit 1', async () => {
  const failing = await conformance('failing', { CONFORMANCE_PROFILE: profile });
  expect(failing.code, failing.stdout.slice(-3000)).toBe(1);
  expect(failing.report.requirements.filter((r) => r.status === 'failed').map((r) => `${r.id} ${r.level}`)).toEqual([`${ID} MUST`]);
  expect(failing.stdout).toContain(`✘ ${ID} failed`);
  expect(failing.stdout).toMatch(/Expected: 404 with errorCode "E003"/);
  expect(failing.stdout).toMatch(/Actual: 200 \{/);

  const fresh = await expectationsFrom(failing.reportsDir);
  expect(fresh.expectedFailures.map((e) => e.id)).toEqual([ID]);
  expect(fresh.expectedFailures[0]?.reason).toMatch(/^TODO/);
  const expectations = join(work, 'expectations.json');
  writeFileSync(expectations, JSON.stringify(fresh, null, 2));
  expect(loadExpectations(expectations)).toEqual(fresh.expectedFailures); // valid against the schema

  const expected = await conformance('expected', { CONFORMANCE_PROFILE: profile, CONFORMANCE_EXPECTATIONS: expectations });
  expect(expected.code, expected.stdout.slice(-3000)).toBe(0);
  expect(statusOf(expected.report)).toBe('expected-failure');
  expect(expected.report.verdict).toBe('conformant');
  // Reasons already in the file are kept when it is printed again.
  const kept = await expectationsFrom(expected.reportsDir, { CONFORMANCE_EXPECTATIONS: expectations });
  expect(kept).toEqual(fresh);

  const fixed = await conformance('fixed', { CONFORMANCE_EXPECTATIONS: expectations });
  expect(fixed.code, fixed.stdout.slice(-3000)).toBe(1);
  expect(statusOf(fixed.report)).toBe('unexpected-pass');
  expect(fixed.stdout).toMatch(new RegExp(`! ${ID}\\s+MUST .*unexpected-pass`));
  expect(fixed.stdout).toMatch(/remove it from the expectations file/);
  // The file only shrinks: the fixed requirement leaves it.
  expect((await expectationsFrom(fixed.reportsDir, { CONFORMANCE_EXPECTATIONS: expectations })).expectedFailures).toEqual([]);
}, 120_000);
