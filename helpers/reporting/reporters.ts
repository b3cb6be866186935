// The reporters of a conformance run, shared by vitest.config.ts and bin/conformance.ts.
import type { Reporter } from 'vitest/node';
import { VerdictReporter } from './verdict-reporter.js';

export function conformanceReporters(verdict: VerdictReporter = new VerdictReporter()): (Reporter | string)[] {
  return ['default', verdict];
}
