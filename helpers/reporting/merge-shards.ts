// `--merge DIR...`: one verdict from the cases.json of several shard runs (same seed, mode and target),
// and one allure-results folder for `npm run report`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { reportsDir } from '../reports-dir.js';
import { buildReport, type RunRecord } from './build-report.js';
import { formatConsoleSummary } from './console-table.js';
import type { ConformanceReport } from './verdict.js';
import { writeReports } from './write-reports.js';

function load(dir: string): RunRecord {
  const path = join(dir, 'cases.json');
  if (!existsSync(path)) throw new ConfigError(`--merge: ${path} does not exist (was ${dir} the reports folder of a shard run?)`);
  return JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
}

/** Allure result files have unique names, so the shards' folders merge by copying into one. */
function mergeAllureResults(dirs: string[]): void {
  const target = join(reportsDir(), 'allure-results');
  const sources = dirs.map((dir) => join(dir, 'allure-results')).filter((dir) => existsSync(dir));
  if (sources.length === 0) return;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const source of sources) cpSync(source, target, { recursive: true });
}

export function mergeShardReports(dirs: string[]): ConformanceReport {
  const records = dirs.map(load);
  const [first, ...rest] = records as [RunRecord, ...RunRecord[]];
  for (const other of rest) {
    for (const key of ['mode', 'strict', 'profile', 'seed'] as const) {
      if (other.meta[key] !== first.meta[key]) throw new ConfigError(`--merge: shards differ in ${key}: ${String(first.meta[key])} vs ${String(other.meta[key])}`);
    }
  }
  const merged: RunRecord = {
    meta: {
      ...first.meta,
      startedAt: records.map((r) => r.meta.startedAt).sort()[0] ?? first.meta.startedAt,
      durationMs: Math.max(...records.map((r) => r.meta.durationMs)),
      retries: records.reduce((sum, r) => sum + r.meta.retries, 0),
    },
    cases: records.flatMap((r) => r.cases),
    suiteErrors: records.flatMap((r) => r.suiteErrors),
  };
  const report = buildReport(merged);
  writeReports(reportsDir(), report, merged);
  mergeAllureResults(dirs);
  console.log(formatConsoleSummary(report));
  return report;
}
