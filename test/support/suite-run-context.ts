// The run context (helpers/run-context.ts) for a target given as values instead of CONFORMANCE_*
// variables: the settings go through the runner's own readConfig, and the context is filled in the way
// helpers/global-setup.ts fills it for an external target. Used where the global setup cannot run: suite
// runs side by side in one process, and the mutation run whose target starts inside the test worker.
import { readConfig, type SuiteConfig } from '../../helpers/config.js';
import { loadProfile } from '../../helpers/profile.js';
import type { RunContext } from '../../helpers/run-context.js';
import { SUITE_VERSION } from '../../helpers/suite-version.js';

export interface SuiteTarget {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly stateUrl: string;
  readonly stateToken: string;
}

export interface RunSettings {
  readonly seed: number;
  /** CONFORMANCE_STRICT=1: SHOULD requirements count toward the verdict. */
  readonly strict: boolean;
  /** Test workers of the run; the run's request caps are divided among them. */
  readonly workers: number;
}

/** What `npm run conformance` would read from these settings (full mode against an external target). */
export function suiteConfigFor(target: SuiteTarget, settings: RunSettings): SuiteConfig {
  return readConfig({
    CONFORMANCE_BASE_URL: target.baseUrl,
    CONFORMANCE_API_KEY: target.apiKey,
    CONFORMANCE_STATE_URL: target.stateUrl,
    CONFORMANCE_STATE_TOKEN: target.stateToken,
    CONFORMANCE_MODE: 'full',
    CONFORMANCE_STRICT: settings.strict ? '1' : '0',
    CONFORMANCE_SEED: String(settings.seed),
  });
}

export function runContextFor(target: SuiteTarget, settings: RunSettings): RunContext {
  const config = suiteConfigFor(target, settings);
  return {
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    stateUrl: target.stateUrl,
    stateToken: target.stateToken,
    embedded: false,
    mode: config.mode,
    modeReason: config.modeReason,
    strict: config.strict,
    seed: settings.seed,
    profile: loadProfile(config.profile),
    suiteVersion: SUITE_VERSION,
    perWorker: {
      rate: config.rate === null ? null : config.rate / settings.workers,
      concurrency: Math.max(1, Math.floor(config.concurrency / settings.workers)),
    },
    timeoutMs: config.timeoutMs,
  };
}
