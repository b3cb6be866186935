// `npm run report`: builds the Allure Report 3 HTML (no Java) from the last run's allure-results: a
// multi-file report to serve over HTTP and a single-file one that opens from disk. Trend history is kept
// in CONFORMANCE_ALLURE_HISTORY (default reports/allure-history.jsonl); cache that file in CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { allurePaths } from './support/allure-paths.js';

const CONFIG = fileURLToPath(new URL('../allurerc.mjs', import.meta.url));
/** The `allure` package exports no package.json; its CLI sits one level above its entry point. */
const ALLURE_CLI = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');

function main(): number {
  loadDotenv({ quiet: true });
  const paths = allurePaths();
  if (!existsSync(paths.results)) {
    console.error(`report: ${paths.results} does not exist: run npm run conformance first`);
    return 2;
  }
  // allure generate does not clear its output folder.
  rmSync(paths.output, { recursive: true, force: true });
  mkdirSync(dirname(paths.history), { recursive: true });
  const started = performance.now();
  const generate = spawnSync(process.execPath, [ALLURE_CLI, 'generate', '--config', CONFIG, paths.results], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (generate.status !== 0 || !existsSync(paths.singleFileIndex)) {
    console.error(`report: allure generate failed (exit ${generate.status ?? generate.signal})`);
    return 1;
  }
  const runs = existsSync(paths.history) ? readFileSync(paths.history, 'utf8').split('\n').filter(Boolean).length : 0;
  console.log(`report: ${paths.singleFileIndex} (single file: open it from disk)`);
  console.log(`report: ${paths.servedIndex} (serve it: npx allure open ${dirname(paths.servedIndex)})`);
  console.log(`report: history ${paths.history} (${runs} run${runs === 1 ? '' : 's'})`);
  console.log(`report: built in ${seconds} s`);
  return 0;
}

process.exit(main());
