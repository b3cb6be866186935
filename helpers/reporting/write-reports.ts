// Writes a run's verdict files: conformance.json, conformance.md, cases.json (the raw case results, from
// which shard runs are merged) and junit.xml. Everything passes through redaction first.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../run/redaction.js';
import type { RunRecord } from '../verdict/build-report.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { serverErrorCases, type ConformanceReport } from '../verdict/verdict.js';

/** The files a run writes into its reports folder (allure-results is a folder beside them). */
export const REPORT_FILES = ['conformance.json', 'conformance.md', 'cases.json', 'junit.xml'] as const;

/** A run starts by removing its own report files, so nothing of an earlier run survives any exit. */
export function clearReports(dir: string): void {
  for (const file of REPORT_FILES) rmSync(join(dir, file), { force: true });
  // Leftovers of a run that ended before its background deletion did.
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.startsWith(DISCARDED)) void rm(join(dir, name), { recursive: true, force: true });
  }
  // The HTML of an earlier run (npm run report) carries its verdict in its title; the history file stays.
  for (const folder of ['allure-results', 'allure-report']) discard(dir, folder);
  rmSync(join(dir, 'retries.jsonl'), { force: true }); // written by versions before 0.2
}

/** The name prefix of a folder moved aside for deletion. */
const DISCARDED = '.discarded-';

/**
 * Moves a folder out of the way at once and deletes it in the background: an earlier run's ~2,300 Allure
 * files took half a second of the run's main thread to unlink. A leftover (the process ended first) goes
 * with the next run's clean-up.
 */
function discard(dir: string, folder: string): void {
  if (!existsSync(join(dir, folder))) return;
  const aside = join(dir, `${DISCARDED}${folder}-${process.pid}-${Date.now()}`);
  renameSync(join(dir, folder), aside);
  void rm(aside, { recursive: true, force: true });
}

export function writeReports(dir: string, report: ConformanceReport, record: RunRecord): void {
  mkdirSync(dir, { recursive: true });
  const cases = [...record.cases, ...serverErrorCases(record.cases, new Map(record.meta.expectedFailures.map((e) => [e.id, e])))];
  writeFileSync(join(dir, 'conformance.json'), redact(`${JSON.stringify(report, null, 2)}\n`));
  writeFileSync(join(dir, 'conformance.md'), redact(formatMarkdown(report)));
  writeFileSync(join(dir, 'cases.json'), redact(`${JSON.stringify(record, null, 2)}\n`));
  writeFileSync(join(dir, 'junit.xml'), redact(formatJunit(report, cases)));
}
