// The fault and variant runs share vitest instances ("lanes", test/support/suite-lanes.ts). A lane must not
// let a run see anything of the run before it: its target, its seed, its name filter, its cases' outcomes.
// One lane, four runs in turn against a clean and a faulty reference.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { specFilesFor } from '../../helpers/runner/spec-files.js';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { startReference, type RunningReference } from '../../reference/start.js';
import { suiteLanes } from '../support/suite-lanes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REQUIREMENT = 'SNP-SUCCESS-RESPONSE';
const files = specFilesFor(ROOT, [REQUIREMENT]);
const lanes = suiteLanes(1);
let clean: RunningReference;
let faulty: RunningReference;

beforeAll(async () => {
  clean = await startReference({});
  faulty = await startReference({ faults: ['success-status-201'] });
});

afterAll(async () => {
  await lanes.close();
  await clean?.close();
  await faulty?.close();
});

const statusOf = (report: ConformanceReport) => report.requirements.find((r) => r.id === REQUIREMENT)?.status;
const judged = (report: ConformanceReport) => report.requirements.filter((r) => r.status !== 'not-run').length;

test('runs in turn on one lane are each judged on their own target, seed and filter', { timeout: 60_000 }, async () => {
  const first = await lanes.run(clean, { seed: 1, strict: false, files });
  const second = await lanes.run(faulty, { seed: 2, strict: false, files, testNamePattern: new RegExp(`^${REQUIREMENT} `) });
  const third = await lanes.run(clean, { seed: 3, strict: false, files });
  const fourth = await lanes.run(faulty, { seed: 4, strict: false, files });

  expect([first, second, third, fourth].map((r) => r.verdict)).toEqual(['conformant', 'non-conformant', 'conformant', 'non-conformant']);
  expect([first, second, third, fourth].map(statusOf)).toEqual(['passed', 'failed', 'passed', 'failed']);
  expect([first, second, third, fourth].map((r) => r.seed)).toEqual([1, 2, 3, 4]);
  expect([first, second, third, fourth].map((r) => r.target.baseUrl)).toEqual([clean.baseUrl, faulty.baseUrl, clean.baseUrl, faulty.baseUrl]);
  // The name filter holds for its run only: the file judges more requirements without it.
  expect(judged(second)).toBe(1);
  expect(judged(third)).toBeGreaterThan(1);
  expect(judged(fourth)).toBe(judged(first));
});
