// vitest globalSetup of the conformance suite: resolves the configuration once, starts the embedded
// reference when no target is configured, and provides the run context to every test worker.
import type { TestProject } from 'vitest/node';
import { startReference, type RunningReference } from '../reference/start.js';
import { readConfig } from './config.js';
import { clearRetries } from './retry-log.js';
import { loadProfile } from './profile.js';
import { randomSeed } from './random.js';
import type { RunContext } from './run-context.js';
import { SUITE_VERSION } from './suite-version.js';

let embedded: RunningReference | null = null;

function workerCount(project: TestProject): number {
  const configured = project.config.maxWorkers;
  return typeof configured === 'number' && configured > 0 ? configured : 2;
}

function dividedAmong(workers: number, rate: number | null, concurrency: number): RunContext['perWorker'] {
  return { rate: rate === null ? null : rate / workers, concurrency: Math.max(1, Math.floor(concurrency / workers)) };
}

export async function setup(project: TestProject): Promise<void> {
  const config = readConfig();
  clearRetries();
  const profile = loadProfile(config.profile);
  if (config.baseUrl === null) embedded = await startReference();
  const context: RunContext = {
    baseUrl: embedded?.baseUrl ?? (config.baseUrl as string),
    apiKey: embedded?.apiKey ?? (config.apiKey as string),
    stateUrl: config.mode === 'safe' ? null : (embedded?.stateUrl ?? config.stateUrl),
    stateToken: config.mode === 'safe' ? null : (embedded?.stateToken ?? config.stateToken),
    embedded: embedded !== null,
    mode: config.mode,
    modeReason: config.modeReason,
    strict: config.strict,
    seed: config.seed ?? randomSeed(),
    profile,
    suiteVersion: SUITE_VERSION,
    perWorker: dividedAmong(workerCount(project), config.rate, config.concurrency),
    timeoutMs: config.timeoutMs,
  };
  project.provide('conformance', context);
}

export async function teardown(): Promise<void> {
  await embedded?.close();
  embedded = null;
}
