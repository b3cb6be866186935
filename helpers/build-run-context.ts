// Builds the run context every test worker reads (helpers/run-context.ts) from the validated settings and
// the resolved target. One builder for the global setup and for runs started without it (self-validation,
// mutation testing), so both judge a target the same way.
import type { SuiteConfig } from './config.js';
import { loadProfile } from './profile.js';
import type { RunContext } from './run-context.js';
import { SUITE_VERSION } from './suite-version.js';

export interface ResolvedTarget {
  baseUrl: string;
  apiKey: string;
  stateUrl: string | null;
  stateToken: string | null;
  embedded: boolean;
}

export function buildRunContext(config: SuiteConfig, target: ResolvedTarget, seed: number, workers: number): RunContext {
  const safe = config.mode === 'safe';
  return {
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    // Safe mode never reaches the state hook, whatever is configured.
    stateUrl: safe ? null : target.stateUrl,
    stateToken: safe ? null : target.stateToken,
    embedded: target.embedded,
    mode: config.mode,
    modeReason: config.modeReason,
    strict: config.strict,
    seed,
    profile: loadProfile(config.profile),
    suiteVersion: SUITE_VERSION,
    // The run's caps divided among its workers.
    perWorker: {
      rate: config.rate === null ? null : config.rate / workers,
      concurrency: Math.max(1, Math.floor(config.concurrency / workers)),
    },
    timeoutMs: config.timeoutMs,
  };
}
