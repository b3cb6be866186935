// The run context (helpers/run/run-context.ts) for a target given as values instead of CONFORMANCE_*
// variables: the settings go through the runner's own readConfig, and the context is built by the same
// builder as in helpers/runner/global-setup.ts. Used where the global setup cannot run: suite
// runs side by side in one process, and the mutation run whose target starts inside the test worker.
import { readConfig, type SuiteConfig } from '../../helpers/run/config.js';
import { buildRunContext } from '../../helpers/runner/build-run-context.js';
import type { RunContext } from '../../helpers/run/run-context.js';

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
  /** CONFORMANCE_PROFILE: `bizkithub` (the default) or a path to a profile file. */
  readonly profile?: string;
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
    ...(settings.profile === undefined ? {} : { CONFORMANCE_PROFILE: settings.profile }),
  });
}

export function runContextFor(target: SuiteTarget, settings: RunSettings): RunContext {
  return buildRunContext(suiteConfigFor(target, settings), { ...target, embedded: false }, { seed: settings.seed });
}
