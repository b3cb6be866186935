// `--merge DIR...`: one verdict from the cases.json of the shard runs of one run, and one allure-results
// folder for `npm run report`. Shards cannot lie: each records its i/n and seed, and a merge refuses a
// missing, duplicated or mismatched shard (exit 2).
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../run/config.js';
import { buildReport, type RunRecord } from '../verdict/build-report.js';
import { formatConsoleSummary } from './console-table.js';
import type { ConformanceReport } from '../verdict/verdict.js';
import { clearReports, writeReports } from './write-reports.js';

function load(dir: string): RunRecord {
  const path = join(dir, 'cases.json');
  if (!existsSync(path)) throw new ConfigError(`--merge: ${path} does not exist (was ${dir} the reports folder of a shard run?)`);
  return JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
}

/** Allure result files have unique names, so the shards' folders merge by copying into one. */
function mergeAllureResults(dirs: string[], into: string): void {
  const target = join(into, 'allure-results');
  const sources = dirs.map((dir) => join(dir, 'allure-results')).filter((dir) => existsSync(dir));
  if (sources.length === 0) return;
  mkdirSync(target, { recursive: true });
  for (const source of sources) cpSync(source, target, { recursive: true });
}

const SAME_IN_EVERY_SHARD = ['suiteVersion', 'mode', 'strict', 'profile', 'seed'] as const;

/** Throws ConfigError unless the records are the shards 1..n of one run, each exactly once. */
export function checkShards(records: RunRecord[], dirs: string[]): void {
  const [first] = records;
  if (first === undefined) throw new ConfigError('--merge needs the reports folders of the shard runs');
  records.forEach((record, i) => {
    if (record.meta.shard === null || record.meta.shard === undefined) throw new ConfigError(`--merge: ${dirs[i]} holds a run that was not sharded (--shard i/n)`);
  });
  const count = first.meta.shard?.count ?? 0;
  for (const [i, record] of records.entries()) {
    for (const key of SAME_IN_EVERY_SHARD) {
      if (record.meta[key] !== first.meta[key]) throw new ConfigError(`--merge: ${dirs[i]} differs from ${dirs[0]} in ${key}: ${String(record.meta[key])} vs ${String(first.meta[key])}`);
    }
    // Embedded runs each start their own reference (another port): the same target for this purpose.
    const sameTarget = record.meta.target.embedded ? first.meta.target.embedded : record.meta.target.baseUrl === first.meta.target.baseUrl;
    if (!sameTarget) throw new ConfigError(`--merge: ${dirs[i]} ran against another target`);
    if (JSON.stringify(record.meta.selected) !== JSON.stringify(first.meta.selected)) throw new ConfigError(`--merge: ${dirs[i]} selected other requirements (--only)`);
    if (record.meta.shard?.count !== count) throw new ConfigError(`--merge: ${dirs[i]} is shard ${record.meta.shard?.index}/${record.meta.shard?.count}, not of ${count}`);
  }
  const indexes = records.map((r) => r.meta.shard?.index ?? 0);
  const duplicated = indexes.filter((index, i) => indexes.indexOf(index) !== i);
  if (duplicated.length) throw new ConfigError(`--merge: shard ${duplicated[0]}/${count} is given twice`);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !indexes.includes(index));
  if (missing.length) throw new ConfigError(`--merge: shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
}

export function mergeShardReports(dirs: string[], into: string): ConformanceReport {
  // The merge clears its own reports folder first: a shard's folder cannot be it.
  if (dirs.some((dir) => resolve(dir) === resolve(into))) {
    throw new ConfigError(`--merge: the shards' folders must differ from the reports folder (${into}): set CONFORMANCE_REPORTS_DIR or --reports-dir`);
  }
  const records = dirs.map(load);
  checkShards(records, dirs);
  const [first] = records as [RunRecord, ...RunRecord[]];
  const merged: RunRecord = {
    meta: {
      ...first.meta,
      startedAt: records.map((r) => r.meta.startedAt).sort()[0] ?? first.meta.startedAt,
      durationMs: Math.max(...records.map((r) => r.meta.durationMs)),
      shard: null,
      replay: first.meta.replay.replace(/ --shard \d+\/\d+/, ''),
    },
    cases: records.flatMap((r) => r.cases),
    suiteErrors: records.flatMap((r) => r.suiteErrors),
  };
  clearReports(into);
  const report = buildReport(merged);
  writeReports(into, report, merged);
  mergeAllureResults(dirs, into);
  console.log(formatConsoleSummary(report));
  return report;
}
