// The resolved settings of one run, provided by the global setup to every test worker.
import { inject } from 'vitest';
import type { Mode } from './config.js';
import type { Profile } from './profile.js';

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
  /** Caps for each test worker: the run's caps divided among its workers. */
  perWorker: { rate: number | null; concurrency: number };
  timeoutMs: number;
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
