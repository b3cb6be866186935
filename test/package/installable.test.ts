// Issue 10: the suite installs as a package. `npm pack` makes the tarball a user gets; it installs into an
// empty folder with only its `dependencies` (no engine warning on Node 20), and `npx snp-conformance` runs
// from there: --help, --list and a full run against the embedded reference, writing reports/ in the user's
// folder. One test, because each step needs the one before; every step's time is printed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import { runCommand, type CommandRun } from '../support/run-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'conformance-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function step(name: string, run: CommandRun): CommandRun {
  console.log(`installable: ${name} ${run.seconds.toFixed(1)} s`);
  expect(run.code, `${name}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
  return run;
}

interface PackResult {
  filename: string;
  integrity: string;
  files: { path: string }[];
}

interface LockEntry {
  dev?: boolean;
  [field: string]: unknown;
}

/**
 * A user's project that depends on the tarball, with a lockfile, so npm installs offline: resolving version
 * ranges would need registry metadata, which the cache of `npm ci` does not hold. The lockfile is the
 * suite's own without its development packages, and the tarball in the suite's place.
 */
function writeUserProject(user: string, pack: PackResult): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const suite = lock.packages[''] as LockEntry & { name: string; version: string };
  const tarball = `file:../${pack.filename}`;
  const dependencies = { [suite.name]: tarball };
  const packages: Record<string, unknown> = {
    '': { name: 'user', dependencies },
    [`node_modules/${suite.name}`]: { version: suite.version, resolved: tarball, integrity: pack.integrity, dependencies: suite.dependencies, bin: suite.bin, engines: suite.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && entry.dev !== true) packages[path] = entry;
  writeFileSync(join(user, 'package.json'), `${JSON.stringify({ name: 'user', private: true, dependencies }, null, 2)}\n`);
  writeFileSync(join(user, 'package-lock.json'), `${JSON.stringify({ name: 'user', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

test('npm pack makes a package that installs in an empty folder and runs npx snp-conformance', async () => {
  const packed = step('npm pack', await runCommand('npm', ['pack', '--json', '--pack-destination', work], ROOT, 60_000));
  const [pack] = JSON.parse(packed.stdout) as [PackResult];
  const files = pack.files.map((f) => f.path);
  // What runs, and nothing of the project's own tooling.
  for (const needed of ['bin/snp-conformance.js', 'bin/conformance.ts', 'vitest.config.ts', 'fixtures/profiles/bizkithub.json', 'reference/start.ts', 'docs/openapi.yaml']) {
    expect(files).toContain(needed);
  }
  expect(files.filter((f) => /^(test|scripts|reports)\//.test(f) || f.startsWith('docs/ci/') || f === 'package-lock.json')).toEqual([]);

  const user = join(work, 'user');
  mkdirSync(user);
  writeUserProject(user, pack);
  // npm ci --offline: every tarball comes from the cache `npm ci` filled, and nothing goes to the network.
  const install = step('npm ci', await runCommand('npm', ['ci', '--offline', '--no-audit', '--no-fund'], user, 180_000));
  expect(install.stdout + install.stderr).not.toContain('EBADENGINE');
  // Only the runtime dependencies: none of the project's development tools.
  for (const devTool of ['typescript', 'tsx', 'eslint', 'allure', '@stryker-mutator', '@seriousme']) expect(existsSync(join(user, 'node_modules', devTool)), devTool).toBe(false);

  // Side by side: --help and --list are quick and write nothing, so they overlap the full run.
  const [help, list, run] = await Promise.all([
    runCommand('npx', ['snp-conformance', '--help'], user, 60_000),
    runCommand('npx', ['snp-conformance', '--list'], user, 60_000),
    runCommand('npx', ['snp-conformance', '--seed', '20261129'], user, 180_000),
  ]);
  expect(step('npx snp-conformance --help', help).stdout).toContain('Usage: snp-conformance');
  expect(step('npx snp-conformance --list', list).stdout).toMatch(/^SNP-SUCCESS-RESPONSE\s+MUST/m);
  step('npx snp-conformance (full run)', run);
  expect(run.stdout).toContain('Verdict: CONFORMANT');
  // The replay line names the command that exists here: the project's npm scripts do not.
  expect(run.stdout).toContain('Replay: CONFORMANCE_SEED=20261129 npx snp-conformance\n');
  // Reports go to the user's folder, not into node_modules.
  const report = JSON.parse(readFileSync(join(user, 'reports', 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(report.verdict).toBe('conformant');
  expect(report.requirements.every((r) => r.status === 'passed')).toBe(true);
  expect(existsSync(join(user, 'reports', 'allure-results'))).toBe(true);
});
