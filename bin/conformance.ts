// `npm run conformance` / `snp-conformance`: the one run path. Reads flags and settings, clears the last
// run's reports, checks the target is there, builds the run context once (config, profile, expectations,
// selection, seed, reports folder), hands it to vitest (`provide`) and exits with the verdict's code
// (0 conformant, 1 non-conformant, 2 not judged).
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { startVitest } from 'vitest/node';
import { startReference, type RunningReference } from '../reference/start.js';
import { buildRunContext, resolvedTarget } from '../helpers/runner/build-run-context.js';
import { formatCatalogue, resolveSelection, testNamePatternFor } from '../helpers/runner/catalogue-listing.js';
import { applyCli, HELP, type RunOutput } from '../helpers/runner/cli.js';
import { ConfigError, readConfig } from '../helpers/run/config.js';
import { EXIT, exitCodeFor } from '../helpers/verdict/exit-code.js';
import { checkStateHook, checkTarget, PreflightError } from '../helpers/runner/preflight.js';
import { Throttle } from '../helpers/http/throttle.js';
import { createRunCaps } from '../helpers/run/run-caps.js';
import { randomSeed } from '../helpers/run/run-seed.js';
import { reportsDir } from '../helpers/run/reports-dir.js';
import { mergeShardReports } from '../helpers/reporting/merge-shards.js';
import { conformanceReporters } from '../helpers/reporting/reporters.js';
import { verdictLine } from '../helpers/verdict/verdict.js';
import { VerdictReporter } from '../helpers/reporting/verdict-reporter.js';
import { clearReports } from '../helpers/reporting/write-reports.js';
import { specFilesFor } from '../helpers/runner/spec-files.js';
import { SUITE_OPTIONS } from '../helpers/runner/suite-options.js';
import { checkStateHookSupport, formatHookCheck } from '../helpers/runner/state-hook-check.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** From this answer time on, a run waits on the network more than it computes. */
const DISTANT_TARGET_MS = 10;

function parseShard(shard: string | null): { index: number; count: number } | null {
  if (shard === null) return null;
  const [index, count] = shard.split('/').map(Number) as [number, number];
  return { index, count };
}

async function run(selectors: string[], shard: string | null, output: RunOutput): Promise<number> {
  const config = readConfig();
  const { ids: only, unmatched } = resolveSelection(selectors);
  if (unmatched.length > 0) throw new ConfigError(`--only matches no requirement: ${unmatched.join(', ')} (see --list)`);
  // The seed is fixed here so the first lines can print it and every worker sees the same one.
  const seed = config.seed ?? randomSeed();

  const caps = `${config.rate === null ? 'no rate cap' : `≤ ${config.rate} req/s`}, ≤ ${config.concurrency} in flight, timeout ${config.timeoutMs} ms`;
  console.log(`conformance: target ${config.baseUrl ?? 'embedded reference implementation (127.0.0.1, ephemeral port)'}`);
  console.log(`conformance: mode ${config.mode} (${config.modeReason}), strict ${config.strict ? 'on' : 'off'}, profile ${config.profile}, seed ${seed}`);
  console.log(`conformance: ${caps}${only.length ? `, only ${only.join(' ')}` : ''}${shard ? `, shard ${shard}` : ''}`);

  let embedded: RunningReference | null = null;
  // The preflight customer's removal, left running beside the run.
  let preflightRemoval: Promise<void> = Promise.resolve();
  try {
    if (config.baseUrl === null) embedded = await startReference();
    const target = resolvedTarget(config, embedded);
    // The run's caps are counted from the first request on: the preflight's, and then the workers' in the
    // same shared memory (helpers/http/throttle.ts).
    const caps = createRunCaps(config.rate, config.concurrency);
    const preflight = new Throttle(caps);
    // The target and the hook are checked side by side (2 exchanges one after the other each, instead of
    // 6 in all), within the caps; the target's problem is the one told when both fail.
    const [targetCheck, hookCheck] = await Promise.allSettled([
      checkTarget(target.baseUrl, target.apiKey, config.timeoutMs, preflight),
      config.mode === 'full' && target.stateUrl !== null ? checkStateHook({ ...target, stateUrl: target.stateUrl }, config.timeoutMs, preflight) : Promise.resolve({ removal: Promise.resolve() }),
    ]);
    if (hookCheck.status === 'fulfilled') preflightRemoval = hookCheck.value.removal;
    if (targetCheck.status === 'rejected') throw targetCheck.reason;
    if (hookCheck.status === 'rejected') throw hookCheck.reason;
    const answerMs = targetCheck.value;

    // A selection loads only the files that declare its requirements.
    const files = only.length ? specFilesFor(PROJECT_ROOT, only) : [];
    // A target on this machine answers in a few ms and the run is bound by CPU: two workers, one waiting
    // out the clock-bound file (it starts first) while the other runs the rest (each worker is a V8
    // isolate of ~75 MB). A distant target makes the run wait on the network, and a worker runs one file
    // at a time: four keep more files in flight (measured behind a +50 ms proxy: 1.9x → 1.5x the local time).
    // The embedded reference is on this machine by construction: its first answers, slowed by a cold JIT
    // or a busy machine, must not make a run take four workers (~100 MB more, measured).
    const local = embedded !== null || answerMs < DISTANT_TARGET_MS;
    const workers = Math.max(1, Math.min(local ? 2 : 4, config.concurrency, files.length || 4));
    const context = buildRunContext(config, target, { seed, caps, selected: only.length ? only : null, shard: parseShard(shard) });
    const reporter = new VerdictReporter({ reportsDir: config.reportsDir, print: output.reporter === 'console', full: output.verbose });
    const vitest = await startVitest('test', files, {
      ...SUITE_OPTIONS,
      root: PROJECT_ROOT,
      config: false,
      watch: false,
      // The runner builds the context; the global setup is only for bare `vitest` runs.
      globalSetup: [],
      provide: { conformance: context },
      reporters: conformanceReporters({
        verdict: reporter,
        reportsDir: config.reportsDir,
        console: output.reporter === 'json' ? null : output.verbose ? 'default' : 'progress',
      }),
      ...(output.failFast ? { bail: 1 } : {}),
      maxWorkers: workers,
      // Each worker may run as many cases at once as the run may have requests in flight: the throttle
      // (helpers/http/throttle.ts) counts requests across workers, so one whose file has a long tail leaves
      // its share to the others (behind a +50 ms proxy, interleaved runs: 18.5 requests in flight on
      // average instead of 16 with the cap divided per worker; 6.9–7.8 s instead of 6.9–8.6 s).
      maxConcurrency: config.concurrency,
      ...(only.length ? { testNamePattern: testNamePatternFor(only) } : {}),
      ...(shard ? { shard } : {}),
    });
    await vitest.close();
    const { code, why } = exitCodeFor(reporter.report);
    if (output.reporter === 'json') process.stdout.write(`${JSON.stringify(reporter.report, null, 2)}\n`);
    else console.log(`conformance: exit ${code}: ${reporter.report ? verdictLine(reporter.report) : 'NOT JUDGED'}: ${why}`);
    return code;
  } finally {
    await preflightRemoval;
    await embedded?.close();
  }
}

