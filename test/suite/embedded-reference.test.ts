// The conformance suite against the reference implementation it ships, in both modes: the correct
// implementation must be judged conformant, every requirement must have run, and nothing is orphaned.
import { describe, expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { runConformance, type ConformanceRun } from '../support/run-conformance.js';

describe('full mode against the embedded reference', () => {
  let run: ConformanceRun;

  test('is conformant and exits 0', async () => {
    run = await runConformance({ CONFORMANCE_SEED: '20261127' });
    expect(run.stderr).not.toMatch(/could not run/);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.report?.verdict).toBe('conformant');
    expect(run.report?.target.embedded).toBe(true);
  });

  test('every requirement of the catalogue ran and passed, and every test names one', () => {
    const report = run.report;
    expect(report).not.toBeNull();
    expect(report?.suiteErrors).toEqual([]);
    expect(report?.requirements.map((r) => r.id)).toEqual(REQUIREMENTS.map((r) => r.id));
    const notPassed = report?.requirements.filter((r) => r.status !== 'passed' || r.cases.passed === 0).map((r) => r.id);
    expect(notPassed).toEqual([]);
  });

  test('prints the requirements by area, the counts and the replay command', () => {
    expect(run.stdout).toMatch(/^ {2}✔ Token lifecycle: (\d+)\/\1 requirements passed \(\d+ cases\)$/m);
    expect(run.stdout).toMatch(/\d+ requirements, \d+ cases/);
    expect(run.stdout).toContain('Replay: CONFORMANCE_SEED=20261127 npm run conformance');
  });

  test('a clean run prints at most 60 lines, the table within 10 lines of the last progress line', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    const lastProgress = lines.findLastIndex((line) => /cases done/.test(line));
    const tableStart = lines.findIndex((line) => /requirements passed/.test(line));
    expect(lastProgress).toBeGreaterThanOrEqual(0);
    expect(tableStart - lastProgress).toBeGreaterThan(0);
    expect(tableStart - lastProgress).toBeLessThanOrEqual(10);
  });
});

describe('safe mode against the embedded reference', () => {
  test('is conformant, runs only safe requirements and reports the others not-run with the reason', async () => {
    const run = await runConformance({ CONFORMANCE_MODE: 'safe', CONFORMANCE_SEED: '7' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const report = run.report;
    expect(report?.mode).toBe('safe');
    for (const requirement of REQUIREMENTS) {
      const verdict = report?.requirements.find((r) => r.id === requirement.id);
      if (requirement.safe) expect(verdict?.status, requirement.id).toBe('passed');
      else if (verdict?.status === 'passed') expect(verdict.reason, requirement.id).toMatch(/^partially verified: .*safe mode/);
      else {
        expect(verdict?.status, requirement.id).toBe('not-run');
        expect(verdict?.reason).toMatch(/safe mode/);
      }
    }
  });
});
