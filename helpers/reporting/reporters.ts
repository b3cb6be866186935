// The reporters of a conformance run, shared by vitest.config.ts and bin/conformance.ts: the console,
// the verdict (conformance.json/md), Allure results and JUnit, all under CONFORMANCE_REPORTS_DIR.
import { join } from 'node:path';
import { JUnitReporter, type Reporter } from 'vitest/node';
import { reportsDir } from '../reports-dir.js';
import { allureReporter } from './allure-reporter.js';
import { VerdictReporter } from './verdict-reporter.js';

export function conformanceReporters(verdict: VerdictReporter = new VerdictReporter()): (Reporter | string)[] {
  return ['default', verdict, allureReporter(), new JUnitReporter({ outputFile: join(reportsDir(), 'junit.xml'), suiteName: 'set-new-password conformance' })];
}
