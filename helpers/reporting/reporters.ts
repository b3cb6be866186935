// The reporters of a conformance run, shared by vitest.config.ts and bin/conformance.ts: vitest's console
// output (or none), the verdict (conformance.json/md, cases.json, junit.xml) and Allure results.
import type { Reporter } from 'vitest/node';
import { allureReporter } from './allure-reporter.js';
import { VerdictReporter } from './verdict-reporter.js';

export interface ReporterChoice {
  verdict?: VerdictReporter;
  /** Where allure-results goes; default: the run context's reports folder. */
  reportsDir?: string;
  /** vitest's own console reporter in front of the summary. */
  console?: 'default' | 'dot' | null;
}

export function conformanceReporters(choice: ReporterChoice = {}): (Reporter | string)[] {
  const verdict = choice.verdict ?? new VerdictReporter();
  const consoleReporter = choice.console === undefined ? 'default' : choice.console;
  return [...(consoleReporter ? [consoleReporter] : []), verdict, allureReporter(choice.reportsDir, verdict)];
}
