// `npm run report:check`: opens the single-file Allure report (npm run report) in headless Chromium and
// checks it shows this run: the report's name and as many results as allure-results holds. Saves a
// screenshot next to the report. Exit 0 rendered, 1 not rendered, 2 cannot check (no report, no Chromium).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { allurePaths } from './support/allure-paths.js';
import { findChromium, renderPage } from './support/headless-chromium.js';

const REPORT_NAME = 'BizKitHub set-new-password conformance';

/** What is wrong with the rendered text, or null when it shows the report, its verdict and `results` results. */
function renderProblem(text: string, results: number, verdict: string | null): string | null {
  if (!text.includes(REPORT_NAME)) return `the page does not show "${REPORT_NAME}": it did not render`;
  if (verdict !== null && !text.includes(verdict)) return `the page does not show the verdict "${verdict}"`;
  if (!new RegExp(`\\bTotal ${results}\\b`).test(text)) return `the page does not show "Total ${results}" (the number of results)`;
  return null;
}

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const paths = allurePaths();
  const chromium = findChromium();
  if (chromium === null) {
    console.error('report:check: chromium is not installed (Debian: apt-get install -y chromium)');
    return 2;
  }
  if (!existsSync(paths.singleFileIndex)) {
    console.error(`report:check: ${paths.singleFileIndex} does not exist: run npm run report first`);
    return 2;
  }
  const results = readdirSync(paths.results).filter((name) => name.endsWith('-result.json')).length;
  const screenshot = join(paths.output, 'screenshot.png');
  const verdictFile = join(paths.results, '..', 'conformance.json');
  const verdict = existsSync(verdictFile) ? (JSON.parse(readFileSync(verdictFile, 'utf8')) as { verdictLine?: string }).verdictLine ?? null : null;
  const rendered = await renderPage(chromium, paths.singleFileIndex, screenshot, (text) => renderProblem(text, results, verdict) === null);
  const problem = renderProblem(rendered, results, verdict);
  if (problem !== null) {
    console.error(`report:check: ${paths.singleFileIndex}: ${problem}`);
    return 1;
  }
  console.log(`report:check: ${paths.singleFileIndex} renders ${results} results and the verdict ${verdict ?? '(none)'} in headless Chromium (screenshot ${screenshot})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`report:check: ${(error as Error).message}`);
    process.exit(2);
  },
);