/** `--check-state-hook`: against the configured hook, or the embedded reference's when no target is set. */
async function checkHook(): Promise<number> {
  const config = readConfig();
  const embedded = config.baseUrl === null ? await startReference() : null;
  try {
    const { stateUrl, stateToken } = resolvedTarget(config, embedded);
    if (stateUrl === null) throw new ConfigError('--check-state-hook needs CONFORMANCE_STATE_URL');
    const throttle = new Throttle(createRunCaps(config.rate, config.concurrency));
    const lines = await checkStateHookSupport({ url: stateUrl, token: stateToken, timeoutMs: config.timeoutMs, throttle });
    console.log(formatHookCheck(lines));
    return lines.some((l) => l.mandatory && l.result !== 'supported') ? EXIT.couldNotJudge : EXIT.conformant;
  } finally {
    await embedded?.close();
  }
}

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const action = applyCli(process.argv.slice(2), process.env);
  switch (action.kind) {
    case 'help':
      console.log(HELP);
      return EXIT.conformant;
    case 'list':
      console.log(formatCatalogue());
      return EXIT.conformant;
    case 'check-state-hook':
      return checkHook();
    case 'merge': {
      const into = readConfig().reportsDir;
      const { code, why } = exitCodeFor(mergeShardReports(action.dirs, into));
      console.log(`conformance: exit ${code}: ${why}`);
      return code;
    }
    case 'run':
      // Before anything can fail: a run that exits early must not leave an earlier run's verdict behind.
      clearReports(reportsDir());
      // With --reporter json, stdout carries the document alone: everything else goes to stderr.
      if (action.output.reporter === 'json') console.log = console.error;
      return run(action.only, action.shard, action.output);
  }
}

/** For `npm run bench`: the process's peak memory (worker threads included), on stderr. */
function reportPeakMemory(): void {
  if (process.env.CONFORMANCE_PRINT_PEAK_RSS === '1') console.error(`conformance: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().then(
  (code) => {
    reportPeakMemory();
    process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof PreflightError) {
      console.error(`conformance: NOT JUDGED: ${error.message}`);
    } else {
      console.error(`conformance: NOT JUDGED: the suite itself failed before the run (please report it): ${(error as Error).stack ?? String(error)}`);
    }
    process.exit(EXIT.couldNotJudge);
  },
);
