// The resolved settings of one run, built once (helpers/runner/build-run-context.ts) and provided to every test
// worker and reporter: nothing is passed back and forth through process.env.
import { inject } from 'vitest';
import type { Mode } from './config.js';
import type { ExpectedFailure } from './expectations.js';
import type { Profile } from './profile.js';
import type { RunCaps } from './run-caps.js';

export interface RunContext {
  baseUrl: string;
  apiKey: string;
  stateUrl: string | null;
  stateToken: string | null;
  embedded: boolean;
  mode: Mode;
  modeReason: string;
  strict: boolean;
  seed: number;
  profile: Profile;
  suiteVersion: string;
  /** The run's request caps, counted across all its workers (helpers/http/throttle.ts). */
  caps: RunCaps;
  timeoutMs: number;
  /** A case that takes longer is "not verified" (a slow target or long waits), never "failed". */
  caseTimeoutMs: number;
  /** The target's known deviations (CONFORMANCE_EXPECTATIONS), and the file they came from. */
  expectedFailures: ExpectedFailure[];
  expectationsPath: string | null;
  /** `bizkithub` or the profile file's path, as configured (for the replay line). */
  profileSource: string;
  /** Requirements selected with --only; null: all. */
  selected: string[] | null;
  /** This run's shard (--shard i/n); null: the whole suite. */
  shard: { index: number; count: number } | null;
  /** Where this run writes its reports. */
  reportsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: RunContext;
  }
}

/** The run's context, inside a test worker. */
export function runContext(): RunContext {
  return inject('conformance');
}

/** The run's context, or undefined outside a run (a helper's unit test). */
export function runContextIfAny(): RunContext | undefined {
  // inject answers undefined where nothing was provided, whatever its declared type says.
  const provided: RunContext | undefined = inject('conformance');
  return provided;
}
