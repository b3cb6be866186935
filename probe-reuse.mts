import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import { startReference } from './reference/start.js';
import { SUITE_OPTIONS } from './helpers/runner/suite-options.js';
import { VerdictReporter } from './helpers/reporting/verdict-reporter.js';
import { runContextFor } from './test/support/suite-run-context.js';
import { mkdtempSync } from 'node:fs';
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const ref = await startReference({});
const reporter = new VerdictReporter({ reportsDir: mkdtempSync('/tmp/reuse-'), print: false });
const pattern = process.argv[2] === 'all' ? undefined : /^NOTHING$/;
const vitest = await createVitest('test', { ...SUITE_OPTIONS, globalSetup: [], root: ROOT, config: false, watch: false, reporters: [reporter], maxWorkers: 1, maxConcurrency: 32, ...(pattern ? { testNamePattern: pattern } : {}) , provide: { conformance: runContextFor(ref, { seed: 1, strict: false }) } as any });
for (let i = 0; i < 6; i++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  vitest.provide('conformance' as any, runContextFor(ref, { seed: i, strict: false }) as any);
  const specs = await vitest.globTestSpecifications([ROOT + 'specs/success/success.spec.ts']);
  await vitest.runTestSpecifications(specs, false);
  const c = process.cpuUsage(c0);
  console.log('reused: wall', ((performance.now()-t0)/1000).toFixed(2), 'cpu', ((c.user+c.system)/1e6).toFixed(2), reporter.report?.verdict, reporter.report?.meta.seed, reporter.report?.requirements.filter(r=>r.status==='passed').length);
}
await vitest.close();
await ref.close();
