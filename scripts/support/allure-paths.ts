// Where `npm run report` reads and writes; allurerc.mjs derives the same paths from the same variables.
import { join } from 'node:path';
import { reportsDir } from '../../helpers/run/reports-dir.js';

export interface AllurePaths {
  results: string;
  output: string;
  /** The multi-file report: needs to be served over HTTP. */
  servedIndex: string;
  /** The single-file report: opens from disk. */
  singleFileIndex: string;
  history: string;
}

export function allurePaths(): AllurePaths {
  const dir = reportsDir();
  const output = join(dir, 'allure-report');
  return {
    results: join(dir, 'allure-results'),
    output,
    servedIndex: join(output, 'awesome', 'index.html'),
    singleFileIndex: join(output, 'single-file', 'index.html'),
    history: process.env.CONFORMANCE_ALLURE_HISTORY?.trim() || join(dir, 'allure-history.jsonl'),
  };
}
