// `npm run report` builds an Allure report that renders the run's results in headless Chromium, and keeps
// one history line per build (the trend a nightly job accumulates), and a failed case reads right for a
// vendor (issue 10). Chromium is a system package (.ci/run installs it); without it these tests are skipped
// with the reason printed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { findChromium, renderDom, visibleText } from '../../scripts/support/headless-chromium.js';
import { runConformance } from '../support/run-conformance.js';
import { runScript } from './run-script.js';

const NO_CHROMIUM = 'skipped: chromium is not installed, so the Allure report cannot be rendered (Debian: apt-get install -y chromium; .ci/run does it)';
const chromium = findChromium();
if (chromium === null) console.warn(NO_CHROMIUM);

test.skipIf(chromium === null)('the report of a run renders its results in headless Chromium, with one history line per build', async () => {
  const work = mkdtempSync(join(tmpdir(), 'report-renders-'));
  const env = { CONFORMANCE_REPORTS_DIR: join(work, 'reports'), CONFORMANCE_ALLURE_HISTORY: join(work, 'cache', 'history.jsonl') };
  const run = await runConformance(env, 120_000, ['--only', 'SNP-BUSINESS-ERROR-STATUS,SNP-E003-UNKNOWN-TOKEN']);
  expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);

  for (const build of [1, 2]) {
    const report = await runScript('scripts/report.ts', [], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`(${build} run${build === 1 ? '' : 's'})`);
  }
  expect(readFileSync(env.CONFORMANCE_ALLURE_HISTORY, 'utf8').trim().split('\n')).toHaveLength(2);

  const check = await runScript('scripts/check-report-renders.ts', [], env);
  expect(check.code, check.stdout + check.stderr).toBe(0);
  // Issue 10: the overview names the verdict with its scope (it is the report's name).
  expect(check.stdout).toMatch(/renders \d+ results and the verdict CONFORMANT \(--only: 2 of \d+ requirements judged\) in headless Chromium/);
}, 120_000);

/** Each rendered step's status and title, in page order (Allure 3's data-testid attributes). */
function renderedSteps(dom: string): { status: string; title: string }[] {
  const step = /data-testid="tree-leaf-status-(\w+)"(?:(?!data-testid="tree-leaf-status-)[\s\S])*?data-testid="test-result-step-title"[^>]*>([^<]*)</g;
  return [...dom.matchAll(step)].map((m) => ({ status: m[1] ?? '', title: m[2] ?? '' }));
}

test.skipIf(chromium === null)('a failed case renders its failing exchange red, its failure fields without a stack trace, and links that work', async () => {
  const work = mkdtempSync(join(tmpdir(), 'report-failure-'));
  const profile = join(work, 'profile.json');
  // The reference answers E003 with 200: this profile makes the E003 status case fail on its exchange.
  writeFileSync(profile, JSON.stringify({ name: 'e003-404', businessErrorStatus: { E001: 200, E002: 200, E003: 404, E004: 200 } }));
  const env = { CONFORMANCE_REPORTS_DIR: join(work, 'reports'), CONFORMANCE_PROFILE: profile };
  const run = await runConformance(env, 120_000, ['--only', 'SNP-BUSINESS-ERROR-STATUS']);
  expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(1);
  const report = await runScript('scripts/report.ts', [], env);
  expect(report.code, report.stderr).toBe(0);

  const paths = { data: join(work, 'reports', 'allure-report', 'awesome', 'data', 'test-results'), html: join(work, 'reports', 'allure-report', 'single-file', 'index.html') };
  const results = readdirSync(paths.data).map((f) => JSON.parse(readFileSync(join(paths.data, f), 'utf8')) as { id: string; status: string; error?: Record<string, unknown>; links?: { url: string }[] });
  const failed = results.filter((r) => r.status === 'failed');
  expect(failed).toHaveLength(1);
  const [result] = failed as [(typeof failed)[number]];
  // (b) The error holds the failure's fields, and no trace.
  expect(result.error).toMatchObject({ expected: '404 with errorCode "E003"', actual: expect.stringMatching(/^200 /) as unknown });
  expect(result.error).not.toHaveProperty('trace');

  const dom = await renderDom(chromium as string, paths.html, join(work, 'failed-case.png'), `/${result.id}`, (page) => renderedSteps(page).length > 0);
  const text = visibleText(dom);
  // (a) The exchange whose check failed is a failed step.
  expect(renderedSteps(dom)).toContainEqual({ status: 'failed', title: 'POST /api/v1/customer/set-new-password → 200' });
  // (b) What the vendor reads: expected, actual, why and the reproduction, with no frames of the suite's code.
  for (const line of ['Expected: 404 with errorCode "E003"', 'Why: status 200, not 404', 'Reproduce:', 'Show difference']) expect(text).toContain(line);
  expect(text).not.toMatch(/\.ts:\d+:\d+|\bat (expectOutcome|runCase)\b/);
  // (c) The profile's documentation is an absolute link to a file that exists (the page renders a link
  // without an href and opens its url on click, so the url is read from the report's data); the profile
  // the run used is attached.
  expect(text).toContain('Suite default profile `bizkithub`');
  const urls = (result.links ?? []).map((l) => l.url);
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url).toMatch(/^(https|file):\/\//);
  for (const url of urls.filter((u) => u.startsWith('file:'))) expect(existsSync(fileURLToPath(url)), url).toBe(true);
  expect(text).toContain('profile e003-404');
  // (d) Every attachment of every case is in the report: Allure 3 links an attachment file to one result
  // only, and marks any other result's link to it "missed" (an empty attachment in the page).
  const links = results.flatMap((r) => attachmentLinks((r as { steps?: RenderedStep[] }).steps ?? []));
  expect(links.filter((l) => l.name?.startsWith('profile ')).length).toBeGreaterThan(1);
  expect(links.filter((l) => l.missed === true).map((l) => l.name)).toEqual([]);
}, 120_000);

interface RenderedStep {
  link?: { name?: string; missed?: boolean };
  steps?: RenderedStep[];
}

function attachmentLinks(steps: RenderedStep[]): NonNullable<RenderedStep['link']>[] {
  return steps.flatMap((step) => [...(step.link ? [step.link] : []), ...attachmentLinks(step.steps ?? [])]);
}
