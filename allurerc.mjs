// Allure Report 3 configuration, used by `npm run report` (scripts/report.ts). Paths follow the run:
// CONFORMANCE_REPORTS_DIR (default reports); trend history in CONFORMANCE_ALLURE_HISTORY (CI caches it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const reportsDir = process.env.CONFORMANCE_REPORTS_DIR?.trim() || 'reports';
const resultsDir = join(reportsDir, 'allure-results');
// The suite writes its failure categories with the results (helpers/reporting/allure-categories.ts).
const categoriesFile = join(resultsDir, 'categories.json');
// The verdict goes into the report's name, so the overview shows it first (helpers/verdict/verdict.ts).
const verdictFile = join(reportsDir, 'conformance.json');
const verdictLine = existsSync(verdictFile) ? JSON.parse(readFileSync(verdictFile, 'utf8')).verdictLine : undefined;
const reportName = `BizKitHub set-new-password conformance${verdictLine ? `: ${verdictLine}` : ''}`;
const awesome = { reportName, groupBy: ['epic', 'feature', 'story'] };

export default {
  name: reportName,
  output: join(reportsDir, 'allure-report'),
  historyPath: process.env.CONFORMANCE_ALLURE_HISTORY?.trim() || join(reportsDir, 'allure-history.jsonl'),
  historyLimit: 30, // a month of nightly runs; one line per build, about 0.6 MB for a full run
  categories: existsSync(categoriesFile) ? JSON.parse(readFileSync(categoriesFile, 'utf8')) : undefined,
  plugins: {
    // Served over HTTP (CI artifact browsers, `npx allure open`).
    awesome: { options: { ...awesome, singleFile: false } },
    // One index.html that opens from disk (file://): Chromium will not load the multi-file one that way.
    'single-file': { import: '@allurereport/plugin-awesome', options: { ...awesome, singleFile: true } },
  },
};
