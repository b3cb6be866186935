// `npm run conformance`: validates the settings, checks the target is there, runs the conformance suite
// through vitest's Node API and exits with the contract's code (0 conformant, 1 non-conformant, 2 could not judge).
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { startVitest } from 'vitest/node';
import { ConfigError, readConfig } from '../helpers/config.js';
import { EXIT, exitCodeFor } from '../helpers/exit-code.js';
import { loadExpectations } from '../helpers/expectations.js';
import { checkStateHook, checkTarget, PreflightError } from '../helpers/preflight.js';
import { loadProfile } from '../helpers/profile.js';
import { randomSeed } from '../helpers/random.js';
import { conformanceReporters } from '../helpers/reporting/reporters.js';
import { VerdictReporter } from '../helpers/reporting/verdict-reporter.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const config = readConfig();
  loadProfile(config.profile);
  loadExpectations(config.expectationsPath);
  // The seed is fixed here so the first lines can print it and every worker sees the same one.
  const seed = config.seed ?? randomSeed();
  process.env.CONFORMANCE_SEED = String(seed);

  console.log(`conformance: target ${config.baseUrl ?? 'embedded reference implementation (127.0.0.1, ephemeral port)'}`);
  console.log(`conformance: mode ${config.mode} (${config.modeReason}), strict ${config.strict ? 'on' : 'off'}, profile ${config.profile}, seed ${seed}`);
  if (config.baseUrl !== null) {
    await checkTarget(config.baseUrl);
    if (config.mode === 'full' && config.stateUrl !== null) await checkStateHook(config.stateUrl, config.stateToken);
  }

  const reporter = new VerdictReporter();
  const vitest = await startVitest('test', [], {
    root: PROJECT_ROOT,
    config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
    watch: false,
    reporters: conformanceReporters(reporter),
  });
  await vitest.close();
  const { code, why } = exitCodeFor(reporter.report);
  console.log(`conformance: exit ${code}: ${why}`);
  return code;
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
