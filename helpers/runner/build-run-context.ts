// Builds the run context every test worker and reporter reads (helpers/run/run-context.ts) from the validated
// settings and the resolved target, once per run. One builder for the runner (bin/conformance.ts), bare
// `vitest` runs (helpers/runner/global-setup.ts) and the in-process runs of the project's own tests.
import { requirementById } from '../../fixtures/requirements.js';
import { ConfigError, type SuiteConfig } from '../run/config.js';
import { loadExpectations, type ExpectedFailure } from '../run/expectations.js';
import { loadProfile } from '../run/profile.js';
import type { RunContext } from '../run/run-context.js';
import { SUITE_VERSION } from '../run/suite-version.js';
import { createRunCaps, type RunCaps } from '../run/run-caps.js';

export interface ResolvedTarget {
  baseUrl: string;
  apiKey: string;
  stateUrl: string | null;
  stateToken: string | null;
  embedded: boolean;
}

/** The target of a run: the configured one, or the embedded reference when none is configured. */
export function resolvedTarget(config: SuiteConfig, embedded: Omit<ResolvedTarget, 'embedded'> | null): ResolvedTarget {
  if (embedded !== null) return { baseUrl: embedded.baseUrl, apiKey: embedded.apiKey, stateUrl: embedded.stateUrl, stateToken: embedded.stateToken, embedded: true };
  return { baseUrl: config.baseUrl as string, apiKey: config.apiKey as string, stateUrl: config.stateUrl, stateToken: config.stateToken, embedded: false };
}

export interface RunChoices {
  seed: number;
  /** The run's caps, when requests were already counted in them (the runner's preflight); default: new ones. */
  caps?: RunCaps;
  selected?: string[] | null;
  shard?: { index: number; count: number } | null;
}

/** The least a case may take before it counts as not verified: room for a few 429 waits and slow answers. */
const MIN_CASE_TIMEOUT_MS = 60_000;
/** The most: below vitest's own backstop (testTimeout 600 s in vitest.config.ts), so the suite decides. */
const MAX_CASE_TIMEOUT_MS = 540_000;

/** The expectations file, checked against the catalogue before the run: a typo must not wait for the end. */
function expectedFailures(path: string | null): ExpectedFailure[] {
  const entries = loadExpectations(path);
  const unknown = entries.filter((e) => requirementById(e.id) === undefined).map((e) => e.id);
  if (unknown.length > 0) throw new ConfigError(`CONFORMANCE_EXPECTATIONS ${path} names unknown requirement(s): ${unknown.join(', ')} (see --list)`);
  return entries;
}

export function buildRunContext(config: SuiteConfig, target: ResolvedTarget, choices: RunChoices): RunContext {
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
    seed: choices.seed,
    profile: loadProfile(config.profile),
    profileSource: config.profile,
    suiteVersion: SUITE_VERSION,
    caps: choices.caps ?? createRunCaps(config.rate, config.concurrency),
    timeoutMs: config.timeoutMs,
    caseTimeoutMs: Math.min(MAX_CASE_TIMEOUT_MS, Math.max(MIN_CASE_TIMEOUT_MS, 4 * config.timeoutMs)),
    expectedFailures: expectedFailures(config.expectationsPath),
    expectationsPath: config.expectationsPath,
    selected: choices.selected ?? null,
    shard: choices.shard ?? null,
    reportsDir: config.reportsDir,
  };
}
