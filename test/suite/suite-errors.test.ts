// Issue 13: an exception in the suite's own code is the suite's fault, never the target's. A helper that
// throws during a run against the correct reference gives NOT JUDGED (exit 2) and a message naming the
// suite, and no requirement is reported failed.
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { exitCodeFor } from '../../helpers/verdict/exit-code.js';
import { startReference } from '../../reference/start.js';
import { runSuiteInProcess } from '../support/run-suite-in-process.js';

const THROWING_HELPER = fileURLToPath(new URL('../fixtures/helper-throws.setup.ts', import.meta.url));

test('a deliberately thrown error inside a helper: NOT JUDGED, exit 2, the suite named, nothing failed', async () => {
  const reference = await startReference();
  try {
    const report = await runSuiteInProcess(reference, {
      seed: 13,
      strict: false,
      extraSetupFiles: [THROWING_HELPER],
      testNamePattern: /^SNP-(E003-UNKNOWN-TOKEN|SUCCESS-RESPONSE|KEY-MISSING) /,
    });
    expect(report.verdict).toBe('not-judged');
    expect(exitCodeFor(report).code).toBe(2);
    expect(report.verdictReason).toMatch(/the suite itself failed in \d+ case\(s\).*please report it/);
    expect(report.summary.suiteErrorCases).toBeGreaterThan(0);
    expect(report.requirements.filter((r) => r.status === 'failed')).toEqual([]);
  } finally {
    await reference.close();
  }
});
