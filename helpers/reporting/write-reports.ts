// Writes a run's verdict files: conformance.json, conformance.md and cases.json (the raw case results,
// from which shard runs are merged). Everything passes through redaction first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../redaction.js';
import type { RunRecord } from './build-report.js';
import { formatMarkdown } from './markdown.js';
import type { ConformanceReport } from './verdict.js';

export function writeReports(dir: string, report: ConformanceReport, record: RunRecord): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'conformance.json'), redact(`${JSON.stringify(report, null, 2)}\n`));
  writeFileSync(join(dir, 'conformance.md'), redact(formatMarkdown(report)));
  writeFileSync(join(dir, 'cases.json'), redact(`${JSON.stringify(record, null, 2)}\n`));
}
