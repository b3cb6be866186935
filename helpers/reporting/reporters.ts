// The reporters of a conformance run, shared by vitest.config.ts and bin/conformance.ts: vitest's console
// output (the suite's progress line, vitest's own, or none), the verdict (conformance.json/md, cases.json, junit.xml) and Allure results.
import type { Reporter } from 'vitest/node';
import { allureReporter } from './allure-reporter.js';
import { ProgressReporter } from './progress-reporter.js';
import { VerdictReporter } from './verdict-reporter.js';

export interface ReporterChoice {
  verdict?: VerdictReporter;
  /** Where allure-results goes; default: the run context's reports folder. */
  reportsDir?: string;
  /** What the console shows before the summary: the suite's progress line, vitest's own output, or nothing. */
  console?: 'progress' | 'default' | null;
}

export function conformanceReporters(choice: ReporterChoice = {}): (Reporter | string)[] {
  const verdict = choice.verdict ?? new VerdictReporter();
  const consoleChoice = choice.console === undefined ? 'default' : choice.console;
  const consoleReporter = consoleChoice === 'progress' ? [new ProgressReporter()] : consoleChoice === 'default' ? ['default'] : [];
  return [...consoleReporter, verdict, allureReporter(choice.reportsDir, verdict)];
}
