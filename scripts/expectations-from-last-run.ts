// `npm run -s expectations > expectations.json`: prints a fresh expectations file (docs/expectations.md)
// from the last run's conformance.json: every requirement that failed, expectedly or not. Reasons and
// issue links of the current CONFORMANCE_EXPECTATIONS file are kept; new entries get a placeholder reason.
// An unexpected pass is left out: the file only shrinks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { loadExpectations, type ExpectedFailure } from '../helpers/run/expectations.js';
import type { ConformanceReport } from '../helpers/verdict/verdict.js';
import { reportsDir } from '../helpers/run/reports-dir.js';

function freshExpectations(report: ConformanceReport, current: ExpectedFailure[]): { expectedFailures: ExpectedFailure[] } {
  const known = new Map(current.map((entry) => [entry.id, entry]));
  const failing = report.requirements.filter((r) => r.status === 'failed' || r.status === 'expected-failure');
  return {
    expectedFailures: failing.map(
      (r) => known.get(r.id) ?? { id: r.id, reason: `TODO: why this target deviates (${r.level} ${r.basis}: ${r.title})` },
    ),
  };
}

function main(): number {
  loadDotenv({ quiet: true });
  const path = join(reportsDir(), 'conformance.json');
  if (!existsSync(path)) {
    console.error(`expectations: ${path} does not exist: run npm run conformance first`);
    return 2;
  }
  const report = JSON.parse(readFileSync(path, 'utf8')) as ConformanceReport;
  const current = loadExpectations(process.env.CONFORMANCE_EXPECTATIONS?.trim() || null);
  console.log(JSON.stringify(freshExpectations(report, current), null, 2));
  return 0;
}

process.exit(main());
