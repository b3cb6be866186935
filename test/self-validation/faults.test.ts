// The suite proves it catches broken implementations (like WPT's must-fail tests): for every fault of
// the reference (reference/faults.ts), the whole suite runs against the reference with that one fault on,
// started here and judged as an external target (strict mode for SHOULD-level faults), and must give the
// non-conformant verdict (exit code 1) and fail at least the requirements the fault declares. The clean
// reference, run the same way, must pass (the control); its full and safe runs through the real runner
// are in test/suite/. Prints the kill table and writes it to reports/kill-table.md (`npm run kill-table`
// copies it to docs/kill-table.md, so a test run never changes a tracked file).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { exitCodeFor } from '../../helpers/verdict/exit-code.js';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { FAULTS, type FaultName } from '../../reference/faults.js';
import { startReference } from '../../reference/start.js';
import { concurrencyLimit } from '../support/concurrency-limit.js';
import { formatKillTable, type KillRow } from '../support/kill-table.js';
import { suiteLanes } from '../support/suite-lanes.js';
import { specFilesFor } from '../../helpers/runner/spec-files.js';

const SEED = 20261127;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Suite runs at once (one test worker each): runs also wait on sleeps and sockets, so more runs than cores. */
const PARALLEL_RUNS = 4;
const REPORTS = new URL('../../reports/', import.meta.url);
const KILL_TABLE = new URL('kill-table.md', REPORTS);

const limited = concurrencyLimit(PARALLEL_RUNS);
/** One shared vitest instance per parallel run (test/support/suite-lanes.ts). */
const lanes = suiteLanes(PARALLEL_RUNS);
const rows = new Map<string, KillRow>();

/** `files`: the spec files to run; all of them for the control. */
async function runAgainst(faults: readonly FaultName[], strict: boolean, files?: string[]): Promise<ConformanceReport> {
  const reference = await startReference({ faults });
  try {
    return await lanes.run(reference, { seed: SEED, strict, ...(files ? { files } : {}) });
  } finally {
    await reference.close();
  }
}

describe.concurrent('every fault of the reference is caught', () => {
  // The control: without it, a harness that failed everything would "catch" every fault.
  test('control: the clean reference, run the same way, is conformant even in strict mode', { timeout: 600_000 }, async () => {
    const report = await limited(() => runAgainst([], true));
    const notPassed = report.requirements.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.status}`);
    expect(notPassed).toEqual([]);
    expect(report.verdict).toBe('conformant');
    expect(exitCodeFor(report).code).toBe(0);
  });

  test.for(FAULTS)('fault $name is caught by the requirements it declares', { timeout: 600_000 }, async (fault) => {
    // Only the spec files of the declared requirements: what proves the catch, at a fraction of a full run.
    // (The kill table's "also failed" column is therefore limited to those files.)
    const report = await limited(() => runAgainst([fault.name], fault.strict, specFilesFor(ROOT, fault.caughtBy)));
    const failed = report.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
    rows.set(fault.name, { fault, failed });

    expect(report.suiteErrors).toEqual([]);
    expect(report.verdict).toBe('non-conformant');
    expect(exitCodeFor(report).code, exitCodeFor(report).why).toBe(1);
    expect(failed).toEqual(expect.arrayContaining([...fault.caughtBy]));
  });
});

afterAll(async () => {
  await lanes.close();
  const table = formatKillTable(
    FAULTS.flatMap((fault) => rows.get(fault.name) ?? []),
    SEED,
  );
  console.log(table);
  // Only a complete table is written, so running one fault with -t does not truncate the file.
  if (rows.size === FAULTS.length) {
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(KILL_TABLE, table);
  }
});
