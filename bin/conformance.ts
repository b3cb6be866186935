// `npm run conformance` / `snp-conformance`: reads flags and settings, checks the target is there, runs
// the conformance suite through vitest's Node API and exits with the contract's code
// (0 conformant, 1 non-conformant, 2 could not judge).
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { startVitest } from 'vitest/node';
import { formatCatalogue, testNamePatternFor, unknownIds } from '../helpers/catalogue-listing.js';
import { applyCli, HELP } from '../helpers/cli.js';
import { ConfigError, readConfig } from '../helpers/config.js';
import { EXIT, exitCodeFor } from '../helpers/exit-code.js';
import { loadExpectations } from '../helpers/expectations.js';
import { checkStateHook, checkTarget, PreflightError } from '../helpers/preflight.js';
import { loadProfile } from '../helpers/profile.js';
import { randomSeed } from '../helpers/random.js';
import { mergeShardReports } from '../helpers/reporting/merge-shards.js';
import { conformanceReporters } from '../helpers/reporting/reporters.js';
import { VerdictReporter } from '../helpers/reporting/verdict-reporter.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

async function run(only: string[], shard: string | null): Promise<number> {
  const config = readConfig();
  loadProfile(config.profile);
  loadExpectations(config.expectationsPath);
  const unknown = unknownIds(only);
  if (unknown.length > 0) throw new ConfigError(`--only names unknown requirement(s): ${unknown.join(', ')} (see --list)`);
  if (only.length > 0) process.env.CONFORMANCE_ONLY = only.join(',');
  // The seed is fixed here so the first lines can print it and every worker sees the same one.
  const seed = config.seed ?? randomSeed();
  process.env.CONFORMANCE_SEED = String(seed);

  const caps = `${config.rate === null ? 'no rate cap' : `≤ ${config.rate} req/s`}, ≤ ${config.concurrency} in flight, timeout ${config.timeoutMs} ms`;
  console.log(`conformance: target ${config.baseUrl ?? 'embedded reference implementation (127.0.0.1, ephemeral port)'}`);
  console.log(`conformance: mode ${config.mode} (${config.modeReason}), strict ${config.strict ? 'on' : 'off'}, profile ${config.profile}, seed ${seed}`);
  console.log(`conformance: ${caps}${only.length ? `, only ${only.join(' ')}` : ''}${shard ? `, shard ${shard}` : ''}`);
  if (config.baseUrl !== null) {
    await checkTarget(config.baseUrl, config.timeoutMs);
    if (config.mode === 'full' && config.stateUrl !== null) await checkStateHook(config.stateUrl, config.stateToken, config.timeoutMs);
  }

  // Tests mostly wait on the network, so a few more workers than cores keep the files overlapping.
  const workers = Math.min(4, config.concurrency);
  const reporter = new VerdictReporter();
  const vitest = await startVitest('test', [], {
    root: PROJECT_ROOT,
    config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
    watch: false,
    reporters: conformanceReporters(reporter),
    maxWorkers: workers,
    maxConcurrency: Math.max(1, Math.floor(config.concurrency / workers)),
    ...(only.length ? { testNamePattern: testNamePatternFor(only) } : {}),
    ...(shard ? { shard } : {}),
  });
  await vitest.close();
  const { code, why } = exitCodeFor(reporter.report);
  console.log(`conformance: exit ${code}: ${why}`);
  return code;
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
    case 'merge': {
      const { code, why } = exitCodeFor(mergeShardReports(action.dirs));
      console.log(`conformance: exit ${code}: ${why}`);
      return code;
    }
    case 'run':
      return run(action.only, action.shard);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof PreflightError) {
      console.error(`conformance: ${error.message}`);
    } else {
      console.error(`conformance: could not run: ${(error as Error).stack ?? String(error)}`);
    }
    process.exit(EXIT.couldNotJudge);
  },
);
