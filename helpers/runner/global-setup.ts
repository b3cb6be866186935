// vitest globalSetup for bare `vitest` runs of the suite (`npx vitest run specs/...`): resolves the
// configuration once, starts the embedded reference when no target is configured, and provides the run
// context. `npm run conformance` does the same in bin/conformance.ts and runs without this file.
import type { TestProject } from 'vitest/node';
import { startReference, type RunningReference } from '../../reference/start.js';
import { buildRunContext, resolvedTarget } from './build-run-context.js';
import { readConfig } from '../run/config.js';
import { randomSeed } from '../run/run-seed.js';

let embedded: RunningReference | null = null;

export async function setup(project: TestProject): Promise<void> {
  const config = readConfig();
  if (config.baseUrl === null) embedded = await startReference();
  const target = resolvedTarget(config, embedded);
  project.provide('conformance', buildRunContext(config, target, { seed: config.seed ?? randomSeed() }));
}

export async function teardown(): Promise<void> {
  await embedded?.close();
  embedded = null;
}
